import assert from 'node:assert/strict';
import { test } from 'node:test';
import { twoCandidateTable } from '../../test/two_candidate_table.ts';
import { createRng } from '../rng.ts';
import { simulateElection } from '../simulate/generate.ts';
import { injectFraud } from '../simulate/inject.ts';
import type { StationTable } from '../station_table.ts';
import { electionFingerprintMethod } from './election_fingerprint.ts';

/** Rows: registered, ballots cast, valid, winner votes. */
function table(rows: [number, number, number, number][]): StationTable {
  return twoCandidateTable(rows);
}

type Details = {
  stations: number[];
  registered: number[];
  bins: number;
  cornerStations: number;
  cornerWinnerVoteShare: number;
};

test('hand-computed cells, 100% lands in the last bin, exclusions counted', () => {
  const r = electionFingerprintMethod.run(
    table([
      [100, 50, 50, 30], // turnout 0.5, share 0.6 -> cell (5, 6) with bins = 10
      [200, 100, 100, 60], // same cell
      [100, 100, 100, 100], // 100% / 100% -> cell (9, 9), corner
      [0, 0, 0, 0], // excluded
      [100, 120, 120, 10], // turnout above 100%
    ]),
    { bins: 10 },
    createRng(1),
  );
  assert.ok(r.ok);
  const res = r.value[0];
  const d = res.details as Details;
  assert.equal(d.stations[5 * 10 + 6], 2);
  assert.equal(d.registered[5 * 10 + 6], 300);
  assert.equal(d.stations[99], 1);
  assert.equal(d.cornerStations, 1);
  assert.equal(res.n, 3);
  assert.equal(res.statistic, 1 / 3);
  assert.ok(Math.abs(d.cornerWinnerVoteShare - 100 / 190) < 1e-12);
  assert.deepEqual(res.excluded, [
    { reason: 'missing counts, no registered voters or no votes', count: 1 },
    { reason: 'turnout or share above 100%', count: 1 },
  ]);
  assert.equal(
    d.stations.reduce((a, b) => a + b, 0),
    3,
  );
});

test('errors: empty, no candidates, unknown winner, bad options, nothing usable', () => {
  const t = table([[100, 50, 50, 30]]);
  const cases = [
    electionFingerprintMethod.run(table([]), {}, createRng(1)),
    electionFingerprintMethod.run({ ...t, candidates: [] }, {}, createRng(1)),
    electionFingerprintMethod.run(t, { candidate: 'Z' }, createRng(1)),
    electionFingerprintMethod.run(t, { bins: 1 }, createRng(1)),
    electionFingerprintMethod.run(t, { corner: 0 }, createRng(1)),
    electionFingerprintMethod.run(table([[0, 0, 0, 0]]), {}, createRng(1)),
  ];
  assert.deepEqual(
    cases.map((c) => (c.ok ? 'ok' : c.error.kind)),
    [
      'insufficient_data',
      'missing_column',
      'invalid_options',
      'invalid_options',
      'invalid_options',
      'insufficient_data',
    ],
  );
});

test('clean simulated elections leave the extreme corner almost empty; injected extreme stations fill it', () => {
  for (let s = 0; s < 5; s++) {
    const clean = simulateElection({ stations: 3000, noise: 'binomial' }, createRng(s));
    const r0 = electionFingerprintMethod.run(clean.table, {}, createRng(1));
    assert.ok(r0.ok);
    assert.ok(r0.value[0].statistic < 0.002, `clean corner ${r0.value[0].statistic}`);
    const fraud = injectFraud(clean, { kind: 'extreme', fraction: 0.03 }, createRng(10 + s));
    const r1 = electionFingerprintMethod.run(fraud.table, {}, createRng(1));
    assert.ok(r1.ok);
    assert.ok(Math.abs(r1.value[0].statistic - 0.03) < 0.01, `corner ${r1.value[0].statistic}`);
  }
});
