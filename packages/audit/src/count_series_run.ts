/**
 * The count-series analysis of an audit: the national margin curve from a published series of region totals, and the
 * projection of the final margin from the states up to the cut (core's latecount/count_series.ts), as one finding.
 */
import {
  clopperPearson,
  createRng,
  type MethodResult,
  projectFromSeries,
  seriesCurve,
  seriesPowerAtShift,
} from '@tally/core';
import type { AnalysisSpec, ResolvedAllegation } from '@tally/ingest';
import type { BottomLineAnswerInput } from '@tally/report';
import type { AnalysisOutcome } from './analysis_outcome.ts';
import { findingIdOf } from './bottom_line.ts';

const MAX_CURVE_POINTS = 400;

const iso = (ms: number) => new Date(ms).toISOString();

/** Runs analysis number `index` (a count_series spec) with `seed`. */
export function countSeriesRun(
  resolved: ResolvedAllegation,
  spec: Extract<AnalysisSpec, { method: 'count_series' }>,
  index: number,
  seed: number,
  allegedVotes?: number,
): AnalysisOutcome {
  const loaded = resolved.countSeries?.get(index);
  const skip = (reason: string): AnalysisOutcome => ({ results: [], skipped: [{ method: 'count_series', reason }] });
  if (!loaded) return skip('the count series was not loaded');
  const { favoured, rival } = resolved.alleged.names;
  const series = loaded.series;
  const f = series.candidates.indexOf(favoured);
  const r = rival === undefined ? -1 : series.candidates.indexOf(rival);
  if (f < 0 || r < 0)
    return skip(
      `the series has no votes for "${favoured}" and "${rival ?? ''}" (has: ${series.candidates.join(', ')})`,
    );
  const curve = seriesCurve(series, f, r);
  const replicates = spec.replicates ?? 2000;
  const p = projectFromSeries(series, spec.cut.ms, f, r, replicates, createRng(seed));
  if (!p.ok) return skip(p.error.message);
  const v = p.value;
  const step = Math.max(1, Math.ceil(curve.points.length / MAX_CURVE_POINTS));
  const points = curve.points
    .filter((_, i) => i % step === 0 || i === curve.points.length - 1)
    .map((x) => ({ time: iso(x.time), unitsPct: x.unitsPct, margin: x.margin }));
  const byReason = new Map<string, number>();
  for (const x of loaded.leftOut) byReason.set(x.reason, (byReason.get(x.reason) ?? 0) + 1);
  const warnings = loaded.leftOut.length
    ? [
        `${loaded.leftOut.length} row(s) of the series left out (first: line ${loaded.leftOut[0].line}, ${loaded.leftOut[0].reason})`,
      ]
    : [];
  if (v.notProjected.length > 0)
    warnings.push(`no actas counters at the cut for ${v.notProjected.join(', ')}: kept at their counted votes`);
  const result: MethodResult = {
    method: 'count_series',
    target: `${favoured} − ${rival}, series at ${spec.cut.iso}`,
    statistic: v.gap,
    statisticName: 'final_minus_projected_margin_points',
    pValue: v.pValue,
    pValueKind: 'bootstrap',
    n: series.states.length,
    excluded: [...byReason.entries()].map(([reason, count]) => ({ reason, count })),
    details: {
      cut: spec.cut.iso,
      stateAtCut: iso(v.cut),
      unitsPctAtCut: v.unitsPctAtCut,
      countedMargin: v.countedMargin,
      projectedMargin: v.projectedMargin,
      interval95: v.interval95,
      finalMargin: v.finalMargin,
      finalVotes: Object.fromEntries(series.candidates.map((c, j) => [c, v.finalVotes[j]])),
      projectedVotes: Object.fromEntries(series.candidates.map((c, j) => [c, Math.round(v.projectedVotes[j])])),
      leadChanges: curve.leadChanges.map(iso),
      regions: v.regions,
      notProjected: v.notProjected,
      curve: points,
      model:
        "each region's uncounted units filled at the votes per unit of its own increments up to the cut; interval: increments resampled within region",
    },
    warnings,
    replicates,
    seed,
  };
  // Power at the alleged size: the alleged votes switched to the favoured candidate after the cut move the final
  // margin by 2 * votes / total votes; read off the draws (each a final margin under the model).
  let total = 0;
  for (const x of v.finalVotes) total += x;
  const shift = allegedVotes !== undefined && total > 0 ? (200 * allegedVotes) / total : undefined;
  const powerAt = (s: number) => {
    const power = seriesPowerAtShift(v, s);
    const ci = clopperPearson(Math.round(power * v.draws.length), v.draws.length);
    return { power, interval: [ci.lower, ci.upper] as const };
  };
  const powerAtAllegedSize =
    shift === undefined
      ? undefined
      : {
          ...powerAt(shift),
          injections: v.draws.length,
          scenario: {
            key: 'bottomline.scenario.series',
            params: {
              votes: { kind: 'count', value: allegedVotes ?? 0 },
              favoured,
              shift: { kind: 'signed', value: shift, digits: 2 },
            },
          } as const,
          powerAt3x: powerAt(3 * shift),
        };
  const num = (value: number) => ({ kind: 'number' as const, value, digits: 2 });
  const answer: BottomLineAnswerInput = {
    id: 'series_predictable',
    question: { key: 'bottomline.question.series_predictable', params: { cut: spec.cut.iso } },
    detail: {
      key: 'bottomline.detail.series',
      params: {
        pct: { kind: 'percent', value: v.unitsPctAtCut / 100 },
        counted: num(v.countedMargin),
        projected: num(v.projectedMargin),
        lo: num(v.interval95[0]),
        hi: num(v.interval95[1]),
        final: num(v.finalMargin),
        gap: { kind: 'signed', value: v.gap, digits: 2 },
      },
    },
    decisive: {
      name: { key: 'bottomline.decisive.series' },
      value: v.gap,
      interval: [v.finalMargin - v.interval95[1], v.finalMargin - v.interval95[0]],
      unit: 'points',
    },
    power: powerAtAllegedSize ?? null,
    unexplained: { key: 'bottomline.unexplained.series' },
    findingIds: [findingIdOf(result)],
  };
  return {
    answers: [answer],
    results: [
      {
        result,
        context: {
          direction: 'positive',
          effectName: `final minus projected ${favoured} − ${rival} margin (points), projected from the series at ${spec.cut.iso}`,
          methodTitle: 'Count curve and projection from the published series of region totals',
          messages: { methodTitle: { key: 'method.count_series' } },
          family: 'late_count',
          order: 1,
          // Measured on simulated counts where late units vote like early ones of their region (bench/new_stats_calibration.ts,
          // docs/methods/count_series.md); Bolivia 2020 shows real counts break that assumption.
          calibration: { falsePositiveRate: 0.08, alpha: 0.05, runs: 1000 },
          ...(powerAtAllegedSize ? { powerAtAllegedSize } : {}),
        },
      },
    ],
    skipped: [],
  };
}
