/**
 * Plots for the audit's battery findings that the report package does not draw by default (it draws the
 * digit histograms itself): the integer-percentage histogram each method reports, and the fingerprint
 * binned from the stations the method ran on. Binning only: no statistic is computed here.
 */
import type { MethodResult, StationTable } from '@tally/core';
import { candidateIndex, isIntegerPercentResult, shareDenominator } from '@tally/core';
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
  if (isIntegerPercentResult(result)) {
    const histogram = result.details.histogram;
    if (!histogram) return null;
    return {
      kind: 'percent_histogram',
      variable: 'share',
      start: histogram.startPercentagePoints,
      binWidth: histogram.binWidthPercentagePoints,
      counts: histogram.leader,
    };
  }
  switch (result.method) {
    case 'election_fingerprint':
      return result.target === candidate ? fingerprint(table, candidate) : null;
    default:
      return null;
  }
}
