/**
 * The bottom line (issue #16): the questions an OAS-type late-count allegation implies, each answered from the
 * findings it rests on, with its decisive number, the power behind it and what stays unexplained. The verdict of each
 * answer is not decided here: buildReport takes it from the named findings' verdicts (after the multiple-testing
 * correction), so an answer can never say more than its findings.
 */
import {
  type CutoffSpec,
  type DiscontinuitySummary,
  lateCountSensitivity,
  type MethodResult,
  type ProjectionSummary,
  type SensitivityInput,
  type SensitivityTable,
  type StationTable,
} from '@tally/core';
import type { BottomLineAnswerInput, BottomLineInput, Message, PowerAtAllegedSizeInput } from '@tally/report';

/** Simulations per sensitivity row (the Monte Carlo error of a median of 200 draws is about 0.09 x the interval's sd). */
export const SENSITIVITY_SIMS = 200;

/** The id buildReport gives a result's finding (the bottom-line findings are never repeated, so no "#k"). */
export function findingIdOf(r: Pick<MethodResult, 'method' | 'target' | 'region'>): string {
  return `${r.method}${r.target ? `:${r.target}` : ''}${r.region ? `@${r.region}` : ''}`;
}

const question = (id: string): Message => ({ key: `bottomline.question.${id}` as Message['key'] });

/** "Was the final margin predictable from the counted stations?" from the projection and its threshold test. */
export function projectionAnswer(
  p: ProjectionSummary | { readonly skipped: string },
  findingIds: readonly string[],
  power: PowerAtAllegedSizeInput | null,
  sensitivity: SensitivityTable | null,
): BottomLineAnswerInput {
  if ('skipped' in p)
    return {
      id: 'predictable_from_counted',
      question: question('predictable_from_counted'),
      detail: { key: 'bottomline.detail.projection_missing', params: { reason: p.skipped } },
      decisive: null,
      power: null,
      unexplained: null,
      findingIds: [],
    };
  const pts = (value: number) => ({ kind: 'number' as const, value, digits: 2 });
  const spread = sensitivity?.spread.median;
  const gap = { kind: 'signed' as const, value: p.gap, digits: 2 };
  const shift = { kind: 'signed' as const, value: p.lateShift?.shift ?? 0, digits: 2 };
  const unexplained: Message =
    spread && spread.min !== null && spread.max !== null && sensitivity
      ? {
          key: 'bottomline.unexplained.projection',
          params: {
            gap,
            shift,
            rows: { kind: 'count', value: sensitivity.rows.length },
            min: pts(spread.min),
            max: pts(spread.max),
          },
        }
      : { key: 'bottomline.unexplained.projection_no_sensitivity', params: { gap, shift } };
  return {
    id: 'predictable_from_counted',
    question: question('predictable_from_counted'),
    detail: {
      key: 'bottomline.detail.projection',
      params: {
        median: pts(p.median),
        lo: pts(p.lo),
        hi: pts(p.hi),
        share: { kind: 'percent', value: p.shareAbove, digits: 1 },
        threshold: p.threshold,
        actual: pts(p.actualFinalMargin),
      },
    },
    decisive: {
      name: { key: 'bottomline.decisive.projection' },
      value: p.median,
      interval: [p.lo, p.hi],
      unit: 'points of margin',
    },
    power,
    unexplained,
    findingIds,
  };
}

/** "Is there a break in the trend once the order is right?" from the discontinuity, or why it cannot be tested. */
export function trendBreakAnswer(
  d: DiscontinuitySummary | { readonly skipped: string } | null,
  cutoffLabel: string,
  order: string,
  findingIds: readonly string[],
  power: PowerAtAllegedSizeInput | null,
): BottomLineAnswerInput {
  const base = { id: 'trend_break', question: question('trend_break'), unexplained: null } as const;
  if (d === null || 'skipped' in d) {
    const reason: Message['params'] = {
      reason: d === null ? { kind: 'message', message: { key: 'bottomline.reason.no_discontinuity' } } : d.skipped,
    };
    return {
      ...base,
      detail: { key: 'bottomline.detail.trend_break_untested', params: reason },
      decisive: null,
      power: null,
      findingIds: [],
    };
  }
  return {
    ...base,
    detail: {
      key: 'bottomline.detail.trend_break',
      params: {
        order,
        cutoff: cutoffLabel,
        jump: { kind: 'signed', value: d.estimate, digits: 2 },
        p: { kind: 'p', value: d.pValue },
      },
    },
    decisive: {
      name: { key: 'bottomline.decisive.jump' },
      value: d.estimate,
      // A 95% normal interval from the clustered standard error; the p-value is the placebo one.
      interval: [d.estimate - 1.96 * d.se, d.estimate + 1.96 * d.se],
      unit: 'points of station margin',
    },
    power,
    findingIds,
  };
}

/** What the persistence analysis hands the bottom line. */
export interface PersistenceEvidence {
  readonly statistic: number;
  readonly pValue: number | null;
  readonly interval: readonly [number, number] | null;
  readonly electionA: string;
  readonly electionB: string;
  readonly findingId: string;
  readonly power: PowerAtAllegedSizeInput | null;
}

/**
 * "Do the flagged stations differ from the others in ways manipulation would leave?" from the persistence analysis
 * (null: the allegation asks for none). The persistence_2020 replay (#15) adds its finding ids here when it lands.
 */
export function flaggedDifferAnswer(
  e: PersistenceEvidence | null,
  replayFindingIds: readonly string[] = [],
): BottomLineAnswerInput {
  const base = { id: 'flagged_differ', question: question('flagged_differ'), unexplained: null } as const;
  if (e === null)
    return {
      ...base,
      detail: {
        key: 'bottomline.detail.flagged_untested',
        params: { reason: { kind: 'message', message: { key: 'bottomline.reason.no_persistence' } } },
      },
      decisive: null,
      power: null,
      findingIds: [...replayFindingIds],
    };
  return {
    ...base,
    detail: {
      key: 'bottomline.detail.flagged_differ',
      params: {
        a: e.electionA,
        b: e.electionB,
        effect: { kind: 'signed', value: e.statistic, digits: 2 },
        p: { kind: 'p', value: e.pValue ?? 1 },
      },
    },
    decisive: {
      name: { key: 'bottomline.decisive.persistence' },
      value: e.statistic,
      interval: e.interval,
      unit: 'points of vote share',
    },
    power: e.power,
    findingIds: [e.findingId, ...replayFindingIds],
  };
}

/** What sensitivityAt computes, as plain data (its parts can run on worker threads). */
export function sensitivityInputAt(
  final: StationTable,
  cutoff: CutoffSpec,
  names: readonly string[],
  threshold: number,
  seed: number,
  otherCutoff?: { readonly label: string; readonly cutoff: CutoffSpec },
): SensitivityInput {
  return {
    final,
    cutoff,
    options: {
      candidates: names,
      projection: { threshold, sims: SENSITIVITY_SIMS },
      cutoffs: otherCutoff ? [otherCutoff] : [],
      seed,
    },
  };
}

/** The sensitivity table at the alleged cutoff (and the trend-break cutoff as a "cutoff" row, when given). */
export function sensitivityAt(
  final: StationTable,
  cutoff: CutoffSpec,
  names: readonly string[],
  threshold: number,
  seed: number,
  otherCutoff?: { readonly label: string; readonly cutoff: CutoffSpec },
): SensitivityTable | null {
  const input = sensitivityInputAt(final, cutoff, names, threshold, seed, otherCutoff);
  const s = lateCountSensitivity(input.final, input.cutoff, input.options);
  return s.ok ? s.value : null;
}

/** The sensitivity table in the report's terms: a message per choice, the headline numbers, their spread. */
export function sensitivityInput(s: SensitivityTable): NonNullable<BottomLineInput['sensitivity']> {
  const rows = s.rows.map((r) => ({
    choice: { key: `sensitivity.choice.${r.choice.replace(/ /g, '_')}` as Message['key'] },
    setting: r.setting,
    values: {
      median: r.median,
      lo: r.lo,
      hi: r.hi,
      shareAbove: r.shareAbove,
      jump: r.jump,
      jumpPValue: r.jumpPValue,
    },
  }));
  const spread: Record<string, readonly [number, number]> = {};
  for (const [name, v] of Object.entries(s.spread)) if (v.min !== null && v.max !== null) spread[name] = [v.min, v.max];
  return { rows, spread };
}
