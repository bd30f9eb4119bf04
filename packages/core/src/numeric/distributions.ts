/** Distribution functions for p-values, wrapped from stdlib-js (pure JS, runs in the browser). */
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';

/** P(X >= x) for a chi-square with `df` degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
  return clamp01(1 - chisquareCdf(x, df));
}

/** Standard normal cdf. */
export function standardNormalCdf(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Standard normal quantile. */
export function standardNormalQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Two-sided p-value of a standard normal z statistic. */
export function twoSidedNormalP(z: number): number {
  return clamp01(2 * (1 - normalCdf(Math.abs(z), 0, 1)));
}

/** Two-sided p-value of a Student t statistic. */
export function twoSidedStudentP(t: number, df: number): number {
  return clamp01(2 * (1 - tCdf(Math.abs(t), df)));
}

/** Beta(a, b) cdf. */
export function betaDistributionCdf(x: number, a: number, b: number): number {
  return betaCdf(x, a, b);
}

function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
