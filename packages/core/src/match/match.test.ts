import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { inflateShare, randomFlags } from '../../test/persistence_support.ts';
import { createRng } from '../rng.ts';
import { simulateElection, simulateElectionPair } from '../simulate/generate.ts';
import type { StationTable } from '../station_table.ts';
import { aggregateByRegion, flaggedShareByRegion } from './aggregate.ts';
import { matchUnits, normaliseName } from './match_units.ts';
import { persistenceByUnit } from './persistence_units.ts';

test('aggregateByRegion sums every count and keeps consistent wider levels', () => {
  const { table } = simulateElection({ stations: 300, regions: 3, districtsPerRegion: 4 }, createRng(9));
  const r = aggregateByRegion(table, 'district');
  assert.ok(r.ok);
  const agg = r.value;
  assert.equal(agg.n, new Set(table.regions[2].codes).size);
  assert.deepEqual(
    agg.regions.map((l) => l.name),
    ['country', 'region', 'district'],
  );
  const total = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
  for (const key of ['registered', 'ballotsCast', 'ballotsFound', 'valid', 'invalid'] as const) {
    assert.equal(total(agg[key]), total(table[key]));
  }
  for (let c = 0; c < table.candidates.length; c++) {
    assert.equal(total(agg.candidates[c].votes), total(table.candidates[c].votes));
  }
  // Each unit's total equals the sum over its stations, and its region is its stations' region.
  const d = table.regions[2];
  for (let u = 0; u < agg.n; u++) {
    const code = d.labels.indexOf(agg.ids[u]);
    let v = 0;
    for (let i = 0; i < table.n; i++) if (d.codes[i] === code) v += table.valid[i];
    assert.equal(agg.valid[u], v);
    const i0 = d.codes.indexOf(code);
    assert.equal(agg.regions[1].labels[agg.regions[1].codes[u]], table.regions[1].labels[table.regions[1].codes[i0]]);
  }
  assert.equal(agg.arrival, undefined);
});

test('aggregateByRegion drops a level that splits a unit, and errors on an unknown level or no stations', () => {
  const { table } = simulateElection({ stations: 200, regions: 2, districtsPerRegion: 3 }, createRng(2));
  const r = aggregateByRegion(table, 'region');
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.regions.map((l) => l.name),
    ['country', 'region'],
  );
  const missing = aggregateByRegion(table, 'recinto');
  assert.equal(missing.ok ? 'ok' : missing.error.kind, 'missing_column');
  const empty: StationTable = { ...table, n: 0, ids: [] };
  const e = aggregateByRegion(empty, 'region');
  assert.equal(e.ok ? 'ok' : e.error.kind, 'insufficient_data');
});

test('aggregation does not depend on the order of stations (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
      const { table } = simulateElection({ stations: 60, regions: 2, districtsPerRegion: 3 }, createRng(seed));
      const rng = createRng(seed + 1);
      const order = Array.from({ length: table.n }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const shuffled: StationTable = {
        ...table,
        ids: order.map((i) => table.ids[i]),
        regions: table.regions.map((l) => ({ ...l, codes: Int32Array.from(order.map((i) => l.codes[i])) })),
        valid: Float64Array.from(order.map((i) => table.valid[i])),
      };
      const a = aggregateByRegion(table, 'district');
      const b = aggregateByRegion(shuffled, 'district');
      if (!a.ok || !b.ok) return false;
      const byId = (t: StationTable) => new Map(t.ids.map((id, u) => [id, t.valid[u]]));
      const ma = byId(a.value);
      const mb = byId(b.value);
      return ma.size === mb.size && [...ma].every(([id, v]) => mb.get(id) === v);
    }),
    { numRuns: 30 },
  );
});

test('flaggedShareByRegion gives the flagged share of each unit', () => {
  const { table } = simulateElection({ stations: 100, regions: 2, districtsPerRegion: 2 }, createRng(4));
  const flagged = new Uint8Array(table.n);
  for (let i = 0; i < table.n; i += 2) flagged[i] = 1;
  const r = flaggedShareByRegion(table, 'district', flagged);
  assert.ok(r.ok);
  const agg = aggregateByRegion(table, 'district');
  assert.ok(agg.ok);
  assert.deepEqual(r.value.ids, agg.value.ids);
  const d = table.regions[2];
  for (let u = 0; u < r.value.ids.length; u++) {
    const code = d.labels.indexOf(r.value.ids[u]);
    let n = 0;
    let f = 0;
    for (let i = 0; i < table.n; i++) {
      if (d.codes[i] !== code) continue;
      n++;
      f += flagged[i];
    }
    assert.equal(r.value.share[u], f / n);
  }
});

test('matchUnits by code: rates, unmatched lists, duplicates never matched, truncation', () => {
  const m = matchUnits(['1', '2', '3', '3', '4'], ['2', '3', '5', '1']);
  assert.deepEqual(Array.from(m.a), [0, 1]);
  assert.deepEqual(Array.from(m.b), [3, 0]);
  assert.deepEqual(m.unmatchedA, ['3', '3', '4']);
  assert.deepEqual(m.unmatchedB, ['3', '5']);
  assert.deepEqual(m.duplicateIds, ['3']);
  assert.equal(m.rateA, 2 / 5);
  assert.equal(m.rateB, 2 / 4);
  const t = matchUnits(['020101000001010', '020101000002011'], ['0201010000010'], { codeLength: 13 });
  assert.deepEqual(Array.from(t.a), [0]);
  assert.deepEqual(t.unmatchedA, ['020101000002011']);
});

test('matchUnits falls back to names within the region; ambiguous names are not matched', () => {
  const namesA = [
    { region: 'La Paz', name: 'U.E. Simón Bolívar' },
    { region: 'La Paz', name: 'Colegio Ayacucho' },
    { region: 'Oruro', name: 'Colegio Ayacucho' },
    { region: 'Oruro', name: 'Escuela 1' },
    { region: 'Oruro', name: 'Escuela 1' },
  ];
  const namesB = [
    { region: 'LA PAZ', name: 'UE SIMON BOLIVAR' },
    { region: 'ORURO', name: 'COLEGIO AYACUCHO' },
    { region: 'ORURO', name: 'ESCUELA 1' },
    { region: 'POTOSI', name: 'COLEGIO AYACUCHO' },
  ];
  const m = matchUnits(['a1', 'a2', 'a3', 'a4', 'a5'], ['b1', 'b2', 'b3', 'b4'], { namesA, namesB });
  const pairs = Array.from(m.a).map((i, k) => [i, m.b[k], m.how[k]]);
  assert.deepEqual(pairs, [
    [0, 0, 'name'],
    [2, 1, 'name'],
  ]);
  assert.deepEqual(m.ambiguousNames, ['ORURO / ESCUELA 1']);
  assert.deepEqual(m.unmatchedB, ['b3', 'b4']);
});

test('normaliseName strips accents, case and punctuation', () => {
  assert.equal(normaliseName('  U.E. Simón   Bolívar '), 'UE SIMON BOLIVAR');
  assert.equal(normaliseName('Unidad Educativa "Juan XXIII" - Nº 2'), 'UNIDAD EDUCATIVA JUAN XXIII NO 2');
  assert.equal(normaliseName('ÑUÑOA'), 'NUNOA');
});

test('persistenceByUnit: the alleged shift equals the move a manipulation of that size makes in the statistic', () => {
  const rng = createRng(21);
  const { first, second } = simulateElectionPair({ stations: 1200, regions: 4, districtsPerRegion: 10 }, rng);
  // Flag most stations of some districts and a few stations elsewhere (which stay in unflagged units).
  const district = first.table.regions[2].codes;
  const hot = randomFlags(first.table.regions[2].labels.length, 0.3, rng);
  const flagged = new Uint8Array(first.table.n);
  for (let i = 0; i < first.table.n; i++) flagged[i] = rng.uniform() < (hot[district[i]] ? 0.7 : 0.1) ? 1 : 0;
  const leader = first.truth.leader;
  const votes = 4000;
  const options = {
    level: 'district',
    stratum: 'region',
    flagRule: 'majority' as const,
    candidateA: leader,
    replicates: 99,
  };
  const base = persistenceByUnit(first.table, second.table, flagged, { ...options, allegedVotes: votes }, createRng(1));
  assert.ok(base.ok);
  const shift = base.value.result.details.allegedShift as number;
  // Spread the votes over the flagged stations in proportion to their valid votes, then test again.
  let flaggedValid = 0;
  for (let i = 0; i < first.table.n; i++) if (flagged[i]) flaggedValid += first.table.valid[i];
  const manipulated = inflateShare(first.table, flagged, leader, (100 * votes) / flaggedValid);
  const after = persistenceByUnit(manipulated, second.table, flagged, options, createRng(1));
  assert.ok(after.ok);
  const moved = after.value.result.statistic - base.value.result.statistic;
  assert.ok(Math.abs(moved - shift) < 0.02 * Math.abs(shift) + 0.01, `moved ${moved}, alleged shift ${shift}`);
  assert.ok(shift > 0);
  assert.equal(base.value.scatter.a.length, base.value.scatter.b.length);
});
