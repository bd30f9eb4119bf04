/**
 * The p-values of the late-count findings, in one place: `tally latecount`, `tally audit` and the web app all print
 * these, so the same count and cutoff give the same p-value whichever command reports it.
 */
import type { ProjectionSummary } from '../methods/counterfactual_projection.ts';
import type { DiscontinuitySummary } from '../methods/discontinuity.ts';

/** A p-value and how it was obtained, in the report's terms. */
export interface JudgedPValue {
  readonly pValue: number;
  readonly pValueKind: 'monte_carlo' | 'asymptotic';
}

/**
 * The p-value of the jump at the cutoff, as core's discontinuity computes it: the placebo rank p when placebo cutoffs
 * could be fitted (a Monte Carlo p over comparable cuts of the same count), the asymptotic one otherwise
 * (docs/methods/discontinuity.md). Every command reports this one number.
 */
export function jumpPValue(d: Pick<DiscontinuitySummary, 'pValue' | 'pValueKind'>): JudgedPValue {
  return { pValue: d.pValue, pValueKind: d.pValueKind === 'placebo' ? 'monte_carlo' : 'asymptotic' };
}

/**
 * The p-value of "the counted stations alone would have reached the threshold": (1 + projections at or above it) /
 * (1 + projections). Small: the counted stations did not predict a margin that large.
 */
export function thresholdPValue(p: Pick<ProjectionSummary, 'shareAbove' | 'sims'>): number {
  const above = Math.round(p.shareAbove * p.sims);
  return (1 + above) / (p.sims + 1);
}
