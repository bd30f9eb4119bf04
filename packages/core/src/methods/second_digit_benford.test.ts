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
import { benfordSecond, digitMoments } from '../battery/digits.ts';
import { runByRegion } from '../battery/run_battery.ts';
import { createRng, type Rng } from '../rng.ts';
import { secondDigitBenfordCell as method, secondDigitBenfordMethod } from './second_digit_benford.ts';

test('2BL null mean is 4.187 and probabilities sum to 1', () => {
  const m = digitMoments(benfordSecond);
  assert.ok(Math.abs(m.mean - 4.187) < 5e-4);
  assert.ok(Math.abs(benfordSecond.reduce((a, b) => a + b, 0) - 1) < 1e-12);
});

test('2BL agrees with the R reference (battery_reference.R) to 1e-9', () => {
  const cells = assertMatchesReference(method, (v, r) => {
    const chi = v.details.chiSquare as { statistic: number; pValue: number };
    const small = v.excluded.find((e) => e.reason.startsWith('count below 10'))?.count ?? 0;
    assert.deepEqual(v.details.frequencies, r.frequencies);
    return [
      ['n', v.n, r.n],
      ['excluded small', small, r.excludedSmall],
      ['mean', v.statistic, r.mean],
      ['p', v.pValue as number, r.pValue],
      ['chi2', chi.statistic, r.chi2],
      ['chi2 p', chi.pValue, r.chi2PValue],
    ];
  });
  assert.equal(cells, 11);
});

test('2BL: counts under 10 are excluded and counted; too few counts is insufficient_data', () => {
  const table = tableFromVectors({
    registered: [100, 100, 100],
    ballotsCast: [5, 50, 12],
    candidates: { A: [1, 2, 3] },
  });
  const out = runCell(method, table, 'turnout');
  assert.equal(out.ok, false);
  if (!out.ok) assert.equal(out.error.kind, 'insufficient_data');
  const empty = tableFromVectors({ registered: [], ballotsCast: [], candidates: { A: [] } });
  const e = runCell(method, empty, 'A');
  assert.ok(!e.ok && e.error.kind === 'insufficient_data');
  const one = tableFromVectors({ registered: [900], ballotsCast: [512], candidates: { A: [300] } });
  const o = runCell(method, one, 'A');
  assert.ok(!o.ok && o.error.kind === 'insufficient_data');
  const zeros = tableFromVectors({
    registered: Array(40).fill(100),
    ballotsCast: Array(40).fill(0),
    candidates: { A: Array(40).fill(0) },
  });
  const z = runCell(method, zeros, 'A');
  assert.ok(!z.ok && z.error.kind === 'insufficient_data');
});

test('2BL registry method: missing candidates column and unknown candidate give tagged errors', () => {
  const noCands = tableFromVectors({ registered: [100], ballotsCast: [50], candidates: {} });
  const r = secondDigitBenfordMethod.run(noCands, { candidates: ['X'] }, createRng(1));
  assert.ok(!r.ok && r.error.kind === 'invalid_options');
  const b = runByRegion(noCands, { methods: [method], by: 'nope' });
  assert.ok(!b.ok && b.error.kind === 'missing_column');
});

const gen = (rng: Rng) => simulateClean({ n: 1000, minSize: 200, maxSize: 3000 }, rng);

test('2BL calibration on clean simulated elections (200 reps): holds size only for counts spanning decades', () => {
  const [lo, hi] = binomialBand(200);
  // Candidate C (15%): counts ~20-400 cross a decade boundary; 2BL holds its size.
  const c = rejectionCount(method, 'C', 200, 11, gen);
  // Candidate A (55%): counts ~100-1600, mostly in one decade; 2BL does not hold (Deckert et al. 2011).
  const a = rejectionCount(method, 'A', 200, 12, gen);
  console.log(`2BL clean rejections at 0.05: C ${c.rejections}/200, A ${a.rejections}/200; band [${lo}, ${hi}]`);
  assert.equal(c.errors + a.errors, 0);
  assert.ok(c.rejections >= lo && c.rejections <= hi, `C: ${c.rejections}`);
  assert.ok(a.rejections > 80, `A: ${a.rejections} (measured 111/200; see docs/methods/second_digit_benford.md)`);
});

test('2BL power: rounding 30% of the leader counts to hundreds', () => {
  const rng = createRng(5);
  let rejections = 0;
  for (let r = 0; r < 50; r++) {
    const clean = gen(rng);
    const votes = clean.candidates.map((c) => Float64Array.from(c.votes));
    for (let i = 0; i < clean.n; i++) {
      if (rng.uniform() < 0.3 && votes[0][i] >= 100) votes[0][i] = Math.round(votes[0][i] / 100) * 100;
    }
    const out = runCell(method, withCounts(clean, clean.ballotsCast, votes), 'A');
    assert.ok(out.ok);
    if ((out.value.pValue as number) < 0.05) rejections++;
  }
  console.log(`2BL power (30% of counts rounded to hundreds): ${rejections}/50`);
  assert.ok(rejections >= 45);
});
