/**
 * `node --import tsx bench/batch.ts [--rounds R] [--batch FILE]`: `tally batch` on one shard (one process) against two
 * shards run as two processes at once, whole processes, wall time (issue 22's target: 2 shards ≤ 0.6 × 1 shard).
 * Rounds alternate the order (1 then 2, 2 then 1) so that a change of load on a shared machine hits both. Prints a
 * Markdown table and writes it to bench/batch_results.md; BENCHMARKS.md quotes it. Not a test: nothing asserts a time.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TALLY = join(ROOT, 'apps/cli/bin/tally.js');
const OUT = join(ROOT, 'out/bench/batch');

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(name);
  return k >= 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

const batch = arg('--batch', 'examples/batch.yaml');
const rounds = Number(arg('--rounds', '1'));

/** Runs one shard as a process; resolves with its exit code and its stderr (one line per job, with its seconds). */
function shard(index: number, count: number, out: string): Promise<{ code: number; log: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [TALLY, 'batch', batch, '--out', out, '--shard', `${index}/${count}`], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let log = '';
    child.stderr.on('data', (d) => {
      log += d;
    });
    child.on('close', (code) => done({ code: code ?? -1, log }));
  });
}

async function timed(count: number): Promise<{ seconds: number; logs: string[] }> {
  for (let i = 0; i < count; i++) rmSync(join(OUT, `${count}-${i}`), { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const runs = await Promise.all(Array.from({ length: count }, (_, i) => shard(i, count, join(OUT, `${count}-${i}`))));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const r of runs) if (r.code !== 0) throw new Error(`a shard exited ${r.code}:\n${r.log}`);
  return { seconds, logs: runs.map((r) => r.log) };
}

const rows: string[] = [];
const identical: boolean[] = [];
const ratios: number[] = [];
for (let round = 0; round < rounds; round++) {
  const load = loadavg()[0].toFixed(1);
  const order = round % 2 === 0 ? [1, 2] : [2, 1];
  const measured = new Map<number, { seconds: number; logs: string[] }>();
  for (const count of order) measured.set(count, await timed(count));
  const one = measured.get(1) as { seconds: number };
  const two = measured.get(2) as { seconds: number; logs: string[] };
  ratios.push(two.seconds / one.seconds);
  // The acceptance check, on the real batch: the two merges give the same index.json.
  for (const count of [1, 2]) {
    const dirs = Array.from({ length: count }, (_, i) => join(OUT, `${count}-${i}`));
    execFileSync(process.execPath, [TALLY, 'batch', 'merge', ...dirs, '--out', join(OUT, `merged-${count}`)]);
  }
  const index = (count: number) => readFileSync(join(OUT, `merged-${count}`, 'index.json'));
  identical.push(index(1).equals(index(2)));
  rows.push(
    `| ${round + 1} | ${order.join(' then ')} | ${load} | ${one.seconds.toFixed(1)} | ${two.seconds.toFixed(1)} | ${(two.seconds / one.seconds).toFixed(2)} | ${identical.at(-1) ? 'yes' : 'NO'} |`,
  );
  process.stderr.write(`${rows.at(-1)}\n${two.logs.join('')}`);
}
const jobs = (readFileSync(join(ROOT, batch), 'utf8').match(/^\s+- id:/gm) ?? []).length;
const table = [
  `\`tally batch ${batch}\` (${jobs} jobs), ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores ` +
    `(${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; load average (1 min) at the start of each round.`,
  '',
  '| round | order | load | 1 shard, 1 process: wall s | 2 shards, 2 processes: wall s | ratio (target ≤ 0.6) | merged index.json identical |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
process.stdout.write(table);
writeFileSync(join(ROOT, 'bench/batch_results.md'), `${table}\n`);
