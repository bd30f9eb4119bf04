import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCountView, createRng, integerPercentMethod, type StationTable, simulateElection } from '@tally/core';
import {
  allegedStations,
  flaggedStationsCsv,
  lateStations,
  regionPath,
  wholePercentStations,
} from './flagged_stations.ts';

/** A hand-built table: registered, ballots issued, ballots found, leader votes, region, district per station. */
function table(rows: [number, number, number, number, string, string][]): StationTable {
  const n = rows.length;
  const col = (k: number) => Float64Array.from(rows, (r) => r[k] as number);
  const level = (name: string, k: number) => {
    const labels = [...new Set(rows.map((r) => r[k] as string))];
    return { name, labels, codes: Int32Array.from(rows, (r) => labels.indexOf(r[k] as string)) };
  };
  return {
    n,
    ids: rows.map((_, i) => `S${i + 1}`),
    regions: [level('region', 4), level('district', 5)],
    registered: col(0),
    ballotsCast: col(1),
    ballotsFound: col(2),
    valid: col(2),
    invalid: new Float64Array(n),
    candidates: [
      { name: 'Leader', votes: col(3) },
      { name: '=Other', votes: Float64Array.from(rows, (r) => r[2] - r[3]) },
    ],
    shareOf: 'ballots_found',
    arrival: { kind: 'rank', column: 'order', values: Float64Array.from(rows, (_, i) => i + 1) },
    meta: { name: 'test' },
  };
}

// Worked by hand (percent = 100 * count / base; "whole" = within 0.05 points of an integer):
//   S1: turnout 150/200 = 75% (whole), share 100/150 = 66.67%          -> turnout
//   S2: turnout 151/200 = 75.5%, share 100/151 = 66.23%                 -> not listed
//   S3: turnout 137/300 = 45.67%, share 137/137... excluded (share > 99%)
//   S4: turnout 120/250 = 48% (whole), share 60/120 = 50% (whole)       -> turnout and leader share
//   S5: registered 90 < 100: excluded by the paper's rule even though 45/90 = 50%
//   S6: turnout 401/1000 = 40.1%, share 200/400 = 50% (whole)           -> leader share
//   S7: turnout 2001/3000 = 66.7%, share 1001/2000 = 50.05%: exactly 0.05 away, outside (the bound is strict)
const rows: [number, number, number, number, string, string][] = [
  [200, 150, 150, 100, 'North', 'N1'],
  [200, 151, 151, 100, 'North', 'N1'],
  [300, 137, 137, 137, 'North', 'N2'],
  [250, 120, 120, 60, 'South', 'S1'],
  [90, 45, 45, 20, 'South', 'S1'],
  [1000, 401, 400, 200, 'South', 'S2'],
  [3000, 2001, 2000, 1001, 'South', 'S2'],
];

test('wholePercentStations: the stations worked by hand, with their figures and region path', () => {
  const listed = wholePercentStations(table(rows), 'integer_percent:Leader');
  assert.deepEqual(
    listed.map((s) => [s.stationId, s.reason, s.regionPath]),
    [
      ['S1', 'turnout', 'North / N1'],
      ['S4', 'turnout and leader share', 'South / S1'],
      ['S6', 'leader share', 'South / S2'],
    ],
  );
  assert.deepEqual(listed[1].values, {
    registered: 250,
    ballots_issued: 120,
    turnout_pct: 48,
    ballots_found: 120,
    leader: 'Leader',
    leader_votes: 60,
    leader_share_pct: 50,
  });
  assert.ok(listed.every((s) => s.findingId === 'integer_percent:Leader'));
});

test('wholePercentStations lists as many stations as integer_percent counts (either turnout or share)', () => {
  const sim = simulateElection({ stations: 3000, regions: 4, noise: 'binomial' }, createRng(7)).table;
  const t: StationTable = { ...sim, shareOf: 'ballots_found' };
  const r = integerPercentMethod.run(t, { replicates: 20 }, createRng(1));
  assert.ok(r.ok);
  const observed = (r.value[0].details as { observed: { either: number; turnout: number; leader: number } }).observed;
  const listed = wholePercentStations(t, 'x');
  assert.ok(observed.either > 10, `a test that can fail needs stations to list: ${observed.either}`);
  assert.equal(listed.length, observed.either);
  assert.equal(listed.filter((s) => s.reason !== 'leader share').length, observed.turnout);
  assert.equal(listed.filter((s) => s.reason !== 'turnout').length, observed.leader);
});

test('lateStations: the stations after a percentile cutoff, with arrival position and the two candidates', () => {
  const t = table(rows);
  const view = buildCountView(t, { kind: 'percentile', value: 60 }, ['Leader', '=Other']);
  assert.ok(view.ok, view.ok ? '' : view.error.message);
  const late = lateStations(view.value, 'latecount:Leader - =Other@60');
  // Arrival ranks 1..7: the stations counted by the 60th percentile are the first ones; the rest are late.
  const counted = view.value.nCounted;
  assert.ok(counted > 0 && counted < 7);
  assert.deepEqual(
    late.map((s) => s.stationId),
    rows.slice(counted).map((_, k) => `S${counted + k + 1}`),
  );
  assert.equal(late[0].values.Leader, rows[counted][3]);
  assert.equal(late[0].values['=Other'], rows[counted][2] - rows[counted][3]);
  assert.equal(typeof late[0].values.arrival_pct, 'number');
});

test('allegedStations and the CSV: every flagged station once, formula-like cells neutralised', () => {
  const t = table(rows);
  const flagged = Uint8Array.from([0, 1, 0, 0, 0, 1, 0]);
  const listed = allegedStations(t, flagged, ['persistence', 'c05s@flagged stations'], 'flagged', ['Leader', '=Other']);
  assert.deepEqual(
    listed.map((s) => s.stationId),
    ['S2', 'S6'],
  );
  const csv = flaggedStationsCsv(listed).split('\r\n');
  assert.equal(csv[0], "finding_id,station_id,region_path,reason,registered,ballots_cast,Leader,'=Other");
  assert.equal(csv[1], 'persistence c05s@flagged stations,S2,North / N1,flagged,200,151,100,51');
  assert.equal(csv.length, 4); // header, two rows, and the empty string after the last line break
  assert.equal(regionPath(t, 5), 'South / S2');
});
