/**
 * The late-count part of the audit: the count view at the alleged cutoff, the counterfactual projection
 * of the uncounted stations (core's late-count methods), and the margin curve for the report's plot.
 */
import {
  buildCountView,
  type CountView,
  type CutoffSpec,
  counterfactualProjection,
  createRng,
  projectCount,
} from '@tally/core';
import type { AnalysisSpec, LoadedElection } from '@tally/ingest';
import { type ResultWithContext, thinCurve } from '@tally/report';
import type { SkippedAnalysis } from './run_audit.ts';

/** Cumulative margin (points) against the share of stations counted, in arrival order (ties grouped). */
export function marginCurve(view: CountView): { x: number[]; margin: number[] } {
  const pos = view.position;
  const t = view.final;
  if (!pos) return { x: [], margin: [] };
  const order = Array.from({ length: t.n }, (_, i) => i).sort((i, j) => pos[i] - pos[j] || i - j);
  const den = t.shareOf === 'valid' ? t.valid : t.ballotsFound;
  const va = t.candidates[view.pair.a].votes;
  const vb = t.candidates[view.pair.b].votes;
  const x: number[] = [];
  const margin: number[] = [];
  let sa = 0;
  let sb = 0;
  let sd = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    sa += va[i];
    sb += vb[i];
    sd += den[i];
    const last = k === order.length - 1 || pos[order[k + 1]] !== pos[i];
    if (last && sd > 0) {
      x.push((k + 1) / t.n);
      margin.push((100 * (sa - sb)) / sd);
    }
  }
  return { x, margin };
}

/** Runs the late-count analyses at `cutoff` on the alleged election. */
export function lateCountResults(
  election: LoadedElection,
  cutoff: CutoffSpec,
  spec: Extract<AnalysisSpec, { method: 'latecount' }>,
  seed: number,
): { results: ResultWithContext[]; skipped: SkippedAnalysis[] } {
  const names = [election.names.favoured, ...(election.names.rival ? [election.names.rival] : [])];
  const view = buildCountView(election.table, cutoff, names.length === 2 ? names : undefined);
  if (!view.ok) return { results: [], skipped: [{ method: 'latecount', reason: view.error.message }] };
  const v = view.value;
  const threshold = spec.threshold ?? 10;
  const sims = spec.simulations ?? 1000;
  const p = projectCount(v, { sims, threshold }, createRng(seed));
  if (!p.ok) return { results: [], skipped: [{ method: counterfactualProjection.id, reason: p.error.message }] };
  const curve = marginCurve(v);
  const thin = thinCurve(curve.x, curve.margin, 400);
  const cutoffX = v.nCounted / v.final.n;
  return {
    results: [
      {
        result: {
          method: counterfactualProjection.id,
          target: `${v.pair.nameA} - ${v.pair.nameB}`,
          statistic: p.value.gap,
          statisticName: 'actual_minus_projected_median_margin',
          pValue: p.value.pValue,
          pValueKind: 'monte_carlo',
          n: v.final.n,
          excluded: [],
          details: { ...p.value, cutoff: v.cutoffLabel, countedStations: v.nCounted },
          warnings: [...v.warnings],
          replicates: sims,
          seed,
        },
        context: {
          direction: 'positive',
          effectName: `final margin minus projected margin, ${v.pair.nameA} - ${v.pair.nameB} (points)`,
          methodTitle: counterfactualProjection.title,
          family: 'late_count',
          order: 1,
          plot: {
            kind: 'margin_curve',
            candidateA: v.pair.nameA,
            candidateB: v.pair.nameB,
            x: thin.x,
            margin: thin.y,
            cutoff: cutoffX,
            projection: { lo: p.value.lo, median: p.value.median, hi: p.value.hi },
            threshold,
          },
        },
      },
    ],
    skipped: [],
  };
}
