/** Binning and thinning helpers: plots get counts and a bounded number of marks, never raw rows. */
import { assert, countBin } from '@tally/core';

/**
 * 2D counts over [0, 1] x [0, 1] (row-major, counts[iy * nx + ix]) of the points (xCount / xTotal, yCount / yTotal),
 * binned exactly from the counts (countBin), so a station at a whole percentage lands in its own cell; a point
 * outside [0, 1] or with a zero or missing total is ignored.
 */
export function histogram2d(
  xCount: ArrayLike<number>,
  xTotal: ArrayLike<number>,
  yCount: ArrayLike<number>,
  yTotal: ArrayLike<number>,
  nx: number,
  ny: number,
): number[] {
  const n = xCount.length;
  assert(xTotal.length === n && yCount.length === n && yTotal.length === n, 'histogram2d: arrays differ in length');
  const counts = new Float64Array(nx * ny);
  for (let i = 0; i < n; i++) {
    const ix = countBin(xCount[i], xTotal[i], nx);
    const iy = countBin(yCount[i], yTotal[i], ny);
    if (ix >= 0 && iy >= 0) counts[iy * nx + ix]++;
  }
  return Array.from(counts);
}

/** Evenly spaced indices 0..n-1 (first and last kept), at most maxPoints of them. */
export function thinIndices(n: number, maxPoints: number): number[] {
  assert(maxPoints >= 2, 'thinIndices: maxPoints < 2');
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < maxPoints; k++) out.push(Math.round((k * (n - 1)) / (maxPoints - 1)));
  return out;
}

/** Indices of points to draw: flagged ones first (up to maxFlagged), and evenly spaced others up to maxOthers. */
export function thinPoints(flagged: readonly boolean[], maxOthers = 4000, maxFlagged = 6000): number[] {
  const others: number[] = [];
  const marked: number[] = [];
  for (let i = 0; i < flagged.length; i++) (flagged[i] ? marked : others).push(i);
  const keep: number[] = [];
  if (marked.length > 0) for (const k of thinIndices(marked.length, Math.max(2, maxFlagged))) keep.push(marked[k]);
  if (others.length > 0) for (const k of thinIndices(others.length, Math.max(2, maxOthers))) keep.push(others[k]);
  return [...new Set(keep)].sort((a, b) => a - b);
}
