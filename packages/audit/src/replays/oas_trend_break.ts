/**
 * Replay `oas_trend_break`: the OAS audit's break in MAS's margin near 95% of the count (OAS, "Electoral Integrity
 * Analysis, General Elections in the Plurinational State of Bolivia, October 20, 2019. Final Report", 4 Dec 2019,
 * statistical analysis by I. Nooruddin), fitted on the per-acta TREP verification times in their true order and in
 * the order of the same times sorted as 12-hour text, the OAS analyst's error (docs/methods/oas_trend_break.md).
 */
import type { ReplayInput } from '@tally/report';
import type { ReplayContext } from './context.ts';
import {
  BREAK_AT,
  type BreakFit,
  countPosition,
  cumulativeMargin,
  fitBreak,
  reproducedJump,
  signedPoints,
  timedActas,
  unpublishedJump,
} from './trend_break.ts';

export const OAS_SOURCE =
  'OAS, Electoral Integrity Analysis, Bolivia general elections of 20 Oct 2019, Final Report (4 Dec 2019), statistical analysis (I. Nooruddin): break in the MAS-CC margin near 95% of the count';

/** The numbers of a break fit as JSON-friendly details. */
export function breakDetails(f: BreakFit): Record<string, unknown> {
  const row = (r: BreakFit['jump']) => ({ estimate: r.estimate, se: r.se, low: r.low, high: r.high, p: r.pValue });
  return {
    jump: row(f.jump),
    slopeBefore: row(f.slopeBefore),
    slopeChange: row(f.slopeChange),
    n: f.n,
    clusters: f.clusters,
    absorbed: f.absorbed,
  };
}

export function oasTrendBreak(ctx: ReplayContext): ReplayInput {
  const e = ctx.timed;
  const rival = e.rival!;
  const actas = timedActas(e, rival);
  const chronological = countPosition(actas, 'chronological');
  const text = countPosition(actas, 'text');
  const trueOrder = fitBreak(actas, chronological);
  const textOrder = fitBreak(actas, text);
  const curveTrue = cumulativeMargin(e, rival, actas, chronological);
  const curveText = cumulativeMargin(e, rival, actas, text);
  return {
    id: 'oas_trend_break',
    title: { key: 'replay.oas_trend_break.title' },
    published: unpublishedJump(OAS_SOURCE),
    reproduced: reproducedJump(trueOrder),
    note: {
      key: 'replay.oas_trend_break.note',
      params: {
        n: { kind: 'count', value: trueOrder.n },
        textJump: signedPoints(textOrder.jump.estimate),
        textLow: signedPoints(textOrder.jump.low),
        textHigh: signedPoints(textOrder.jump.high),
      },
    },
    says: {
      key: 'replay.oas_trend_break.says',
      params: {
        jump: signedPoints(trueOrder.jump.estimate),
        low: signedPoints(trueOrder.jump.low),
        high: signedPoints(trueOrder.jump.high),
        textJump: signedPoints(textOrder.jump.estimate),
      },
    },
    details: {
      breakAt: BREAK_AT,
      outcome: `per-acta margin ${e.favoured} - ${rival}, points of valid votes`,
      chronological: breakDetails(trueOrder),
      text: breakDetails(textOrder),
    },
    plot: {
      kind: 'margin_orderings',
      candidateA: e.favoured,
      candidateB: rival,
      cutoff: BREAK_AT,
      series: [
        { order: 'chronological', x: curveTrue.x, margin: curveTrue.margin },
        { order: 'text', x: curveText.x, margin: curveText.margin },
      ],
    },
  };
}
