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
import { cellSums } from '../battery/cell_sums.ts';
import { createRng, type Rng } from '../rng.ts';
import { sobyaninSukhovolskyCell as method } from './sobyanin_sukhovolsky.ts';

test('Sobyanin-Sukhovolsky agrees with the R reference (lm slopes, robust z) to 1e-9', () => {
  const cells = assertMatchesReference(method, (v, r) => {
    const d = v.details as Record<string, number>;
    return [
      ['n', v.n, r.n],
      ['excess', v.statistic, r.excess],
      ['p', v.pValue as number, r.pValue],
      ['slope', d.slope, r.slope],
      ['mean share', d.meanShare, r.meanShare],
      ['share slope', d.shareSlope, r.shareSlope],
      ['EFT measure', d.eftMeasure, r.eftMeasure],
    ];
  });
  assert.equal(cells, 8);
});

test('Sobyanin-Sukhovolsky bootstrap formula reproduces the point estimate on the full sample', () => {
  const table = simulateClean({ n: 400 }, createRng(3));
  const out = runCell(method, table, 'A');
  assert.ok(out.ok && out.value.bootstrap?.kind === 'moments');
  // Evaluate the moment formula on the unresampled sums (cell_sums) and compare.
  const stations = Int32Array.from({ length: table.n }, (_, i) => i);
  const turnout = Float64Array.from(table.ballotsCast, (b, i) => b / table.registered[i]);
  const share = Float64Array.from(table.candidates[0].votes, (v, i) => v / table.valid[i]);
  const sums = cellSums(
    {
      table,
      target: { name: 'A', kind: 'candidate', count: table.candidates[0].votes, proportion: share, nationalShare: 0 },
      turnout,
      stations,
      rng: createRng(1),
    },
    'turnout',
    true,
  );
  const o = new Float64Array(3);
  out.value.bootstrap.evaluate(sums, o);
  assert.ok(Math.abs(o[0] - out.value.statistic) < 1e-12);
  assert.ok(Math.abs(o[1] - (out.value.details.slope as number)) < 1e-12);
  assert.ok(Math.abs(o[2] - (out.value.details.eftMeasure as number)) < 1e-12);
});

test('Sobyanin-Sukhovolsky edge cases give tagged errors', () => {
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
});

const mid = (rng: Rng) => simulateClean({ n: 1000, minSize: 200, maxSize: 3000 }, rng);
const small = (rng: Rng) => simulateClean({ n: 300, minSize: 30, maxSize: 400 }, rng);

test('Sobyanin-Sukhovolsky calibration on clean simulated elections (200 reps)', () => {
  const [lo, hi] = binomialBand(200);
  for (const [name, gen, target, seed] of [
    ['mid', mid, 'A', 61],
    ['small', small, 'C', 62],
  ] as const) {
    const r = rejectionCount(method, target, 200, seed, gen);
    console.log(`Sobyanin-Sukhovolsky clean rejections (${name}), ${target}: ${r.rejections}/200; band [${lo}, ${hi}]`);
    assert.ok(r.rejections >= lo && r.rejections <= hi, `${name} ${target}: ${r.rejections}`);
  }
});

test('Sobyanin-Sukhovolsky power: 20% of stations stuffed with 60% of their non-voters for the leader', () => {
  const rng = createRng(63);
  let rejections = 0;
  for (let r = 0; r < 50; r++) {
    const out = runCell(method, stuff(mid(rng), 0.2, 0.6, rng), 'A');
    assert.ok(out.ok);
    if ((out.value.pValue as number) < 0.05 && out.value.statistic > 0) rejections++;
  }
  console.log(`Sobyanin-Sukhovolsky power (20% of stations stuffed, 60% of non-voters): ${rejections}/50`);
  assert.ok(rejections >= 45);
});
