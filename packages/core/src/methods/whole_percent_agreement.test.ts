// The fingerprint, integer-percentage and Klimek histograms bin every whole-percent station where integer
// arithmetic puts it. The reference here is BigInt floor / round-half-up, written independently of
// numeric/binning.ts, on tables holding all 18,600 whole-percent pairs c <= r <= 3000 on each axis.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MethodResult } from '../method.ts';
import { createRng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { electionFingerprintMethod } from './election_fingerprint.ts';
import { integerPercentMethod } from './integer_percent.ts';
import { binIndex } from './klimek_model.ts';

/** Every (c, r) with c <= r <= 3000 whose percentage 100 c / r is a whole number k, with its k. */
function wholePercentPairs(): { c: number; r: number; k: number }[] {
  const pairs: { c: number; r: number; k: number }[] = [];
  for (let r = 1; r <= 3000; r++)
    for (let c = 0; c <= r; c++) if ((100 * c) % r === 0) pairs.push({ c, r, k: (100 * c) / r });
  return pairs;
}

/** floor(count * bins / total), 100% in the last bin. */
const floorBin = (count: number, total: number, bins: number): number =>
  Math.min(bins - 1, Number((BigInt(count) * BigInt(bins)) / BigInt(total)));
/** round(count * 1000 / total), halves up: the 0.1-point bin centred on the percentage. */
const centredBin = (count: number, total: number): number =>
  Number((2000n * BigInt(count) + BigInt(total)) / (2n * BigInt(total)));

interface Station {
  registered: number;
  cast: number;
  valid: number;
  winner: number;
}

function tableOf(stations: Station[]): StationTable {
  const col = (f: (s: Station) => number) => Float64Array.from(stations, f);
  const valid = col((s) => s.valid);
  return {
    n: stations.length,
    ids: stations.map((_, i) => String(i + 1)),
    regions: [],
    registered: col((s) => s.registered),
    ballotsCast: col((s) => s.cast),
    ballotsFound: valid,
    valid,
    invalid: new Float64Array(stations.length),
    candidates: [
      { name: 'Winner', votes: col((s) => s.winner) },
      { name: 'Other', votes: col((s) => s.valid - s.winner) },
    ],
    shareOf: 'valid',
    meta: { name: 'whole-percent pairs' },
  };
}

const pairs = wholePercentPairs();
// Turnout axis: (ballots cast, registered) = (c, r); the winner takes half the ballots, rounded down.
const turnoutStations: Station[] = pairs.map(({ c, r }) => ({
  registered: r,
  cast: c,
  valid: c,
  winner: Math.floor(c / 2),
}));
// Share axis: (winner votes, valid votes) = (c, r) at 50% turnout.
const shareStations: Station[] = pairs.map(({ c, r }) => ({ registered: 2 * r, cast: r, valid: r, winner: c }));

test('the tables hold all 18,600 whole-percent pairs, and the integer reference puts pair k in bin k', () => {
  assert.equal(pairs.length, 18_600);
  for (const { c, r, k } of pairs) {
    assert.equal(floorBin(c, r, 100), Math.min(99, k));
    assert.equal(centredBin(c, r), 10 * k);
  }
});

function fingerprint(table: StationTable): { stations: number[]; n: number } {
  const r = electionFingerprintMethod.run(table, { candidate: 'Winner' }, createRng(1));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return { stations: r.value[0].details.stations as number[], n: r.value[0].n };
}

test('election_fingerprint bins every whole-percent station as the integer reference does', () => {
  for (const stations of [turnoutStations, shareStations]) {
    const reference = new Array<number>(100 * 100).fill(0);
    let used = 0;
    for (const s of stations) {
      if (s.valid === 0) continue; // no votes: no share, excluded with its reason
      reference[floorBin(s.cast, s.registered, 100) * 100 + floorBin(s.winner, s.valid, 100)]++;
      used++;
    }
    const got = fingerprint(tableOf(stations));
    assert.equal(got.n, used);
    assert.deepEqual(got.stations, reference);
  }
});

function integerPercent(table: StationTable): MethodResult {
  const r = integerPercentMethod.run(table, { candidate: 'Winner', replicates: 10 }, createRng(1));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value[0];
}

test('integer_percent: every included whole-percent station sits at the centre of its 0.1-point bin', () => {
  // Inclusion as the paper's, in integers: votes counted, >= 100 registered, turnout and share <= 99%.
  const included = (s: Station) =>
    s.valid > 0 && s.registered >= 100 && 100 * s.cast <= 99 * s.registered && 100 * s.winner <= 99 * s.valid;
  for (const [stations, axis] of [
    [turnoutStations, 'turnout'],
    [shareStations, 'leader'],
  ] as const) {
    const reference = { turnout: new Array<number>(1001).fill(0), leader: new Array<number>(1001).fill(0) };
    let n = 0;
    for (const s of stations) {
      if (!included(s)) continue;
      reference.turnout[centredBin(s.cast, s.registered)]++;
      reference.leader[centredBin(s.winner, s.valid)]++;
      n++;
    }
    const result = integerPercent(tableOf(stations));
    assert.equal(result.n, n);
    const details = result.details as {
      histogram: { turnout: number[]; leader: number[] };
      observed: Record<string, number>;
    };
    assert.deepEqual(details.histogram.turnout, reference.turnout);
    assert.deepEqual(details.histogram.leader, reference.leader);
    // Every included station is at a whole percentage on the axis built from the pairs.
    assert.equal(details.observed[axis], n);
  }
});

test('Klimek binIndex on the model axes (valid / registered, winner / valid) agrees with the integer reference', () => {
  for (const bins of [100, 1000]) {
    let checked = 0;
    for (const s of [...turnoutStations, ...shareStations]) {
      if (s.valid === 0) continue; // the model needs 0 < valid <= registered
      const expected = floorBin(s.valid, s.registered, bins) * bins + floorBin(s.winner, s.valid, bins);
      assert.equal(binIndex(s.valid / s.registered, s.winner / s.valid, bins), expected, JSON.stringify(s));
      checked++;
    }
    assert.equal(checked, 2 * 18_600 - 3000);
  }
});
