import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logChoose } from '../numeric/log_factorial.ts';
import { binomialBand, clopperPearson, wilson } from './intervals.ts';

function pmf(n: number, k: number, p: number): number {
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}
function upperTail(n: number, x: number, p: number): number {
  let s = 0;
  for (let k = x; k <= n; k++) s += pmf(n, k, p);
  return s;
}

// Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
// methods", Statistics in Medicine 17:857-872, Table II (methods 3 = Wilson score, 5 = exact).
const newcombe = [
  { x: 81, n: 263, wilson: [0.2553, 0.3662], exact: [0.2527, 0.3676] },
  { x: 15, n: 148, wilson: [0.0624, 0.1605], exact: [0.0578, 0.1617] },
  { x: 0, n: 20, wilson: [0, 0.1611], exact: [0, 0.1684] },
  { x: 1, n: 29, wilson: [0.0061, 0.1718], exact: [0.0009, 0.1776] },
];

test('Wilson and Clopper-Pearson agree with Newcombe (1998) Table II', () => {
  for (const row of newcombe) {
    const w = wilson(row.x, row.n);
    const c = clopperPearson(row.x, row.n);
    assert.ok(Math.abs(w.lower - row.wilson[0]) < 6e-5 && Math.abs(w.upper - row.wilson[1]) < 6e-5, `wilson ${row.x}`);
    assert.ok(Math.abs(c.lower - row.exact[0]) < 6e-5 && Math.abs(c.upper - row.exact[1]) < 6e-5, `exact ${row.x}`);
  }
});

test('Clopper-Pearson bounds solve the binomial tail equations and have closed forms at 0 and n', () => {
  for (const [x, n] of [
    [3, 50],
    [20, 400],
    [17, 19],
  ]) {
    const c = clopperPearson(x, n);
    assert.ok(Math.abs(upperTail(n, x, c.lower) - 0.025) < 1e-9, `lower ${x}/${n}`);
    assert.ok(Math.abs(1 - upperTail(n, x + 1, c.upper) - 0.025) < 1e-9, `upper ${x}/${n}`);
  }
  assert.ok(Math.abs(clopperPearson(0, 40).upper - (1 - 0.025 ** (1 / 40))) < 1e-12);
  assert.ok(Math.abs(clopperPearson(40, 40).lower - 0.025 ** (1 / 40)) < 1e-12);
  assert.equal(clopperPearson(0, 0).rate, null);
});

test('binomial band: each tail outside holds at most (1 - level) / 2 and the band is the narrowest such', () => {
  for (const [reps, alpha] of [
    [400, 0.05],
    [200, 0.05],
    [50, 0.1],
  ]) {
    const { lo, hi } = binomialBand(reps, alpha, 0.99);
    let below = 0;
    for (let k = 0; k < lo; k++) below += pmf(reps, k, alpha);
    const above = upperTail(reps, hi + 1, alpha);
    assert.ok(below <= 0.005 && above <= 0.005);
    assert.ok(below + pmf(reps, lo, alpha) > 0.005, 'lo is as high as it can be');
    assert.ok(above + pmf(reps, hi, alpha) > 0.005, 'hi is as low as it can be');
  }
});
