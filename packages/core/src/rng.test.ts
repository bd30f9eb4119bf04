import assert from 'node:assert/strict';
import { test } from 'node:test';
import { betaDistributionCdf, chiSquareUpperTail, standardNormalCdf } from './numeric/distributions.ts';
import { logChoose } from './numeric/log_factorial.ts';
import { createRng, deriveSeed, indexFromUint32, splitRng } from './rng.ts';

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

/** Kolmogorov-Smirnov distance between sorted draws and a continuous cdf. */
function ksDistance(draws: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(draws).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
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

test('uniform lies in [0,1) and follows the uniform cdf (Kolmogorov-Smirnov); a constant 1/2 is caught', () => {
  const rng = createRng(1);
  const N = 200_000;
  const draws = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const u = rng.uniform();
    assert.ok(u >= 0 && u < 1);
    draws[i] = u;
  }
  // 1.95 / sqrt(N): the asymptotic 0.1% critical value of the KS distance (Kolmogorov's limit law).
  const critical = 1.95 / Math.sqrt(N);
  assert.ok(ksDistance(draws, (x) => x) < critical, `KS ${ksDistance(draws, (x) => x)}`);
  assert.ok(ksDistance(new Float64Array(N).fill(0.5), (x) => x) > critical);
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

test('binomial(1000, 0.3): mean and variance within 4 standard errors of n p and n p (1 - p)', () => {
  const rng = createRng(99);
  const N = 500_000;
  let s = 0;
  let ss = 0;
  for (let i = 0; i < N; i++) {
    const x = rng.binomial(1000, 0.3);
    s += x;
    ss += x * x;
  }
  const mean = s / N;
  const variance = (ss - N * mean * mean) / (N - 1);
  const npq = 1000 * 0.3 * 0.7;
  assert.ok(Math.abs(mean - 300) < 4 * Math.sqrt(npq / N), `mean ${mean}`);
  // SE of a sample variance is sqrt((mu4 - sigma^4) / N); mu4 = npq (1 + 3 (n - 2) p q) for a binomial.
  const mu4 = npq * (1 + 3 * (1000 - 2) * 0.3 * 0.7);
  assert.ok(Math.abs(variance - npq) < 4 * Math.sqrt((mu4 - npq * npq) / N), `variance ${variance}`);
});

test('binomial edge cases', () => {
  const rng = createRng(5);
  assert.equal(rng.binomial(0, 0.5), 0);
  assert.equal(rng.binomial(10, 0), 0);
  assert.equal(rng.binomial(10, 1), 10);
});

test('normal, gamma and beta draws follow their cdfs (Kolmogorov-Smirnov), shapes below 1 included', () => {
  const rng = createRng(3);
  const N = 100_000;
  // 1.95 / sqrt(N) is the asymptotic 0.1% critical value of the KS distance (Kolmogorov's limit law).
  const critical = 1.95 / Math.sqrt(N);
  const normal = Float64Array.from({ length: N }, () => rng.normal());
  assert.ok(ksDistance(normal, standardNormalCdf) < critical, 'normal');
  // gamma(a) <= x exactly when chi-square(2a) <= 2x.
  for (const shape of [2.5, 0.4]) {
    const draws = Float64Array.from({ length: N }, () => rng.gamma(shape));
    const d = ksDistance(draws, (x) => 1 - chiSquareUpperTail(2 * x, 2 * shape));
    assert.ok(d < critical, `gamma(${shape}): KS ${d} >= ${critical}`);
  }
  assert.ok(ksDistance(new Float64Array(N).fill(2.5), (x) => 1 - chiSquareUpperTail(2 * x, 5)) > critical);
  for (const [a, b] of [
    [2, 6],
    [0.5, 3],
    [40, 25],
  ]) {
    const draws = Float64Array.from({ length: N }, () => rng.beta(a, b));
    const d = ksDistance(draws, (x) => betaDistributionCdf(x, a, b));
    assert.ok(d < critical, `beta(${a}, ${b}): KS ${d} >= ${critical}`);
  }
  // The test can fail: a beta(2, 6) sampler with the right mean and the wrong shape (a point mass) is caught.
  const constant = new Float64Array(N).fill(0.25);
  assert.ok(ksDistance(constant, (x) => betaDistributionCdf(x, 2, 6)) > critical);
});

/** Pearson chi-square of counts against equal expected counts, with its upper tail. */
function uniformChiSquare(counts: ArrayLike<number>): { chi2: number; p: number } {
  const total = Array.from(counts).reduce((a, b) => a + b, 0);
  const e = total / counts.length;
  let chi2 = 0;
  for (let k = 0; k < counts.length; k++) chi2 += (counts[k] - e) ** 2 / e;
  return { chi2, p: chiSquareUpperTail(chi2, counts.length - 1) };
}

test('int(n) is exactly uniform: chi-square goodness of fit for n = 3, 7, 1000 and 3 * 2^30', () => {
  // Seed fixed; each test at the 0.1% level (4 tests: family-wise 0.4% under a correct sampler). A floor(u n)
  // sampler is off by at most 2^-53 relative and would pass too; the rejection itself is checked below.
  const rng = createRng(11);
  for (const n of [3, 7, 1000]) {
    const counts = new Float64Array(n);
    for (let i = 0; i < 200 * n + 100_000; i++) counts[rng.int(n)]++;
    const { chi2, p } = uniformChiSquare(counts);
    assert.ok(p > 0.001, `n = ${n}: chi2 ${chi2}, p ${p}`);
  }
  // n = 3 * 2^30: multiply-shift without rejection maps two of every four outputs to indices = 0 mod 3 and one to
  // each other residue (probabilities 1/2, 1/4, 1/4); rejecting the 2^32 mod n = 2^30 short-block outputs
  // makes the residues exactly uniform. 30,000 draws detect the biased map with certainty in practice.
  const big = 3 * 2 ** 30;
  const residues = [0, 0, 0];
  for (let i = 0; i < 30_000; i++) residues[rng.int(big) % 3]++;
  assert.ok(uniformChiSquare(residues).p > 0.001, `residues mod 3: ${residues}`);
  const biased = [0, 0, 0];
  for (let i = 0; i < 30_000; i++) biased[Math.floor((rng.nextUint32() * big) / 4294967296) % 3]++;
  assert.ok(uniformChiSquare(biased).p < 1e-6, `the check catches the unrejected map: ${biased}`);
});

test('seed 0 is its own stream (it used to share 24301s); sub-streams are mixed, not the parent outputs', () => {
  assert.notEqual(createRng(0).nextUint32(), createRng(24301).nextUint32());
  const parent = createRng(5);
  const copy = createRng(5);
  const child = splitRng(parent);
  const raw = [copy.nextUint32(), copy.nextUint32(), copy.nextUint32(), copy.nextUint32()];
  assert.notDeepEqual(
    Array.from({ length: 4 }, () => child.nextUint32()),
    raw,
  );
  const block = new Uint32Array(5);
  const a = createRng(9);
  const b = createRng(9);
  a.fillUint32(block);
  assert.deepEqual(
    Array.from(block),
    Array.from({ length: 5 }, () => b.nextUint32()),
  );
});

test('fillUint32 continues the stream exactly as nextUint32 would, across blocks and mixed calls', () => {
  const a = createRng(2024);
  const b = createRng(2024);
  const got: number[] = [];
  for (const size of [1, 4096, 7, 0, 333]) {
    const block = new Uint32Array(size);
    a.fillUint32(block);
    got.push(...block, a.nextUint32());
  }
  const want = Array.from({ length: got.length }, () => b.nextUint32());
  assert.deepEqual(got, want);
  assert.equal(a.uniform(), b.uniform());
});

test('indexFromUint32 gives the plain rule (reject when the low part is below 2^32 mod n) for every r and n tried', () => {
  const plain = (r: number, n: number) => {
    const product = r * n;
    const index = Math.floor(product / 4294967296);
    return product - index * 4294967296 < 4294967296 % n ? -1 : index;
  };
  const rng = createRng(21);
  const sizes = [1, 2, 3, 7, 1000, 1001, 65535, 1_000_000, 2 ** 31 - 1, 2 ** 31, 3 * 2 ** 30, 2 ** 32 - 1, 2 ** 32];
  for (const n of sizes) {
    for (let k = 0; k < 200; k++) {
      // The first r of index j (its low part is below n, where the rejection is decided) and random r.
      const j = Math.floor((k * n) / 200);
      const r = k % 2 === 0 ? Math.min(4294967295, Math.ceil((j * 4294967296) / n)) : rng.nextUint32();
      for (const x of [r, Math.max(0, r - 1), Math.min(4294967295, r + 1), 0, 4294967295])
        assert.equal(indexFromUint32(x, n), plain(x, n), `r ${x}, n ${n}`);
    }
  }
});
