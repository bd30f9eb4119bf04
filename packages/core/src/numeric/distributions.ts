/**
 * Distribution functions for p-values, wrapped from stdlib-js (pure JS, runs in the browser). Upper tails are
 * computed as survival functions, never as 1 - cdf, so tiny p-values stay positive and accurate (1 - cdf rounds to
 * 0 beyond about 1e-16).
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';

/** Standard normal cdf. */
export function standardNormalCdf(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Standard normal quantile. */
export function standardNormalQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** P(Z >= z) for a standard normal Z, by symmetry (Φ(-z)); underflows to 0 only beyond z ≈ 37.5. */
export function normalUpperTail(z: number): number {
  return normalCdf(-z, 0, 1);
}

/**
 * log10 P(Z >= z), finite for every z: log10 Φ(-z) while Φ(-z) is a normal double, beyond that the asymptotic
 * series Φ(-z) = φ(z)/z · (1 - 1/z² + 3/z⁴ - 15/z⁶ + ...) (Abramowitz & Stegun 26.2.12), whose truncation error
 * at z > 30 is below 1e-9 relative.
 */
export function log10NormalUpperTail(z: number): number {
  const p = normalUpperTail(z);
  if (p > 1e-290) return Math.log10(p);
  const z2 = z * z;
  const series = 1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2);
  return (-z2 / 2 - Math.log(z) - 0.5 * Math.log(2 * Math.PI) + Math.log(series)) / Math.LN10;
}

/** P(X >= x) for a chi-square with df degrees of freedom (regularized upper incomplete gamma). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return Math.min(1, Math.max(0, gammainc(x / 2, df / 2, true, true)));
}

/** Two-sided p-value of a standard normal z: 2 Φ(-|z|). */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** Two-sided p-value of a standard normal z (the name the latecount methods use). */
export const twoSidedNormalP = normalTwoSided;

/** Two-sided p-value of a Student t statistic with df degrees of freedom: 2 F(-|t|). */
export function studentTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** Beta(a, b) cdf. */
export function betaDistributionCdf(x: number, a: number, b: number): number {
  return betaCdf(x, a, b);
}
