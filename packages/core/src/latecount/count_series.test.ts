import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, deriveSeed, type Rng } from '../rng.ts';
import {
  type CountSeries,
  projectFromSeries,
  type SeriesState,
  seriesCurve,
  seriesPowerAtShift,
} from './count_series.ts';

const s = (time: number, region: string, units: number, unitsTotal: number, f: number, r: number): SeriesState => ({
  time,
  region,
  units,
  unitsTotal,
  votes: [f, r],
});

/**
 * Two regions. A: 10 -> 20 of 40 units, votes (50, 40) -> (110, 80): one increment of 10 units, 6 and 4 votes per
 * unit, 20 units left: (110 + 120, 80 + 80) = (230, 160). B: 5 -> 10 -> 15 of 20 units, (10, 30) -> (25, 50) ->
 * (40, 70): two increments of (15, 20) per 5 units, 3 and 4 per unit, 5 left: (40 + 15, 70 + 20) = (55, 90).
 * National projection (285, 250): margin 100 * 35 / 535 points. Both regions' increments are identical or single,
 * so every bootstrap draw gives the same projection and the interval is that point.
 * The final states (t = 9) are (200, 190) in A and (60, 80) in B: (260, 270), margin -100 * 10 / 530.
 */
const SERIES: CountSeries = {
  candidates: ['F', 'R'],
  states: [
    s(1, 'A', 10, 40, 50, 40),
    s(1, 'B', 5, 20, 10, 30),
    s(2, 'B', 10, 20, 25, 50),
    s(3, 'A', 20, 40, 110, 80),
    s(3, 'B', 15, 20, 40, 70),
    s(9, 'A', 40, 40, 200, 190),
    s(9, 'B', 20, 20, 60, 80),
  ],
};

test('hand-computed projection from two regions, and the comparison with the last state', () => {
  const r = projectFromSeries(SERIES, 5, 0, 1, 200, createRng(1));
  assert.ok(r.ok);
  const p = r.value;
  assert.equal(p.cut, 3);
  assert.deepEqual(p.projectedVotes, [285, 250]);
  assert.ok(Math.abs(p.projectedMargin - (100 * 35) / 535) < 1e-12);
  assert.ok(
    Math.abs(p.interval95[0] - p.projectedMargin) < 1e-12 && Math.abs(p.interval95[1] - p.projectedMargin) < 1e-12,
  );
  assert.ok(Math.abs(p.countedMargin - (100 * (150 - 150)) / 300) < 1e-12);
  assert.equal(p.unitsPctAtCut, (100 * 35) / 60);
  assert.deepEqual(p.finalVotes, [260, 270]);
  assert.ok(Math.abs(p.finalMargin - (-100 * 10) / 530) < 1e-12);
  // Every draw equals the projection, so any shift moves every draw out of the (degenerate) interval, and none stays.
  assert.equal(seriesPowerAtShift(p, 0.5), 1);
  assert.equal(seriesPowerAtShift(p, 0), 0);
  // Every draw equals the projection, above the final: #{sim <= final} = 0, so p = 2 / 201.
  assert.ok(Math.abs(p.pValue - 2 / 201) < 1e-15);
  assert.deepEqual(
    p.regions.map((x) => [x.region, x.remaining, x.increments, x.marginPerUnit, x.projectedFavoured, x.projectedRival]),
    [
      ['A', 20, 1, 2, 230, 160],
      ['B', 5, 2, -1, 55, 90],
    ],
  );
});

test('the curve forward-fills regions and marks the lead changes', () => {
  const { points, leadChanges } = seriesCurve(SERIES, 0, 1);
  // t=1: (60, 70); t=2: A(50,40) + B(25,50) = (75, 90); t=3: (150, 150); t=9: (260, 270).
  assert.deepEqual(
    points.map((x) => [x.time, x.favoured, x.rival]),
    [
      [1, 60, 70],
      [2, 75, 90],
      [3, 150, 150],
      [9, 260, 270],
    ],
  );
  assert.deepEqual(
    points.map((x) => x.unitsPct),
    [25, (100 * 20) / 60, (100 * 35) / 60, 100],
  );
  assert.deepEqual(leadChanges, []);
  const flip = seriesCurve({ candidates: ['F', 'R'], states: [s(1, 'A', 1, 2, 5, 3), s(2, 'A', 2, 2, 6, 9)] }, 0, 1);
  assert.deepEqual(flip.leadChanges, [2]);
});

test('refusals: no state after the cut; units left with no increment to project them from', () => {
  assert.ok(!projectFromSeries(SERIES, 10, 0, 1, 10, createRng(1)).ok);
  const r = projectFromSeries(
    { candidates: ['F', 'R'], states: [s(1, 'A', 1, 5, 1, 1), s(2, 'A', 5, 5, 3, 3)] },
    1,
    0,
    1,
    10,
    createRng(1),
  );
  assert.ok(!r.ok && /no increment before it/.test(r.error.message));
  // A region with no unit counters at the cut is kept at its counted votes and listed, not projected.
  const noUnits = {
    ...SERIES,
    states: [...SERIES.states, s(1, 'C', Number.NaN, Number.NaN, 7, 3), s(9, 'C', 2, 2, 9, 4)],
  };
  const c = projectFromSeries(noUnits, 5, 0, 1, 50, createRng(1));
  assert.ok(c.ok);
  assert.deepEqual(c.value.notProjected, ['C']);
  assert.deepEqual(c.value.projectedVotes, [285 + 7, 250 + 3]);
  // Units counted over the regions with counters only: 35 of 60.
  assert.equal(c.value.unitsPctAtCut, (100 * 35) / 60);
});

/**
 * A simulated count with a known truth: 12 regions of 150-400 units; each unit's votes are binomial with the region's
 * own share (0.35-0.65); units arrive in random order within region, in batches of 5-20 at regular instants; the cut
 * falls after 60% of the instants. The final is the truth. Over 200 counts the bootstrap interval must cover the true
 * final margin at least 85% of the time (a within-region bootstrap of 5-30 increments is a little narrow; measured
 * coverage is in docs/methods/count_series.md), and the mean projection error must be within 0.1 points of 0.
 */
function simulateCount(rng: Rng): CountSeries {
  const states: SeriesState[] = [];
  for (let d = 0; d < 12; d++) {
    const units = 150 + rng.int(251);
    const share = 0.35 + 0.3 * rng.uniform();
    let counted = 0;
    let f = 0;
    let r = 0;
    let time = 0;
    while (counted < units) {
      const batch = Math.min(units - counted, 5 + rng.int(16));
      for (let j = 0; j < batch; j++) {
        const voters = 150 + rng.int(150);
        const vf = rng.binomial(voters, share);
        f += vf;
        r += voters - vf;
      }
      counted += batch;
      time += 1 + rng.int(3);
      states.push({ time, region: `d${d}`, units: counted, unitsTotal: units, votes: [f, r] });
    }
  }
  return { candidates: ['F', 'R'], states };
}

test('simulated counts: the interval covers the true final margin; the projection is unbiased', () => {
  let covered = 0;
  let error = 0;
  const reps = 200;
  for (let k = 0; k < reps; k++) {
    const series = simulateCount(createRng(deriveSeed(5, k)));
    const maxTime = Math.max(...series.states.map((x) => x.time));
    const r = projectFromSeries(series, Math.floor(0.6 * maxTime), 0, 1, 200, createRng(k));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const p = r.value;
    if (p.finalMargin >= p.interval95[0] && p.finalMargin <= p.interval95[1]) covered++;
    error += p.gap;
  }
  assert.ok(covered / reps >= 0.85, `coverage ${covered / reps}`);
  assert.ok(Math.abs(error / reps) < 0.1, `mean error ${error / reps}`);
});
