/**
 * The engine on real Bolivian structure (fixtures/make_bolivia_fixture.R: the mesas of 400 recintos of the
 * bundled 2019 final count, 189 municipalities in 9 departments): station margin on log(registered), turnout
 * and blank share with municipality and department fixed effects, against R's lm with dummies and sandwich, and
 * lm_robust with the municipality absorbed. Tolerance 1e-8 relative, as in linear_model.test.ts: both sides
 * solve the same problem in double precision.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Factor } from './absorb.ts';
import { fitLinearModel } from './linear_model.ts';
import { coefficientVariance } from './variance.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/regression_bolivia_fixture.json', import.meta.url), 'utf8'),
) as {
  data: Record<string, number[]>;
  n: number;
  rank: number;
  levels: Record<string, number>;
  coefficients: number[];
  seClassical: number[];
  seHC1: number[];
  seCR1Recinto: number[];
  seCR1Municipality: number[];
  seCR1RecintoSize: number[];
  estimatrMunicipalityFE: { coefficients: number[]; seCR1Recinto: number[] };
};

function close(actual: ArrayLike<number>, expected: readonly number[], label: string): void {
  for (let a = 0; a < expected.length; a++) {
    const relative = Math.abs(actual[a] - expected[a]) / Math.abs(expected[a]);
    assert.ok(relative <= 1e-8, `${label}[${a}]: ${actual[a]} vs R ${expected[a]} (relative ${relative})`);
  }
}

const d = fixture.data;
const factor = (name: string): Factor => ({ name, codes: Int32Array.from(d[name]), count: Math.max(...d[name]) + 1 });
const cast = d.valid.map((v, i) => v + d.blank[i] + d.null[i]);
const input = {
  outcome: { name: 'margin', values: d.mas.map((m, i) => (100 * (m - d.cc[i])) / d.valid[i]) },
  regressors: [
    { name: 'log_registered', values: d.registered.map(Math.log) },
    { name: 'turnout', values: cast.map((c, i) => c / d.registered[i]) },
    { name: 'blank_share', values: d.blank.map((b, i) => b / cast[i]) },
  ],
};

test('Bolivia structure, municipality and department FE: lm + sandwich to 1e-8; departments redundant', () => {
  const fitted = fitLinearModel({ ...input, fixedEffects: [factor('municipality'), factor('department')] });
  assert.ok(fitted.ok, fitted.ok ? '' : fitted.error.message);
  const fit = fitted.value;
  assert.equal(fit.n, fixture.n);
  assert.equal(new Set(d.recinto).size, fixture.levels.recinto);
  assert.equal(fit.rank, fixture.rank);
  assert.deepEqual(fit.absorbed!.redundant, ['department']);
  close(fit.coefficients, fixture.coefficients, 'coefficients');
  const se = (options: Parameters<typeof coefficientVariance>[1]) => {
    const v = coefficientVariance(fit, options);
    assert.ok(v.ok);
    return v.value.se;
  };
  close(se({ type: 'classical' }), fixture.seClassical, 'classical');
  close(se({ type: 'HC1' }), fixture.seHC1, 'HC1');
  close(se({ type: 'CR1', clusters: [factor('recinto')] }), fixture.seCR1Recinto, 'CR1 recinto');
  close(se({ type: 'CR1', clusters: [factor('municipality')] }), fixture.seCR1Municipality, 'CR1 municipality');
  close(
    se({ type: 'CR1', clusters: [factor('recinto'), factor('size_class')] }),
    fixture.seCR1RecintoSize,
    'two-way CR1 recinto x size class',
  );
});

test('Bolivia structure, municipality absorbed: estimatr lm_robust(se_type = "stata") to 1e-8', () => {
  const fitted = fitLinearModel({ ...input, fixedEffects: [factor('municipality')] });
  assert.ok(fitted.ok);
  close(fitted.value.coefficients, fixture.estimatrMunicipalityFE.coefficients, 'coefficients');
  const v = coefficientVariance(fitted.value, { type: 'CR1', clusters: [factor('recinto')] });
  assert.ok(v.ok);
  close(v.value.se, fixture.estimatrMunicipalityFE.seCR1Recinto, 'CR1 recinto');
});
