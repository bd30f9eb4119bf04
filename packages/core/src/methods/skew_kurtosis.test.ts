import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesReference } from '../../test/battery_fixture.ts';
import { binomialBand, tableFromVectors } from '../../test/battery_support.ts';
import { runByRegion } from '../battery/run_battery.ts';
import { createRng } from '../rng.ts';
import { skewKurtosisCell as method } from './skew_kurtosis.ts';

test('skewness and kurtosis agree with the R reference (population moments) to 1e-9', () => {
  const cells = assertMatchesReference(method, (v, r) => [
    ['n', v.n, r.n],
    ['skewness', v.statistic, r.skewness],
    ['kurtosis', v.details.kurtosis as number, r.kurtosis],
  ]);
  assert.equal(cells, 11);
});

test('skew_kurtosis has no test, and gives tagged errors on tiny or constant input', () => {
  const t = tableFromVectors({
    registered: [100, 100, 100, 100],
    ballotsCast: [50, 60, 80, 71],
    candidates: { A: [1, 2, 3, 4] },
  });
  const r = runByRegion(t, { methods: [method], bootstrap: 0 });
  assert.ok(r.ok);
  for (const x of r.value.results) {
    assert.equal(x.pValue, null);
    assert.equal(x.pValueKind, 'none');
  }
  const two = tableFromVectors({ registered: [100, 100], ballotsCast: [50, 60], candidates: { A: [1, 2] } });
  const a = runByRegion(two, { methods: [method], bootstrap: 0 });
  assert.ok(a.ok && a.value.results.length === 0 && a.value.skipped[0].error.kind === 'insufficient_data');
  const flat = tableFromVectors({
    registered: [100, 100, 100],
    ballotsCast: [50, 50, 50],
    candidates: { A: [1, 2, 3] },
  });
  const b = runByRegion(flat, { methods: [method], bootstrap: 0, candidates: ['A'] });
  assert.ok(b.ok && b.value.skipped.some((s) => s.target === 'turnout' && s.error.kind === 'degenerate_input'));
});

test('bootstrap intervals of skewness and kurtosis cover the true Beta(2, 5) values at about 95% (100 samples)', () => {
  // Beta(a, b): skewness and excess kurtosis in closed form.
  const a = 2;
  const b = 5;
  const trueSkew = (2 * (b - a) * Math.sqrt(a + b + 1)) / ((a + b + 2) * Math.sqrt(a * b));
  const trueKurt = 3 + (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
  const rng = createRng(71);
  let coverSkew = 0;
  let coverKurt = 0;
  const reps = 100;
  for (let r = 0; r < reps; r++) {
    const n = 800;
    const reg = new Float64Array(n).fill(1e9);
    const ballots = Float64Array.from({ length: n }, () => Math.round(rng.beta(a, b) * 1e9));
    const table = tableFromVectors({ registered: reg, ballotsCast: ballots, candidates: { A: ballots } });
    const out = runByRegion(table, { methods: [method], candidates: ['A'], bootstrap: 400, seed: r + 1 });
    assert.ok(out.ok);
    const cell = out.value.results.find((x) => x.target === 'turnout');
    assert.ok(cell);
    const iv = (cell.details.bootstrap as { intervals: Record<string, { lower: number; upper: number }> }).intervals;
    if (iv.skewness.lower <= trueSkew && trueSkew <= iv.skewness.upper) coverSkew++;
    if (iv.kurtosis.lower <= trueKurt && trueKurt <= iv.kurtosis.upper) coverKurt++;
  }
  console.log(
    `percentile bootstrap coverage (nominal 95%, n = 800): skewness ${coverSkew}/${reps}, kurtosis ${coverKurt}/${reps}`,
  );
  // Misses should be a Binomial(100, 0.05) count; percentile intervals of kurtosis under-cover somewhat.
  const [, hi] = binomialBand(reps);
  assert.ok(reps - coverSkew <= hi, `skewness misses ${reps - coverSkew}`);
  assert.ok(reps - coverKurt <= 2 * hi, `kurtosis misses ${reps - coverKurt}`);
});
