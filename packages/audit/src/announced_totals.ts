/**
 * The `announced_totals` analysis: the allegation's announced totals (alleged.announced) against the collected
 * stations of the alleged election (core's announcedTotalConsistency), as one finding and two bottom-line answers:
 * could the missing stations make the announced totals true (the claim), and do the collected sheets carry the
 * marks of fabrication (the counter-claim, answered from the battery's findings on the same sheets).
 */
import {
  type AnnouncedConsistency,
  announcedTotalConsistency,
  announcedTotalConsistencyMethod,
  createRng,
  type MethodResult,
} from '@tally/core';
import type { AnalysisSpec, ResolvedAllegation } from '@tally/ingest';
import type { BottomLineAnswerInput, Calibration, Message, ResultWithContext } from '@tally/report';
import type { AnalysisOutcome } from './analysis_outcome.ts';
import { findingIdOf } from './bottom_line.ts';

/**
 * Measured by bench/announced_total_consistency_calibration.ts (docs/methods/announced_total_consistency.md): 200
 * simulated elections of 3,000 stations, 15% missing at random; size with the true totals announced, power with
 * 0.25% of ballots moved from the rival to the favoured candidate.
 */
const CALIBRATION: Calibration = {
  falsePositiveRate: 0.065,
  alpha: 0.05,
  runs: 200,
  power: 0.91,
  powerScenario:
    '0.25% of ballots moved from the rival to the favoured candidate in the announced totals, 15% of stations missing at random (simulated, 3,000 stations)',
  powerScenarioMessage: {
    key: 'scenario.announced_shift',
    params: {
      percent: { kind: 'percent', value: 0.0025, digits: 2 },
      missing: { kind: 'percent', value: 0.15, digits: 0 },
      stations: { kind: 'count', value: 3000 },
    },
  },
};

const count = (value: number) => ({ kind: 'count' as const, value: Math.round(value) });
const pts = (value: number) => ({ kind: 'number' as const, value, digits: 2 });

/** Runs the analysis; the answers name the finding it adds. */
export function announcedTotalsRun(
  resolved: ResolvedAllegation,
  spec: Extract<AnalysisSpec, { method: 'announced_totals' }>,
  seed: number,
): AnalysisOutcome {
  const announced = resolved.allegation.alleged.announced;
  const { favoured, rival } = resolved.alleged.names;
  if (!announced || rival === undefined)
    return { results: [], skipped: [{ method: 'announced_totals', reason: 'no announced totals or no rival' }] };
  const r = announcedTotalConsistency(
    resolved.alleged.table,
    announced,
    { favoured, rival, sims: spec.sims ?? 1000, minDonors: spec.minDonors ?? 3, places: resolved.missingPlaces ?? [] },
    createRng(seed),
  );
  if (!r.ok) return { results: [], skipped: [{ method: 'announced_total_consistency', reason: r.error.message }] };
  const c = r.value.consistency;
  const result: MethodResult = {
    method: announcedTotalConsistencyMethod.id,
    target: `${favoured} - ${rival}`,
    statistic: c.announcedMargin - c.projection.median,
    statisticName: 'announced_minus_projected_margin',
    pValue: c.pValue,
    pValueKind: 'monte_carlo',
    n: r.value.n,
    excluded: r.value.excluded,
    details: { ...c, announcedBy: announced.by },
    warnings:
      c.registeredImputed > 0
        ? [`${c.registeredImputed} station(s) without registered voters: imputed from their area`]
        : [],
    replicates: c.projection.sims,
  };
  const item: ResultWithContext = {
    result,
    context: {
      direction: 'positive',
      effectName: `announced minus projected margin, ${favoured} - ${rival} (points)`,
      methodTitle: announcedTotalConsistencyMethod.title,
      family: announcedTotalConsistencyMethod.family,
      calibration: CALIBRATION,
      order: 1,
    },
  };
  return { results: [item], skipped: [], answers: [holdAnswer(c, findingIdOf(result))] };
}

function holdAnswer(c: AnnouncedConsistency, findingId: string): BottomLineAnswerInput {
  const detail: Message = {
    key: 'bottomline.detail.announced_totals',
    params: {
      rival: c.rival,
      favoured: c.favoured,
      collectedRival: count(c.rivalNeed.collected),
      announcedRival: count(c.rivalNeed.announced),
      favouredNeeded: count(c.favouredNeed.needed),
      ballotsNeeded: count(c.ballotsNeed.needed),
      turnout: { kind: 'percent', value: c.requiredTurnout ?? Number.NaN, digits: 1 },
      projected: pts(c.projection.median),
      lo: pts(c.projection.lo),
      hi: pts(c.projection.hi),
      announced: pts(c.announcedMargin),
      checks:
        c.checks.length === 0
          ? { kind: 'message', message: { key: 'bottomline.announced_checks.none' } }
          : {
              kind: 'message',
              message: {
                key: 'bottomline.announced_checks.some',
                params: {
                  list: {
                    kind: 'list',
                    items: c.checks.map((code) => ({
                      kind: 'message' as const,
                      message: { key: `announced.check.${code}` as Message['key'], params: checkParams(c) },
                    })),
                  },
                  allowance: count(c.leftOutAllowance),
                },
              },
            },
    },
  };
  return {
    id: 'announced_totals_hold',
    question: { key: 'bottomline.question.announced_totals_hold' },
    detail,
    decisive: {
      name: { key: 'bottomline.decisive.announced' },
      value: c.announcedMargin - c.projection.median,
      interval: [c.announcedMargin - c.projection.hi, c.announcedMargin - c.projection.lo],
      unit: 'points of margin',
    },
    power: null,
    unexplained: {
      key: 'bottomline.unexplained.announced_delta',
      params: {
        delta: { kind: 'signed', value: c.delta.needed, digits: 1 },
        needed: { kind: 'signed', value: c.delta.missingMarginNeeded, digits: 1 },
        reachable: {
          kind: 'message',
          message: { key: c.delta.reachable ? 'bottomline.reachable.yes' : 'bottomline.reachable.no' },
        },
      },
    },
    findingIds: [findingId],
  };
}

function checkParams(c: AnnouncedConsistency): Message['params'] {
  return {
    favoured: c.favoured,
    rival: c.rival,
    collectedRival: count(c.rivalNeed.collected),
    announcedRival: count(c.rivalNeed.announced),
    collectedFavoured: count(c.favouredNeed.collected),
    announcedFavoured: count(c.favouredNeed.announced),
    favouredNeeded: count(c.favouredNeed.needed),
    rivalNeeded: count(c.rivalNeed.needed),
    ballotsNeeded: count(c.ballotsNeed.neededIfLeftOut),
    collectedBallots: count(c.ballotsNeed.collected),
    announcedBallots: count(c.ballotsNeed.announced),
    missingRegistered: count(c.missingRegistered),
    turnout: { kind: 'percent', value: c.requiredTurnout ?? Number.NaN, digits: 1 },
    p99: { kind: 'percent', value: c.collectedTurnout.p99, digits: 1 },
  };
}

/**
 * The counter-claim's answer, from the battery findings on the collected sheets (their ids and how many) and the
 * range of their simulated power against fabrication.
 */
export function fabricationAnswer(
  batteryFindingIds: readonly string[],
  sheets: number,
  powers: readonly number[],
): BottomLineAnswerInput {
  const range = powers.length > 0 ? [Math.min(...powers), Math.max(...powers)] : [Number.NaN, Number.NaN];
  return {
    id: 'sheets_fabricated',
    question: { key: 'bottomline.question.sheets_fabricated' },
    detail: {
      key: 'bottomline.detail.sheets_fabricated',
      params: {
        tests: count(batteryFindingIds.length),
        n: count(sheets),
        minPower: { kind: 'percent', value: range[0], digits: 0 },
        maxPower: { kind: 'percent', value: range[1], digits: 0 },
      },
    },
    decisive: null,
    power: null,
    unexplained: { key: 'bottomline.unexplained.sheets_fabricated' },
    findingIds: [...batteryFindingIds],
    counterClaim: true,
  };
}
