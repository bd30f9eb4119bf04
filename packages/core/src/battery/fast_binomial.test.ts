import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chiSquareUpperTail } from '../numeric/distributions.ts';
import { createRng } from '../rng.ts';
import { binomialPmf } from './binomial_test.ts';
import { makeFastBinomial } from './fast_binomial.ts';

test('fast binomial matches the exact binomial distribution (chi-square goodness of fit)', () => {
  const s = makeFastBinomial(createRng(3));
  const cases: [number, number][] = [
    [5, 0.3],
    [40, 0.1],
    [200, 0.04],
    [1000, 0.1],
    [5000, 0.47],
    [97000, 0.2],
    [60, 0.9],
  ];
  for (const [n, p] of cases) {
    const draws = 100000;
    const hist = new Map<number, number>();
    let mean = 0;
    for (let i = 0; i < draws; i++) {
      const k = s.binomial(n, p);
      assert.ok(Number.isInteger(k) && k >= 0 && k <= n);
      hist.set(k, (hist.get(k) ?? 0) + 1);
      mean += k / draws;
    }
    // Pool outcomes into bins of expected count >= 20.
    let chi = 0;
    let bins = 0;
    let obs = 0;
    let exp = 0;
    for (let k = 0; k <= n; k++) {
      obs += hist.get(k) ?? 0;
      exp += draws * binomialPmf(k, n, p);
      if (exp >= 20 || k === n) {
        chi += ((obs - exp) * (obs - exp)) / Math.max(exp, 1e-12);
        bins++;
        obs = 0;
        exp = 0;
      }
    }
    const pValue = chiSquareUpperTail(chi, bins - 1);
    assert.ok(pValue > 1e-4, `n=${n} p=${p}: chi2 ${chi.toFixed(1)} on ${bins - 1} df, p ${pValue}`);
    assert.ok(Math.abs(mean - n * p) < 5 * Math.sqrt((n * p * (1 - p)) / draws) + 1e-9, `mean n=${n}`);
  }
});
