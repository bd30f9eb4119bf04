/**
 * The regression engine against R (fixtures/make_fixtures.R: lm with dummy factors, sandwich::vcovHC /
 * vcovCL, lmtest::coeftest, estimatr::lm_robust). Tolerance 1e-8 relative: both sides solve the same
 * least-squares problem in double precision (R by QR of the full dummy design, Tally by QR after
 * demeaning to 1e-13), so agreement is limited by rounding, around 1e-12, and by the demeaning tolerance.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Factor } from './absorb.ts';
import { fitLinearModel, type LinearModelFit } from './linear_model.ts';
import { coefficientTable, coefficientVariance, type VarianceOptions } from './variance.ts';

interface ModelFixture {
  id: string;
  data: 'main' | 'rd';
  regressors: string[];
  fixedEffects: string[];
  weighted: boolean;
  rdCutoff: number | null;
  rdBandwidth: number | null;
  clusters1: string[];
  clusters2: string[];
  names: string[];
  coefficients: number[];
  n: number;
  rank: number;
  dfResidual: number;
  seClassical: number[];
  seHC1: number[];
  seCR1: number[];
  seCR1TwoWay: number[];
  pCR1: number[];
  estimatr?: {
    coefficients: number[];
    seClassical: number[];
    seHC1: number[];
    seCR1: number[];
    pCR1: number[];
    dfCR1: number[];
    lowCR1: number[];
    highCR1: number[];
  };
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/regression_fixtures.json', import.meta.url), 'utf8')) as {
  data: Record<string, Record<string, number[]>>;
  models: ModelFixture[];
  collinear: { names: string[]; coefficients: number[]; na: string[] };
  reghdfe: { coefficients: number[]; seCR1: number[] };
};

const TOLERANCE = 1e-8;

/**
 * Relative difference at most 1e-8, or an absolute one below `floor`: p-values come from 1 - F(|t|),
 * which cannot resolve a p-value much below 1e-15 (R computes the tail directly and gives, e.g., 7e-36).
 */
function close(actual: ArrayLike<number>, expected: readonly number[], label: string, floor = 0): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  for (let a = 0; a < expected.length; a++) {
    const difference = Math.abs(actual[a] - expected[a]);
    const relative = difference / Math.max(Math.abs(expected[a]), 1e-300);
    assert.ok(
      relative <= TOLERANCE || difference < floor,
      `${label}[${a}]: ${actual[a]} vs R ${expected[a]} (relative ${relative})`,
    );
  }
}

const P_FLOOR = 1e-14;

/** A factor from a column of integer codes 0..max. */
function factorOf(name: string, values: readonly number[]): Factor {
  return { name, codes: Int32Array.from(values), count: Math.max(...values) + 1 };
}

/** The columns of a model's data, with the RD columns derived as the R script derives them. */
function columnsFor(model: ModelFixture): Record<string, number[]> {
  const data = fixture.data[model.data];
  if (model.rdCutoff === null) return data;
  const c = model.rdCutoff;
  const h = model.rdBandwidth!;
  const above = data.t.map((t) => (t > c ? 1 : 0));
  const tc = data.t.map((t) => t - c);
  return {
    ...data,
    above,
    tc,
    tc_above: tc.map((v, i) => v * above[i]),
    kw: tc.map((v) => Math.max(0, 1 - Math.abs(v) / h)),
  };
}

function fitFixture(model: ModelFixture): { fit: LinearModelFit; columns: Record<string, number[]> } {
  const columns = columnsFor(model);
  const result = fitLinearModel({
    outcome: { name: 'y', values: columns.y },
    regressors: model.regressors.map((name) => ({ name, values: columns[name] })),
    fixedEffects: model.fixedEffects.map((name) => factorOf(name, columns[name])),
    weights: model.weighted ? (model.rdCutoff === null ? columns.w : columns.kw) : undefined,
  });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return { fit: result.value, columns };
}

for (const model of fixture.models) {
  test(`${model.id}: coefficients and classical, HC1, CR1 one-way and two-way SEs match R to 1e-8`, () => {
    const { fit, columns } = fitFixture(model);
    assert.deepEqual(fit.names, model.names);
    assert.equal(fit.n, model.n);
    assert.equal(fit.rank, model.rank, 'K: coefficients plus the rank of the absorbed dummies, as lm counts them');
    assert.equal(fit.dfResidual, model.dfResidual);
    close(fit.coefficients, model.coefficients, 'coefficients');
    const se = (options: VarianceOptions) => {
      const v = coefficientVariance(fit, options);
      assert.ok(v.ok, v.ok ? '' : v.error.message);
      return v.value;
    };
    const factors = (names: string[]) => names.map((name) => factorOf(name, columns[name]));
    close(se({ type: 'classical' }).se, model.seClassical, 'classical se');
    close(se({ type: 'HC1' }).se, model.seHC1, 'HC1 se');
    const cr1 = se({ type: 'CR1', clusters: factors(model.clusters1) });
    close(cr1.se, model.seCR1, 'CR1 se');
    close(
      coefficientTable(fit, cr1).map((row) => row.pValue),
      model.pCR1,
      'CR1 p-values (t with G - 1 df, lmtest::coeftest)',
      P_FLOOR,
    );
    close(se({ type: 'CR1', clusters: factors(model.clusters2) }).se, model.seCR1TwoWay, 'two-way CR1 se');
    if (model.estimatr !== undefined) {
      const e = model.estimatr;
      close(fit.coefficients, e.coefficients, 'estimatr coefficients');
      close(se({ type: 'classical' }).se, e.seClassical, 'estimatr classical se');
      close(se({ type: 'HC1' }).se, e.seHC1, 'estimatr HC1 se');
      close(cr1.se, e.seCR1, 'estimatr CR1 (stata) se');
      const table = coefficientTable(fit, cr1);
      assert.ok(e.dfCR1.every((df) => df === cr1.df));
      close(
        table.map((row) => row.pValue),
        e.pCR1,
        'estimatr CR1 p-values',
        P_FLOOR,
      );
      close(
        table.map((row) => row.low),
        e.lowCR1,
        'estimatr CR1 95% low',
      );
      close(
        table.map((row) => row.high),
        e.highCR1,
        'estimatr CR1 95% high',
      );
    }
  });
}

test('collinear regressors are dropped in order, as lm reports NA for them', () => {
  const data = fixture.data.main;
  const fit = fitLinearModel({
    outcome: { name: 'y', values: data.y },
    regressors: ['x1', 'x2', 'x4', 'x3', 'xconst'].map((name) => ({ name, values: data[name] })),
    fixedEffects: [factorOf('fe1', data.fe1)],
  });
  assert.ok(fit.ok);
  assert.deepEqual(fit.value.names, fixture.collinear.names);
  assert.deepEqual(fit.value.dropped, fixture.collinear.na);
  close(fit.value.coefficients, fixture.collinear.coefficients, 'coefficients with collinear columns');
});

test('bad input is refused naming the column and row', () => {
  const y = [1, 2, Number.NaN, 4];
  const bad = fitLinearModel({
    outcome: { name: 'margin', values: y },
    regressors: [{ name: 'x', values: [1, 2, 3, 5] }],
  });
  assert.ok(!bad.ok && /column "margin", row 3/.test(bad.error.message));
  const code = fitLinearModel({
    outcome: { name: 'y', values: [1, 2, 3, 4] },
    regressors: [{ name: 'x', values: [1, 2, 3, 5] }],
    fixedEffects: [{ name: 'recinto', codes: [0, 1, 2, 1], count: 2 }],
  });
  assert.ok(!code.ok && /factor "recinto", row 3/.test(code.error.message));
  const allAbsorbed = fitLinearModel({
    outcome: { name: 'y', values: [1, 2, 3, 4] },
    regressors: [{ name: 'x', values: [1, 1, 3, 3] }],
    fixedEffects: [{ name: 'g', codes: [0, 0, 1, 1], count: 2 }],
  });
  assert.ok(!allAbsorbed.ok && allAbsorbed.error.kind === 'degenerate_input');
});

test('singletons: kept by default and counted; dropped iteratively on request, as reghdfe', () => {
  // Row 5 is alone in its group a = 2; once it goes, row 4 is alone in b = 3.
  const a = [0, 0, 1, 1, 2, 0, 1];
  const b = [0, 1, 0, 1, 3, 0, 1];
  b[3] = 3;
  const input = {
    outcome: { name: 'y', values: [1, 3, 2, 5, 4, 2, 6] },
    regressors: [{ name: 'x', values: [0.5, 1.5, 0.2, 2.0, 1.1, 0.7, 1.9] }],
    fixedEffects: [
      { name: 'a', codes: a, count: 3 },
      { name: 'b', codes: b, count: 4 },
    ],
  };
  const kept = fitLinearModel(input);
  const dropped = fitLinearModel({ ...input, dropSingletons: true });
  assert.ok(kept.ok && dropped.ok);
  assert.equal(kept.value.n, 7);
  assert.equal(kept.value.absorbed!.singletonsKept, 2);
  assert.equal(dropped.value.n, 5);
  assert.equal(dropped.value.absorbed!.singletonsDropped, 2);
});

test('fixed-effect rank: nested factors add nothing, two crossed factors lose one per connected component', () => {
  const data = fixture.data.main;
  const nested = fitFixture(fixture.models.find((m) => m.id === 'fe_nested')!).fit;
  assert.deepEqual(nested.absorbed!.redundant, ['municipality', 'department']);
  assert.equal(nested.absorbed!.rank, new Set(data.recinto).size);
  // Two disconnected blocks: a in {0,1} only meets b in {0,1}; a in {2,3} only b in {2,3}.
  const fitted = fitLinearModel({
    outcome: { name: 'y', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    regressors: [{ name: 'x', values: [0.3, 1.2, 0.5, 2.2, 0.1, 1.7, 0.9, 0.4, 1.1, 2.5] }],
    fixedEffects: [
      { name: 'a', codes: [0, 0, 1, 1, 2, 2, 3, 3, 0, 2], count: 4 },
      { name: 'b', codes: [0, 1, 0, 1, 2, 3, 2, 3, 1, 3], count: 4 },
    ],
  });
  assert.ok(fitted.ok);
  assert.equal(fitted.value.absorbed!.rank, 4 + 4 - 2);
  assert.equal(fitted.value.absorbed!.exact, true);
});

test("reghdfe's K (effects nested in the clusters left out) matches lm_robust on exactly demeaned data", () => {
  const data = fixture.data.main;
  const fitted = fitLinearModel({
    outcome: { name: 'y', values: data.y },
    regressors: ['x1', 'x2', 'x3'].map((name) => ({ name, values: data[name] })),
    fixedEffects: [factorOf('recinto', data.recinto)],
  });
  assert.ok(fitted.ok);
  close(fitted.value.coefficients, fixture.reghdfe.coefficients, 'coefficients');
  const clusters = [factorOf('municipality', data.municipality)];
  const v = coefficientVariance(fitted.value, { type: 'CR1', clusters, nestedEffects: 'reghdfe' });
  assert.ok(v.ok);
  close(v.value.se, fixture.reghdfe.seCR1, 'CR1 with reghdfe K');
  const all = coefficientVariance(fitted.value, { type: 'CR1', clusters });
  assert.ok(all.ok && all.value.se[0] > v.value.se[0], 'counting the 60 recinto effects gives larger SEs');
});
