/**
 * `tally summary --json examples/venezuela-2024` through the real binary reproduces the opposition's published totals
 * over all 25,075 actas. Reference: the source's PROVENANCE (V2 release 7,303,480 / 3,316,142 plus the 2 actas only
 * in V1, 744 / 116 votes: González 7,304,224, Maduro 3,316,258), and the V1 release's published turnout, 60.07% of
 * 17,745,239 registered (adn40, 2024-08), which the 543 actas without a registered count leave unchanged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasStackTrace, runCli } from './run_cli.ts';

interface SummaryJson {
  stations: number;
  rows: number;
  rowsExcluded: number;
  registered: number;
  stationsWithoutRegistered?: number;
  turnout: number;
  candidates: { name: string; votes: number }[];
}

test('tally summary --json: Venezuela 2024 gives the opposition totals over every acta', async () => {
  const run = await runCli(['summary', 'examples/venezuela-2024', '--json']);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(!hasStackTrace(run.stderr));
  const s = JSON.parse(run.stdout) as SummaryJson;
  assert.equal(s.rows, 25_075);
  assert.equal(s.stations, 25_075);
  assert.equal(s.rowsExcluded, 0);
  const votes = (name: string) => s.candidates.find((c) => c.name === name)?.votes;
  assert.equal(votes('gonzalez_edmundo'), 7_304_224);
  assert.equal(votes('maduro_nicolas'), 3_316_258);
  assert.equal(s.registered, 17_745_239);
  assert.equal(s.stationsWithoutRegistered, 543);
  assert.equal(s.turnout.toFixed(2), '60.07');
});
