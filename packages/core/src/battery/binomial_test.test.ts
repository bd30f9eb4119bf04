import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import { binomialPmf, binomialTestTwoSided } from './binomial_test.ts';

/** The test's definition walked over every outcome, underflowed ones included, in the same order as the test. */
function walkEveryOutcome(k: number, n: number, p: number): number {
  const d = binomialPmf(k, n, p) * (1 + 1e-7);
  const mode = Math.floor((n + 1) * p);
  if (k === n * p) return 1;
  let total = 0;
  for (let i = 0; i <= Math.min(mode, n); i++) {
    const q = binomialPmf(i, n, p);
    if (q > d) break;
    total += q;
  }
  for (let i = n; i > mode; i--) {
    const q = binomialPmf(i, n, p);
    if (q > d) break;
    total += q;
  }
  return Math.min(1, total);
}

test('binomialTestTwoSided skips only outcomes whose probability is exactly 0: the same number as the full walk', () => {
  const rng = createRng(12);
  for (const n of [0, 1, 2, 7, 40, 1150, 20_000, 97_699]) {
    for (const p of [0, 0.2, 0.5, 0.93, rng.uniform(), 1]) {
      for (const k of [0, 1, Math.floor(n * p), Math.floor(rng.uniform() * (n + 1)), n - 1, n]) {
        if (k < 0 || k > n) continue;
        assert.ok(Object.is(binomialTestTwoSided(k, n, p), walkEveryOutcome(k, n, p)), `k ${k} n ${n} p ${p}`);
      }
    }
  }
});
