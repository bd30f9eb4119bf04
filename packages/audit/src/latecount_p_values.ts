/**
 * The p-values of the late-count findings, in one place: `tally latecount`, `tally audit` and the web app all print
 * these, so the same count and cutoff give the same p-value whichever command reports it.
 */
import type { DiscontinuitySummary, ProjectionSummary } from '@tally/core';

/** A p-value and how it was obtained. */
export interface JudgedPValue {
  readonly pValue: number;
  readonly pValueKind: 'monte_carlo' | 'asymptotic';
}

/**
 * The p-value of the jump at the cutoff: (1 + placebo cutoffs whose jump is at least as large in absolute value) /
 * (1 + placebo cutoffs), counted from the placebo estimates. The asymptotic p over-rejects when whole areas report in
 * batches (docs/methods/discontinuity.md), so it is used only when there are no placebo cutoffs.
 */
export function jumpPValue(d: Pick<DiscontinuitySummary, 'estimate' | 'pValue' | 'placebo'>): JudgedPValue {
  const placebos = d.placebo?.estimates ?? [];
  if (placebos.length === 0) return { pValue: d.pValue, pValueKind: 'asymptotic' };
  const size = Math.abs(d.estimate);
  let atLeast = 0;
  for (const estimate of placebos) if (Math.abs(estimate) >= size) atLeast++;
  return { pValue: (1 + atLeast) / (1 + placebos.length), pValueKind: 'monte_carlo' };
}

/**
 * The p-value of "the counted stations alone would have reached the threshold": (1 + projections at or above it) /
 * (1 + projections). Small: the counted stations did not predict a margin that large.
 */
export function thresholdPValue(p: Pick<ProjectionSummary, 'shareAbove' | 'sims'>): number {
  const above = Math.round(p.shareAbove * p.sims);
  return (1 + above) / (p.sims + 1);
}
