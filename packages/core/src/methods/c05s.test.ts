import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesReference, loadReference } from '../../test/battery_fixture.ts';
import {
  binomialBand,
  rejectionCount,
  runCell,
  simulateClean,
  tableFromVectors,
  withCounts,
} from '../../test/battery_support.ts';
import { binomialTestTwoSided } from '../battery/binomial_test.ts';
import { createRng, type Rng } from '../rng.ts';
import { c05sCell as method } from './c05s.ts';

test('C05s agrees with the R reference (share, binom.test p) to 1e-9', () => {
  const cells = assertMatchesReference(method, (v, r) => [
    ['n', v.n, r.n],
    ['share', v.statistic, r.share],
    ['p', v.pValue as number, r.pValue],
  ]);
  assert.equal(cells, 11);
});

test('exact two-sided binomial test agrees with R binom.test', () => {
  for (const b of loadReference().binomialTests) {
    const p = binomialTestTwoSided(b.k, b.n, b.p);
    assert.ok(
      Math.abs(p - b.pValue) <= 1e-9 * Math.max(b.pValue, 1e-300) || Math.abs(p - b.pValue) < 1e-12,
      `${b.k}/${b.n}`,
    );
  }
});

test('C05s counts zeros as ending in 0 (EFT definition) and warns; bad counts are excluded', () => {
  const counts = [0, 0, 0, 5, 12, 20, 33, 47, 1.5];
  const table = tableFromVectors({ registered: counts.map(() => 100), ballotsCast: counts, candidates: { A: counts } });
  const out = runCell(method, table, 'A');
  assert.ok(out.ok);
  assert.equal(out.value.n, 8);
  assert.equal(out.value.statistic, 5 / 8);
  assert.ok(out.value.warnings.some((w) => w.includes('zero')));
  assert.deepEqual(out.value.excluded, [{ reason: 'missing, negative or non-integer count', count: 1 }]);
  const empty = runCell(method, tableFromVectors({ registered: [], ballotsCast: [], candidates: { A: [] } }), 'A');
  assert.ok(!empty.ok && empty.error.kind === 'insufficient_data');
});

const mid = (rng: Rng) => simulateClean({ n: 1000, minSize: 200, maxSize: 3000 }, rng);
const small = (rng: Rng) => simulateClean({ n: 500, minSize: 20, maxSize: 300 }, rng);

test('C05s calibration on clean simulated elections (200 reps each)', () => {
  const [lo, hi] = binomialBand(200);
  for (const [name, gen, target, seed] of [
    ['mid', mid, 'A', 31],
    ['mid', mid, 'turnout', 32],
    ['small', small, 'C', 33],
  ] as const) {
    const r = rejectionCount(method, target, 200, seed, gen);
    console.log(`C05s clean rejections (${name} stations), ${target}: ${r.rejections}/200; band [${lo}, ${hi}]`);
    assert.ok(r.rejections >= lo && r.rejections <= hi, `${name} ${target}: ${r.rejections}`);
  }
});

test('C05s on a tiny candidate with many zero counts rejects on clean data (measured honestly)', () => {
  const tiny = (rng: Rng) => simulateClean({ n: 500, minSize: 20, maxSize: 300, shares: [0.6, 0.39, 0.01] }, rng);
  const [, hi] = binomialBand(200);
  const r = rejectionCount(method, 'C', 200, 34, tiny);
  console.log(`C05s clean rejections, 1% candidate on small stations: ${r.rejections}/200`);
  assert.ok(r.rejections > 2 * hi);
});

test('C05s power: 15% of the leader counts rounded to the nearest 10', () => {
  const rng = createRng(35);
  let rejections = 0;
  for (let r = 0; r < 50; r++) {
    const clean = mid(rng);
    const votes = clean.candidates.map((c) => Float64Array.from(c.votes));
    for (let i = 0; i < clean.n; i++) if (rng.uniform() < 0.15) votes[0][i] = Math.round(votes[0][i] / 10) * 10;
    const out = runCell(method, withCounts(clean, clean.ballotsCast, votes), 'A');
    assert.ok(out.ok);
    if ((out.value.pValue as number) < 0.05) rejections++;
  }
  console.log(`C05s power (15% rounded to tens): ${rejections}/50`);
  assert.ok(rejections >= 45);
});
