import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assertMatchesReference, close, loadReference } from '../../test/battery_fixture.ts';
import { binomialBand, rejectionCount, runCell, simulateClean, tableFromVectors } from '../../test/battery_support.ts';
import { dipOfSorted } from '../battery/dip.ts';
import { dipPValue } from '../battery/dip_pvalue.ts';
import { createRng, type Rng } from '../rng.ts';
import { dipTestCell as method } from './dip_test.ts';

test('dip statistic agrees with R diptest::dip to 1e-9; p-values with dip.test within 0.01', () => {
  const cells = assertMatchesReference(method, (v, r) => {
    assert.ok(Math.abs((v.pValue as number) - r.pValueDiptest) < 0.01, `p ${v.pValue} vs diptest ${r.pValueDiptest}`);
    return [
      ['n', v.n, r.n],
      ['dip', v.statistic, r.dip],
    ];
  });
  assert.equal(cells, 11);
  for (const d of loadReference().dips) {
    const dip = dipOfSorted(Float64Array.from(d.x).sort());
    assert.ok(close(dip, d.dip), `n=${d.x.length}: ${dip} vs ${d.dip}`);
    assert.ok(Math.abs(dipPValue(dip, d.x.length) - d.pValueDiptest) < 0.01, `n=${d.x.length} p`);
  }
});

test('dip is in [1/(2n), 1/4] and invariant to increasing affine maps (property)', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 1000),
        { minLength: 2, maxLength: 60 },
      ),
      (xs) => {
        const d = dipOfSorted(Float64Array.from(xs).sort());
        const moved = dipOfSorted(Float64Array.from(xs, (x) => 3 * x + 7).sort());
        return d >= 1 / (2 * xs.length) - 1e-15 && d <= 0.25 + 1e-12 && Math.abs(d - moved) < 1e-9;
      },
    ),
  );
});

test('dip test: fewer than 10 stations is insufficient_data', () => {
  const t = tableFromVectors({ registered: [100, 100, 100], ballotsCast: [50, 60, 70], candidates: { A: [1, 2, 3] } });
  const r = runCell(method, t, 'turnout');
  assert.ok(!r.ok && r.error.kind === 'insufficient_data');
});

test('dip test holds its size on uniform samples, the least favourable null (200 reps per n)', () => {
  const [lo, hi] = binomialBand(200);
  const rng = createRng(81);
  for (const n of [37, 400, 2500]) {
    let rej = 0;
    for (let r = 0; r < 200; r++) {
      const x = Float64Array.from({ length: n }, () => rng.uniform()).sort();
      if (dipPValue(dipOfSorted(x), n) < 0.05) rej++;
    }
    console.log(`dip test rejections on uniform samples, n=${n}: ${rej}/200; band [${lo}, ${hi}]`);
    assert.ok(rej >= lo && rej <= hi, `n=${n}: ${rej}`);
  }
});

const mid = (rng: Rng) => simulateClean({ n: 1000, minSize: 200, maxSize: 3000 }, rng);

test('dip test on clean elections (unimodal turnout and shares) is conservative', () => {
  const [, hi] = binomialBand(200);
  for (const [target, seed] of [
    ['turnout', 82],
    ['A', 83],
  ] as const) {
    const r = rejectionCount(method, target, 200, seed, mid);
    console.log(`dip test clean rejections, ${target}: ${r.rejections}/200`);
    assert.ok(r.rejections <= hi);
  }
});

test('dip test power: 15% of stations at about 95% turnout', () => {
  const rng = createRng(84);
  let rej = 0;
  for (let r = 0; r < 50; r++) {
    const clean = mid(rng);
    const ballots = Float64Array.from(clean.ballotsCast);
    for (let i = 0; i < clean.n; i++) if (rng.uniform() < 0.15) ballots[i] = rng.binomial(clean.registered[i], 0.95);
    const t = tableFromVectors({ registered: clean.registered, ballotsCast: ballots, candidates: { A: ballots } });
    const out = runCell(method, t, 'turnout');
    assert.ok(out.ok);
    if ((out.value.pValue as number) < 0.05) rej++;
  }
  console.log(`dip test power (15% of stations at 95% turnout): ${rej}/50`);
  assert.ok(rej >= 45);
});
