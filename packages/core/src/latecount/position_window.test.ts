/**
 * The windowed local fits against the full scans they replace: on random positions (with ties, and cutoffs on and
 * between positions) the windowed fit must give the same bits as the full scan, because it visits the same stations
 * in the same order; the placebo estimate must equal breakAt's estimate; the window cache must not change results
 * when the bandwidth grows past the cached reach.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import { breakAt, breakEstimateAt, fitSide } from './local_linear.ts';
import { distinctSorted, firstWhere, indexPositions, positionIndexFor, windowRows } from './position_window.ts';

function sample(seed: number, m: number, distinct: number) {
  const rng = createRng(seed);
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  const codes = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    x[i] = (100 * rng.int(distinct)) / distinct;
    y[i] = 5 * Math.sin(x[i] / 10) + (x[i] > 60 ? 3 : 0) + 4 * rng.normal();
    codes[i] = rng.int(50);
  }
  return { x, y, clusters: { codes, count: 50 } };
}

test('a windowed fit equals the full scan bit for bit, with and without clusters', () => {
  for (const [seed, distinct] of [
    [1, 40],
    [2, 5000],
  ] as const) {
    const { x, y, clusters } = sample(seed, 4000, distinct);
    const index = indexPositions(x);
    for (const c of [7.5, 30, 60, 60.0125, 95])
      for (const h of [0.7, 3, 12.5]) {
        const rows = windowRows(index, c, h);
        for (const side of ['left', 'right'] as const)
          for (const cl of [null, clusters])
            assert.deepEqual(fitSide(x, y, c, h, side, cl, rows), fitSide(x, y, c, h, side, cl), `${c} ${h} ${side}`);
        const full = breakAt(x, y, c, h);
        assert.deepEqual(breakAt(x, y, c, h, null, rows), full);
        assert.equal(breakEstimateAt(x, y, c, h, rows), full === null ? null : full.estimate);
      }
  }
});

test('a window is ascending, covers every station with positive weight, and a wider bandwidth is cut again', () => {
  const { x } = sample(3, 2000, 300);
  const index = indexPositions(x);
  const c = 50;
  const narrow = windowRows(index, c, 2);
  assert.ok(narrow.every((v, k) => k === 0 || narrow[k - 1] < v));
  for (let i = 0; i < x.length; i++) if (1 - Math.abs(x[i] - c) / 2 > 0) assert.ok(narrow.includes(i));
  assert.equal(windowRows(index, c, 2.1), narrow, 'within the 10% reach: the cached window');
  const wide = windowRows(index, c, 5);
  for (let i = 0; i < x.length; i++) if (1 - Math.abs(x[i] - c) / 5 > 0) assert.ok(wide.includes(i));
  assert.ok(wide.every((v, k) => k === 0 || wide[k - 1] < v));
  assert.ok(
    index.marks.every((flag) => flag === 0),
    'the flags are cleared for the next window',
  );
});

test('the sorted index: order, binary search, distinct counts, and reuse only for equal positions', () => {
  const x = Float64Array.from([3, 1, 2, 1, 3, 0]);
  const index = indexPositions(x);
  assert.deepEqual([...index.sorted], [0, 1, 1, 2, 3, 3]);
  assert.deepEqual([...index.order], [5, 1, 3, 2, 0, 4]);
  assert.equal(
    firstWhere(index.sorted, (v) => v > 1),
    3,
  );
  assert.equal(distinctSorted(index.sorted, 0, 6), 4);
  assert.equal(distinctSorted(index.sorted, 1, 3), 1);
  const a = positionIndexFor(x);
  assert.equal(positionIndexFor(Float64Array.from(x)), a, 'same values: the same index');
  const moved = Float64Array.from(x);
  moved[2] = 2.5;
  assert.notEqual(positionIndexFor(moved), a);
});
