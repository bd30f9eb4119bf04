/**
 * Plots for the audit's battery findings that the report package does not draw by default (it draws the
 * digit histograms itself): the integer-percentage histogram each method reports, and the fingerprint
 * binned from the stations the method ran on. Binning only: no statistic is computed here.
 */
import type { MethodResult, StationTable } from '@tally/core';
import { candidateIndex, shareDenominator } from '@tally/core';
import { histogram2d, type PlotData } from '@tally/report';

/** Turnout x share-of-`candidate` 2D histogram (50 x 50) of the table's stations. */
export function fingerprint(table: StationTable, candidate: string): PlotData | null {
  const c = candidateIndex(table, candidate);
  if (c < 0) return null;
  const den = shareDenominator(table);
  const counts = histogram2d(table.ballotsCast, table.registered, table.candidates[c].votes, den, 50, 50);
  return { kind: 'fingerprint', nx: 50, ny: 50, counts };
}

/** The plot for a battery result, or null (the report then uses its default, if any). */
export function batteryPlot(result: MethodResult, table: StationTable, candidate: string): PlotData | null {
  const d = result.details;
  switch (result.method) {
    case 'integer_percent': {
      const h = d.histogram as
        | { startPercentagePoints?: number; binWidthPercentagePoints?: number; leader?: number[] }
        | undefined;
      if (!h?.leader || !h.binWidthPercentagePoints) return null;
      return {
        kind: 'percent_histogram',
        variable: 'share',
        start: h.startPercentagePoints ?? 0,
        binWidth: h.binWidthPercentagePoints,
        counts: h.leader,
      };
    }
    case 'election_fingerprint':
      return result.target === candidate ? fingerprint(table, candidate) : null;
    default:
      return null;
  }
}
