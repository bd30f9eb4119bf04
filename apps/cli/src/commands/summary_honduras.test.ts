/**
 * `tally summary` on the bundled Honduras 2025 folder reproduces the published totals: the CNE national state at the
 * 9 Dec 2025 03:00 cut (PNH 1,298,835, PLH 1,256,428, from the CNE series itself) and the declaration of 24 Dec
 * (Asfura 1,479,822, Nasralla 1,452,796; El Heraldo, 24 Dec 2025). Exact: counts, no tolerance.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../test/run_cli.ts';

interface Summary {
  stations: number;
  rowsExcluded: number;
  candidates: { name: string; votes: number }[];
}

async function summary(dataset?: string): Promise<Summary> {
  const args = ['summary', 'examples/honduras-2025', '--json', ...(dataset ? ['--dataset', dataset] : [])];
  const r = await runCli(args);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Summary;
}

const votes = (s: Summary, name: string) => s.candidates.find((c) => c.name === name)?.votes;

test('Honduras: the default dataset (per-JRV CNE count at the 9 Dec cut) sums to the CNE national state at that cut', async () => {
  const s = await summary();
  assert.equal(s.stations, 16_307);
  assert.equal(s.rowsExcluded, 0);
  assert.deepEqual(
    ['PNH', 'PLH', 'LIBRE', 'PINU', 'DC'].map((n) => votes(s, n)),
    [1_298_835, 1_256_428, 618_448, 25_421, 5_516],
  );
});

test('Honduras: the last state of the count series per department sums to the declared result', async () => {
  const s = await summary('departments-final');
  assert.equal(s.stations, 19);
  assert.equal(votes(s, 'PNH'), 1_479_822);
  assert.equal(votes(s, 'PLH'), 1_452_796);
  // Margin of the declaration: 27,026 votes.
  assert.equal((votes(s, 'PNH') ?? 0) - (votes(s, 'PLH') ?? 0), 27_026);
});
