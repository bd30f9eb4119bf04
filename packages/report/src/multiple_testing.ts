/**
 * Multiple-testing corrections for p-values across findings.
 *
 * Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical and powerful approach to
 * multiple testing. JRSS B 57(1), 289-300. Holm, S. (1979). A simple sequentially rejective multiple test procedure.
 * Scandinavian Journal of Statistics 6(2), 65-70. Adjusted p-values follow R's `p.adjust` (checked against it in
 * multiple_testing.test.ts with a fixture made by test/fixtures/p_adjust.R).
 */
import { assert } from '@tally/core';

/** The corrections a report can apply across its findings. */
export type Correction = 'bh' | 'holm' | 'bonferroni' | 'none';

/** The corrections, in a stable order (for CLI choices and validation). */
export const CORRECTIONS: readonly Correction[] = ['bh', 'holm', 'bonferroni', 'none'];

function checkP(p: number, i: number): void {
  assert(Number.isFinite(p) && p >= 0 && p <= 1, `p-value ${i} is not in [0, 1]: ${p}`);
}

/** Indices of `p` sorted by value (stable, so ties keep input order). */
function orderAscending(p: readonly number[]): number[] {
  const idx = Array.from({ length: p.length }, (_, i) => i);
  idx.sort((a, b) => p[a] - p[b] || a - b);
  return idx;
}

/** Benjamini-Hochberg (false discovery rate) adjusted p-values, in input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (let i = 0; i < m; i++) checkP(pValues[i], i);
  const order = orderAscending(pValues);
  const out = new Array<number>(m);
  let running = 1;
  // Walk from the largest p down: adjusted_(k) = min_{j >= k} (m / j) * p_(j), as R's cummin.
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k];
    const v = (m / (k + 1)) * pValues[i];
    if (v < running) running = v;
    out[i] = running;
  }
  return out;
}

/** Holm step-down (family-wise error rate) adjusted p-values, in input order. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (let i = 0; i < m; i++) checkP(pValues[i], i);
  const order = orderAscending(pValues);
  const out = new Array<number>(m);
  let running = 0;
  // adjusted_(k) = max_{j <= k} min(1, (m - j + 1) * p_(j)), as R's cummax.
  for (let k = 0; k < m; k++) {
    const i = order[k];
    const v = Math.min(1, (m - k) * pValues[i]);
    if (v > running) running = v;
    out[i] = running;
  }
  return out;
}

/** Bonferroni adjusted p-values, in input order. */
export function bonferroni(pValues: readonly number[]): number[] {
  const m = pValues.length;
  return pValues.map((p, i) => {
    checkP(p, i);
    return Math.min(1, m * p);
  });
}

/**
 * Adjusts the non-null p-values with `correction`, counting only those as the number of tests (as R's `p.adjust`
 * does with NA); nulls (findings with no test) pass through as null, in place.
 */
export function adjustPValues(pValues: readonly (number | null)[], correction: Correction): (number | null)[] {
  const present: number[] = [];
  const where: number[] = [];
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i];
    if (p !== null) {
      present.push(p);
      where.push(i);
    }
  }
  let adjusted: number[];
  switch (correction) {
    case 'bh':
      adjusted = benjaminiHochberg(present);
      break;
    case 'holm':
      adjusted = holm(present);
      break;
    case 'bonferroni':
      adjusted = bonferroni(present);
      break;
    case 'none':
      adjusted = present.map((p, i) => {
        checkP(p, i);
        return p;
      });
      break;
  }
  const out: (number | null)[] = pValues.map(() => null);
  for (let k = 0; k < where.length; k++) out[where[k]] = adjusted[k];
  return out;
}
