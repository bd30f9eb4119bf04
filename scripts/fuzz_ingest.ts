/**
 * Extended fuzz run of the importers (issue 10): N generated files through loadTable, every outcome checked.
 * Usage: nice -n 19 taskset -c 1 node --import tsx scripts/fuzz_ingest.ts [--runs 10000] [--seed 1] [--out FILE]
 * Prints (and writes to --out) a JSON summary: outcome counts per input kind, problems found, timing.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { type FuzzInput, fuzzDir, fuzzInputArb, runFuzzCase } from '../packages/ingest/test/fuzz_harness.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const runs = Number(arg('runs', '10000'));
const seed = Number(arg('seed', '1'));
const out = arg('out', '');
const batch = 250;
const { dir, cleanup } = fuzzDir();
const outcomes: Record<string, Record<string, number>> = {};
const problems: { kind: string; name: string; outcome: string; problem: string; bytes: string }[] = [];
let slowest = 0;
const started = performance.now();
function summarize(done: number) {
  return {
    runs: done,
    planned: runs,
    seed,
    problems: problems.length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    slowestCaseMs: Math.round(slowest),
    outcomes,
    firstProblems: problems.slice(0, 20),
  };
}
try {
  for (let done = 0, b = 0; done < runs; b++) {
    const inputs: FuzzInput[] = fc.sample(fuzzInputArb, {
      numRuns: Math.min(batch, runs - done),
      seed: seed * 100_003 + b,
    });
    for (const input of inputs) {
      const t0 = performance.now();
      const r = await runFuzzCase(input, dir, 60_000);
      slowest = Math.max(slowest, performance.now() - t0);
      outcomes[input.kind] ??= {};
      outcomes[input.kind][r.outcome] = (outcomes[input.kind][r.outcome] ?? 0) + 1;
      if (r.problem !== undefined) {
        problems.push({
          kind: input.kind,
          name: input.name,
          outcome: r.outcome,
          problem: r.problem.slice(0, 500),
          bytes: Buffer.from(input.bytes).toString('base64').slice(0, 4000),
        });
      }
      done++;
    }
    process.stderr.write(`${done}/${runs} cases, ${problems.length} problems\n`);
    if (out) writeFileSync(out, `${JSON.stringify(summarize(done), null, 2)}\n`); // a checkpoint after each batch
  }
} finally {
  cleanup();
}
const text = `${JSON.stringify(summarize(runs), null, 2)}\n`;
process.stdout.write(text);
if (out) writeFileSync(out, text);
process.exitCode = problems.length > 0 ? 1 : 0;
