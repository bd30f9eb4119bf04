import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { logBetaBinomialPmf, mixtureLogLik } from '../numeric/beta_binomial.ts';
import { GridKde } from '../numeric/grid_kde.ts';
import { digamma, logGamma, trigamma } from '../numeric/polygamma.ts';
import { createRng, deriveSeed } from '../rng.ts';
import { simulateElection } from '../simulate/index.ts';
import type { StationTable } from '../station_table.ts';
import { rozenasSpikesMethod } from './rozenas_spikes.ts';
import { cleanCounts, table } from './rozenas_test_data.ts';

const ref = JSON.parse(
  readFileSync(new URL('../../test/fixtures/rozenas_spikes_reference.json', import.meta.url), 'utf8'),
);

function close(actual: number, expected: number, rel: number, what: string): void {
  const tol = rel * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`);
}

test('digamma, trigamma, log-gamma agree with scipy', () => {
  for (const r of ref.polygamma) {
    close(digamma(r.x), r.digamma, 1e-12, `digamma(${r.x})`);
    close(trigamma(r.x), r.trigamma, 1e-12, `trigamma(${r.x})`);
    close(logGamma(r.x), r.lgamma, 1e-12, `lgamma(${r.x})`);
  }
});

test('beta-binomial log pmf and mixture log-likelihood agree with scipy to 1e-9', () => {
  for (const r of ref.betaBinomial)
    close(logBetaBinomialPmf(r.y, r.n, r.a, r.b), r.logpmf, 1e-10, `BB(${r.y};${r.n},${r.a},${r.b})`);
  const m = ref.mixture;
  const ll = mixtureLogLik(Float64Array.from(m.y), Float64Array.from(m.n), m.components);
  close(ll, m.logLik, 1e-11, 'mixture log-likelihood');
});

test('binned grid kernel density agrees with a direct scipy convolution', () => {
  for (const c of ref.kde.cases) {
    const kde = new GridKde(c.grid, c.bandwidth);
    for (const s of ref.kde.shares) kde.add(s);
    const d = new Float64Array(c.grid);
    kde.densityInto(d);
    for (const p of c.points) close(d[p.j], p.density, 1e-9, `density at ${p.j} (grid ${c.grid})`);
  }
});

test('errors: no stations, too few stations, unknown candidate, bad options, no candidates', () => {
  const empty = rozenasSpikesMethod.run(table([], [], []), {}, createRng(1));
  assert.equal(empty.ok ? '' : empty.error.kind, 'insufficient_data');
  const one = rozenasSpikesMethod.run(table([100], [50], [20]), {}, createRng(1));
  assert.equal(one.ok ? '' : one.error.kind, 'insufficient_data');
  const { N, T, V } = cleanCounts(200, createRng(2));
  const bad = rozenasSpikesMethod.run(table(N, T, V), { candidate: 'Nobody' }, createRng(1));
  assert.equal(bad.ok ? '' : bad.error.kind, 'invalid_options');
  const badR = rozenasSpikesMethod.run(table(N, T, V), { replicates: 3 }, createRng(1));
  assert.equal(badR.ok ? '' : badR.error.kind, 'invalid_options');
  const noCand = rozenasSpikesMethod.run({ ...table(N, T, V), candidates: [] }, {}, createRng(1));
  assert.equal(noCand.ok ? '' : noCand.error.kind, 'missing_column');
});

test('zeros and impossible rows are excluded with reasons, not crashes', () => {
  const { N, T, V } = cleanCounts(100, createRng(3));
  N.push(0, 100, 100, 100);
  T.push(0, 0, 150, 50);
  V.push(0, 0, 10, 60);
  const r = rozenasSpikesMethod.run(table(N, T, V), { replicates: 19 }, createRng(4));
  assert.ok(r.ok);
  const res = r.value[0];
  assert.equal(res.n, 100);
  const reasons = Object.fromEntries(res.excluded.map((e) => [e.reason, e.count]));
  assert.equal(reasons['no ballots in the denominator'], 2);
  assert.equal(reasons['more ballots than registered voters'], 1);
  assert.equal(reasons['candidate votes above the denominator'], 1);
  // p = (1 + #{null >= observed}) / 20: exactly 1 when nothing is in excess (every null ties or beats 0), exactly
  // 1/20 when the observed beats every null, a multiple of 1/20 otherwise.
  assert.ok(res.pValue !== null);
  const nullMax = (res.details.nullFraudShare as { max: number }).max;
  if (res.statistic === 0) assert.equal(res.pValue, 1);
  else if (res.statistic > nullMax) assert.equal(res.pValue, 1 / 20);
  else assert.ok(Math.abs(res.pValue * 20 - Math.round(res.pValue * 20)) < 1e-9 && res.pValue >= 2 / 20);
});

test('same seed gives byte-identical JSON', () => {
  const { N, T, V } = cleanCounts(300, createRng(5));
  const a = rozenasSpikesMethod.run(table(N, T, V), { replicates: 29 }, createRng(9));
  const b = rozenasSpikesMethod.run(table(N, T, V), { replicates: 29 }, createRng(9));
  assert.equal(JSON.stringify(a), JSON.stringify(b));
});

test('calibration, two-sided: on clean elections the Monte Carlo p-value is uniform on {1/20, ..., 1}', () => {
  // 60 clean elections of 400 stations, half from the generic generator (beta-binomial noise), half
  // from our small-station generator. With 19 resamples an exact test's p is uniform on k/20, k = 1..20:
  // P(p <= 0.05) = 1/20 (rejections in the 99% binomial band [0, 8] of 60), mean p 0.525 with standard
  // error 0.288 / sqrt(60) = 0.037 (3.5 SE: [0.395, 0.655], catches an over-conservative test), and the
  // Kolmogorov-Smirnov distance to the discrete uniform below 0.21 (1.63 / sqrt(60), the asymptotic 1%
  // critical value, which is conservative for a discrete law).
  const pValues: number[] = [];
  const trials = 60;
  for (let k = 0; k < trials; k++) {
    const seed = deriveSeed(2017, k);
    let t: StationTable;
    if (k % 2 === 0) t = simulateElection({ stations: 400 }, createRng(seed)).table;
    else {
      const c = cleanCounts(400, createRng(seed));
      t = table(c.N, c.T, c.V);
    }
    const r = rozenasSpikesMethod.run(t, { replicates: 19, maxComponents: 2 }, createRng(seed + 1));
    assert.ok(r.ok);
    pValues.push(r.value[0].pValue ?? 1);
  }
  const rejections = pValues.filter((p) => p <= 0.05).length;
  const meanP = pValues.reduce((a, b) => a + b, 0) / trials;
  let ks = 0;
  for (let k = 1; k <= 20; k++) {
    const below = pValues.filter((p) => p <= k / 20 + 1e-12).length / trials;
    ks = Math.max(ks, Math.abs(below - k / 20));
  }
  const summary = `rejections ${rejections} / ${trials}, mean p ${meanP.toFixed(3)}, KS ${ks.toFixed(3)}`;
  assert.ok(rejections <= 8, summary);
  assert.ok(meanP > 0.395 && meanP < 0.655, summary);
  assert.ok(ks < 0.21, summary);
});

test('power: 4% of stations (60-multiple totals) with shares written in at 1/2, 3/5, 2/3, 3/4 are found and sized', () => {
  const coarse = [0.5, 0.6, 2 / 3, 0.75];
  let rejections = 0;
  const trials = 4;
  for (let k = 0; k < trials; k++) {
    const rng = createRng(deriveSeed(77, k));
    const c = cleanCounts(3000, rng);
    let injected = 0;
    for (let i = 0; i < c.N.length; i++) {
      if (c.N[i] < 100 || rng.uniform() >= 0.04) continue;
      const f = coarse[rng.int(coarse.length)];
      const t = 60 * Math.floor(c.T[i] / 60);
      if (t < 60) continue;
      c.T[i] = t;
      c.V[i] = Math.round(f * t);
      injected++;
    }
    const r = rozenasSpikesMethod.run(table(c.N, c.T, c.V), { replicates: 99, maxComponents: 2 }, createRng(k));
    assert.ok(r.ok);
    const res = r.value[0];
    if ((res.pValue ?? 1) <= 0.05) rejections++;
    const d = res.details as {
      fraudShare: number;
      fraudShareBiasCorrected: number;
      interval: number[];
      flagged: { share: number }[];
    };
    const truth = injected / c.N.length;
    const est = d.fraudShareBiasCorrected;
    // Raw (chance exceedances add ~+0.01 at this size) and bias-corrected (misses spikes hidden in the
    // natural small-station spikes) bracket the injected share.
    assert.ok(est - 0.004 <= truth && truth <= d.fraudShare + 0.004, `${est} / ${d.fraudShare} vs ${truth}`);
    assert.ok(d.interval[0] <= d.fraudShare && d.fraudShare <= d.interval[1]);
    const flagged = d.flagged.map((f) => Math.round(f.share * 1000));
    const found = [500, 600, 667, 750].filter((s) => flagged.includes(s));
    assert.ok(found.length >= 3, `spikes found: ${found}`);
  }
  assert.equal(rejections, trials);
});
