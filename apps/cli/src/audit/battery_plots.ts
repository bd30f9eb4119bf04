/**
 * Plots for the audit's battery findings, built from what each method already reports (digit
 * frequencies, the integer-percentage histogram) or binned from the stations it ran on (fingerprint).
 * Binning only: no statistic is computed here.
 */
import type { MethodResult, StationTable } from '@tally/core';
import { candidateIndex, shareDenominator } from '@tally/core';
import { histogram2d, type PlotData } from '@tally/report';

function proportions(values: unknown): number[] | null {
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'number')) return null;
  const total = (values as number[]).reduce((s, v) => s + v, 0);
  return total > 0 ? (values as number[]).map((v) => v / total) : null;
}

function digitPlot(position: 'first' | 'second' | 'last', d: Record<string, unknown>): PlotData | null {
  const observed = proportions(d.frequencies);
  if (!observed) return null;
  const expected = position === 'last' ? observed.map(() => 1 / observed.length) : proportions(d.expected);
  if (!expected || expected.length !== observed.length) return null;
  const first = position === 'first' ? 1 : 0;
  return { kind: 'digit_histogram', position, digits: observed.map((_, k) => k + first), observed, expected };
}

/** Turnout x share-of-`candidate` 2D histogram (50 x 50) of the table's stations. */
export function fingerprint(table: StationTable, candidate: string): PlotData | null {
  const c = candidateIndex(table, candidate);
  if (c < 0) return null;
  const den = shareDenominator(table);
  const x = new Float64Array(table.n);
  const y = new Float64Array(table.n);
  for (let i = 0; i < table.n; i++) {
    x[i] = table.registered[i] > 0 ? table.ballotsCast[i] / table.registered[i] : Number.NaN;
    y[i] = den[i] > 0 ? table.candidates[c].votes[i] / den[i] : Number.NaN;
  }
  return { kind: 'fingerprint', nx: 50, ny: 50, counts: histogram2d(x, y, 50, 50) };
}

/** The plot for a battery result, or null when the method reports nothing to draw. */
export function batteryPlot(result: MethodResult, table: StationTable, candidate: string): PlotData | null {
  const d = result.details;
  switch (result.method) {
    case 'first_digit_benford':
      return digitPlot('first', d);
    case 'second_digit_benford':
      return digitPlot('second', d);
    case 'last_digit':
      return digitPlot('last', d);
    case 'integer_percent': {
      const h = d.histogram as { binWidthPercentagePoints?: number; leader?: number[] } | undefined;
      if (!h?.leader || !h.binWidthPercentagePoints) return null;
      return {
        kind: 'percent_histogram',
        variable: 'share',
        start: 0,
        binWidth: h.binWidthPercentagePoints,
        counts: h.leader,
      };
    }
    case 'sobyanin_sukhovolsky':
    case 'turnout_share_correlation':
      return result.target === candidate ? fingerprint(table, candidate) : null;
    default:
      return null;
  }
}
