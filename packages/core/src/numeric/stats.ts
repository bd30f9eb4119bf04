/** Small descriptive statistics over typed arrays. */

/** Arithmetic mean; NaN-free callers only. */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Sample variance (n - 1 denominator). */
export function variance(x: ArrayLike<number>): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** 2;
  return s / (x.length - 1);
}

/** Quantile with linear interpolation between order statistics (R type 7). Sorts a copy. */
export function quantile(x: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(x).sort();
  return quantileSorted(sorted, p);
}

/** Quantile (R type 7) of an already sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
