/**
 * The trend-break regression of the OAS audit's statistical analysis, on per-acta data: each acta's margin (favoured
 * minus rival, points of valid votes) on its position in the count (share of actas counted, in (0, 1]), with a jump
 * and a change of slope at a break point (95% of the count), standard errors CR1 clustered by recinto. The count
 * order is either the true chronological order of the verification times or the order of the same times written as
 * 12-hour text ("10/21/2019 01:00:00 PM") and sorted as text: the error CEPR's D. Rosnick found in the OAS analyst's
 * data (Aug. 2020), where each day runs from 01:00 to 12:59 with morning and afternoon interleaved.
 */
import {
  type CoefficientRow,
  coefficientTable,
  coefficientVariance,
  type Factor,
  fitLinearModel,
  shareDenominator,
} from '@tally/core';
import type { PublishedNumber, ReproducedNumber } from '@tally/report';
import { candidateVotes, countTimes, type ReplayElection, regionLevel } from './context.ts';

/** Local offset of Bolivia (UTC-4 all year), for writing the times as the OAS analyst's text. */
const BOLIVIA_OFFSET_MS = -4 * 3_600_000;

/** The actas a break regression uses: those with a count time and valid votes, in table order. */
export interface TimedActas {
  /** Table index of each acta used. */
  readonly rows: Int32Array;
  /** Count time (ms since epoch). */
  readonly time: Float64Array;
  /** Favoured minus rival, points of the official denominator. */
  readonly margin: Float64Array;
  readonly recinto: Factor;
}

/** Dense codes 0..k-1 of `values`, in order of first appearance. */
export function denseFactor(name: string, values: ArrayLike<number | string>): Factor {
  const seen = new Map<number | string, number>();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let c = seen.get(values[i]);
    if (c === undefined) {
      c = seen.size;
      seen.set(values[i], c);
    }
    codes[i] = c;
  }
  return { name, codes, count: seen.size };
}

export function timedActas(e: ReplayElection, rival: string): TimedActas {
  const times = countTimes(e);
  const recinto = regionLevel(e, 'recinto_code');
  const favoured = candidateVotes(e, e.favoured);
  const against = candidateVotes(e, rival);
  const den = shareDenominator(e.table);
  const rows: number[] = [];
  for (let i = 0; i < e.table.n; i++) if (Number.isFinite(times[i]) && den[i] > 0) rows.push(i);
  const n = rows.length;
  const time = new Float64Array(n);
  const margin = new Float64Array(n);
  const recintoCodes = new Int32Array(n);
  rows.forEach((i, k) => {
    time[k] = times[i];
    margin[k] = (100 * (favoured[i] - against[i])) / den[i];
    recintoCodes[k] = recinto.codes[i];
  });
  return { rows: Int32Array.from(rows), time, margin, recinto: denseFactor('recinto', recintoCodes) };
}

/** A time as the 12-hour local text "MM/DD/YYYY hh:mm:ss AM" (the format whose text order the OAS analyst used). */
export function twelveHourText(ms: number): string {
  const d = new Date(ms + BOLIVIA_OFFSET_MS);
  const two = (x: number) => String(x).padStart(2, '0');
  const hour = d.getUTCHours();
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(twelve)}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${hour < 12 ? 'AM' : 'PM'}`;
}

export type CountOrder = 'chronological' | 'text';

/**
 * Position in the count of each acta, as a share in (0, 1]: rank / n in the chosen order. Ties keep table order
 * (a stable sort), so the positions are reproducible (the R reference uses R's stable radix order).
 */
export function countPosition(actas: TimedActas, order: CountOrder): Float64Array {
  const n = actas.time.length;
  const index = Array.from({ length: n }, (_, k) => k);
  if (order === 'chronological') {
    index.sort((a, b) => actas.time[a] - actas.time[b] || a - b);
  } else {
    const text = Array.from(actas.time, twelveHourText);
    index.sort((a, b) => (text[a] < text[b] ? -1 : text[a] > text[b] ? 1 : a - b));
  }
  const position = new Float64Array(n);
  index.forEach((k, rank) => {
    position[k] = (rank + 1) / n;
  });
  return position;
}

/** A fitted break: the jump at the break point and the slope change, with CR1 (recinto) 95% intervals. */
export interface BreakFit {
  readonly jump: CoefficientRow;
  readonly slopeChange: CoefficientRow;
  readonly slopeBefore: CoefficientRow;
  readonly n: number;
  readonly clusters: number;
  /** Fixed effects absorbed, by name. */
  readonly absorbed: readonly string[];
  readonly dfResidual: number;
}

export const BREAK_AT = 0.95;

const JUMP_UNIT = 'points of margin (jump at 95% of the count)';

/** A break replay's published side: no single coefficient was published, so only the unit and the source. */
export function unpublishedJump(source: string): PublishedNumber {
  return { value: null, unit: JUMP_UNIT, source };
}

/** The jump of a break fit as the replay's reproduced number, with its CR1 interval. */
export function reproducedJump(fit: BreakFit): ReproducedNumber {
  return {
    value: fit.jump.estimate,
    interval: [fit.jump.low, fit.jump.high],
    intervalKind: `95% CR1 confidence interval, clustered by recinto (${fit.clusters} recintos)`,
    unit: JUMP_UNIT,
  };
}

/** A signed number for a replay message, to two decimals. */
export function signedPoints(value: number) {
  return { kind: 'signed', value, digits: 2 } as const;
}

/** margin ~ position + after + after x (position - break) [+ absorbed effects], CR1 by recinto. */
export function fitBreak(
  actas: TimedActas,
  position: Float64Array,
  fixedEffects: readonly Factor[] = [],
  breakAt = BREAK_AT,
): BreakFit {
  const n = position.length;
  const after = new Float64Array(n);
  const afterSlope = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    after[k] = position[k] > breakAt ? 1 : 0;
    afterSlope[k] = after[k] * (position[k] - breakAt);
  }
  const fitted = fitLinearModel({
    outcome: { name: 'margin', values: actas.margin },
    regressors: [
      { name: 'position', values: position },
      { name: 'after', values: after },
      { name: 'after_slope', values: afterSlope },
    ],
    fixedEffects,
    intercept: fixedEffects.length === 0,
  });
  if (!fitted.ok) throw new Error(`break regression: ${fitted.error.message}`);
  const fit = fitted.value;
  const variance = coefficientVariance(fit, { type: 'CR1', clusters: [actas.recinto] });
  if (!variance.ok) throw new Error(`break regression: ${variance.error.message}`);
  const rows = coefficientTable(fit, variance.value);
  const row = (name: string): CoefficientRow => {
    const r = rows.find((x) => x.name === name);
    if (!r) throw new Error(`break regression: ${name} was dropped as collinear`);
    return r;
  };
  return {
    jump: row('after'),
    slopeChange: row('after_slope'),
    slopeBefore: row('position'),
    n: fit.n,
    clusters: variance.value.clusterCounts[0],
    absorbed: fixedEffects.map((f) => f.name),
    dfResidual: fit.dfResidual,
  };
}

/** Cumulative margin (points) after each acta in the given order, thinned to about `points` points. */
export function cumulativeMargin(
  e: ReplayElection,
  rival: string,
  actas: TimedActas,
  position: Float64Array,
  points = 400,
): { x: number[]; margin: number[] } {
  const favoured = candidateVotes(e, e.favoured);
  const against = candidateVotes(e, rival);
  const den = shareDenominator(e.table);
  const n = position.length;
  const byRank = new Int32Array(n);
  for (let k = 0; k < n; k++) byRank[Math.round(position[k] * n) - 1] = actas.rows[k];
  const step = Math.max(1, Math.floor(n / points));
  const x: number[] = [];
  const margin: number[] = [];
  let a = 0;
  let b = 0;
  let d = 0;
  for (let r = 0; r < n; r++) {
    const i = byRank[r];
    a += favoured[i];
    b += against[i];
    d += den[i];
    if ((r + 1) % step === 0 || r === n - 1) {
      x.push(Number(((r + 1) / n).toFixed(5)));
      margin.push(Number(((100 * (a - b)) / d).toFixed(4)));
    }
  }
  return { x, margin };
}
