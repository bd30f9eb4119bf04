/**
 * Upper-tail probabilities computed without cancellation, so tiny p-values stay positive and
 * accurate (1 - cdf rounds to 0 beyond about 1e-16).
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { standardNormalCdf } from '../numeric/distributions.ts';

/** P(X >= x) for a chi-square with df degrees of freedom (regularized upper incomplete gamma). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return Math.min(1, Math.max(0, gammainc(x / 2, df / 2, true, true)));
}

/** Two-sided p-value of a standard normal z. */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * standardNormalCdf(-Math.abs(z)));
}

/** Two-sided p-value of a Student t statistic with df degrees of freedom. */
export function studentTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
