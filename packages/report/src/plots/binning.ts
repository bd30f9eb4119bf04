/** Binning and thinning helpers: plots get counts and a bounded number of marks, never raw rows. */
import { assert } from '@tally/core';

/** Counts of `values` in `nBins` bins of `binWidth` from `start`; values outside or NaN are ignored. */
export function histogram1d(values: ArrayLike<number>, start: number, binWidth: number, nBins: number): number[] {
  assert(binWidth > 0 && Number.isInteger(nBins) && nBins > 0, 'histogram1d: bad bins');
  const counts = new Float64Array(nBins);
  for (let i = 0; i < values.length; i++) {
    const k = Math.floor((values[i] - start) / binWidth);
    if (k >= 0 && k < nBins) counts[k]++;
  }
  return Array.from(counts);
}

/** 2D counts over [0,1] x [0,1] (row-major, counts[iy * nx + ix]); 1 falls in the last bin, NaN is ignored. */
export function histogram2d(x: ArrayLike<number>, y: ArrayLike<number>, nx: number, ny: number): number[] {
  assert(x.length === y.length, 'histogram2d: x and y differ in length');
  const counts = new Float64Array(nx * ny);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const yi = y[i];
    if (!(xi >= 0 && xi <= 1 && yi >= 0 && yi <= 1)) continue;
    const ix = Math.min(nx - 1, Math.floor(xi * nx));
    const iy = Math.min(ny - 1, Math.floor(yi * ny));
    counts[iy * nx + ix]++;
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

/** A curve cut down to at most maxPoints evenly spaced points. */
export function thinCurve(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints = 400): { x: number[]; y: number[] } {
  const idx = thinIndices(x.length, maxPoints);
  return { x: idx.map((i) => x[i]), y: idx.map((i) => y[i]) };
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
