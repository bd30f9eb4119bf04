/**
 * Test support for the persistence test: small StationTables from arrays, and simulated pairs of clean
 * elections over the same units (region-level support and swing, unit-level swing, binomial noise).
 */
import type { Rng } from '../src/rng.ts';
import type { RegionLevel, StationTable } from '../src/station_table.ts';

/** One unit for `tableFromUnits`. */
export interface UnitRow {
  id: string;
  region: string;
  valid: number;
  votes: number;
}

function level(name: string, values: readonly string[]): RegionLevel {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let c = index.get(values[i]);
    if (c === undefined) {
      c = labels.length;
      labels.push(values[i]);
      index.set(values[i], c);
    }
    codes[i] = c;
  }
  return { name, labels, codes };
}

/** A table with one region level `region` (+ `country`) and two candidates: `candidate` and "Others". */
export function tableFromUnits(rows: readonly UnitRow[], candidate: string, name = 'test'): StationTable {
  const n = rows.length;
  const valid = Float64Array.from(rows.map((r) => r.valid));
  const votes = Float64Array.from(rows.map((r) => r.votes));
  const others = new Float64Array(n);
  for (let i = 0; i < n; i++) others[i] = valid[i] - votes[i];
  const registered = Float64Array.from(rows.map((r) => Math.round(r.valid * 1.15)));
  return {
    n,
    ids: rows.map((r) => r.id),
    regions: [
      level(
        'country',
        rows.map(() => 'X'),
      ),
      level(
        'region',
        rows.map((r) => r.region),
      ),
    ],
    registered,
    ballotsCast: valid.slice(),
    ballotsFound: valid.slice(),
    valid,
    invalid: new Float64Array(n),
    candidates: [
      { name: candidate, votes },
      { name: 'Others', votes: others },
    ],
    shareOf: 'valid',
    meta: { name },
  };
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** A simulated pair of clean elections A and B over the same units, and a random flagged set. */
export interface SimulatedPair {
  a: StationTable;
  b: StationTable;
  flagged: Uint8Array;
}

/**
 * Simulates `regions` x `perRegion` units; support varies by region (logit sd 0.6) and unit (sd 0.5);
 * B = A's latent support + a regional swing (sd 0.2) + a unit swing (sd `unitSwing`, logit), binomial
 * votes. Flags `flagShare` of the units at random. With `inflation` > 0, flagged units of A get that
 * share (points / 100) of their valid votes switched to the favoured candidate.
 */
export function simulatePair(
  rng: Rng,
  opts: { regions?: number; perRegion?: number; flagShare?: number; inflation?: number; unitSwing?: number } = {},
): SimulatedPair {
  const R = opts.regions ?? 25;
  const per = opts.perRegion ?? 40;
  const unitSwing = opts.unitSwing ?? 0.3;
  const rowsA: UnitRow[] = [];
  const rowsB: UnitRow[] = [];
  for (let r = 0; r < R; r++) {
    const mu = -0.2 + 0.6 * rng.normal();
    const swing = 0.3 + 0.2 * rng.normal();
    for (let i = 0; i < per; i++) {
      const latent = mu + 0.5 * rng.normal();
      const size = Math.round(150 + Math.exp(6 + 0.8 * rng.normal()));
      const validA = rng.binomial(size, 0.85);
      const validB = rng.binomial(size, 0.86);
      const id = `R${r}-U${i}`;
      rowsA.push({ id, region: `R${r}`, valid: validA, votes: rng.binomial(validA, logistic(latent)) });
      const pb = logistic(latent + swing + unitSwing * rng.normal());
      rowsB.push({ id, region: `R${r}`, valid: validB, votes: rng.binomial(validB, pb) });
    }
  }
  const n = rowsA.length;
  const nFlag = Math.max(1, Math.round((opts.flagShare ?? 0.05) * n));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let t = 0; t < nFlag; t++) {
    const j = t + rng.int(n - t);
    const tmp = order[t];
    order[t] = order[j];
    order[j] = tmp;
  }
  const flagged = new Uint8Array(n);
  for (let t = 0; t < nFlag; t++) flagged[order[t]] = 1;
  const inflation = opts.inflation ?? 0;
  if (inflation > 0) {
    for (let i = 0; i < n; i++) {
      if (!flagged[i]) continue;
      const row = rowsA[i];
      row.votes = Math.min(row.valid, row.votes + Math.round(inflation * row.valid));
    }
  }
  return { a: tableFromUnits(rowsA, 'Favoured', 'A'), b: tableFromUnits(rowsB, 'Favoured', 'B'), flagged };
}

/**
 * Returns a copy of `table` where each flagged station's `candidate` share of the official denominator is
 * raised by `points` (taken from the other candidates in proportion to their votes, capped at their total).
 */
export function inflateShare(
  table: StationTable,
  flagged: Uint8Array,
  candidate: string,
  points: number,
): StationTable {
  const c = table.candidates.findIndex((x) => x.name === candidate);
  const votes = table.candidates.map((x) => x.votes.slice());
  const den = table.shareOf === 'valid' ? table.valid : table.ballotsFound;
  for (let i = 0; i < table.n; i++) {
    if (!flagged[i]) continue;
    let othersTotal = 0;
    for (let k = 0; k < votes.length; k++) if (k !== c) othersTotal += votes[k][i];
    const move = Math.min(othersTotal, Math.round((points / 100) * den[i]));
    if (othersTotal <= 0 || move <= 0) continue;
    let moved = 0;
    for (let k = 0; k < votes.length; k++) {
      if (k === c) continue;
      const take = Math.min(votes[k][i], Math.round((move * table.candidates[k].votes[i]) / othersTotal));
      votes[k][i] -= take;
      moved += take;
    }
    votes[c][i] += moved;
  }
  return { ...table, candidates: table.candidates.map((x, k) => ({ name: x.name, votes: votes[k] })) };
}

/** A random set of round(share * n) flagged stations (at least one). */
export function randomFlags(n: number, share: number, rng: Rng): Uint8Array {
  const m = Math.max(1, Math.round(share * n));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const flagged = new Uint8Array(n);
  for (let t = 0; t < m; t++) {
    const j = t + rng.int(n - t);
    const tmp = order[t];
    order[t] = order[j];
    order[j] = tmp;
    flagged[order[t]] = 1;
  }
  return flagged;
}
