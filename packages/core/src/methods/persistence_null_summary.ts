/**
 * What the persistence test reads off its permutation null: the p-value in the chosen direction, the null's
 * quantiles, the power at an alleged additive shift, and the size of the test on these data at alpha 0.05.
 */
import { quantileSorted } from '../numeric/stats.ts';

export type PersistenceAlternative = 'greater' | 'less' | 'two_sided';

/** The permutation null summarized for the report. */
export interface PersistenceNullSummary {
  pValue: number;
  quantiles: { q025: number; q50: number; q95: number; q975: number };
  powerAtAlleged: number | null;
  sizeAtAlpha05: number;
}

/**
 * Summarizes `nullDraws` (B permutation statistics) against the observed statistic. `allegedShift` is the
 * statistic's move under the alleged manipulation (the statistic is linear in the unit changes), or null.
 */
export function summarizePersistenceNull(
  nullDraws: ArrayLike<number>,
  observed: number,
  alternative: PersistenceAlternative,
  allegedShift: number | null,
): PersistenceNullSummary {
  const B = nullDraws.length;
  const tol = 1e-9 * Math.max(1, Math.abs(observed));
  let atLeast = 0;
  let atMost = 0;
  for (let r = 0; r < B; r++) {
    if (nullDraws[r] >= observed - tol) atLeast++;
    if (nullDraws[r] <= observed + tol) atMost++;
  }
  const pGreater = (1 + atLeast) / (B + 1);
  const pLess = (1 + atMost) / (B + 1);
  const pValue =
    alternative === 'greater' ? pGreater : alternative === 'less' ? pLess : Math.min(1, 2 * Math.min(pGreater, pLess));
  const sorted = Float64Array.from(nullDraws).sort();
  const q = (p: number): number => quantileSorted(sorted, p);
  const critical = q(0.95);
  let powerAtAlleged: number | null = null;
  if (allegedShift !== null) {
    // Under an additive shift the statistic moves by the shift; power = P(T* + shift > 95th percentile)
    // (the one-sided 'greater' test, the direction an inflation in A takes).
    let hits = 0;
    for (let r = 0; r < B; r++) if (nullDraws[r] + allegedShift > critical) hits++;
    powerAtAlleged = hits / B;
  }
  return {
    pValue,
    quantiles: { q025: q(0.025), q50: q(0.5), q95: critical, q975: q(0.975) },
    powerAtAlleged,
    sizeAtAlpha05: sizeAtAlpha05(sorted),
  };
}

/**
 * Size of the test at alpha 0.05 under the permutation null on these data (ties make it <= 0.05): each
 * replicate in turn is treated as the observed value against the others, p = #{null >= v} / B.
 */
function sizeAtAlpha05(sorted: Float64Array): number {
  const B = sorted.length;
  let sizeHits = 0;
  for (let r = 0; r < B; r++) {
    const v = sorted[r];
    let lo = 0;
    let hi = B;
    const cut = v - 1e-9 * Math.max(1, Math.abs(v));
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < cut) lo = mid + 1;
      else hi = mid;
    }
    if ((B - lo) / B <= 0.05) sizeHits++;
  }
  return sizeHits / B;
}
