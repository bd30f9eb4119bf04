/**
 * The numerics under the integer-percentage method, against plain definitions: the whole-percent rule, the
 * exact per-station probability walk, and the convolution of two count laws (integer_percent.test.ts tests the
 * method itself).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { logChoose } from '../numeric/log_factorial.ts';
import { createRng } from '../rng.ts';
import { convolveCounts } from './integer_percent_exact.ts';
import { integerPercentProbability, isIntegerPercent, MAX_INTEGER_PERCENT_N } from './integer_percent_sim.ts';

test('isIntegerPercent: exact boundaries at 0.05 percentage points', () => {
  assert.equal(isIntegerPercent(1, 100), true);
  assert.equal(isIntegerPercent(1000, 1000), true);
  assert.equal(isIntegerPercent(0, 500), true);
  assert.equal(isIntegerPercent(1, 3), false); // 33.33%
  assert.equal(isIntegerPercent(333, 1000), false); // 33.3%
  assert.equal(isIntegerPercent(1, 2000), false); // exactly 0.05 from 0: not strictly within
  assert.equal(isIntegerPercent(1, 2001), true); // 0.04998%
  assert.equal(isIntegerPercent(1999, 2000), false); // 99.95%
  assert.equal(isIntegerPercent(6001, 10000), true); // 60.01%
  assert.equal(isIntegerPercent(6005, 10000), false); // 60.05%
});

test('isIntegerPercent agrees with the floating-point definition away from the boundary', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 200000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const k = Math.round(f * n);
      const pct = (100 * k) / n;
      const dist = Math.abs(pct - Math.round(pct));
      fc.pre(Math.abs(dist - 0.05) > 1e-9);
      return isIntegerPercent(k, n) === dist < 0.05;
    }),
  );
});

test('integerPercentProbability equals the brute-force binomial sum', () => {
  const brute = (n: number, p: number) => {
    let s = 0;
    for (let k = 0; k <= n; k++)
      if (isIntegerPercent(k, n)) s += Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
    return s;
  };
  for (const [n, p] of [
    [100, 0.5],
    [137, 0.03],
    [999, 0.64],
    [2500, 0.987],
    [4000, 0.5],
    [1, 0.3],
    [57, 0.999],
  ]) {
    assert.ok(Math.abs(integerPercentProbability(n, p) - brute(n, p)) < 1e-12, `n=${n} p=${p}`);
  }
  assert.equal(integerPercentProbability(300, 0), 1);
  assert.equal(integerPercentProbability(300, 1), 1);
  assert.equal(integerPercentProbability(3, 1), 1);
});

test('integerPercentProbability: the carried residue picks exactly the k that isIntegerPercent picks', () => {
  // Same walk, same terms in the same order, but each k tested from scratch: the sums must agree to the bit.
  const walkTestingEachK = (n: number, p: number) => {
    const ratio = p / (1 - p);
    const mode = Math.min(n, Math.floor((n + 1) * p));
    const peak = Math.exp(logChoose(n, mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p));
    let sum = isIntegerPercent(mode, n) ? peak : 0;
    for (const direction of [1, -1]) {
      let term = peak;
      for (let k = mode; direction > 0 ? k < n : k > 0; k += direction) {
        term *= direction > 0 ? (ratio * (n - k)) / (k + 1) : k / (ratio * (n - k + 1));
        if (term < peak * 1e-16) break;
        if (isIntegerPercent(k + direction, n)) sum += term;
      }
    }
    return sum > 1 ? 1 : sum;
  };
  const rng = createRng(22);
  const cases: [number, number][] = [];
  for (const n of [1, 2, 3, 19, 99, 100, 101, 199, 200, 999, 1000, 1001, 1999, 2000, 2001, 4321, 100000])
    for (const p of [1e-9, 1e-4, 0.01, 0.3, 0.5, 0.64, 0.99, 1 - 1e-9]) cases.push([n, p]);
  for (let i = 0; i < 2000; i++) cases.push([1 + Math.floor(rng.uniform() * 6000), rng.uniform()]);
  cases.push([1e9, 0.5], [MAX_INTEGER_PERCENT_N, 0.37], [MAX_INTEGER_PERCENT_N, 1e-8]);
  for (const [n, p] of cases) assert.equal(integerPercentProbability(n, p), walkTestingEachK(n, p), `n=${n} p=${p}`);
  assert.throws(() => integerPercentProbability(MAX_INTEGER_PERCENT_N + 1, 0.5), RangeError);
});

test('convolveCounts adds, for each output, the products in ascending row order (same bits as row by row)', () => {
  const rng = createRng(7);
  const law = (length: number) => {
    const mass = new Float64Array(length);
    for (let i = 0; i < length; i++) mass[i] = rng.uniform() / length;
    return { offset: Math.floor(rng.uniform() * 5), mass, dropped: 0 };
  };
  for (const [lengthA, lengthB] of [
    [1, 1],
    [1, 4],
    [2, 1],
    [2, 2],
    [3, 7],
    [8, 5],
    [40, 41],
    [6, 6],
    [7, 9],
    [4, 1],
    [101, 64],
  ]) {
    const a = law(lengthA);
    const b = law(lengthB);
    const x = lengthA <= lengthB ? a.mass : b.mass;
    const y = x === a.mass ? b.mass : a.mass;
    const rowByRow = new Float64Array(lengthA + lengthB - 1);
    for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) rowByRow[i + j] += x[i] * y[j];
    const merged = convolveCounts(a, b);
    for (let k = 0; k < rowByRow.length; k++) {
      const index = k + a.offset + b.offset - merged.offset;
      const value = index >= 0 && index < merged.mass.length ? merged.mass[index] : 0;
      if (value !== 0) assert.equal(value, rowByRow[k], `${lengthA}x${lengthB} at ${k}`);
    }
  }
});
