/** Digit extraction and digit-frequency tests shared by the digit methods. */
import { chiSquareUpperTail } from './tails.ts';

/** True for a finite, non-negative integer count. */
export function isCount(c: number): boolean {
  return c >= 0 && Number.isInteger(c);
}

/** Last decimal digit of a non-negative integer. */
export function lastDigit(c: number): number {
  return c % 10;
}

/** First significant digit of a positive integer. */
export function firstDigit(c: number): number {
  let v = c;
  while (v >= 10) v = Math.floor(v / 10);
  return v;
}

/** Second digit of an integer >= 10. */
export function secondDigit(c: number): number {
  let v = c;
  while (v >= 100) v = Math.floor(v / 10);
  return v % 10;
}

/** Rounds to the nearest integer, ties to even (IEC 60559; what R's round(x, 0) and Python's round do). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** Benford's first-digit probabilities, index 1..9 (index 0 is 0). */
export const benfordFirst: Float64Array = (() => {
  const p = new Float64Array(10);
  for (let d = 1; d <= 9; d++) p[d] = Math.log10(1 + 1 / d);
  return p;
})();

/** Benford's second-digit probabilities, index 0..9: sum over first digits k of log10(1 + 1/(10k + d)). */
export const benfordSecond: Float64Array = (() => {
  const p = new Float64Array(10);
  for (let d = 0; d <= 9; d++) {
    let s = 0;
    for (let k = 1; k <= 9; k++) s += Math.log10(1 + 1 / (10 * k + d));
    p[d] = s;
  }
  return p;
})();

/** Mean and variance of a digit distribution given as probabilities by digit. */
export function digitMoments(p: Float64Array): { mean: number; variance: number } {
  let m = 0;
  let m2 = 0;
  for (let d = 0; d < p.length; d++) {
    m += d * p[d];
    m2 += d * d * p[d];
  }
  return { mean: m, variance: m2 - m * m };
}

/** Pearson chi-square statistic of observed digit counts against probabilities over the digits `from..9` (NaN when empty). */
export function chiSquareDigitsStatistic(observed: ArrayLike<number>, probs: Float64Array, from: number): number {
  let n = 0;
  for (let d = from; d <= 9; d++) n += observed[d];
  if (n === 0) return Number.NaN;
  let chi2 = 0;
  for (let d = from; d <= 9; d++) {
    const e = n * probs[d];
    chi2 += ((observed[d] - e) * (observed[d] - e)) / e;
  }
  return chi2;
}

/** Pearson chi-square test of observed digit counts against probabilities over the digits `from..9`. */
export function chiSquareDigits(
  observed: ArrayLike<number>,
  probs: Float64Array,
  from: number,
): { chi2: number; df: number; pValue: number } {
  const chi2 = chiSquareDigitsStatistic(observed, probs, from);
  const df = 9 - from;
  return { chi2, df, pValue: chiSquareUpperTail(chi2, df) };
}

/** Uniform probabilities over the ten digits. */
export const uniformDigits: Float64Array = new Float64Array(10).fill(0.1);

/** Mean digit of a histogram over digits 0..9. */
export function histogramMean(h: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let d = 0; d <= 9; d++) {
    s += d * h[d];
    n += h[d];
  }
  return n > 0 ? s / n : Number.NaN;
}
