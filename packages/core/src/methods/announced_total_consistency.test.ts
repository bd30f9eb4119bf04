import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, deriveSeed } from '../rng.ts';
import { simulateElection } from '../simulate/index.ts';
import { type StationTable, selectStations } from '../station_table.ts';
import { announcedTotalConsistency, announcedTotalConsistencyMethod } from './announced_total_consistency.ts';
import { deltaNeeded } from './announced_total_needs.ts';
import { buildDonorAreas, donorsFor, drawMissing } from './announced_total_projection.ts';

interface Row {
  id: string;
  path: [string, string];
  reg: number;
  a: number;
  b: number;
  t: number;
}

function tableOf(rows: Row[]): StationTable {
  const level = (d: number) => {
    const labels = [...new Set(rows.map((r) => r.path.slice(0, d + 1).join('/')))];
    return {
      name: d === 0 ? 'state' : 'parish',
      labels: labels.map((l) => l.split('/')[d]),
      codes: Int32Array.from(rows.map((r) => labels.indexOf(r.path.slice(0, d + 1).join('/')))),
    };
  };
  const col = (f: (r: Row) => number) => Float64Array.from(rows.map(f));
  const other = col((r) => r.t - r.a - r.b);
  return {
    n: rows.length,
    ids: rows.map((r) => r.id),
    regions: [level(0), level(1)],
    registered: col((r) => r.reg),
    ballotsCast: col((r) => r.t),
    ballotsFound: col((r) => r.t),
    valid: col((r) => r.t),
    invalid: new Float64Array(rows.length),
    candidates: [
      { name: 'A', votes: col((r) => r.a) },
      { name: 'B', votes: col((r) => r.b) },
      { name: 'other', votes: other },
    ],
    shareOf: 'valid',
    meta: { name: 'hand table' },
  };
}

// s5 has no roll count (imputed), s6 has more ballots than registered voters (an impossible sheet).
const HAND = tableOf([
  { id: 's1', path: ['X', 'x1'], reg: 100, a: 30, b: 50, t: 90 },
  { id: 's2', path: ['X', 'x1'], reg: 200, a: 60, b: 100, t: 170 },
  { id: 's3', path: ['X', 'x2'], reg: 100, a: 10, b: 80, t: 95 },
  { id: 's4', path: ['Y', 'y1'], reg: 400, a: 200, b: 100, t: 320 },
  { id: 's5', path: ['Y', 'y1'], reg: Number.NaN, a: 20, b: 20, t: 50 },
  { id: 's6', path: ['Y', 'y1'], reg: 50, a: 40, b: 20, t: 70 },
]);
const OPTS = { favoured: 'A', rival: 'B', sims: 200, minDonors: 2 };

test('arithmetic on a hand table: needs, coverage allowance, imputed roll, impossible sheet left out', () => {
  const r = announcedTotalConsistency(
    HAND,
    { favoured: 700, rival: 300, ballotsCast: 1400, registered: 1800, coverage: 0.8, totalStations: 10 },
    OPTS,
    createRng(1),
  );
  assert.ok(r.ok);
  const c = r.value.consistency;
  assert.equal(r.value.n, 5);
  assert.deepEqual(
    r.value.excluded.map((e) => e.count),
    [1],
  );
  assert.deepEqual(c.impossibleSheets, { count: 1, ids: ['s6'] });
  // s5's roll: no area below the whole has 2 known donors ([Y, y1] and [Y] hold s4 only): mean of s1..s4 = 200.
  assert.equal(c.registeredImputed, 1);
  assert.equal(c.collectedRegistered, 1000);
  assert.equal(c.missingRegistered, 800);
  // Collected (s1..s5): A 320, B 350, ballots 725. k = ceil(0.2 x 10) = 2 collected sheets may be outside the
  // announcement: the two largest A (200 + 60), B (100 + 100), ballots (320 + 170).
  assert.equal(c.leftOutAllowance, 2);
  assert.deepEqual(c.favouredNeed, { announced: 700, collected: 320, needed: 380, neededIfLeftOut: 640 });
  assert.deepEqual(c.rivalNeed, { announced: 300, collected: 350, needed: -50, neededIfLeftOut: 150 });
  assert.deepEqual(c.ballotsNeed, { announced: 1400, collected: 725, needed: 675, neededIfLeftOut: 1165 });
  assert.equal(c.requiredTurnout, 675 / 800);
  // Turnouts .25 .8 .85 .9 .95: median .85, 99th percentile .9 + .96 x .05 (linear interpolation).
  assert.equal(c.collectedTurnout.median, 0.85);
  assert.ok(Math.abs(c.collectedTurnout.p99 - 0.948) < 1e-12);
  assert.deepEqual(c.checks, []);
  // Projection: 800 missing registered at the pooled rates of s1..s4 (A 300, B 330, ballots 675 per 800).
  assert.ok(Math.abs(c.projection.expected - (100 * (320 + 300 - 350 - 330)) / 1400) < 1e-12);
  assert.ok(Math.abs(c.announcedMargin - 40000 / 1400) < 1e-12);
  // delta: (28.571 x 1400 / 100 + 30 + 30) x 100 / 675 = 460 x 100 / 675.
  assert.ok(Math.abs(c.delta.needed - 46000 / 675) < 1e-9);
  assert.equal(c.delta.reachable, true);
});

test('arithmetic: contradictions that survive a full coverage', () => {
  const r = announcedTotalConsistency(
    HAND,
    { favoured: 700, rival: 300, ballotsCast: 1000, registered: 1800, coverage: 1 },
    OPTS,
    createRng(1),
  );
  assert.ok(r.ok);
  const c = r.value.consistency;
  // 350 collected B votes against 300 announced; A needs 380 more votes than the 275 more voters announced.
  assert.deepEqual(c.checks, ['rival_below_collected', 'favoured_above_voters']);
  assert.equal(c.requiredTurnout, 275 / 800);
  // Stations estimated from registered per collected station: 5 x 1800 / 1000.
  assert.equal(c.totalStations, 9);
  assert.equal(c.totalStationsEstimated, true);
});

test('deltaNeeded by hand: zero, reachable, beyond a unanimous missing vote', () => {
  const col = { a: 60, b: 40, ballots: 100 };
  const mis = { a: 30, b: 20, ballots: 50 };
  assert.deepEqual(deltaNeeded(col, mis, 20), { needed: 0, reachable: true, missingMarginNeeded: 20 });
  // (40 x 150 / 100 - 20 - 10) x 100 / 50 = 60; the missing stations' margin 20 + 60 = 80 points.
  assert.deepEqual(deltaNeeded(col, mis, 40), { needed: 60, reachable: true, missingMarginNeeded: 80 });
  // (80 x 1.5 - 30) x 2 = 180: a margin of 200 points among the missing ballots, more than all of them.
  assert.deepEqual(deltaNeeded(col, mis, 80), { needed: 180, reachable: false, missingMarginNeeded: 200 });
});

test('donors fall back from the parish to the state to the whole', () => {
  const known = Uint8Array.from([1, 1, 1, 1, 0, 0]);
  const areas = buildDonorAreas(HAND, known);
  assert.deepEqual(donorsFor(areas, ['X', 'x2'], 1), { depth: 2, donors: [2] });
  assert.deepEqual(donorsFor(areas, ['X', 'x2'], 2), { depth: 1, donors: [0, 1, 2] });
  assert.deepEqual(donorsFor(areas, ['Y', 'y1'], 2), { depth: 0, donors: [0, 1, 2, 3] });
  assert.deepEqual(donorsFor(areas, ['Z'], 1), { depth: 0, donors: [0, 1, 2, 3] });
  // One donor (s4: 400 registered, A 200, B 100, ballots 320) for 250 missing registered: 250/400 of it, every draw.
  const draws = drawMissing(
    [{ donors: [3], depth: 2, registered: 250, stations: 0 }],
    {
      registered: HAND.registered,
      ballots: HAND.ballotsCast,
      a: HAND.candidates[0].votes,
      b: HAND.candidates[1].votes,
    },
    3,
    createRng(7),
  );
  assert.deepEqual([...draws.a], [125, 125, 125]);
  assert.deepEqual([...draws.b], [62.5, 62.5, 62.5]);
  assert.deepEqual([...draws.ballots], [200, 200, 200]);
});

test('the registry method refuses without announced totals and is deterministic under a seed', () => {
  const none = announcedTotalConsistencyMethod.run(HAND, { candidate: 'A', rival: 'B' }, createRng(1));
  assert.equal(none.ok, false);
  const opts = {
    candidate: 'A',
    rival: 'B',
    announced_favoured: 700,
    announced_rival: 300,
    announced_ballots_cast: 1400,
    announced_registered: 1800,
    sims: 100,
  };
  const x = announcedTotalConsistencyMethod.run(HAND, opts, createRng(3));
  const y = announcedTotalConsistencyMethod.run(HAND, opts, createRng(3));
  assert.ok(x.ok && y.ok);
  assert.equal(JSON.stringify(x.value), JSON.stringify(y.value));
});

/**
 * Size and power on simulated elections with a known truth: 15% of stations missing at random, the announced
 * totals the true ones (size), or the true ones with 1% of ballots moved from the rival to the favoured candidate
 * (power). 100 elections each; the rejection rate at 0.05 under the null must stay within its binomial band
 * (at most 12 of 100: P(Bin(100, 0.05) > 12) < 0.003), and a 1-point shift must be found almost always.
 */
test('calibration: size near 0.05 when the announcement is the truth, power against a 1% shift', () => {
  let falseAlarms = 0;
  let detections = 0;
  const reps = 100;
  for (let rep = 0; rep < reps; rep++) {
    const rng = createRng(deriveSeed(2024, rep));
    const { table } = simulateElection({ stations: 1500, regions: 4, districtsPerRegion: 6 }, rng);
    const [fav, riv] = [table.candidates[0], table.candidates[1]];
    let A = 0;
    let B = 0;
    let T = 0;
    let R = 0;
    for (let i = 0; i < table.n; i++) {
      A += fav.votes[i];
      B += riv.votes[i];
      T += table.ballotsCast[i];
      R += table.registered[i];
    }
    const kept: number[] = [];
    for (let i = 0; i < table.n; i++) if (rng.uniform() >= 0.15) kept.push(i);
    const sub = selectStations(table, kept);
    const opts = { favoured: fav.name, rival: riv.name, sims: 200 };
    const truth = announcedTotalConsistency(sub, { favoured: A, rival: B, ballotsCast: T, registered: R }, opts, rng);
    const moved = Math.round(0.01 * T);
    const shifted = announcedTotalConsistency(
      sub,
      { favoured: A + moved, rival: B - moved, ballotsCast: T, registered: R },
      opts,
      rng,
    );
    assert.ok(truth.ok && shifted.ok);
    if (truth.value.consistency.pValue < 0.05) falseAlarms++;
    if (shifted.value.consistency.pValue < 0.05) detections++;
  }
  assert.ok(falseAlarms <= 12, `false alarms ${falseAlarms} of ${reps}`);
  assert.ok(detections >= 90, `detections ${detections} of ${reps}`);
});
