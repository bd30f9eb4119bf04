/**
 * Arrival positions sorted once, so that a local fit at a cutoff visits only the stations within its bandwidth
 * instead of the whole count. The stations of a window are returned in ascending station order, the order in which
 * a full scan would meet them: the fits add the same numbers in the same order and give the same bits.
 */

import { stableOrder } from './stable_order.ts';

/** Positions sorted ascending (`sorted`), the stations in that order (`order`), and the windows cut so far. */
export interface PositionIndex {
  readonly sorted: Float64Array;
  readonly order: Int32Array;
  /** Window rows by centre, with the half-width they cover (see windowRows). */
  readonly windows: Map<number, { readonly reach: number; readonly rows: Int32Array }>;
  /** One flag per station, all 0 between calls: windowRows marks a window's stations here to list them in order. */
  readonly marks: Uint8Array;
}

/** Sorts the positions once (ties keep station order). */
export function indexPositions(x: ArrayLike<number>): PositionIndex {
  const m = x.length;
  const order = stableOrder(x);
  const sorted = new Float64Array(m);
  for (let k = 0; k < m; k++) sorted[k] = x[order[k]];
  return { sorted, order, windows: new Map(), marks: new Uint8Array(m) };
}

// The last positions indexed and their index: a power study refits one count's positions hundreds of times with
// injected votes, and the positions (the arrival order) never change between refits.
let lastPositions: Float64Array | null = null;
let lastIndex: PositionIndex | null = null;

/** indexPositions, reusing the last index when the positions are the same values. */
export function positionIndexFor(x: ArrayLike<number>): PositionIndex {
  const last = lastPositions;
  if (last !== null && lastIndex !== null && last.length === x.length) {
    let same = true;
    for (let i = 0; i < x.length && same; i++) same = Object.is(last[i], x[i]);
    if (same) return lastIndex;
  }
  lastPositions = Float64Array.from(x);
  lastIndex = indexPositions(x);
  return lastIndex;
}

/** First k in [0, m] with pred(sorted[k]) true, for a predicate that is false then true along `sorted`. */
export function firstWhere(sorted: Float64Array, pred: (v: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(sorted[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Widens the window a little beyond [c - h, c + h], so no station with a positive kernel weight is missed by
// rounding; the extra ones get weight <= 0 in the fit and are skipped there exactly as a full scan skips them.
const SLACK = 1 + 1e-6;
// A window is cut 10% wider than asked and kept, so refits whose bandwidth moves by less reuse it.
const REACH = 1.1;

/** Stations (ascending) whose position lies within about h of c: a superset of those with positive weight. */
export function windowRows(index: PositionIndex, c: number, h: number): Int32Array {
  const kept = index.windows.get(c);
  if (kept !== undefined && kept.reach >= h * SLACK) return kept.rows;
  const reach = h * SLACK * REACH;
  const from = firstWhere(index.sorted, (v) => v >= c - reach);
  const to = firstWhere(index.sorted, (v) => v > c + reach);
  const rows = ascendingStations(index, from, Math.max(from, to));
  index.windows.set(c, { reach, rows });
  return rows;
}

/**
 * The stations order[from..to) in ascending order, as a sort of them would give: each is marked in its flag,
 * then the flags between the least and the greatest are read in station order (a window holds a good share
 * of the count, so one pass over that range costs less than a sort), and cleared.
 */
function ascendingStations(index: PositionIndex, from: number, to: number): Int32Array {
  const { order, marks } = index;
  let least = marks.length;
  let greatest = -1;
  for (let k = from; k < to; k++) {
    const station = order[k];
    marks[station] = 1;
    if (station < least) least = station;
    if (station > greatest) greatest = station;
  }
  const rows = new Int32Array(to - from);
  let count = 0;
  for (let station = least; station <= greatest; station++) {
    if (marks[station] === 0) continue;
    marks[station] = 0;
    rows[count++] = station;
  }
  return rows;
}

/** Number of distinct values among sorted[from..to). */
export function distinctSorted(sorted: Float64Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (k === from || sorted[k] !== sorted[k - 1]) n++;
  return n;
}
