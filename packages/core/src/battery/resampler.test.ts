import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chiSquareUpperTail } from '../numeric/distributions.ts';
import { createRng } from '../rng.ts';
import { makeResampler } from './bootstrap.ts';

test('bootstrap multiplicities: every position equally likely (chi-square, 0.1% level, seed fixed)', () => {
  // Summed over calls, the counts are multinomial with equal cell probabilities, so Pearson's chi-square with
  // len - 1 degrees of freedom applies exactly in the limit; 20,000 calls give 140,000 draws for len = 7.
  const resample = makeResampler(createRng(21));
  const len = 7;
  const counts = new Int32Array(len);
  const total = new Float64Array(len);
  for (let call = 0; call < 20_000; call++) {
    resample(counts, len);
    let drawn = 0;
    for (let p = 0; p < len; p++) {
      total[p] += counts[p];
      drawn += counts[p];
    }
    assert.equal(drawn, len);
  }
  const expected = (20_000 * len) / len;
  let chi2 = 0;
  for (let p = 0; p < len; p++) chi2 += (total[p] - expected) ** 2 / expected;
  assert.ok(chiSquareUpperTail(chi2, len - 1) > 0.001, `chi2 ${chi2}`);
});
