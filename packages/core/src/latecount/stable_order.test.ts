/**
 * The comparator-free orderings against the comparator sorts they replace: stableOrder against
 * `sort((p, q) => keys[p] - keys[q] || p - q)` and median against the middle of a full sort (equal as numbers), on random
 * values with many ties, zeros of both signs, infinities (stableOrder) and already sorted runs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import { median } from './local_linear.ts';
import { stableOrder } from './stable_order.ts';

function sample(seed: number, count: number, distinct: number, infinities: boolean): Float64Array {
  const rng = createRng(seed);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const draw = rng.int(distinct + 3);
    if (draw === distinct) values[i] = -0;
    else if (draw === distinct + 1) values[i] = infinities ? Number.POSITIVE_INFINITY : 0;
    else if (draw === distinct + 2) values[i] = infinities ? Number.NEGATIVE_INFINITY : 0.5;
    else values[i] = (draw - distinct / 2) / 7;
  }
  return values;
}

test('stableOrder gives the comparator sort by value, then index', () => {
  for (const [seed, count, distinct] of [
    [1, 0, 1],
    [2, 1, 1],
    [3, 1000, 3],
    [4, 5000, 50],
    [5, 5000, 100000],
  ] as const) {
    const keys = sample(seed, count, distinct, true);
    const expected = Array.from({ length: count }, (_, i) => i).sort((p, q) => keys[p] - keys[q] || p - q);
    assert.deepEqual(Array.from(stableOrder(keys)), expected, `seed ${seed}`);
  }
  const rng = createRng(12);
  const wide = Float64Array.from({ length: 3000 }, () => (rng.uniform() - 0.5) * 10 ** rng.int(16));
  const wideExpected = Array.from({ length: wide.length }, (_, i) => i).sort((p, q) => wide[p] - wide[q] || p - q);
  assert.deepEqual(Array.from(stableOrder(wide)), wideExpected, 'magnitudes from 1 to 10^15, both signs');
  const ascending = Float64Array.from({ length: 300 }, (_, i) => Math.floor(i / 4));
  assert.deepEqual(
    Array.from(stableOrder(ascending)),
    Array.from({ length: 300 }, (_, i) => i),
  );
});

test('median equals the middle of the sorted values, odd and even counts', () => {
  for (const [seed, count, distinct] of [
    [6, 1, 5],
    [7, 2, 5],
    [8, 999, 4],
    [9, 1000, 4],
    [10, 4001, 1000000],
    [11, 4000, 20],
  ] as const) {
    const values = sample(seed, count, distinct, false);
    const sorted = values.slice().sort();
    const m = sorted.length;
    const expected = m % 2 === 1 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    // Equal as numbers: a zero median may come back with the other sign (ikBandwidth only compares with it).
    assert.ok(median(values.slice()) === expected, `seed ${seed}`);
    assert.ok(median(sorted.slice()) === expected, `seed ${seed}, sorted`);
    assert.ok(median(sorted.slice().reverse()) === expected, `seed ${seed}, reversed`);
  }
  assert.equal(median(new Float64Array(1001).fill(3)), 3);
});
