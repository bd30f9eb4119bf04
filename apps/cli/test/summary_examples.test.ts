/** `tally summary --json` on the bundled examples, through the real binary: the published national figures. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasStackTrace, runCli } from './run_cli.ts';

interface SummaryJson {
  stations: number;
  rows: number;
  rowsExcluded: number;
  shareOf: string;
  valid: number;
  candidates: { name: string; votes: number; share: number }[];
  margin: { leader: string; runnerUp: string; points: number };
}

const shareOf = (s: SummaryJson, name: string) => s.candidates.find((c) => c.name === name)?.share.toFixed(2);

test('tally summary --json: Bolivia 2019 folder and the Russia 2018 file with --preset russia-cik', async () => {
  const [bolivia, russia] = await Promise.all([
    runCli(['summary', 'examples/bolivia-2019', '--json']),
    runCli(['summary', 'examples/russia-2018/russia_2018_president_uik.csv.gz', '--preset', 'russia-cik', '--json']),
  ]);
  for (const run of [bolivia, russia]) {
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!hasStackTrace(run.stderr));
  }
  const b = JSON.parse(bolivia.stdout) as SummaryJson;
  assert.equal(b.stations, 34_555);
  assert.equal(b.rows, b.stations + b.rowsExcluded);
  assert.equal(b.shareOf, 'valid');
  assert.equal(shareOf(b, 'MAS - IPSP'), '47.08');
  assert.equal(shareOf(b, 'CC'), '36.51');
  assert.equal(b.margin.leader, 'MAS - IPSP');

  const r = JSON.parse(russia.stdout) as SummaryJson;
  assert.equal(r.stations, 97_699);
  assert.equal(r.rows, r.stations + r.rowsExcluded);
  assert.equal(r.shareOf, 'ballots_found');
  assert.equal(shareOf(r, 'Путин Владимир Владимирович'), '76.69');
});
