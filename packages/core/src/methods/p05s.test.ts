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
import { roundHalfEven } from '../battery/digits.ts';
import { createRng, type Rng } from '../rng.ts';
import { p05sCell as method } from './p05s.ts';

test('P05s agrees with the R reference (round half even, capped at 100%) to 1e-9', () => {
  const cells = assertMatchesReference(method, (v, r) => [
    ['n', v.n, r.n],
    ['share', v.statistic, r.share],
    ['p', v.pValue as number, r.pValue],
  ]);
  assert.equal(cells, 11);
});

test('roundHalfEven rounds ties to even like R and Python', () => {
  assert.deepEqual([0.5, 1.5, 2.5, 12.5, 13.5, 2.4999].map(roundHalfEven), [0, 2, 2, 12, 14, 2]);
});

test('P05s: no registered voters -> excluded; over 100% -> capped and warned', () => {
  const table = tableFromVectors({
    registered: [0, 100, 100, 100, 100],
    ballotsCast: [5, 120, 55, 63, 70],
    candidates: { A: [1, 60, 20, 30, 35] },
  });
  const out = runCell(method, table, 'turnout');
  assert.ok(out.ok);
  assert.equal(out.value.n, 4);
  assert.equal(out.value.statistic, 3 / 4);
  assert.deepEqual(out.value.excluded, [{ reason: 'no percentage (denominator not positive)', count: 1 }]);
  assert.ok(out.value.warnings.some((w) => w.includes('capped')));
  const none = runCell(
    method,
    tableFromVectors({ registered: [0], ballotsCast: [0], candidates: { A: [0] } }),
    'turnout',
  );
  assert.ok(!none.ok && none.error.kind === 'insufficient_data');
});

const mid = (rng: Rng) => simulateClean({ n: 1000, minSize: 200, maxSize: 3000 }, rng);

test('P05s calibration on clean simulated elections (200 reps)', () => {
  const [lo, hi] = binomialBand(200);
  for (const [target, seed] of [
    ['turnout', 41],
    ['A', 42],
  ] as const) {
    const r = rejectionCount(method, target, 200, seed, mid);
    console.log(`P05s clean rejections, ${target}: ${r.rejections}/200; band [${lo}, ${hi}]`);
    assert.ok(r.rejections >= lo && r.rejections <= hi, `${target}: ${r.rejections}`);
  }
});

test('P05s power: 10% of stations given a round turnout (70, 75, 80 or 85%)', () => {
  const rng = createRng(43);
  let rejections = 0;
  for (let r = 0; r < 50; r++) {
    const clean = mid(rng);
    const ballots = Float64Array.from(clean.ballotsCast);
    const votes = clean.candidates.map((c) => Float64Array.from(c.votes));
    for (let i = 0; i < clean.n; i++) {
      if (rng.uniform() >= 0.1) continue;
      const target = Math.round(clean.registered[i] * (0.7 + 0.05 * rng.int(4)));
      votes[0][i] += target - ballots[i];
      if (votes[0][i] < 0) continue;
      ballots[i] = target;
    }
    const out = runCell(method, withCounts(clean, ballots, votes), 'turnout');
    assert.ok(out.ok);
    if ((out.value.pValue as number) < 0.05) rejections++;
  }
  console.log(`P05s power (10% of stations at round turnout): ${rejections}/50`);
  assert.ok(rejections >= 45);
});
