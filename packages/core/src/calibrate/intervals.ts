/**
 * Binomial intervals for measured rejection rates: Clopper & Pearson (1934), Biometrika 26:404-413
 * ("exact"), Wilson (1927), JASA 22:209-212 (score), and the acceptance band of a rejection count
 * under Binomial(reps, alpha), used to decide whether a method's measured size is compatible with alpha.
 */
import { assert } from '../assert.ts';
import { betaDistributionCdf, standardNormalQuantile } from '../numeric/distributions.ts';
import { logChoose } from '../numeric/log_factorial.ts';

/** A measured rate with a two-sided confidence interval. */
export interface RateEstimate {
  /** Rejections (or detections). */
  readonly count: number;
  /** Runs that gave a p-value. */
  readonly runs: number;
  /** count / runs, or null when there were no runs. */
  readonly rate: number | null;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly interval: 'clopper_pearson' | 'wilson';
}

/** Inverse of the Beta(a, b) cdf by bisection (the cdf is monotone; 100 halvings reach double precision). */
function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (betaDistributionCdf(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Clopper-Pearson interval for `count` successes in `runs` trials at confidence `level`. */
export function clopperPearson(count: number, runs: number, level = 0.95): RateEstimate {
  assert(Number.isInteger(count) && Number.isInteger(runs) && count >= 0 && count <= runs, 'bad binomial counts');
  const a = (1 - level) / 2;
  if (runs === 0) return { count, runs, rate: null, lower: 0, upper: 1, level, interval: 'clopper_pearson' };
  const lower = count === 0 ? 0 : betaQuantile(a, count, runs - count + 1);
  const upper = count === runs ? 1 : betaQuantile(1 - a, count + 1, runs - count);
  return { count, runs, rate: count / runs, lower, upper, level, interval: 'clopper_pearson' };
}

/** Wilson score interval for `count` successes in `runs` trials at confidence `level`. */
export function wilson(count: number, runs: number, level = 0.95): RateEstimate {
  assert(Number.isInteger(count) && Number.isInteger(runs) && count >= 0 && count <= runs, 'bad binomial counts');
  if (runs === 0) return { count, runs, rate: null, lower: 0, upper: 1, level, interval: 'wilson' };
  const z = standardNormalQuantile(1 - (1 - level) / 2);
  const p = count / runs;
  const z2n = (z * z) / runs;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / runs + (z2n / runs) * 0.25)) / (1 + z2n);
  return {
    count,
    runs,
    rate: p,
    lower: Math.max(0, centre - half),
    upper: Math.min(1, centre + half),
    level,
    interval: 'wilson',
  };
}

/**
 * The central band [lo, hi] of rejection counts under Binomial(reps, alpha) holding at least
 * `level` probability (each tail at most (1 - level) / 2): a calibrated method's count falls inside it.
 */
export function binomialBand(reps: number, alpha: number, level = 0.99): { lo: number; hi: number } {
  assert(Number.isInteger(reps) && reps >= 1 && alpha > 0 && alpha < 1, 'bad band arguments');
  const tail = (1 - level) / 2;
  const pmf = new Float64Array(reps + 1);
  for (let k = 0; k <= reps; k++)
    pmf[k] = Math.exp(logChoose(reps, k) + k * Math.log(alpha) + (reps - k) * Math.log1p(-alpha));
  let lo = 0;
  let below = 0;
  while (lo < reps && below + pmf[lo] <= tail) below += pmf[lo++];
  let hi = reps;
  let above = 0;
  while (hi > 0 && above + pmf[hi] <= tail) above += pmf[hi--];
  return { lo, hi };
}

/** Measured sizes above this are flagged in method docs and reports (nominal alpha 0.05). */
export const SIZE_FLAG_THRESHOLD = 0.08;
