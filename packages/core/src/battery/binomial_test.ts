/** Exact two-sided binomial test: the p-value sums every outcome no more likely than the one observed. */
import { logChoose } from '../numeric/log_factorial.ts';

/** Binomial(n, p) probability of k, computed on the log scale. */
export function binomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return pmfFromLogs(k, n, Math.log(p), Math.log1p(-p));
}

/** binomialPmf for 0 < p < 1 from log(p) and log(1 - p), which a caller summing many outcomes computes once. */
function pmfFromLogs(k: number, n: number, logP: number, logQ: number): number {
  return Math.exp(logChoose(n, k) + k * logP + (n - k) * logQ);
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
  const interior = p > 0 && p < 1;
  const logP = interior ? Math.log(p) : 0;
  const logQ = interior ? Math.log1p(-p) : 0;
  const pmf = (i: number) => (interior ? pmfFromLogs(i, n, logP, logQ) : binomialPmf(i, n, p));
  const top = Math.min(mode, n);
  // Far in the tails the probabilities underflow to exactly 0, and adding 0 changes no sum: each walk starts at the
  // first outcome whose probability is not 0 (found by bisection, the pmf being monotone on each side of the mode).
  const first = interior ? firstNonZero(pmf, 0, top, 1) : 0;
  const last = interior ? firstNonZero(pmf, n, mode + 1, -1) : n;
  let total = 0;
  // Walk outward from both tails toward the mode; pmf is unimodal, so stop once terms exceed d.
  for (let i = first; i <= top; i++) {
    const q = pmf(i);
    if (q > d) break;
    total += q;
  }
  for (let i = last; i > mode; i--) {
    const q = pmf(i);
    if (q > d) break;
    total += q;
  }
  return Math.min(1, total);
}

/**
 * The first i from `from` toward `to` (step +1 or -1, `to` included) where pmf(i) is not 0, given that the pmf grows
 * along the way; one past `to` when there is none.
 */
function firstNonZero(pmf: (i: number) => number, from: number, to: number, step: 1 | -1): number {
  if ((to - from) * step < 0) return from;
  if (pmf(to) === 0) return to + step;
  // Invariant: pmf(at(lo)) may be 0, pmf(at(hi)) is not; the answer lies in (lo, hi] counted in steps from `from`.
  let lo = -1;
  let hi = (to - from) * step;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (pmf(from + mid * step) === 0) lo = mid;
    else hi = mid;
  }
  return from + hi * step;
}
