import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateLateCount } from '../../test/latecount_sim.ts';
import { buildCountView } from '../latecount/count_view.ts';
import { createRng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { compositionAt, compositionDecomposition, marginsBySite } from './composition_decomposition.ts';

/** Areas X, Y, Z; arrival percentile = position. Margins per station in points over 100 valid votes. */
function table(margins: number[], area: number[], position: number[]): StationTable {
  const n = margins.length;
  const valid = new Float64Array(n).fill(100);
  return {
    n,
    ids: margins.map((_, i) => String(i)),
    regions: [
      { name: 'country', labels: ['C'], codes: new Int32Array(n) },
      { name: 'area', labels: ['X', 'Y', 'Z'], codes: Int32Array.from(area) },
    ],
    registered: new Float64Array(n).fill(120),
    ballotsCast: valid.slice(),
    ballotsFound: valid.slice(),
    valid,
    invalid: new Float64Array(n),
    candidates: [
      { name: 'A', votes: Float64Array.from(margins, (m) => 50 + m / 2) },
      { name: 'B', votes: Float64Array.from(margins, (m) => 50 - m / 2) },
    ],
    shareOf: 'valid',
    arrival: { kind: 'percentile', column: 'p', values: Float64Array.from(position) },
    meta: { name: 'hand' },
  };
}

test('hand example: late stations in a pro-A area explain the whole shift; a new area falls back to a wider one', () => {
  // Early: X at 0, 0 and Y at 40. Late: Y at 40, 40.
  const t = table([0, 0, 40, 40, 40], [0, 0, 1, 1, 1], [10, 20, 30, 90, 95]);
  const v = buildCountView(t, { kind: 'percentile', value: 50 });
  assert.ok(v.ok);
  const c = compositionAt(v.value);
  assert.ok(c.ok);
  assert.ok(Math.abs(c.value.earlyMargin - 40 / 3) < 1e-12);
  assert.equal(c.value.lateMargin, 40);
  assert.equal(c.value.lateWeight, 0.4);
  assert.deepEqual(
    c.value.regions.map((r) => [r.level, Math.round(r.shareExplained * 1e12) / 1e12, r.widerAreaStations]),
    [
      ['country', 0, 0],
      ['area', 1, 0],
    ],
  );
  // A late station in Z (no early station) takes the country's early margin.
  const z = table([0, 0, 40, 40, 70], [0, 0, 1, 1, 2], [10, 20, 30, 90, 95]);
  const vz = buildCountView(z, { kind: 'percentile', value: 50 });
  assert.ok(vz.ok);
  const cz = compositionAt(vz.value);
  assert.ok(cz.ok);
  const area = cz.value.regions[1];
  assert.equal(area.widerAreaStations, 1);
  assert.ok(Math.abs(area.expectedLateMargin - (40 + 40 / 3) / 2) < 1e-12);
});

test('another election: an exact linear relation at the sites carries the shift over fully', () => {
  // Station margin = 2 + 1.5 * other-election margin of its area; late stations sit in area Y.
  const other = new Map([
    ['X', 0],
    ['Y', 20],
    ['Z', 40],
  ]);
  const m = (x: number): number => 2 + 1.5 * x;
  const t = table([m(0), m(20), m(0), m(40), m(40)], [0, 1, 0, 2, 2], [10, 20, 30, 90, 95]);
  const v = buildCountView(t, { kind: 'percentile', value: 50 });
  assert.ok(v.ok);
  const c = compositionAt(v.value, { level: 'area', marginByKey: other, name: 'prior' });
  assert.ok(c.ok);
  const o = c.value.otherElection;
  assert.ok(o !== null);
  assert.ok(Math.abs(o.slope - 1.5) < 1e-12 && Math.abs(o.intercept - 2) < 1e-12);
  assert.ok(Math.abs(o.shareExplained - 1) < 1e-12);
  const bad = compositionAt(v.value, { level: 'province', marginByKey: other, name: 'prior' });
  assert.ok(!bad.ok && bad.error.kind === 'missing_column');
  const none = compositionAt(v.value, { level: 'area', marginByKey: new Map(), name: 'prior' });
  assert.ok(!none.ok && none.error.kind === 'insufficient_data');
});

test('simulated counts: geography explains most of an innocent late shift, much less of a manipulated one', (t) => {
  let cleanShare = 0;
  let fraudShare = 0;
  const seeds = 30;
  for (let seed = 1; seed <= seeds; seed++) {
    const clean = simulateLateCount(seed);
    const fraud = simulateLateCount(seed, { movedVotes: Math.round(0.02 * clean.totalValid) });
    const share = (sim: typeof clean): number => {
      const v = buildCountView(sim.table, { kind: 'percentile', value: sim.cutoff });
      assert.ok(v.ok);
      const c = compositionAt(v.value);
      assert.ok(c.ok);
      return c.value.regions[c.value.regions.length - 1].shareExplained;
    };
    cleanShare += share(clean);
    fraudShare += share(fraud);
  }
  t.diagnostic(`mean share explained by site: clean ${cleanShare / seeds}, with votes moved ${fraudShare / seeds}`);
  assert.ok(cleanShare / seeds > 0.6, `clean ${cleanShare / seeds}`);
  assert.ok(fraudShare / seeds < cleanShare / seeds - 0.2, `fraud ${fraudShare / seeds}`);
});

test('registry wrapper and the empty-late-set error', () => {
  const sim = simulateLateCount(4);
  const r = compositionDecomposition.run(sim.table, { cutoff: 80 }, createRng(1));
  assert.ok(r.ok);
  assert.equal(r.value[0].pValue, null);
  const t = table([0, 10], [0, 1], [10, 20]);
  const v = buildCountView(t, { kind: 'percentile', value: 50 });
  assert.ok(v.ok);
  const c = compositionAt(v.value);
  assert.ok(!c.ok && c.error.kind === 'insufficient_data');
});

test('marginsBySite pools by a region level, or keys by station id when the table is per site', () => {
  const t = table([10, 30, -20, 40, 40], [0, 0, 1, 2, 2], [10, 20, 30, 90, 95]);
  const byArea = marginsBySite(t, 'area');
  assert.ok(byArea.ok);
  assert.deepEqual(
    [...byArea.value.margins.entries()],
    [
      ['X', 20],
      ['Y', -20],
      ['Z', 40],
    ],
  );
  const byId = marginsBySite(t, 'recinto_code', ['B', 'A']);
  assert.ok(byId.ok);
  assert.equal(byId.value.margins.get('0'), -10);
  assert.deepEqual(byId.value.candidates, ['B', 'A']);
});
