import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateClean, tableFromVectors } from '../../test/battery_support.ts';
import { findMethod } from '../methods/registry.ts';
import { secondDigitBenfordCell } from '../methods/second_digit_benford.ts';
import { turnoutShareCorrelationCell } from '../methods/turnout_share_correlation.ts';
import { createRng } from '../rng.ts';
import type { BatteryMethodOptions } from './as_forensic_method.ts';
import { batteryChunk, batteryTable } from './battery_chunk.ts';
import { batteryMethods, defaultBatteryIds } from './battery_methods.ts';
import { drawMultinomial, percentileInterval, uniformIndex } from './bootstrap.ts';
import { type BatteryChunkOutput, planBattery, runByRegion } from './run_battery.ts';
import { selectTargets } from './targets.ts';

const table = simulateClean({ n: 1200, regions: 3 }, createRng(5));

test('runByRegion: overall plus one cell per region, target and applicable method', () => {
  const r = runByRegion(table, { methods: batteryMethods, by: 'region', bootstrap: 50, seed: 3 });
  assert.ok(r.ok);
  const rep = r.value;
  assert.deepEqual(
    rep.targets.map((t) => t.name),
    ['turnout', 'A', 'B', 'C'],
  );
  // 9 methods on candidates, 7 on turnout; 4 groups (overall + 3 regions).
  assert.equal(rep.results.length + rep.skipped.length, 4 * (7 + 3 * 9));
  assert.equal(rep.skipped.length, 0);
  assert.equal(rep.results.filter((x) => x.region === undefined).length, 34);
  assert.deepEqual([...new Set(rep.results.map((x) => x.region ?? ''))], ['', 'R1', 'R2', 'R3']);
  const n = rep.results.filter((x) => x.region === 'R2' && x.method === 'c05s' && x.target === 'turnout')[0].n;
  assert.equal(n, 400);
  for (const x of rep.results) {
    if (x.method === 'dip_test') continue;
    const b = x.details.bootstrap as {
      replicates: number;
      intervals: Record<string, { lower: number; upper: number; se: number; undefinedReplicates: number }>;
    };
    assert.equal(b.replicates, 50);
    // Resampled stations move every statistic: a zero-width interval means the replicates did not resample.
    for (const [name, iv] of Object.entries(b.intervals)) {
      assert.ok(iv.lower < iv.upper && iv.se > 0, `${x.method} ${x.target} ${x.region ?? ''} ${name}`);
      assert.equal(iv.undefinedReplicates, 0);
    }
  }
});

test('runByRegion is deterministic for a seed, and the seed matters', () => {
  const opts = { methods: batteryMethods, by: 'region', bootstrap: 30 };
  const a = JSON.stringify(runByRegion(table, { ...opts, seed: 9 }));
  const b = JSON.stringify(runByRegion(table, { ...opts, seed: 9 }));
  const c = JSON.stringify(runByRegion(table, { ...opts, seed: 10 }));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

test('default targets: turnout and candidates with >= 5% nationally; candidates option overrides', () => {
  const t = tableFromVectors({
    registered: [100, 100],
    ballotsCast: [80, 90],
    candidates: { big: [60, 70], mid: [15, 16], tiny: [2, 3] },
  });
  const d = selectTargets(t);
  assert.ok(d.ok);
  assert.deepEqual(
    d.value.map((x) => x.name),
    ['turnout', 'big', 'mid'],
  );
  const c = selectTargets(t, { candidates: ['tiny'] });
  assert.ok(c.ok);
  assert.deepEqual(
    c.value.map((x) => x.name),
    ['turnout', 'tiny'],
  );
  const bad = selectTargets(t, { candidates: ['nobody'] });
  assert.ok(!bad.ok && bad.error.kind === 'invalid_options');
});

test('runByRegion rejects bad options with tagged errors; small regions are skipped, not fatal', () => {
  const m = [secondDigitBenfordCell];
  const neg = runByRegion(table, { methods: m, bootstrap: -1 });
  assert.ok(!neg.ok && neg.error.kind === 'invalid_options');
  const lvl = runByRegion(table, { methods: m, by: 'province' });
  assert.ok(!lvl.ok && lvl.error.kind === 'missing_column');
  const none = runByRegion(table, { methods: [] });
  assert.ok(!none.ok && none.error.kind === 'invalid_options');
  const tiny = simulateClean({ n: 30, regions: 10 }, createRng(1));
  const r = runByRegion(tiny, { methods: m, by: 'region', bootstrap: 0 });
  assert.ok(r.ok);
  assert.ok(r.value.skipped.length > 0 && r.value.skipped.every((s) => s.error.kind === 'insufficient_data'));
  assert.ok(r.value.results.every((x) => x.details.bootstrap === undefined));
});

test('categorical bootstrap (multinomial on digit counts) matches resampling stations', () => {
  const r = runByRegion(table, { methods: [secondDigitBenfordCell], candidates: ['A'], bootstrap: 2000, seed: 4 });
  assert.ok(r.ok);
  const cell = r.value.results.find((x) => x.target === 'A');
  assert.ok(cell);
  const se = (cell.details.bootstrap as { intervals: { mean_second_digit: { se: number } } }).intervals
    .mean_second_digit.se;
  // Explicit station resampling of the same statistic.
  const votes = table.candidates[0].votes;
  const rng = createRng(77);
  const reps = new Float64Array(2000);
  for (let b = 0; b < reps.length; b++) {
    let s = 0;
    let m = 0;
    for (let k = 0; k < table.n; k++) {
      const c = votes[uniformIndex(rng, table.n)];
      if (c < 10) continue;
      let v = c;
      while (v >= 100) v = Math.floor(v / 10);
      s += v % 10;
      m++;
    }
    reps[b] = s / m;
  }
  const mean = reps.reduce((a, b) => a + b, 0) / reps.length;
  const se2 = Math.sqrt(reps.reduce((a, b) => a + (b - mean) ** 2, 0) / (reps.length - 1));
  assert.ok(Math.abs(se / se2 - 1) < 0.1, `multinomial se ${se} vs resampling se ${se2}`);
});

test('moment bootstrap of the correlation has the standard error theory predicts for independent data', () => {
  const r = runByRegion(table, { methods: [turnoutShareCorrelationCell], candidates: ['A'], bootstrap: 2000, seed: 6 });
  assert.ok(r.ok);
  const cell = r.value.results[0];
  const se = (cell.details.bootstrap as { intervals: { pearson_r: { se: number } } }).intervals.pearson_r.se;
  // Under independence se(r) ~ 1/sqrt(n).
  assert.ok(Math.abs(se * Math.sqrt(cell.n) - 1) < 0.15, `se ${se}`);
});

test('uniformIndex is uniform and drawMultinomial preserves the total', () => {
  const rng = createRng(8);
  const bins = new Float64Array(7);
  for (let i = 0; i < 70000; i++) bins[uniformIndex(rng, 7)]++;
  let chi = 0;
  for (const b of bins) chi += (b - 10000) ** 2 / 10000;
  assert.ok(chi < 22.5, `chi2 ${chi} (6 df, p < 0.001 above 22.5)`);
  const out = new Float64Array(4);
  for (let i = 0; i < 100; i++) {
    drawMultinomial(rng, Float64Array.from([5, 0, 12, 3]), 20, out);
    assert.equal(out[0] + out[1] + out[2] + out[3], 20);
    assert.equal(out[1], 0);
  }
});

test('battery methods are in the registry and run alone as ForensicMethods', () => {
  for (const id of defaultBatteryIds) assert.ok(findMethod(id), id);
  const m = findMethod('c05s');
  assert.ok(m);
  const options: BatteryMethodOptions = { candidates: ['B'], replicates: 20 };
  const r = m.run(table, options, createRng(2));
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.map((x) => x.target),
    ['turnout', 'B'],
  );
});

test('the whole-table interval is the plain station bootstrap, the same with and without a region split', () => {
  const options = { methods: batteryMethods, candidates: ['A', 'B'], bootstrap: 200, seed: 2 };
  const plain = runByRegion(table, options);
  const split = runByRegion(table, { ...options, by: 'region' });
  assert.ok(plain.ok && split.ok);
  const whole = split.value.results.filter((x) => x.region === undefined);
  assert.ok(whole.some((x) => x.method === 'turnout_share_correlation'));
  assert.equal(JSON.stringify(whole), JSON.stringify(plain.value.results));
  // The regions' own intervals do resample within each region: they differ from the whole table's.
  const regional = split.value.results.find((x) => x.region === 'R1' && x.method === 'turnout_share_correlation');
  assert.ok(regional);
  assert.notDeepEqual(regional.details.bootstrap, whole.find((x) => x.method === regional.method)?.details.bootstrap);
});

test('results do not depend on how region groups are chunked (worker entry included)', () => {
  const options = { methods: batteryMethods, by: 'region', bootstrap: 60, seed: 21 };
  const one = runByRegion(table, options);
  assert.ok(one.ok);
  const plan = planBattery(table, options, 3);
  assert.ok(plan.ok);
  // The whole table is a chunk of its own, before the three region chunks.
  assert.equal(plan.value.spec.ranges.length, 4);
  assert.deepEqual(plan.value.spec.ranges[0], [0, 1]);
  const payload = {
    table,
    methodIds: batteryMethods.map((m) => m.id),
    options: { by: 'region', bootstrap: 60, seed: 21 },
    chunks: 3,
  };
  // A worker either re-plans from the payload or takes the parent's spec: both must give the same chunks, and so must
  // the battery's part of the table (batteryTable) in place of the whole table.
  for (const spec of [undefined, plan.value.spec]) {
    for (const t of [table, batteryTable(table)]) {
      const outputs: BatteryChunkOutput[] = plan.value.spec.ranges.map((_, c) =>
        batteryChunk({ ...payload, table: t, spec }, c),
      );
      assert.equal(JSON.stringify(plan.value.finish(outputs)), JSON.stringify(one.value));
    }
  }
});

test('percentileInterval is the type-7 quantile of the finite replicates (Hyndman & Fan 1996)', () => {
  // 1..10 shuffled, with two undefined replicates: Q(p) = x[floor(h)] + frac(h) (x[floor(h)+1] - x[floor(h)]),
  // h = 9p, so Q(0.025) = 1.225 and Q(0.975) = 9.775; the SD of 1..10 is sqrt(55/6).
  const values = Float64Array.from([7, Number.NaN, 3, 10, 1, 9, Number.POSITIVE_INFINITY, 2, 8, 5, 4, 6]);
  const interval = percentileInterval(values, 0.95);
  assert.equal(interval.undefinedReplicates, 2);
  assert.ok(Math.abs((interval.lower ?? Number.NaN) - 1.225) < 1e-12);
  assert.ok(Math.abs((interval.upper ?? Number.NaN) - 9.775) < 1e-12);
  assert.ok(Math.abs((interval.se ?? Number.NaN) - Math.sqrt(55 / 6)) < 1e-12);
  assert.deepEqual(percentileInterval(Float64Array.from([1, Number.NaN]), 0.95), {
    lower: null,
    upper: null,
    se: null,
    undefinedReplicates: 1,
  });
});

test('region chunks cover every region in order and shrink towards the end (the last ones even out the threads)', () => {
  const many = simulateClean({ n: 2400, regions: 40 }, createRng(8));
  const plan = planBattery(many, { methods: batteryMethods, by: 'region', bootstrap: 10, seed: 1 }, 8);
  assert.ok(plan.ok);
  const [whole, ...regions] = plan.value.spec.ranges;
  assert.deepEqual(whole, [0, 1]);
  assert.equal(regions.length, 8);
  regions.forEach(([from, to], c) => {
    assert.equal(from, c === 0 ? 1 : regions[c - 1][1]);
    assert.ok(to > from);
  });
  assert.equal(regions[7][1], 41);
  // Equal regions: the group counts never grow from one chunk to the next, and the first holds several times the last.
  const sizes = regions.map(([from, to]) => to - from);
  for (let c = 1; c < sizes.length; c++) assert.ok(sizes[c] <= sizes[c - 1] + 1, `sizes ${sizes}`);
  assert.ok(sizes[0] >= 3 * sizes[7], `sizes ${sizes}`);
});
