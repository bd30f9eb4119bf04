import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logChoose } from './numeric/log_factorial.ts';
import { createRng, deriveSeed } from './rng.ts';

/** Chi-square goodness of fit of `draws` binomial(n,p) variates against the exact pmf. */
function binomialChiSquare(n: number, p: number, draws: number, seed: number): { chi2: number; df: number } {
  const rng = createRng(seed);
  const counts = new Float64Array(n + 1);
  for (let i = 0; i < draws; i++) counts[rng.binomial(n, p)]++;
  // Pool cells with expected count < 5 into the tails.
  const expected = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++)
    expected[k] = draws * Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
  let chi2 = 0;
  let df = -1;
  let poolO = 0;
  let poolE = 0;
  for (let k = 0; k <= n; k++) {
    poolO += counts[k];
    poolE += expected[k];
    if (poolE >= 5) {
      chi2 += (poolO - poolE) ** 2 / poolE;
      df++;
      poolO = 0;
      poolE = 0;
    }
  }
  if (poolE > 0) chi2 += (poolO - poolE) ** 2 / Math.max(poolE, 1e-12);
  return { chi2, df };
}

test('same seed gives the same stream; different seeds differ', () => {
  const a = createRng(42);
  const b = createRng(42);
  const c = createRng(43);
  const xs = Array.from({ length: 5 }, () => a.uniform());
  assert.deepEqual(
    xs,
    Array.from({ length: 5 }, () => b.uniform()),
  );
  assert.notDeepEqual(
    xs,
    Array.from({ length: 5 }, () => c.uniform()),
  );
  assert.notEqual(deriveSeed(1, 0), deriveSeed(1, 1));
  assert.equal(deriveSeed(7, 3), deriveSeed(7, 3));
});

test('uniform lies in [0,1) with mean 1/2', () => {
  const rng = createRng(1);
  let s = 0;
  const N = 200_000;
  for (let i = 0; i < N; i++) {
    const u = rng.uniform();
    assert.ok(u >= 0 && u < 1);
    s += u;
  }
  // SD of the mean is sqrt(1/12/N) ≈ 6.5e-4; allow 5 SD.
  assert.ok(Math.abs(s / N - 0.5) < 5 * Math.sqrt(1 / 12 / N));
});

// Critical chi-square at 0.001 is below df + 4.5*sqrt(2 df) + 10 for these df; a biased sampler
// (like @stdlib's, off by 40 SD in mean) fails by orders of magnitude.
for (const [n, p] of [
  [10, 0.3],
  [50, 0.1],
  [200, 0.5],
  [1000, 0.05],
  [2500, 0.77],
  [100_000, 0.4],
] as const) {
  test(`binomial(${n}, ${p}) matches its exact distribution (chi-square GOF)`, () => {
    const { chi2, df } = binomialChiSquare(n, p, 200_000, 1234 + n);
    assert.ok(chi2 < df + 4.5 * Math.sqrt(2 * df) + 10, `chi2=${chi2.toFixed(1)} df=${df}`);
  });
}

test('binomial mean over many draws is within 4 SD of n p (n=1000, p=0.3)', () => {
  const rng = createRng(99);
  const N = 500_000;
  let s = 0;
  for (let i = 0; i < N; i++) s += rng.binomial(1000, 0.3);
  const sd = Math.sqrt((1000 * 0.3 * 0.7) / N);
  assert.ok(Math.abs(s / N - 300) < 4 * sd, `mean ${s / N}`);
});

test('binomial edge cases', () => {
  const rng = createRng(5);
  assert.equal(rng.binomial(0, 0.5), 0);
  assert.equal(rng.binomial(10, 0), 0);
  assert.equal(rng.binomial(10, 1), 10);
});

test('gamma and beta means', () => {
  const rng = createRng(3);
  const N = 100_000;
  let g = 0;
  let b = 0;
  for (let i = 0; i < N; i++) {
    g += rng.gamma(2.5);
    b += rng.beta(2, 6);
  }
  assert.ok(Math.abs(g / N - 2.5) < 4 * Math.sqrt(2.5 / N));
  assert.ok(Math.abs(b / N - 0.25) < 0.005);
});
