/** Exact two-sided binomial test: the p-value sums every outcome no more likely than the one observed. */
import { logChoose } from '../numeric/log_factorial.ts';

/** Binomial(n, p) probability of k, computed on the log scale. */
export function binomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/**
 * Two-sided exact p-value of k successes in n trials under probability p. Outcomes count as "as
 * extreme" when their probability is at most the observed one times (1 + 1e-7), the tolerance R's
 * binom.test uses so that ties in exact arithmetic survive rounding.
 */
export function binomialTestTwoSided(k: number, n: number, p: number): number {
  const d = binomialPmf(k, n, p) * (1 + 1e-7);
  const mode = Math.floor((n + 1) * p);
  if (k === n * p) return 1;
  let total = 0;
  // Walk outward from both tails toward the mode; pmf is unimodal, so stop once terms exceed d.
  for (let i = 0; i <= Math.min(mode, n); i++) {
    const q = binomialPmf(i, n, p);
    if (q > d) break;
    total += q;
  }
  for (let i = n; i > mode; i--) {
    const q = binomialPmf(i, n, p);
    if (q > d) break;
    total += q;
  }
  return Math.min(1, total);
}
