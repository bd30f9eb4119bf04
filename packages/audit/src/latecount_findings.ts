/**
 * The late-count part of the audit: core's `runLateCount` at the alleged cutoff (projection of the
 * uncounted stations, discontinuity at the cutoff with placebos, composition of the late shift, snapshot
 * diff, margin curve), turned into findings: one for the projection, one for the discontinuity.
 */
import {
  candidateIndex,
  counterfactualProjection,
  discontinuity,
  type LateCountReport,
  type OtherElection,
  type ProjectionSummary,
  regionsCoarseToFine,
  type StationTable,
  shareDenominator,
} from '@tally/core';
import type { AnalysisSpec, LoadedElection, ResolvedAllegation } from '@tally/ingest';
import { calibrationsLike, type Message, type ResultWithContext } from '@tally/report';
import type { AnalysisOutcome, SkippedAnalysis } from './analysis_outcome.ts';
import { findingIdOf, projectionAnswer, sensitivityInput, trendBreakAnswer } from './bottom_line.ts';
import { jumpPValue, thresholdPValue } from './latecount_p_values.ts';
import type { LateCountComputed, TrendBreak } from './latecount_plan.ts';
import { type LateCountPowerAtSize, powerAtSizeFrom } from './power_at_size.ts';

/** Margin (points) of another election per label of its unit (its station ids, or a region level's labels). */
export function otherElectionMargins(
  election: LoadedElection,
  level: string | undefined,
  joinLevel: string,
): OtherElection | null {
  const t: StationTable = election.table;
  const fav = election.names.favoured;
  const rival = election.names.rival;
  if (rival === undefined) return null;
  const ia = candidateIndex(t, fav);
  const ib = candidateIndex(t, rival);
  const den = shareDenominator(t);
  const li = level === undefined ? -1 : t.regions.findIndex((r) => r.name === level);
  const sums = new Map<string, [number, number, number]>();
  for (let i = 0; i < t.n; i++) {
    const key = li >= 0 ? t.regions[li].labels[t.regions[li].codes[i]] : t.ids[i];
    const s = sums.get(key) ?? [0, 0, 0];
    s[0] += t.candidates[ia].votes[i];
    s[1] += t.candidates[ib].votes[i];
    s[2] += den[i];
    sums.set(key, s);
  }
  const marginByKey = new Map<string, number>();
  for (const [key, [a, b, d]] of sums) if (d > 0) marginByKey.set(key, (100 * (a - b)) / d);
  return { level: joinLevel, marginByKey, name: `${election.spec.title ?? election.spec.id}, ${fav} - ${rival}` };
}

/**
 * The other election of the allegation's first persistence analysis, as margins per unit, for the
 * composition decomposition of the late shift (how much of it the other election's map predicts).
 */
export function otherElectionFor(resolved: ResolvedAllegation): OtherElection | null {
  const spec = resolved.allegation.analyses.find((x) => x.method === 'persistence');
  if (!spec || spec.method !== 'persistence') return null;
  const other = resolved.elections.get(spec.against);
  if (!other) return null;
  const level = spec.levelAgainst ?? (other.table.regions.some((r) => r.name === spec.level) ? spec.level : undefined);
  return otherElectionMargins(other, level, spec.level);
}

function summaryOf(r: LateCountReport): Record<string, unknown> {
  const diff =
    r.snapshotDiff && 'totals' in r.snapshotDiff ? { ...r.snapshotDiff, changes: undefined } : r.snapshotDiff;
  return {
    cutoff: r.cutoff,
    cutoffKind: r.cutoffKind,
    stations: r.stations,
    countedStations: r.countedStations,
    countedStationsPct: r.countedStationsPct,
    countedRegisteredPct: r.countedRegisteredPct,
    countedMargin: r.countedMargin,
    countedMarginFinalFigures: r.countedMarginFinalFigures,
    finalMargin: r.finalMargin,
    lateShift: r.lateShift,
    lateMargin: r.lateMargin,
    composition: r.composition,
    snapshotDiff: diff,
  };
}

/**
 * Below this share of uncounted stations projected from counted stations of their own narrowest area, the
 * projection does not answer its question (docs/methods/counterfactual_projection.md, "When the projection refuses").
 */
export const MIN_OWN_AREA_SHARE = 0.5;

/** Why the projection cannot answer, when too few uncounted stations had donors in their own area; else undefined. */
export function projectionNotIdentified(p: ProjectionSummary, table: StationTable): Message | undefined {
  const narrowest = regionsCoarseToFine(table).regions.at(-1)?.name;
  const own = p.levels.find((l) => l.level === narrowest)?.stations ?? 0;
  if (p.projectedStations === 0 || own / p.projectedStations >= MIN_OWN_AREA_SHARE) return undefined;
  return {
    key: 'projection.not_identified',
    params: {
      own: { kind: 'count', value: own },
      projected: { kind: 'count', value: p.projectedStations },
      minDonors: { kind: 'count', value: p.minDonors },
      level: narrowest ?? '',
    },
  };
}

/** The late-count scenario of power.ts in words: votes moved from rival to favoured after the cutoff. */
export function lateCountScenario(votes: number, rival: string, favoured: string): Message {
  return {
    key: 'bottomline.scenario.latecount',
    params: { votes: { kind: 'count', value: votes }, rival, favoured },
  };
}

/**
 * The late-count findings of `spec` at `cutoff` on the alleged election from its computed parts (latecount_plan.ts);
 * with `allegedVotes`, each finding carries its power at that size (votes moved from the rival to the favoured
 * candidate in the late stations), by injection. `trendBreak` is the jump at the analysis's own trend-break cutoff.
 */
export function lateCountResults(
  election: LoadedElection,
  spec: Extract<AnalysisSpec, { method: 'latecount' }>,
  seed: number,
  computed: LateCountComputed,
  trendBreak: TrendBreak | null,
  allegedVotes?: number,
): AnalysisOutcome {
  const threshold = spec.threshold ?? 0;
  const sims = spec.simulations ?? 1000;
  const run = computed.run;
  if (!run.ok) return { results: [], skipped: [{ method: 'latecount', reason: run.error.message }] };
  const r = run.value;
  const target = `${r.candidates.a} - ${r.candidates.b}`;
  const d = trendBreak ? trendBreak.d : r.discontinuity;
  const jumpCutoffLabel = trendBreak?.label ?? r.cutoff;
  let power: LateCountPowerAtSize | null = null;
  if (allegedVotes !== undefined && allegedVotes > 0 && computed.power?.ok) {
    const scenario = lateCountScenario(allegedVotes, r.candidates.b, r.candidates.a);
    power = powerAtSizeFrom(computed.power.value, scenario);
  }
  // The projection's interval is calibrated within areas (the late shift at a placebo cut inside them): it answers
  // only when most uncounted stations have counted stations of their own narrowest area to be projected from.
  const notIdentified = 'skipped' in r.projection ? undefined : projectionNotIdentified(r.projection, election.table);
  const identification = notIdentified ? { notIdentified } : {};
  const withPower = (p: LateCountPowerAtSize[keyof Omit<LateCountPowerAtSize, 'measured'>] | undefined) =>
    p ? { powerAtAllegedSize: p } : {};
  const results: ResultWithContext[] = [];
  const skipped: SkippedAnalysis[] = [];
  const summary = summaryOf(r);
  const curve = 'points' in r.curve ? r.curve.points : [];
  const p = r.projection;
  if ('skipped' in p) skipped.push({ method: counterfactualProjection.id, reason: p.skipped });
  else {
    results.push({
      result: {
        method: counterfactualProjection.id,
        target,
        statistic: p.gap,
        statisticName: 'actual_minus_projected_median_margin',
        pValue: p.pValue,
        pValueKind: 'monte_carlo',
        n: r.stations,
        excluded: [],
        details: { ...p, ...summary },
        warnings: [...r.warnings],
        replicates: sims,
        seed,
      },
      context: {
        direction: 'positive',
        effectName: `final margin minus projected margin, ${target} (points)`,
        messages: { effectName: { key: 'effect.projection_gap', params: { target } } },
        methodTitle: counterfactualProjection.title,
        family: counterfactualProjection.family,
        order: 1,
        // Measured on simulated counts whose late stations differ by geography and nothing is manipulated.
        calibration: calibrationsLike(election.table, [counterfactualProjection.id], 'late_count')[
          counterfactualProjection.id
        ],
        plot: {
          kind: 'margin_curve',
          candidateA: r.candidates.a,
          candidateB: r.candidates.b,
          x: curve.map((q) => q.stationsPct / 100),
          margin: curve.map((q) => q.margin),
          cutoff: r.countedStationsPct / 100,
          projection: { lo: p.lo, median: p.median, hi: p.hi },
          threshold,
        },
        ...withPower(power?.projectionGap),
        ...identification,
      },
    });
  }
  if (!('skipped' in p)) {
    // The allegation's substantive claim: without the late stations the margin would have stayed below the
    // threshold; a small p says the counted stations did not predict a margin that large.
    results.push({
      result: {
        method: counterfactualProjection.id,
        target: `${target}, projected margin >= ${threshold}`,
        statistic: p.shareAbove,
        statisticName: 'share_of_projections_at_or_above_threshold',
        pValue: thresholdPValue(p),
        pValueKind: 'monte_carlo',
        n: r.stations,
        excluded: [],
        details: { threshold, shareAbove: p.shareAbove, median: p.median, lo: p.lo, hi: p.hi, sims: p.sims },
        warnings: [],
        replicates: sims,
        seed,
      },
      context: {
        direction: 'any',
        effectName: `share of projections with ${target} at or above ${threshold} points`,
        methodTitle: `${counterfactualProjection.title}: would the counted stations alone have reached ${threshold} points?`,
        messages: {
          methodTitle: { key: 'method.counterfactual_projection_threshold', params: { threshold } },
          effectName: { key: 'effect.projection_threshold', params: { target, threshold } },
          target: { key: 'target.projected_margin_at_least', params: { target, threshold } },
        },
        family: counterfactualProjection.family,
        order: 0,
        ...withPower(power?.projectionThreshold),
        ...identification,
      },
    });
  }
  if ('skipped' in d) skipped.push({ method: discontinuity.id, reason: d.skipped });
  else {
    const jump = jumpPValue(d);
    results.push({
      result: {
        method: discontinuity.id,
        target,
        statistic: d.estimate,
        statisticName: 'margin_jump_at_cutoff_points',
        // Judged against the placebo cutoffs of the same count: the asymptotic p over-rejects when whole areas
        // report in batches (docs/methods/discontinuity.md); it stays in details as asymptoticPValue.
        pValue: jump.pValue,
        pValueKind: jump.pValueKind,
        n: d.stationsUsed,
        excluded: d.excluded,
        details: { ...d, cutoffLabel: jumpCutoffLabel },
        warnings: d.warnings,
      },
      context: {
        direction: 'positive',
        effectName: `jump in station margin at the cutoff, ${target} (points)`,
        messages: { effectName: { key: 'effect.discontinuity', params: { target } } },
        methodTitle: discontinuity.title,
        family: discontinuity.family,
        order: 1,
        ...withPower(power?.jump),
      },
    });
    // The same jump within areas: the allegation is about manipulation, not about which areas report late.
    const fe = d.fixedEffects;
    if (fe) {
      results.push({
        result: {
          method: discontinuity.id,
          target: `${target}, within ${fe.level}`,
          statistic: fe.estimate,
          statisticName: 'margin_jump_at_cutoff_within_areas_points',
          pValue: fe.pValue,
          pValueKind: d.pValueKind === 'placebo' ? 'monte_carlo' : 'asymptotic',
          n: d.stationsUsed,
          excluded: d.excluded,
          details: { ...fe, rawEstimate: d.estimate, bandwidth: d.bandwidth, cutoffLabel: jumpCutoffLabel },
          warnings: d.warnings,
        },
        context: {
          direction: 'positive',
          effectName: `jump in station margin at the cutoff within ${fe.level} areas, ${target} (points)`,
          methodTitle: `${discontinuity.title}, with ${fe.level} fixed effects`,
          messages: {
            methodTitle: { key: 'method.discontinuity_fixed_effects', params: { level: fe.level } },
            effectName: { key: 'effect.discontinuity_fixed_effects', params: { level: fe.level, target } },
            target: { key: 'target.within', params: { target, level: fe.level } },
          },
          family: discontinuity.family,
          order: 1,
          ...withPower(power?.jumpWithinAreas),
        },
      });
    }
  }
  const sensitivity = computed.sensitivity?.ok ? computed.sensitivity.value : null;
  const ids = (method: string) => results.filter((x) => x.result.method === method).map((x) => findingIdOf(x.result));
  const answers = [
    projectionAnswer(p, ids(counterfactualProjection.id), power?.projectionGap ?? null, sensitivity),
    trendBreakAnswer(
      d,
      jumpCutoffLabel,
      election.spec.dataset ?? election.spec.id,
      ids(discontinuity.id),
      power?.jump ?? null,
    ),
  ];
  return { results, skipped, answers, sensitivity: sensitivity ? sensitivityInput(sensitivity) : null };
}
