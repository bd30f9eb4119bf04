import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  inflateShare,
  randomFlags,
  simulatePair,
  tableFromUnits,
  type UnitRow,
} from '../../test/persistence_support.ts';
import { matchUnits } from '../match/match_units.ts';
import { createRng, deriveSeed } from '../rng.ts';
import { simulateElectionPair } from '../simulate/generate.ts';
import { persistence, persistenceTest } from './persistence.ts';

interface FixtureUnit {
  id: string;
  stratum: string;
  flagged: number;
  validA: number;
  votesA: number;
  validB: number;
  votesB: number;
}
const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/persistence_reference.json', import.meta.url), 'utf8'),
) as {
  units: FixtureUnit[];
  onlyA: { id: string; stratum: string; validA: number; votesA: number };
  onlyB: { id: string; validB: number; votesB: number };
  statistic: number;
  exactPGreater: number;
  exactPLess: number;
  flaggedMean: number;
};

function fixtureTables() {
  const rowsA: UnitRow[] = fixture.units.map((u) => ({
    id: u.id,
    region: u.stratum,
    valid: u.validA,
    votes: u.votesA,
  }));
  rowsA.push({ id: fixture.onlyA.id, region: fixture.onlyA.stratum, valid: fixture.onlyA.validA, votes: 250 });
  const rowsB: UnitRow[] = fixture.units.map((u) => ({
    id: u.id,
    region: 'ignored',
    valid: u.validB,
    votes: u.votesB,
  }));
  rowsB.unshift({ id: fixture.onlyB.id, region: 'ignored', valid: fixture.onlyB.validB, votes: fixture.onlyB.votesB });
  const flagged = Uint8Array.from([...fixture.units.map((u) => u.flagged), 0]);
  return { a: tableFromUnits(rowsA, 'MAS'), b: tableFromUnits(rowsB, 'MAS'), flagged };
}

test('statistic equals the numpy reference; Monte Carlo p-value agrees with the exact enumeration', () => {
  const { a, b, flagged } = fixtureTables();
  const B = 20_000;
  const r = persistenceTest(a, b, flagged, { stratum: 'region', replicates: B }, createRng(7));
  assert.ok(r.ok);
  assert.ok(Math.abs(r.value.statistic - fixture.statistic) < 1e-9);
  assert.ok(Math.abs((r.value.details.flaggedChangeMean as number) - fixture.flaggedMean) < 1e-9);
  const se = Math.sqrt((fixture.exactPGreater * (1 - fixture.exactPGreater)) / B);
  assert.ok(Math.abs((r.value.pValue as number) - fixture.exactPGreater) < 4 * se + 1 / B, `p=${r.value.pValue}`);
  const less = persistenceTest(a, b, flagged, { stratum: 'region', replicates: B, alternative: 'less' }, createRng(7));
  assert.ok(less.ok);
  const seL = Math.sqrt((fixture.exactPLess * (1 - fixture.exactPLess)) / B);
  assert.ok(Math.abs((less.value.pValue as number) - fixture.exactPLess) < 4 * seL + 1 / B);
});

test('match statistics list the units with no partner', () => {
  const { a, b, flagged } = fixtureTables();
  const r = persistenceTest(a, b, flagged, { stratum: 'region', replicates: 99 }, createRng(1));
  assert.ok(r.ok);
  const m = r.value.details.match as { matched: number; unmatchedA: string[]; unmatchedB: string[]; rateA: number };
  assert.equal(m.matched, fixture.units.length);
  assert.deepEqual(m.unmatchedA, ['XA']);
  assert.deepEqual(m.unmatchedB, ['XB']);
  assert.equal(m.rateA, fixture.units.length / (fixture.units.length + 1));
  assert.deepEqual(r.value.excluded, [{ reason: 'unit of A not matched in B', count: 1 }]);
});

test('same seed gives byte-identical JSON; inputs are not mutated', () => {
  const { a, b, flagged } = fixtureTables();
  const before = JSON.stringify([Array.from(a.valid), Array.from(b.candidates[0].votes), Array.from(flagged)]);
  const run = () =>
    JSON.stringify(persistenceTest(a, b, flagged, { stratum: 'region', replicates: 500 }, createRng(3)));
  assert.equal(run(), run());
  assert.equal(JSON.stringify([Array.from(a.valid), Array.from(b.candidates[0].votes), Array.from(flagged)]), before);
});

test('the statistic does not depend on the order of units', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
      const { a, b, flagged } = simulatePair(createRng(seed), { regions: 4, perRegion: 6, flagShare: 0.25 });
      const base = persistenceTest(a, b, flagged, { stratum: 'region', replicates: 1 }, createRng(1));
      const rng = createRng(seed + 1);
      const order = Array.from({ length: b.n }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const rowsB = order.map((i) => ({
        id: b.ids[i],
        region: 'any',
        valid: b.valid[i],
        votes: b.candidates[0].votes[i],
      }));
      const shuffled = persistenceTest(
        a,
        tableFromUnits(rowsB, 'Favoured'),
        flagged,
        { stratum: 'region', replicates: 1 },
        createRng(1),
      );
      if (!base.ok || !shuffled.ok) return base.ok === shuffled.ok;
      const p = shuffled.value.pValue as number;
      return Math.abs(base.value.statistic - shuffled.value.statistic) < 1e-9 && p >= 0 && p <= 1;
    }),
    { numRuns: 50 },
  );
});

test('data problems return tagged errors', () => {
  const { a, b, flagged } = fixtureTables();
  const rng = createRng(1);
  const kind = (r: ReturnType<typeof persistenceTest>) => (r.ok ? 'ok' : r.error.kind);
  assert.equal(kind(persistenceTest(a, b, flagged, { candidateA: 'CC' }, rng)), 'missing_column');
  const other = tableFromUnits([{ id: 'U00', region: 'x', valid: 10, votes: 5 }], 'Arce');
  assert.equal(kind(persistenceTest(a, other, flagged, { stratum: 'region' }, rng)), 'missing_column');
  assert.equal(kind(persistenceTest(a, b, flagged, { stratum: 'province' }, rng)), 'missing_column');
  assert.equal(kind(persistenceTest(a, b, new Uint8Array(3), { stratum: 'region' }, rng)), 'invalid_options');
  assert.equal(kind(persistenceTest(a, b, flagged, { stratum: 'region', replicates: 0 }, rng)), 'invalid_options');
  const bad = { stratum: 'region', alternative: 'bigger' as 'greater' };
  assert.equal(kind(persistenceTest(a, b, flagged, bad, rng)), 'invalid_options');
  assert.equal(kind(persistenceTest(a, b, new Uint8Array(a.n), { stratum: 'region' }, rng)), 'insufficient_data');
  const empty = tableFromUnits([], 'MAS');
  assert.equal(kind(persistenceTest(empty, b, new Uint8Array(0), {}, rng)), 'insufficient_data');
  const one = tableFromUnits([{ id: 'U00', region: 'R0', valid: 10, votes: 5 }], 'MAS');
  assert.equal(kind(persistenceTest(one, b, Uint8Array.of(1), { stratum: 'region' }, rng)), 'insufficient_data');
  const disjoint = tableFromUnits([{ id: 'Z', region: 'R0', valid: 10, votes: 5 }], 'MAS');
  assert.equal(kind(persistenceTest(a, disjoint, flagged, { stratum: 'region' }, rng)), 'insufficient_data');
});

test('units with zero valid votes are excluded and counted', () => {
  const { a, b, flagged } = fixtureTables();
  const validB = b.valid.slice();
  const votesB = b.candidates[0].votes.slice();
  const j = b.ids.indexOf('U01');
  validB[j] = 0;
  votesB[j] = 0;
  const b2 = { ...b, valid: validB, candidates: [{ name: 'MAS', votes: votesB }, b.candidates[1]] };
  const r = persistenceTest(a, b2, flagged, { stratum: 'region', replicates: 99 }, createRng(1));
  assert.ok(r.ok);
  assert.ok(r.value.excluded.some((e) => e.reason === 'zero valid votes in A or B' && e.count === 1));
});

test('a precomputed match (e.g. by name) is used as given', () => {
  const { a, b, flagged } = fixtureTables();
  const renamed = { ...b, ids: b.ids.map((id) => `new-${id}`) };
  const names = (t: typeof a) => t.ids.map((id) => ({ region: 'X', name: id.replace('new-', '') }));
  const match = matchUnits(a.ids, renamed.ids, { namesA: names(a), namesB: names(renamed) });
  const r = persistenceTest(a, renamed, flagged, { stratum: 'region', replicates: 99, match }, createRng(1));
  assert.ok(r.ok);
  assert.ok(Math.abs(r.value.statistic - fixture.statistic) < 1e-9);
  assert.equal((r.value.details.match as { byName: number }).byName, fixture.units.length);
});

test('alleged size gives its shift in points and the power against it', () => {
  const { a, b, flagged } = fixtureTables();
  const r = persistenceTest(a, b, flagged, { stratum: 'region', replicates: 999, allegedVotes: 300 }, createRng(2));
  assert.ok(r.ok);
  let wf = 0;
  for (let i = 0; i < a.n; i++) if (flagged[i]) wf += a.valid[i];
  assert.ok(Math.abs((r.value.details.allegedShift as number) - (100 * 300) / wf) < 1e-9);
  // Power is #{T* + shift > q95} / 999 over the same permutation null (same seed). At shift 0: the null values
  // above their type-7 95% quantile (position 948.1 of 0..998), at most 50 of 999; at shift q95 - q025 it is
  // #{T* > q025}, at least 974 of 999. The alleged votes' power is the power at their shift.
  const power = r.value.details.powerAtAllegedShift as number;
  const quantiles = r.value.details.nullQuantiles as { q025: number; q95: number };
  const powerAt = (allegedShift: number) => {
    const s = persistenceTest(a, b, flagged, { stratum: 'region', replicates: 999, allegedShift }, createRng(2));
    assert.ok(s.ok);
    return s.value.details.powerAtAllegedShift as number;
  };
  assert.ok(powerAt(0) <= 50 / 999, `size ${powerAt(0)}`);
  assert.ok(powerAt(quantiles.q95 - quantiles.q025) >= 974 / 999);
  assert.equal(power, powerAt(r.value.details.allegedShift as number));
  assert.equal(persistence.runPair(a, b, flagged, { stratum: 'region', replicates: 9 }, createRng(2)).ok, true);
});

// Calibration and power on simulated clean pairs (fewer permutations than the default: the
// permutation p-value is valid for any number of replicates; `tally calibrate` runs the default).
const SEEDS = 400;
const ALPHA = 0.05;

test(`false-positive rate at alpha 0.05 over ${SEEDS} clean simulated pairs is within [0.03, 0.07]`, (t) => {
  let rejections = 0;
  for (let s = 0; s < SEEDS; s++) {
    const rng = createRng(deriveSeed(4, s));
    const { a, b, flagged } = simulatePair(rng);
    const r = persistenceTest(a, b, flagged, { candidateA: 'Favoured', stratum: 'region', replicates: 499 }, rng);
    assert.ok(r.ok);
    if ((r.value.pValue as number) <= ALPHA) rejections++;
  }
  const rate = rejections / SEEDS;
  t.diagnostic(`false-positive rate ${rate}`);
  assert.ok(rate >= 0.03 && rate <= 0.07, `false-positive rate ${rate}`);
});

test(`detects a 5-point share inflation in 5% of units in at least 80% of ${SEEDS} seeds`, (t) => {
  let detections = 0;
  for (let s = 0; s < SEEDS; s++) {
    const rng = createRng(deriveSeed(5, s));
    const { a, b, flagged } = simulatePair(rng, { inflation: 0.05 });
    const r = persistenceTest(a, b, flagged, { candidateA: 'Favoured', stratum: 'region', replicates: 499 }, rng);
    assert.ok(r.ok);
    if ((r.value.pValue as number) <= ALPHA) detections++;
  }
  const power = detections / SEEDS;
  t.diagnostic(`power ${power}`);
  assert.ok(power >= 0.8, `power ${power}`);
});

// The same checks on the calibration generator's election pairs (packages/core/src/simulate): station-level
// units, 5% flagged at random, permutation within district, the leader as the favoured candidate.
function generatorRate(seedBase: number, points: number): number {
  let hits = 0;
  for (let s = 0; s < SEEDS; s++) {
    const rng = createRng(deriveSeed(seedBase, s));
    const { first, second } = simulateElectionPair({ stations: 1000 }, rng);
    const flagged = randomFlags(first.table.n, 0.05, rng);
    const leader = first.truth.leader;
    const a = points > 0 ? inflateShare(first.table, flagged, leader, points) : first.table;
    const r = persistenceTest(
      a,
      second.table,
      flagged,
      { candidateA: leader, stratum: 'district', replicates: 499 },
      rng,
    );
    assert.ok(r.ok);
    if ((r.value.pValue as number) <= ALPHA) hits++;
  }
  return hits / SEEDS;
}

test('simulateElectionPair: false-positive rate within [0.03, 0.07], power against 5 points >= 0.8', (t) => {
  const fpr = generatorRate(6, 0);
  const power = generatorRate(7, 5);
  t.diagnostic(`false-positive rate ${fpr}, power ${power}`);
  assert.ok(fpr >= 0.03 && fpr <= 0.07, `false-positive rate ${fpr}`);
  assert.ok(power >= 0.8, `power ${power}`);
});

test('size at alpha 0.05 under the permutation null is at most 0.05 and close to it without ties', () => {
  const { a, b, flagged } = simulatePair(createRng(11));
  const r = persistenceTest(
    a,
    b,
    flagged,
    { candidateA: 'Favoured', stratum: 'region', replicates: 2000 },
    createRng(1),
  );
  assert.ok(r.ok);
  const size = r.value.details.sizeAtAlpha05 as number;
  assert.ok(size <= 0.05 && size >= 0.045, `size ${size}`);
});
