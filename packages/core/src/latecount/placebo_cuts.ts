/**
 * Where a count discontinuity may be tested: the region level at which arrival is assigned, the placebo cutoffs on
 * one side of the real one, and the coarse bandwidth a thin count falls back to. Used by methods/discontinuity.ts.
 */
import type { CountView } from './count_view.ts';
import { firstWhere, indexPositions, type PositionIndex } from './position_window.ts';

/**
 * The region level at which arrival is assigned: the widest level whose every area (of two or more
 * stations with a position) has a single arrival position, or null when no level does (arrival then
 * varies by station, and the narrowest level, whose stations share a transmission, is the default).
 */
export function arrivalLevel(final: CountView['final'], position: Float64Array): string | null {
  for (const level of final.regions) {
    const first = new Float64Array(level.labels.length).fill(Number.NaN);
    let multi = false;
    let constant = true;
    for (let i = 0; i < final.n && constant; i++) {
      const p = position[i];
      if (!Number.isFinite(p)) continue;
      const k = level.codes[i];
      if (Number.isNaN(first[k])) first[k] = p;
      else {
        multi = true;
        if (first[k] !== p) constant = false;
      }
    }
    if (constant && multi) return level.name;
  }
  return null;
}

/**
 * Placebo cutoffs comparable to the real cut c: the cut after each station percentile 1, ..., 99,
 * moved to the midpoint between the distinct arrival positions it falls between (so that coarse
 * arrival gives each batch boundary once), kept when its window [p - h, p + h] does not reach c and
 * the stations within the bandwidth on each side are between half and twice those of the real cut
 * (nLeft, nRight). Compare Imbens & Lemieux (2008), J. Econometrics 142(2):615-635, section 7.2.
 */
export function placeboCuts(
  x: ArrayLike<number>,
  c: number,
  h: number,
  nLeft: number,
  nRight: number,
  index: PositionIndex = indexPositions(x),
): number[] {
  const sorted = index.sorted;
  const m = sorted.length;
  const distinct: number[] = [];
  for (let i = 0; i < m; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  const cuts: number[] = [];
  let last = Number.NaN;
  for (let q = 1; q <= 99; q++) {
    const v = sorted[Math.max(0, Math.ceil((q * m) / 100) - 1)];
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo + 1 >= distinct.length) continue;
    const p = (distinct[lo] + distinct[lo + 1]) / 2;
    if (p === last || Math.abs(p - c) < h) continue;
    last = p;
    // Stations with |x - p| < h on each side; x - p grows with x, so each side is a run of the sorted positions.
    const from = firstWhere(sorted, (s) => s - p > -h);
    const mid = firstWhere(sorted, (s) => s - p > 0);
    const to = firstWhere(sorted, (s) => s - p >= h);
    const l = Math.max(0, mid - from);
    const r = Math.max(0, to - mid);
    if (l < nLeft / 2 || l > 2 * nLeft || r < nRight / 2 || r > 2 * nRight) continue;
    cuts.push(p);
  }
  return cuts;
}

/**
 * Bandwidth for counts published in batches (few distinct arrival positions): 1.1 times the distance
 * to the third distinct position on the farther side (or the last one a side has), and no less than
 * the Imbens-Kalyanaraman pilot 1.84 sd n^(-1/5). Null when a side has fewer than two positions.
 */
export function coarseBandwidth(x: ArrayLike<number>, c: number): { h: number; left: number; right: number } | null {
  const left = new Set<number>();
  const right = new Set<number>();
  let mean = 0;
  for (let i = 0; i < x.length; i++) {
    (x[i] <= c ? left : right).add(Math.abs(x[i] - c));
    mean += x[i];
  }
  mean /= x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean) ** 2;
  const pilot = 1.84 * Math.sqrt(ss / (x.length - 1)) * x.length ** (-1 / 5);
  if (left.size < 2 || right.size < 2) return null;
  const l = [...left].sort((p, q) => p - q);
  const r = [...right].sort((p, q) => p - q);
  const k = 3;
  const dl = l[Math.min(k, l.length) - 1];
  const dr = r[Math.min(k, r.length) - 1];
  return { h: Math.max(pilot, 1.1 * Math.max(dl, dr)), left: Math.min(k, l.length), right: Math.min(k, r.length) };
}
