import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateLateCount } from '../../test/latecount_sim.ts';
import { createRng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { marginCurve, marginCurveMethod, snapshotOrder, timestampOrder } from './margin_curve.ts';

/** Four stations; A wins big in the two that report in the evening. */
function four(): StationTable {
  const n = 4;
  const A = Float64Array.from([40, 45, 80, 90]);
  const B = Float64Array.from([60, 55, 20, 10]);
  const valid = Float64Array.from([100, 100, 100, 100]);
  return {
    n,
    ids: ['s1', 's2', 's3', 's4'],
    regions: [],
    registered: Float64Array.from([100, 200, 300, 400]),
    ballotsCast: valid.slice(),
    ballotsFound: valid.slice(),
    valid,
    invalid: new Float64Array(n),
    candidates: [
      { name: 'A', votes: A },
      { name: 'B', votes: B },
    ],
    shareOf: 'valid',
    meta: { name: 'four' },
  };
}

test('hand example: cumulative shares, margin, station and registered percentages', () => {
  const r = marginCurve(four(), 0, 1, [1, 2, 3, 4]);
  assert.ok(r.ok);
  const p = r.value.points;
  assert.equal(p.length, 4);
  assert.deepEqual(
    p.map((x) => [x.stations, x.stationsPct, x.registeredPct, x.shareA, x.margin]),
    [
      [1, 25, 10, 40, -20],
      [2, 50, 30, 42.5, -15],
      [3, 75, 60, 55, 10],
      [4, 100, 100, 63.75, 27.5],
    ],
  );
  // Ties enter together; stations with no order value come last.
  const tied = marginCurve(four(), 0, 1, [1, 1, Number.NaN, 2]);
  assert.ok(tied.ok);
  assert.deepEqual(
    tied.value.points.map((x) => [x.order, x.stations]),
    [
      [1, 2],
      [2, 3],
      [null, 4],
    ],
  );
  assert.equal(tied.value.unordered, 1);
});

test('the text-sort artefact: a 12-hour clock sorted as text puts 10 PM before 9:59 PM and bends the curve', () => {
  // s1 reports at noon, s2 at 9:59 PM, s3 at 10:00 PM, s4 at 11:30 PM.
  const times = ['10/20/2019 12:05 PM', '10/20/2019 9:59 PM', '10/20/2019 10:00 PM', '10/20/2019 11:30 PM'];
  const textRank = Float64Array.from(times.map((t) => [...times].sort().indexOf(t)));
  const wrong = marginCurve(four(), 0, 1, textRank);
  const parsed = timestampOrder(times, { defaultOffset: '-04:00' }, 'time');
  assert.ok(parsed.ok && wrong.ok);
  const right = marginCurve(four(), 0, 1, parsed.value);
  assert.ok(right.ok);
  // True order s1, s2, s3, s4: the margin after two stations is -15.
  assert.deepEqual(
    right.value.points.map((p) => p.margin),
    [-20, -15, 10, 27.5],
  );
  // Text order puts "10:00 PM" and "11:30 PM" before "12:05 PM" and "9:59 PM": a different curve.
  assert.notDeepEqual(
    wrong.value.points.map((p) => p.margin),
    right.value.points.map((p) => p.margin),
  );
  // A time that cannot be read is an error naming its row, not a fallback to text order.
  const bad = timestampOrder([times[0], '10/20/2019 25:00', times[2]], { defaultOffset: '-04:00' }, 'time');
  assert.ok(!bad.ok && bad.error.kind === 'parse_error' && bad.error.row === 2);
});

test('snapshot order: first snapshot holding each station, missing ones last', () => {
  const t = four();
  const snap1 = { ...t, ids: ['s2'] };
  const snap2 = { ...t, ids: ['s2', 's4'] };
  assert.deepEqual(Array.from(snapshotOrder(t, [snap1, snap2])), [Number.NaN, 0, Number.NaN, 1]);
});

test('thinning keeps at most maxPoints plus the last point; errors for empty tables', () => {
  const sim = simulateLateCount(2);
  const r = marginCurve(sim.table, 0, 1, sim.table.arrival!.values, 20);
  assert.ok(r.ok);
  assert.ok(r.value.points.length <= 21);
  assert.equal(r.value.points[r.value.points.length - 1].stations, sim.table.n);
  const empty = marginCurve({ ...four(), n: 0, ids: [] }, 0, 1, []);
  assert.ok(!empty.ok && empty.error.kind === 'insufficient_data');
});

test('late shift on clean simulated counts with late rural stations: positive, though nothing was manipulated', () => {
  let positive = 0;
  for (let seed = 1; seed <= 50; seed++) {
    const sim = simulateLateCount(seed);
    const r = marginCurveMethod.run(sim.table, { cutoff: sim.cutoff }, createRng(seed));
    assert.ok(r.ok);
    assert.equal(r.value[0].pValue, null);
    if (r.value[0].statistic > 0) positive++;
  }
  assert.ok(positive >= 40, `${positive}/50`);
});
