import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import { mostLikelyFraud } from './finite_mixture.ts';

/** The stations in the order of a sort of all of them: fraud probability down, then station order. */
function sortedOrder(resp: Float64Array, n: number): number[] {
  const pf = (i: number) => resp[3 * i + 1] + resp[3 * i + 2];
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => pf(b) - pf(a) || a - b);
}

test('mostLikelyFraud gives the first stations of a full sort, ties in station order', () => {
  const rng = createRng(5);
  const n = 3000;
  const resp = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    // Coarse probabilities, so that many stations tie.
    const incremental = Math.floor(rng.uniform() * 20) / 40;
    const extreme = Math.floor(rng.uniform() * 20) / 40;
    resp[3 * i] = 1 - incremental - extreme;
    resp[3 * i + 1] = incremental;
    resp[3 * i + 2] = extreme;
  }
  for (const top of [0, 1, 20, 2999, 3000, 4000])
    assert.deepEqual(mostLikelyFraud(resp, n, top), sortedOrder(resp, n).slice(0, top), `top ${top}`);
});

test('mostLikelyFraud with a NaN probability sorts all stations as before', () => {
  const resp = Float64Array.from([0.5, 0.2, 0.3, 0.1, Number.NaN, 0, 0.2, 0.7, 0.1, 0.9, 0.05, 0.05]);
  assert.deepEqual(mostLikelyFraud(resp, 4, 3), sortedOrder(resp, 4).slice(0, 3));
});
