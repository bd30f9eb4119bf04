import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesReference } from '../../test/battery_fixture.ts';
import { binomialBand, rejectionCount, runCell, simulateClean, tableFromVectors } from '../../test/battery_support.ts';
import { createRng, type Rng } from '../rng.ts';
import { firstDigitBenfordCell as method } from './first_digit_benford.ts';

test('first-digit Benford agrees with the R reference (chisq.test, spans) to 1e-9', () => {
  const cells = assertMatchesReference(method, (v, r) => {
    assert.deepEqual(v.details.frequencies, r.frequencies);
    const om = v.details.ordersOfMagnitude as { central90: number; range: number };
    return [
      ['n', v.n, r.n],
      ['chi2', v.statistic, r.chi2],
      ['p', v.pValue as number, r.pValue],
      ['central90', om.central90, r.central90],
      ['range', om.range, r.range],
    ];
  });
  assert.equal(cells, 11);
});

const logUniform = (rng: Rng, n: number) =>
  Float64Array.from({ length: n }, () => Math.floor(10 ** (2 + 4 * rng.uniform())));

test('first-digit Benford warns when counts span less than two orders of magnitude, and only then', () => {
  const rng = createRng(91);
  const wide = logUniform(rng, 500);
  const t = tableFromVectors({ registered: wide.map((x) => 2 * x), ballotsCast: wide, candidates: { A: wide } });
  const w = runCell(method, t, 'A');
  assert.ok(w.ok);
  assert.ok(!w.value.warnings.some((s) => s.includes('two orders')));
  const clean = runCell(method, simulateClean({ n: 500 }, rng), 'A');
  assert.ok(clean.ok);
  assert.ok(clean.value.warnings.some((s) => s.includes('two orders')));
  const zeros = tableFromVectors({ registered: [10, 10], ballotsCast: [0, 0], candidates: { A: [0, 0] } });
  const z = runCell(method, zeros, 'A');
  assert.ok(!z.ok && z.error.kind === 'insufficient_data');
});

test('first-digit Benford holds its size on counts spanning four decades (log-uniform, 200 reps)', () => {
  const [lo, hi] = binomialBand(200);
  const gen = (rng: Rng) => {
    const c = logUniform(rng, 1000);
    return tableFromVectors({ registered: c.map((x) => 2 * x), ballotsCast: c, candidates: { A: c } });
  };
  const r = rejectionCount(method, 'A', 200, 92, gen);
  console.log(`first-digit Benford rejections on log-uniform counts: ${r.rejections}/200; band [${lo}, ${hi}]`);
  assert.ok(r.rejections >= lo && r.rejections <= hi);
});

test('first-digit Benford rejects clean simulated elections almost always (why it carries a warning)', () => {
  const r = rejectionCount(method, 'A', 100, 93, (rng) => simulateClean({ n: 1000 }, rng));
  console.log(`first-digit Benford rejections on clean elections: ${r.rejections}/100`);
  assert.ok(r.rejections >= 95);
});
