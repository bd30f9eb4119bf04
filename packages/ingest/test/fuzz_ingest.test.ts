/**
 * A small fuzz run of the importers (the extended run is scripts/fuzz_ingest.ts, recorded in docs/reliability.md):
 * every generated file gives a documented error or a valid table, with no throw and no hang.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fuzzDir, fuzzInputArb, runFuzzCase } from './fuzz_harness.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20191020);

test('fuzz: 200 generated CSV/TSV/JSON/garbage files and mutated real rows give a documented outcome', async () => {
  const { dir, cleanup } = fuzzDir();
  const outcomes = new Map<string, number>();
  try {
    await fc.assert(
      fc.asyncProperty(fuzzInputArb, async (input) => {
        const r = await runFuzzCase(input, dir, 60_000);
        outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
        assert.equal(r.problem, undefined, `${input.kind} ${input.name}: ${r.outcome}: ${r.problem}`);
      }),
      { numRuns: 200, seed: SEED },
    );
  } finally {
    cleanup();
  }
  // The generators reach both kinds of outcome, so the property is not vacuous.
  assert.ok((outcomes.get('table') ?? 0) >= 40, JSON.stringify([...outcomes]));
  assert.ok([...outcomes.keys()].filter((k) => k.startsWith('error:')).length >= 3, JSON.stringify([...outcomes]));
});
