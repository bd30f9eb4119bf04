import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import { placeQuantileOrderStatistics, selectInPlace } from './order_statistics.ts';

/** Values with many ties and both signs, from a seeded stream. */
function sample(rng: ReturnType<typeof createRng>, n: number, distinct: number): Float64Array {
  return Float64Array.from(
    { length: n },
    () => rng.int(distinct) - distinct / 2 + rng.uniform() * (distinct > 8 ? 1 : 0),
  );
}

test('selectInPlace puts the value a sort would at k, no greater before it and no smaller after it', () => {
  const rng = createRng(5);
  for (let trial = 0; trial < 400; trial++) {
    const n = 1 + rng.int(300);
    const values = sample(rng, n, trial % 2 === 0 ? 4 : 1000);
    const sorted = values.slice().sort();
    const k = rng.int(n);
    selectInPlace(values, k, 0, n);
    assert.equal(values[k], sorted[k]);
    for (let i = 0; i < k; i++) assert.ok(values[i] <= values[k]);
    for (let i = k + 1; i < n; i++) assert.ok(values[i] >= values[k]);
    assert.deepEqual(values.slice().sort(), sorted);
  }
});

test('placeQuantileOrderStatistics leaves at the quantile positions what a sort would', () => {
  const rng = createRng(6);
  for (const n of [1, 2, 3, 5, 39, 40, 41, 200, 1000]) {
    for (const distinct of [3, 1000]) {
      const values = sample(rng, n, distinct);
      const sorted = values.slice().sort();
      const ps = [0.025, 0.975];
      placeQuantileOrderStatistics(values, ps);
      for (const p of ps) {
        const lo = Math.floor((n - 1) * p);
        assert.equal(values[lo], sorted[lo], `n ${n} p ${p}`);
        assert.equal(values[Math.min(lo + 1, n - 1)], sorted[Math.min(lo + 1, n - 1)], `n ${n} p ${p}`);
      }
    }
  }
});
