/**
 * Order statistics without a full sort, for the battery's percentile intervals (two adjacent order statistics at each
 * of two levels) and the late count's medians: a selection (Hoare's quickselect, median-of-three pivots) costs a
 * linear pass where a sort costs n log n.
 */

/**
 * Rearranges a[from..to) so that a[k] holds the value a sort of that range would put there, every element before k
 * is no greater and every element after it no smaller. The values must not be NaN.
 */
export function selectInPlace(a: Float64Array, k: number, from: number, to: number): void {
  let left = from;
  let right = to - 1;
  while (right > left) {
    const middle = (left + right) >>> 1;
    // Median of three as the pivot, which also guards each scan.
    if (a[middle] < a[left]) swap(a, middle, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[middle]) swap(a, right, middle);
    const pivot = a[middle];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[left..j] <= pivot <= a[i..right], and any slot between j and i holds the pivot value.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Places in `values` (no NaN) the order statistics that R's type-7 quantiles at probabilities `ps` (increasing)
 * read: positions floor(h) and floor(h) + 1 with h = (n - 1) p, each holding what a sort would put there; other
 * positions hold the remaining values in some order. Falls back to a sort when the positions are not well apart.
 */
export function placeQuantileOrderStatistics(values: Float64Array, ps: readonly number[]): void {
  const n = values.length;
  let from = 0;
  for (const p of ps) {
    const lo = Math.floor((n - 1) * p);
    const hi = Math.min(lo + 1, n - 1);
    if (lo < from) {
      values.sort();
      return;
    }
    selectInPlace(values, lo, from, n);
    selectInPlace(values, hi, lo + 1, n);
    from = hi + 1;
  }
}
