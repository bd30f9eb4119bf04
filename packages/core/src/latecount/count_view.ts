/**
 * The shared view behind every late-count method: a final table, the candidate pair whose margin is
 * followed, which final stations were counted at the cutoff, their counted figures, and where each
 * station sits in the arrival order. Margins are share(A) - share(B) in percentage points of the
 * official denominator (docs/data-model.md).
 */
import { err, ok, type Result } from '../result.ts';
import { candidateIndex, type StationTable, shareDenominator } from '../station_table.ts';
import { stableOrder } from './stable_order.ts';

/** Which stations were counted: a snapshot table, a percentile of arrival, or an instant. */
export type CutoffSpec =
  | { readonly kind: 'snapshot'; readonly snapshot: StationTable; readonly label?: string }
  | { readonly kind: 'percentile'; readonly value: number }
  | { readonly kind: 'time'; readonly ms: number; readonly label?: string };

/** The two candidates whose margin is followed (indices into a table's candidates). */
export interface CandidatePair {
  readonly a: number;
  readonly b: number;
  readonly nameA: string;
  readonly nameB: string;
}

/** Where a percentile cutoff actually cut: arrival positions are often coarse (batches), so several requests give one cut. */
export interface CutoffUsed {
  readonly requested: number;
  /** Largest arrival position counted, and the smallest one not counted (null when none). */
  readonly lastCountedPosition: number | null;
  readonly nextPosition: number | null;
  /** Percent of stations counted. */
  readonly countedShare: number;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '-';
}

/** Final table + counted set + arrival positions, as the late-count methods read them. */
export interface CountView {
  readonly final: StationTable;
  readonly pair: CandidatePair;
  /** 1 where the final station was counted at the cutoff. */
  readonly counted: Uint8Array;
  readonly nCounted: number;
  /** Counted figures per final station (the snapshot's own for a snapshot cutoff), 0 where uncounted. */
  readonly countedA: Float64Array;
  readonly countedB: Float64Array;
  readonly countedDenominator: Float64Array;
  readonly countedRegistered: Float64Array;
  /** Arrival position of each final station in [0, 100] (percent of stations before it), or null without arrival. */
  readonly position: Float64Array | null;
  /** The cutoff on the position scale, or null without arrival. */
  readonly cutoffPosition: number | null;
  /** Human label of the cutoff, e.g. "trep-2019-10-20" or "percentile 90 (cut between arrival positions 88.2 and 91.4: ...)". */
  readonly cutoffLabel: string;
  /** For a percentile cutoff: the cut actually made on the arrival positions (null for other cutoffs). */
  readonly cutoffUsed: CutoffUsed | null;
  /** Margin of the counted stations from the counted figures (for a snapshot: all of its stations). */
  readonly countedMargin: number;
  readonly finalMargin: number;
  /** Snapshot stations with no match in the final table (left out of everything but countedMargin). */
  readonly unmatchedSnapshotStations: number;
  readonly warnings: readonly string[];
}

/** 100 * (sum a - sum b) / sum den over the stations where mask is 1 (all when mask is null). */
export function pooledMargin(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  den: ArrayLike<number>,
  mask: ArrayLike<number> | null = null,
): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    if (mask !== null && mask[i] === 0) continue;
    d += a[i] - b[i];
    s += den[i];
  }
  return s > 0 ? (100 * d) / s : Number.NaN;
}

/** Finds the candidate pair by name, or the two with most votes nationally (first = leader). */
export function resolvePair(table: StationTable, names?: readonly string[]): Result<CandidatePair> {
  if (table.candidates.length < 2)
    return err({ kind: 'missing_column', column: 'candidates', message: 'a margin needs at least two candidates' });
  if (names !== undefined && names.length > 0) {
    if (names.length !== 2)
      return err({ kind: 'invalid_options', option: 'candidates', message: 'give exactly two candidates, "A,B"' });
    const a = candidateIndex(table, names[0]);
    const b = candidateIndex(table, names[1]);
    for (const [i, name] of [
      [a, names[0]],
      [b, names[1]],
    ] as const) {
      if (i < 0) {
        const known = table.candidates.map((c) => c.name).join(', ');
        return err({ kind: 'missing_column', column: name, message: `no candidate "${name}"; known: ${known}` });
      }
    }
    if (a === b)
      return err({ kind: 'invalid_options', option: 'candidates', message: 'the two candidates must differ' });
    return ok({ a, b, nameA: names[0], nameB: names[1] });
  }
  const totals = table.candidates.map((c) => {
    let s = 0;
    for (let i = 0; i < c.votes.length; i++) s += c.votes[i];
    return s;
  });
  const order = totals.map((_, i) => i).sort((x, y) => totals[y] - totals[x] || x - y);
  const [a, b] = order;
  return ok({ a, b, nameA: table.candidates[a].name, nameB: table.candidates[b].name });
}

/**
 * Arrival positions in [0, 100]: a percentile column as is; ranks and instants as mid-rank percent of
 * stations (ties share a position). NaN where a station has no arrival value.
 */
export function arrivalPositions(table: StationTable): Float64Array | null {
  const arrival = table.arrival;
  if (arrival === undefined) return null;
  const v = arrival.values;
  const n = v.length;
  const pos = new Float64Array(n);
  if (arrival.kind === 'percentile') {
    for (let i = 0; i < n; i++) pos[i] = v[i];
    return pos;
  }
  const finite = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(v[i])) finite[m++] = i;
    else pos[i] = Number.NaN;
  }
  const finiteValues = new Float64Array(m);
  for (let j = 0; j < m; j++) finiteValues[j] = v[finite[j]];
  // The stations with a value, ascending by value (ties in station order).
  const byValue = stableOrder(finiteValues);
  const idx = new Int32Array(m);
  for (let j = 0; j < m; j++) idx[j] = finite[byValue[j]];
  let k = 0;
  while (k < m) {
    let e = k + 1;
    while (e < m && v[idx[e]] === v[idx[k]]) e++;
    const mid = (100 * (k + e)) / 2 / m;
    for (let j = k; j < e; j++) pos[idx[j]] = mid;
    k = e;
  }
  return pos;
}

/**
 * `table` with its region levels ordered coarse to fine by their number of areas (stable). The late-count analyses
 * read the last level as the narrowest (donor areas, late-shift blocks, injected areas, fixed effects); a level
 * attached after the preset's own (e.g. Bolivia 2019's municipality_code, attached for the census join after
 * recinto_code) would otherwise be taken as the narrowest and the projection would draw donors a municipality away.
 */
export function regionsCoarseToFine(table: StationTable): StationTable {
  const order = table.regions
    .map((r, k) => ({ r, k }))
    .sort((x, y) => x.r.labels.length - y.r.labels.length || x.k - y.k);
  if (order.every((x, k) => x.k === k)) return table;
  return { ...table, regions: order.map((x) => x.r) };
}

/** Builds the count view of `final` at `cutoff` for the candidates named (or the top two). */
export function buildCountView(
  table: StationTable,
  cutoff: CutoffSpec,
  candidates?: readonly string[],
): Result<CountView> {
  const final = regionsCoarseToFine(table);
  const n = final.n;
  if (n === 0) return err({ kind: 'insufficient_data', message: 'the final table has no stations', needed: 1, got: 0 });
  const pairR = resolvePair(final, candidates);
  if (!pairR.ok) return pairR;
  const pair = pairR.value;
  const den = shareDenominator(final);
  const finalA = final.candidates[pair.a].votes;
  const finalB = final.candidates[pair.b].votes;
  const counted = new Uint8Array(n);
  const countedA = new Float64Array(n);
  const countedB = new Float64Array(n);
  const countedDenominator = new Float64Array(n);
  const countedRegistered = new Float64Array(n);
  const warnings: string[] = [];
  let position = arrivalPositions(final);
  let cutoffPosition: number | null = null;
  let cutoffLabel: string;
  let countedMargin: number;
  let unmatched = 0;
  let cutoffUsed: CutoffUsed | null = null;
  const copyFinal = (i: number): void => {
    counted[i] = 1;
    countedA[i] = finalA[i];
    countedB[i] = finalB[i];
    countedDenominator[i] = den[i];
    countedRegistered[i] = final.registered[i];
  };
  if (cutoff.kind === 'snapshot') {
    const snap = cutoff.snapshot;
    const sa = candidateIndex(snap, pair.nameA);
    const sb = candidateIndex(snap, pair.nameB);
    if (sa < 0 || sb < 0) {
      const missing = sa < 0 ? pair.nameA : pair.nameB;
      return err({ kind: 'missing_column', column: missing, message: `the snapshot has no candidate "${missing}"` });
    }
    const byId = new Map<string, number>();
    for (let i = 0; i < n; i++) byId.set(final.ids[i], i);
    const snapDen = shareDenominator(snap);
    const snapA = snap.candidates[sa].votes;
    const snapB = snap.candidates[sb].votes;
    for (let j = 0; j < snap.n; j++) {
      const i = byId.get(snap.ids[j]);
      if (i === undefined) {
        unmatched++;
        continue;
      }
      if (counted[i] === 1)
        return err({ kind: 'degenerate_input', message: `station ${snap.ids[j]} appears twice in the snapshot` });
      counted[i] = 1;
      countedA[i] = snapA[j];
      countedB[i] = snapB[j];
      countedDenominator[i] = snapDen[j];
      countedRegistered[i] = snap.registered[j];
    }
    countedMargin = pooledMargin(snapA, snapB, snapDen);
    cutoffLabel = cutoff.label ?? snap.meta.name;
    if (unmatched > 0)
      warnings.push(`${unmatched} snapshot station(s) are not in the final table; they count only in countedMargin`);
    if (position !== null) {
      // The snapshot's cut on the arrival scale: the share of final stations it holds, in percent.
      let c = 0;
      for (let i = 0; i < n; i++) c += counted[i];
      cutoffPosition = (100 * c) / n;
      let inverted = 0;
      for (let i = 0; i < n; i++)
        if (counted[i] === 1 ? position[i] > cutoffPosition : position[i] < cutoffPosition) inverted++;
      if (inverted > 0)
        warnings.push(`${inverted} station(s) sit on the wrong side of the cutoff in the arrival column`);
    }
  } else {
    const arrival = final.arrival;
    if (arrival === undefined || position === null)
      return err({
        kind: 'missing_column',
        column: 'arrival',
        message: 'a percentile or time cutoff needs an arrival column',
      });
    if (cutoff.kind === 'percentile') {
      if (!(cutoff.value > 0 && cutoff.value < 100))
        return err({
          kind: 'invalid_options',
          option: 'cutoff',
          message: `percentile cutoff must be in (0, 100), got ${cutoff.value}`,
        });
      let lastIn = Number.NEGATIVE_INFINITY;
      let firstOut = Number.POSITIVE_INFINITY;
      let c = 0;
      for (let i = 0; i < n; i++) {
        if (position[i] <= cutoff.value) {
          copyFinal(i);
          c++;
          lastIn = Math.max(lastIn, position[i]);
        } else if (position[i] < firstOut) firstOut = position[i];
      }
      // Coarse arrival (batches) cannot cut anywhere: the cut actually used lies between the last
      // position counted and the next one, and the label says so.
      cutoffPosition = Number.isFinite(lastIn) && Number.isFinite(firstOut) ? (lastIn + firstOut) / 2 : cutoff.value;
      cutoffUsed = {
        requested: cutoff.value,
        lastCountedPosition: Number.isFinite(lastIn) ? lastIn : null,
        nextPosition: Number.isFinite(firstOut) ? firstOut : null,
        countedShare: (100 * c) / n,
      };
      cutoffLabel =
        `percentile ${cutoff.value} (cut between arrival positions ${fmt(lastIn)} and ${fmt(firstOut)}: ` +
        `${fmt((100 * c) / n)}% of stations counted)`;
    } else {
      if (arrival.kind !== 'time')
        return err({
          kind: 'invalid_options',
          option: 'cutoff',
          message: `a time cutoff needs arrival times; this table has ${arrival.kind}`,
        });
      let c = 0;
      for (let i = 0; i < n; i++) {
        if (arrival.values[i] <= cutoff.ms) {
          copyFinal(i);
          c++;
        }
      }
      cutoffPosition = (100 * c) / n;
      cutoffLabel = cutoff.label ?? new Date(cutoff.ms).toISOString();
    }
    let missing = 0;
    for (let i = 0; i < n; i++) if (Number.isNaN(position[i])) missing++;
    if (missing > 0) warnings.push(`${missing} station(s) have no arrival value and are treated as not counted`);
    countedMargin = pooledMargin(countedA, countedB, countedDenominator, counted);
  }
  let nCounted = 0;
  for (let i = 0; i < n; i++) nCounted += counted[i];
  if (nCounted === 0 && cutoff.kind === 'snapshot')
    return err({
      kind: 'insufficient_data',
      message: `none of the snapshot's ${cutoff.snapshot.n} station ids is in the final table (are they the same kind of station?)`,
      needed: 1,
      got: 0,
    });
  if (nCounted === 0)
    return err({ kind: 'insufficient_data', message: 'no station was counted at the cutoff', needed: 1, got: 0 });
  if (position?.every((p) => Number.isNaN(p))) position = null;
  return ok({
    final,
    pair,
    counted,
    nCounted,
    countedA,
    countedB,
    countedDenominator,
    countedRegistered,
    position,
    cutoffPosition: position === null ? null : cutoffPosition,
    cutoffLabel,
    cutoffUsed,
    countedMargin,
    finalMargin: pooledMargin(finalA, finalB, den),
    unmatchedSnapshotStations: unmatched,
    warnings,
  });
}
