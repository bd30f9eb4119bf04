/**
 * The regression discontinuity against R (fixtures/make_fixtures.R, models rd_plain and rd_covariate_fe:
 * lm with triangular weights on the rows within the bandwidth, sandwich::vcovCL) to 1e-8 relative, and
 * against the two one-sided local linear fits of latecount/local_linear.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { breakAt, ikBandwidth } from '../latecount/local_linear.ts';
import { createRng } from '../rng.ts';
import type { Factor } from './absorb.ts';
import { regressionDiscontinuity } from './discontinuity.ts';
import { wildClusterBootstrap } from './wild_bootstrap.ts';

interface Model {
  id: string;
  coefficients: number[];
  seCR1: number[];
  seCR1TwoWay: number[];
  seHC1: number[];
  n: number;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/regression_fixtures.json', import.meta.url), 'utf8')) as {
  data: { rd: Record<string, number[]> };
  models: Model[];
};
const rd = fixture.data.rd;
const model = (id: string) => fixture.models.find((m) => m.id === id)!;
const factor = (name: string): Factor => ({ name, codes: Int32Array.from(rd[name]), count: Math.max(...rd[name]) + 1 });

function close(actual: number, expected: number, label: string): void {
  const relative = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(relative <= 1e-8, `${label}: ${actual} vs R ${expected} (relative ${relative})`);
}

test('plain local linear jump, CR1 one-way and two-way and HC1: R to 1e-8', () => {
  const reference = model('rd_plain');
  const base = {
    outcome: { name: 'y', values: rd.y },
    running: { name: 't', values: rd.t },
    cutoff: 95,
    bandwidth: 20,
  };
  const oneWay = regressionDiscontinuity({ ...base, clusters: [factor('recinto')] });
  const twoWay = regressionDiscontinuity({ ...base, clusters: [factor('recinto'), factor('dept')] });
  const robust = regressionDiscontinuity(base);
  assert.ok(oneWay.ok && twoWay.ok && robust.ok);
  // R's coefficient order: (Intercept), above, tc, tc_above
  close(oneWay.value.estimate, reference.coefficients[1], 'jump');
  close(oneWay.value.se, reference.seCR1[1], 'CR1 se');
  close(twoWay.value.se, reference.seCR1TwoWay[1], 'two-way CR1 se');
  close(robust.value.se, reference.seHC1[1], 'HC1 se');
  assert.equal(robust.value.varianceType, 'HC1');
  assert.equal(oneWay.value.nLeft + oneWay.value.nRight, reference.n);
});

test('with a covariate and department fixed effects: R to 1e-8', () => {
  const reference = model('rd_covariate_fe');
  const result = regressionDiscontinuity({
    outcome: { name: 'y', values: rd.y },
    running: { name: 't', values: rd.t },
    cutoff: 95,
    bandwidth: 20,
    covariates: [{ name: 'z', values: rd.z }],
    fixedEffects: [factor('dept')],
    clusters: [factor('recinto')],
  });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  close(result.value.estimate, reference.coefficients[0], 'jump');
  close(result.value.se, reference.seCR1[0], 'CR1 se');
  assert.deepEqual(
    result.value.coefficients.map((row) => row.name),
    ['above', 'running_centered', 'running_centered_above', 'z'],
  );
});

test('without covariates the jump equals the two one-sided fits of local_linear.ts; IK bandwidth by default', () => {
  const rng = createRng(4);
  const n = 500;
  const x = Float64Array.from({ length: n }, () => 100 * rng.uniform());
  const y = x.map((v) => 0.02 * v + (v > 60 ? 1.5 : 0) + rng.normal());
  const h = ikBandwidth(x, y, 60);
  assert.ok(h.ok);
  const result = regressionDiscontinuity({
    outcome: { name: 'y', values: y },
    running: { name: 'x', values: x },
    cutoff: 60,
  });
  assert.ok(result.ok);
  assert.equal(result.value.bandwidthRule, 'imbens_kalyanaraman');
  assert.equal(result.value.bandwidth, h.value);
  const sides = breakAt(x, y, 60, h.value);
  assert.ok(sides !== null);
  assert.ok(Math.abs(result.value.estimate - sides.estimate) < 1e-10 * Math.max(1, Math.abs(sides.estimate)));
  assert.equal(result.value.nLeft, sides.left.n);
  assert.equal(result.value.nRight, sides.right.n);
});

test('too few rows on one side, or a bad bandwidth, is a clear error', () => {
  const x = Float64Array.from({ length: 50 }, (_, i) => i);
  const y = x.map((v) => v * 0.1);
  const few = regressionDiscontinuity({
    outcome: { name: 'y', values: y },
    running: { name: 'x', values: x },
    cutoff: 48,
    bandwidth: 5,
  });
  assert.ok(!few.ok && few.error.kind === 'insufficient_data' && /1 right/.test(few.error.message));
  const bad = regressionDiscontinuity({
    outcome: { name: 'y', values: y },
    running: { name: 'x', values: x },
    cutoff: 20,
    bandwidth: -1,
  });
  assert.ok(!bad.ok && bad.error.kind === 'invalid_options');
});

test('the wild cluster bootstrap runs on the local fit (rows outside the bandwidth left out)', () => {
  const result = regressionDiscontinuity({
    outcome: { name: 'y', values: rd.y },
    running: { name: 't', values: rd.t },
    cutoff: 95,
    bandwidth: 20,
    clusters: [factor('recinto')],
  });
  assert.ok(result.ok);
  const boot = wildClusterBootstrap(
    result.value.fit,
    { coefficient: 'above', clusters: factor('recinto'), replications: 999 },
    createRng(1),
  );
  assert.ok(boot.ok, boot.ok ? '' : boot.error.message);
  assert.equal(boot.value.estimate, result.value.estimate);
  assert.equal(boot.value.clusters, new Set(result.value.fit.rowsUsed.map((i) => rd.recinto[i])).size);
  // At the estimate itself t = 0, so every replication is at least as extreme.
  const atEstimate = wildClusterBootstrap(
    result.value.fit,
    { coefficient: 'above', nullValue: result.value.estimate, clusters: factor('recinto'), replications: 999 },
    createRng(1),
  );
  assert.ok(atEstimate.ok && atEstimate.value.pValue === 1);
});
