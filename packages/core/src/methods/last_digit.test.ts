import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesReference } from '../../test/battery_fixture.ts';
import {
  binomialBand,
  rejectionCount,
  runCell,
  simulateClean,
  tableFromVectors,
  withCounts,
} from '../../test/battery_support.ts';
import { createRng, type Rng } from '../rng.ts';
import { makeLastDigitCell, lastDigitCell as method } from './last_digit.ts';

test('last digit agrees with the R reference to 1e-9 (chi-square on counts >= 10; EFT mean over all counts)', () => {
  const cells = assertMatchesReference(method, (v, r) => {
    const eft = v.details.eftLastDigitMean as { mean: number; pValue: number };
    assert.deepEqual(v.details.frequencies, r.frequencies);
    return [
      ['n', v.n, r.n],
      ['chi2', v.statistic, r.chi2],
      ['p', v.pValue as number, r.pValue],
      ['eft mean', eft.mean, r.eftMean],
      ['eft p', eft.pValue, r.eftPValue],
    ];
  });
  assert.equal(cells, 11);
});

test('last digit: small counts excluded and counted; bad counts excluded; too few is insufficient_data', () => {
  const counts = [3, 7, 12, 25, 38, 41, 59, 60, 77, 83, 94, 105, 2.5, -4];
  const table = tableFromVectors({
    registered: counts.map(() => 1000),
    ballotsCast: counts,
    candidates: { A: counts },
  });
  const out = runCell(method, table, 'A');
  assert.ok(out.ok);
  assert.equal(out.value.n, 10);
  assert.deepEqual(out.value.excluded, [
    { reason: 'count below 10 (small-count rule)', count: 2 },
    { reason: 'missing, negative or non-integer count', count: 2 },
  ]);
  assert.equal((out.value.details.eftLastDigitMean as { n: number }).n, 12);
  const few = runCell(makeLastDigitCell(50), table, 'A');
  assert.ok(!few.ok && few.error.kind === 'insufficient_data');
  const empty = runCell(method, tableFromVectors({ registered: [], ballotsCast: [], candidates: { A: [] } }), 'A');
  assert.ok(!empty.ok && empty.error.kind === 'insufficient_data');
});

const mid = (rng: Rng) => simulateClean({ n: 1000, minSize: 200, maxSize: 3000 }, rng);
const small = (rng: Rng) => simulateClean({ n: 500, minSize: 20, maxSize: 300 }, rng);

test('last digit calibration: holds size on mid-sized stations (200 reps)', () => {
  const [lo, hi] = binomialBand(200);
  for (const [target, seed] of [
    ['A', 21],
    ['C', 22],
    ['turnout', 23],
  ] as const) {
    const r = rejectionCount(method, target, 200, seed, mid);
    console.log(`last digit clean rejections (mid stations), ${target}: ${r.rejections}/200; band [${lo}, ${hi}]`);
    assert.equal(r.errors, 0);
    assert.ok(r.rejections >= lo && r.rejections <= hi, `${target}: ${r.rejections}`);
  }
});

test('last digit on small stations: the 10-vote rule is not enough for a small candidate (measured honestly)', () => {
  const [, hi] = binomialBand(200);
  const r = rejectionCount(method, 'C', 200, 24, small);
  console.log(`last digit clean rejections (stations of 20-300 voters), C at minCount 10: ${r.rejections}/200`);
  assert.ok(r.rejections > 2 * hi, `C: ${r.rejections}`);
  const strict = rejectionCount(makeLastDigitCell(100), 'A', 200, 25, small);
  console.log(`... A at minCount 100: ${strict.rejections}/200`);
  assert.ok(strict.rejections <= hi, `A strict: ${strict.rejections}`);
});

test('last digit power: 20% of the leader counts rewritten with a last digit of 0 or 5', () => {
  const rng = createRng(26);
  let rejections = 0;
  for (let r = 0; r < 50; r++) {
    const clean = mid(rng);
    const votes = clean.candidates.map((c) => Float64Array.from(c.votes));
    for (let i = 0; i < clean.n; i++) {
      if (rng.uniform() < 0.2) votes[0][i] = votes[0][i] - (votes[0][i] % 10) + (rng.uniform() < 0.5 ? 0 : 5);
    }
    const out = runCell(method, withCounts(clean, clean.ballotsCast, votes), 'A');
    assert.ok(out.ok);
    if ((out.value.pValue as number) < 0.05) rejections++;
  }
  console.log(`last digit power (20% of counts ending in 0/5): ${rejections}/50`);
  assert.ok(rejections >= 45);
});
