/**
 * The wild cluster bootstrap has no reference in Debian's R (fwildclusterboot is not packaged), so it is
 * checked (1) against a brute-force version built from the R-checked pieces (rebuild y*, refit with the
 * fixed effects absorbed again, CR1 t): with every Rademacher sign vector enumerated both are
 * deterministic and must agree exactly; (2) by its size under the null with 10 clusters; (3) by agreeing
 * with CR1 asymptotics when clusters are many.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, type Rng } from '../rng.ts';
import type { Factor } from './absorb.ts';
import { fitLinearModel, type LinearModelFit, type LinearModelInput } from './linear_model.ts';
import { coefficientTable, coefficientVariance } from './variance.ts';
import { wildClusterBootstrap } from './wild_bootstrap.ts';

interface Simulated {
  input: LinearModelInput;
  clusters: Factor;
  fixedEffects: Factor[];
}

/** y = 0.3 x2 + beta x1 + fixed effects + cluster shock + heteroskedastic noise, x1 correlated within clusters. */
type Effects = 'none' | 'nested' | 'nested and crossed';

function simulate(
  rng: Rng,
  G: number,
  perCluster: number,
  beta: number,
  effects: Effects,
  weighted: boolean,
): Simulated {
  const n = G * perCluster;
  const cluster = new Int32Array(n);
  const inner = new Int32Array(n);
  const cross = new Int32Array(n);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  const shockX = Array.from({ length: G }, () => rng.normal());
  const shockY = Array.from({ length: G }, () => rng.normal());
  const crossEffect = Array.from({ length: 4 }, () => rng.normal());
  for (let i = 0; i < n; i++) {
    const g = Math.floor(i / perCluster);
    cluster[i] = g;
    inner[i] = 2 * g + (i % 2);
    cross[i] = rng.int(4);
    x1[i] = shockX[g] + rng.normal();
    x2[i] = rng.normal();
    w[i] = weighted ? 0.5 + rng.uniform() : 1;
    y[i] = beta * x1[i] + 0.3 * x2[i] + shockY[g] * (1 + 0.5 * Math.abs(x1[i])) + rng.normal() + crossEffect[cross[i]];
  }
  const fixedEffects: Factor[] = [];
  if (effects !== 'none') fixedEffects.push({ name: 'inner', codes: inner, count: 2 * G });
  if (effects === 'nested and crossed') fixedEffects.push({ name: 'cross', codes: cross, count: 4 });
  return {
    input: {
      outcome: { name: 'y', values: y },
      regressors: [
        { name: 'x1', values: x1 },
        { name: 'x2', values: x2 },
      ],
      fixedEffects,
      weights: weighted ? w : undefined,
    },
    clusters: { name: 'cluster', codes: cluster, count: G },
    fixedEffects,
  };
}

function fit(input: LinearModelInput): LinearModelFit {
  const result = fitLinearModel(input);
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

/** The restricted wild bootstrap written the slow way: every replication refits the whole model. */
function bruteForceP(sim: Simulated, nullValue: number): number {
  const { input } = sim;
  const y = input.outcome.values as Float64Array;
  const x1 = input.regressors[0].values as Float64Array;
  const shifted = y.map((v, i) => v - nullValue * x1[i]);
  const restricted = fit({ ...input, outcome: { name: 'y', values: shifted }, regressors: [input.regressors[1]] });
  const unrestricted = fit(input);
  assert.equal(unrestricted.names[0], 'x1');
  const t0 = Math.abs(
    (unrestricted.coefficients[0] - nullValue) /
      (
        coefficientVariance(unrestricted, { type: 'CR1', clusters: [sim.clusters] }) as {
          ok: true;
          value: { se: Float64Array };
        }
      ).value.se[0],
  );
  const G = sim.clusters.count;
  let atLeast = 0;
  for (let b = 0; b < 2 ** G; b++) {
    const yStar = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) {
      const v = Math.floor(b / 2 ** sim.clusters.codes[i]) % 2 === 0 ? 1 : -1;
      // y* = y - (1 - v) u: the restricted fit (fixed effects included) plus v times its residual.
      yStar[i] = y[i] - (1 - v) * restricted.residuals[i];
    }
    const star = fit({ ...input, outcome: { name: 'y', values: yStar } });
    const v = coefficientVariance(star, { type: 'CR1', clusters: [sim.clusters] });
    assert.ok(v.ok);
    const t = Math.abs((star.coefficients[0] - nullValue) / v.value.se[0]);
    if (t >= t0 * (1 - 1e-12)) atLeast++;
  }
  return atLeast / 2 ** G;
}

for (const [effects, weighted] of [
  ['nested', false],
  ['nested and crossed', true],
] as const) {
  test(`enumerated Rademacher p-value equals the brute-force refit (fixed effects ${effects}, weighted ${weighted})`, () => {
    const sim = simulate(createRng(11), 8, 12, 0.25, effects, weighted);
    const unrestricted = fit(sim.input);
    for (const nullValue of [0, 0.25, 0.6]) {
      const fast = wildClusterBootstrap(
        unrestricted,
        { coefficient: 'x1', nullValue, clusters: sim.clusters, replications: 999 },
        createRng(1),
      );
      assert.ok(fast.ok, fast.ok ? '' : fast.error.message);
      assert.equal(fast.value.enumerated, true);
      assert.equal(fast.value.replications, 256);
      assert.equal(fast.value.pValue, bruteForceP(sim, nullValue), `null ${nullValue}`);
    }
  });
}

test('size under the null with 10 clusters: Webb weights reject about 5% (500 datasets)', () => {
  // Binomial tolerance: with a true size of 0.05, 500 datasets give a rejection rate within
  // 0.05 +- 3 sqrt(0.05 * 0.95 / 500) = [0.021, 0.079] with probability 0.997.
  const rng = createRng(2019);
  const datasets = 500;
  let rejected = 0;
  for (let d = 0; d < datasets; d++) {
    const sim = simulate(rng, 10, 15, 0, 'nested', false);
    const result = wildClusterBootstrap(
      fit(sim.input),
      { coefficient: 'x1', clusters: sim.clusters, weights: 'webb', replications: 199 },
      rng,
    );
    assert.ok(result.ok);
    if (result.value.pValue <= 0.05) rejected++;
  }
  const rate = rejected / datasets;
  assert.ok(rate >= 0.021 && rate <= 0.079, `rejection rate ${rate}`);
});

test('with 200 clusters the bootstrap p-value and interval agree with CR1 asymptotics', () => {
  // Monte Carlo error of a p-value near 0.1 from 999 replications: sd sqrt(0.1 * 0.9 / 999) = 0.0095;
  // allowed 0.03 (about 3 sd, plus the O(1/G) difference between the bootstrap and the t reference).
  // No fixed effects here: with many absorbed levels CR1's (n - 1) / (n - K) inflates the t reference,
  // while the bootstrap, whose t* carries the same factor, is unaffected.
  const sim = simulate(createRng(5), 200, 5, 0.08, 'none', false);
  const unrestricted = fit(sim.input);
  const variance = coefficientVariance(unrestricted, { type: 'CR1', clusters: [sim.clusters] });
  assert.ok(variance.ok);
  const row = coefficientTable(unrestricted, variance.value).find((r) => r.name === 'x1')!;
  const boot = wildClusterBootstrap(
    unrestricted,
    {
      coefficient: 'x1',
      clusters: sim.clusters,
      replications: 999,
      confidenceLevel: 0.95,
    },
    createRng(6),
  );
  assert.ok(boot.ok);
  assert.ok(Math.abs(boot.value.pValue - row.pValue) < 0.03, `bootstrap ${boot.value.pValue} vs CR1 ${row.pValue}`);
  const interval = boot.value.interval!;
  const width = row.high - row.low;
  assert.ok(Math.abs(interval.low - row.low) < 0.05 * width, `low ${interval.low} vs ${row.low}`);
  assert.ok(Math.abs(interval.high - row.high) < 0.05 * width, `high ${interval.high} vs ${row.high}`);
});

test('same seed, same result; the interval contains the estimate and its ends have p close to 1 - level', () => {
  const sim = simulate(createRng(8), 12, 10, 0.3, 'nested', false);
  const unrestricted = fit(sim.input);
  const options = {
    coefficient: 'x1',
    clusters: sim.clusters,
    weights: 'webb' as const,
    replications: 999,
    confidenceLevel: 0.9,
  };
  const a = wildClusterBootstrap(unrestricted, options, createRng(3));
  const b = wildClusterBootstrap(unrestricted, options, createRng(3));
  assert.ok(a.ok && b.ok);
  assert.equal(JSON.stringify(a.value), JSON.stringify(b.value));
  const { low, high } = a.value.interval!;
  assert.ok(low < a.value.estimate && a.value.estimate < high);
  for (const [end, side] of [
    [low, -1],
    [high, 1],
  ]) {
    const inside = wildClusterBootstrap(unrestricted, { ...options, nullValue: end - side * 1e-6 }, createRng(3));
    const outside = wildClusterBootstrap(unrestricted, { ...options, nullValue: end + side * 1e-6 }, createRng(3));
    assert.ok(inside.ok && outside.ok);
    assert.ok(inside.value.pValue >= 0.1 && outside.value.pValue < 0.1, `end ${end}`);
  }
});
