import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { simulateLateCount } from '../../test/latecount_sim.ts';
import { buildCountView } from '../latecount/count_view.ts';
import { ikBandwidth } from '../latecount/local_linear.ts';
import { createRng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { discontinuity, discontinuityAt } from './discontinuity.ts';

interface Reference {
  x: number[];
  y: number[];
  group: number[];
  cutoff: number;
  ikBandwidth: number;
  estimate: number;
  se: number;
  nLeft: number;
  nRight: number;
  estimateH15: number;
  seH15: number;
  placeboCutoffs: number[];
  placeboEstimates: number[];
  feEstimate: number;
  feSe: number;
  seCluster: number;
}

const ref: Reference = JSON.parse(
  readFileSync(new URL('../../test/fixtures/discontinuity_reference.json', import.meta.url), 'utf8'),
);

/** A table whose station margins (A - B over 1,000 valid votes) equal y, arriving at percentile x. */
function tableFrom(x: number[], y: number[], group: number[]): StationTable {
  const n = x.length;
  const valid = new Float64Array(n).fill(1000);
  const A = Float64Array.from(y, (v) => 500 + 5 * v);
  const B = Float64Array.from(y, (v) => 500 - 5 * v);
  const groups = Math.max(...group) + 1;
  return {
    n,
    ids: x.map((_, i) => String(i)),
    regions: [
      { name: 'country', labels: ['X'], codes: new Int32Array(n) },
      { name: 'site', labels: Array.from({ length: groups }, (_, g) => `g${g}`), codes: Int32Array.from(group) },
    ],
    registered: new Float64Array(n).fill(1200),
    ballotsCast: valid.slice(),
    ballotsFound: valid.slice(),
    valid,
    invalid: new Float64Array(n),
    candidates: [
      { name: 'A', votes: A },
      { name: 'B', votes: B },
    ],
    shareOf: 'valid',
    arrival: { kind: 'percentile', column: 'x', values: Float64Array.from(x) },
    meta: { name: 'reference' },
  };
}

const close = (a: number, b: number, tol = 1e-9): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test('matches the numpy reference: IK bandwidth, jump, HC0 SE, placebos, fixed effects', () => {
  const h = ikBandwidth(ref.x, ref.y, ref.cutoff);
  assert.ok(h.ok);
  assert.ok(close(h.value, ref.ikBandwidth), `${h.value} vs ${ref.ikBandwidth}`);
  const view = buildCountView(tableFrom(ref.x, ref.y, ref.group), { kind: 'percentile', value: ref.cutoff });
  assert.ok(view.ok);
  const d = discontinuityAt(view.value, { clusterLevel: 'none' });
  assert.ok(d.ok);
  const v = d.value;
  assert.equal(v.bandwidthRule, 'imbens_kalyanaraman');
  assert.ok(close(v.estimate, ref.estimate) && close(v.se, ref.se), `${v.estimate} ${v.se}`);
  assert.equal(v.nLeft, ref.nLeft);
  assert.equal(v.nRight, ref.nRight);
  assert.ok(v.placebo !== null);
  assert.deepEqual(v.placebo.cutoffs, ref.placeboCutoffs);
  for (let k = 0; k < ref.placeboEstimates.length; k++)
    assert.ok(close(v.placebo.estimates[k], ref.placeboEstimates[k]), `placebo ${k}`);
  assert.ok(v.fixedEffects !== null);
  assert.ok(close(v.fixedEffects.estimate, ref.feEstimate) && close(v.fixedEffects.se, ref.feSe));
  const fixed = discontinuityAt(view.value, { bandwidth: 15, clusterLevel: 'none' });
  assert.ok(fixed.ok);
  assert.ok(close(fixed.value.estimate, ref.estimateH15) && close(fixed.value.se, ref.seH15));
  assert.equal(fixed.value.bandwidthRule, 'given');
  const clustered = discontinuityAt(view.value, { clusterLevel: 'site' });
  assert.ok(clustered.ok);
  assert.ok(close(clustered.value.estimate, ref.estimate) && close(clustered.value.se, ref.seCluster));
});

test('errors: no arrival, bad bandwidth, unknown fixed-effects level, too few stations', () => {
  const t = tableFrom(ref.x, ref.y, ref.group);
  const view = buildCountView(t, { kind: 'snapshot', snapshot: { ...t, arrival: undefined } });
  assert.ok(view.ok);
  const noArrival = buildCountView({ ...t, arrival: undefined }, { kind: 'snapshot', snapshot: t });
  assert.ok(noArrival.ok);
  const r = discontinuityAt(noArrival.value);
  assert.ok(!r.ok && r.error.kind === 'missing_column');
  const pv = buildCountView(t, { kind: 'percentile', value: 60 });
  assert.ok(pv.ok);
  const bad = discontinuityAt(pv.value, { bandwidth: -1 });
  assert.ok(!bad.ok && bad.error.kind === 'invalid_options');
  const fe = discontinuityAt(pv.value, { feLevel: 'province' });
  assert.ok(!fe.ok && fe.error.kind === 'missing_column');
  const small = tableFrom(ref.x.slice(0, 6), ref.y.slice(0, 6), ref.group.slice(0, 6));
  const sv = buildCountView(small, { kind: 'percentile', value: 50 });
  assert.ok(sv.ok);
  const s = discontinuityAt(sv.value);
  assert.ok(!s.ok);
});

function rejectionRate(
  o: Parameters<typeof simulateLateCount>[1],
  seeds: number,
): { rate: number; rejections: number } {
  let rejections = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const sim = simulateLateCount(seed, o);
    const v = buildCountView(sim.table, { kind: 'percentile', value: sim.cutoff });
    assert.ok(v.ok);
    const d = discontinuityAt(v.value, { feLevel: 'none', placebo: false });
    assert.ok(d.ok, JSON.stringify(!d.ok && d.error));
    if (d.value.asymptoticPValue < 0.05) rejections++;
  }
  return { rate: rejections / seeds, rejections };
}

const MEDIUM = { departments: 4, municipalitiesPerDepartment: 8, sitesPerMunicipality: 6 };

test('calibration: clean counts, sites arriving together, site-clustered SE: 5% test inside the binomial band', (t) => {
  const { rate, rejections } = rejectionRate({ ...MEDIUM, ruralLate: 0 }, 200);
  t.diagnostic(`rejection rate at 0.05: ${rate}`);
  // Binomial(200, 0.05): mean 10, sd 3.1; 3 sd band.
  assert.ok(rejections >= 1 && rejections <= 19, `rejections ${rejections}/200`);
});

test('known limit: when arrival follows geography the conventional 5% test over-rejects (documented, < 15%)', (t) => {
  const { rate } = rejectionRate(MEDIUM, 200);
  t.diagnostic(`rejection rate at 0.05 with late rural areas: ${rate}`);
  assert.ok(rate < 0.15, `rate ${rate}`);
});

test('power: votes moved in late stations make a jump at the cutoff that placebos rarely match', (t) => {
  let detected = 0;
  let beyondPlacebo = 0;
  const seeds = 40;
  for (let seed = 1; seed <= seeds; seed++) {
    const o = MEDIUM;
    const clean = simulateLateCount(seed, o);
    const sim = simulateLateCount(seed, { ...o, movedVotes: Math.round(0.02 * clean.totalValid) });
    const v = buildCountView(sim.table, { kind: 'percentile', value: sim.cutoff });
    assert.ok(v.ok);
    const d = discontinuityAt(v.value);
    assert.ok(d.ok);
    if (d.value.asymptoticPValue < 0.05 && d.value.estimate > 0) detected++;
    if (d.value.placebo !== null && d.value.placebo.shareAtLeast < 0.05) beyondPlacebo++;
  }
  t.diagnostic(`power at 5%: ${detected}/${seeds}; beyond every placebo but 5%: ${beyondPlacebo}/${seeds}`);
  assert.ok(detected >= 0.8 * seeds, `detected ${detected}/${seeds}`);
});

test('registry wrapper returns the placebo p-value, its floor, and the placebo distribution', () => {
  const sim = simulateLateCount(5, { departments: 4, municipalitiesPerDepartment: 8 });
  const r = discontinuity.run(sim.table, { cutoff: 80 }, createRng(1));
  assert.ok(r.ok);
  assert.equal(r.value[0].pValueKind, 'monte_carlo');
  const details = r.value[0].details as { placebo: { estimates: number[]; shareAtLeast: number }; pValueMin: number };
  const k = details.placebo.estimates.length;
  assert.equal(details.pValueMin, 1 / (1 + k));
  assert.equal(r.value[0].pValue, (1 + Math.round(details.placebo.shareAtLeast * k)) / (1 + k));
  assert.ok(Array.isArray((r.value[0].details as { placebo: { estimates: number[] } }).placebo.estimates));
});

test('coarse arrival (batches): fewer than 5 positions after the cutoff is refused with the reason', () => {
  // Left: ten steps; right: two batches, as in the Bolivia 2019 TREP after the halt.
  const x: number[] = [];
  const y: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < 400; i++) {
    const pos = i < 300 ? 5 + 8 * Math.floor(i / 30) : i < 370 ? 89 : 97;
    x.push(pos);
    y.push(0.1 * pos + ((i * 7919) % 13) - 6);
    g.push(i % 20);
  }
  const view = buildCountView(tableFrom(x, y, g), { kind: 'percentile', value: 84 });
  assert.ok(view.ok);
  const d = discontinuityAt(view.value);
  assert.ok(!d.ok && d.error.kind === 'insufficient_data');
  assert.match(d.error.message, /10 distinct position\(s\) before the cutoff and 2 after it/);
});

test('coarse arrival with 5+ positions a side: the fallback bandwidth spans the distinct positions and says so', () => {
  const x: number[] = [];
  const y: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < 500; i++) {
    const pos = i < 300 ? 5 + 8 * Math.floor(i / 30) : 86 + 3 * Math.floor((i - 300) / 40);
    x.push(pos);
    y.push(0.1 * pos + ((i * 7919) % 13) - 6);
    g.push(i % 20);
  }
  const view = buildCountView(tableFrom(x, y, g), { kind: 'percentile', value: 84 });
  assert.ok(view.ok);
  assert.equal(view.value.cutoffPosition, 81.5);
  assert.match(view.value.cutoffLabel, /cut between arrival positions 77 and 86/);
  const d = discontinuityAt(view.value);
  assert.ok(d.ok, JSON.stringify(!d.ok && d.error));
  assert.equal(d.value.positionsRight, 5);
  assert.ok(d.value.bandwidthRule === 'coarse_fallback' || d.value.bandwidthRule === 'imbens_kalyanaraman');
});

test('a percentile cutoff reports the cut it used: 90, 95 and 97 between the same two positions give one cut', () => {
  const x = Array.from({ length: 300 }, (_, i) => (i < 270 ? 10 * Math.floor(i / 30) + 2 : 98));
  const t = tableFrom(
    x,
    x.map(() => 0),
    x.map((_, i) => i % 10),
  );
  const labels = [90, 95, 97].map((v) => {
    const view = buildCountView(t, { kind: 'percentile', value: v });
    assert.ok(view.ok);
    assert.deepEqual(view.value.cutoffUsed, {
      requested: v,
      lastCountedPosition: 82,
      nextPosition: 98,
      countedShare: 90,
    });
    return view.value.cutoffPosition;
  });
  assert.deepEqual(labels, [90, 90, 90]);
});

test('clusters default to the level where arrival is assigned', () => {
  // Arrival constant within each of 40 sites (groups of 10 stations), varying within the country.
  const x = Array.from({ length: 400 }, (_, i) => 1 + 2.4 * Math.floor(i / 10));
  const g = x.map((_, i) => Math.floor(i / 10));
  const y = x.map((v, i) => 0.05 * v + ((i * 7919) % 11) - 5);
  const view = buildCountView(tableFrom(x, y, g), { kind: 'percentile', value: 50 });
  assert.ok(view.ok);
  const d = discontinuityAt(view.value);
  assert.ok(d.ok, JSON.stringify(!d.ok && d.error));
  assert.equal(d.value.clusterLevel, 'site');
  assert.equal(d.value.clusterRule, 'arrival_level');
});
