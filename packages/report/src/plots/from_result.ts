/** Default plots for methods whose details already hold what the plot needs (digit frequencies). */
import type { MethodResult } from '@tally/core';
import type { DigitHistogramPlot, PlotData } from './plot_data.ts';

function numbers(value: unknown, length: number): number[] | null {
  if (!Array.isArray(value) || value.length !== length) return null;
  return value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0) ? (value as number[]) : null;
}

function proportions(xs: readonly number[]): number[] | null {
  const total = xs.reduce((a, b) => a + b, 0);
  return total > 0 ? xs.map((x) => x / total) : null;
}

function digitPlot(
  position: DigitHistogramPlot['position'],
  digits: number[],
  frequencies: unknown,
  expected: unknown,
): DigitHistogramPlot | null {
  const f = numbers(frequencies, digits.length);
  const e = expected === 'uniform' ? digits.map(() => 1) : numbers(expected, digits.length);
  const observed = f && proportions(f);
  const exp = e && proportions(e);
  return observed && exp ? { kind: 'digit_histogram', position, digits, observed, expected: exp } : null;
}

const ZERO_TO_NINE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** The plot a result gets when the caller gives none: digit histograms for the digit methods; otherwise null. */
export function defaultPlot(result: MethodResult): PlotData | null {
  const d = result.details;
  switch (result.method) {
    case 'second_digit_benford':
      return digitPlot('second', ZERO_TO_NINE, d.frequencies, d.expected);
    case 'first_digit_benford':
      return digitPlot('first', ZERO_TO_NINE.slice(1), d.frequencies, d.expected);
    case 'last_digit':
      return digitPlot('last', ZERO_TO_NINE, d.frequencies, 'uniform');
    default:
      return null;
  }
}
