import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesReference } from '../../test/battery_fixture.ts';
import {
  binomialBand,
  rejectionCount,
  runCell,
  simulateClean,
  stuff,
  tableFromVectors,
} from '../../test/battery_support.ts';
import { createRng, type Rng } from '../rng.ts';
import { turnoutShareCorrelationCell as method } from './turnout_share_correlation.ts';

test('correlation agrees with R cor.test to 1e-9', () => {
  const cells = assertMatchesReference(method, (v, r) => [
    ['n', v.n, r.n],
    ['r', v.statistic, r.r],
    ['p', v.pValue as number, r.pValue],
  ]);
  assert.equal(cells, 8);
});

test('correlation: fewer than 3 stations, constant turnout and missing denominators give tagged errors', () => {
  const two = tableFromVectors({ registered: [100, 100], ballotsCast: [50, 60], candidates: { A: [20, 30] } });
  const a = runCell(method, two, 'A');
  assert.ok(!a.ok && a.error.kind === 'insufficient_data');
  const flat = tableFromVectors({
    registered: [100, 100, 100],
    ballotsCast: [50, 50, 50],
    candidates: { A: [20, 30, 10] },
  });
  const b = runCell(method, flat, 'A');
  assert.ok(!b.ok && b.error.kind === 'degenerate_input');
  const holes = tableFromVectors({
    registered: [0, 100, 100, 100],
    ballotsCast: [0, 50, 60, 70],
    candidates: { A: [0, 20, 30, 50] },
  });
  const c = runCell(method, holes, 'A');
  assert.ok(c.ok);
  assert.equal(c.value.n, 3);
  assert.equal(c.value.excluded[0].count, 1);
});

const mid = (rng: Rng) => simulateClean({ n: 1000, minSize: 200, maxSize: 3000 }, rng);
const small = (rng: Rng) => simulateClean({ n: 300, minSize: 30, maxSize: 400 }, rng);

test('correlation calibration on clean simulated elections (200 reps)', () => {
  const [lo, hi] = binomialBand(200);
  for (const [name, gen, target, seed] of [
    ['mid', mid, 'A', 51],
    ['small', small, 'C', 52],
  ] as const) {
    const r = rejectionCount(method, target, 200, seed, gen);
    console.log(`correlation clean rejections (${name}), ${target}: ${r.rejections}/200; band [${lo}, ${hi}]`);
    assert.ok(r.rejections >= lo && r.rejections <= hi, `${name} ${target}: ${r.rejections}`);
  }
});

test('correlation power: 20% of stations stuffed with 60% of their non-voters for the leader', () => {
  const rng = createRng(53);
  let rejections = 0;
  for (let r = 0; r < 50; r++) {
    const out = runCell(method, stuff(mid(rng), 0.2, 0.6, rng), 'A');
    assert.ok(out.ok);
    if ((out.value.pValue as number) < 0.05 && out.value.statistic > 0) rejections++;
  }
  console.log(`correlation power (20% of stations stuffed, 60% of non-voters): ${rejections}/50`);
  assert.ok(rejections >= 45);
});
