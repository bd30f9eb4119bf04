/**
 * Margin curve of a count: cumulative shares of two candidates and their margin against the share
 * of stations and of registered voters counted, in arrival order.
 *
 * Detects nothing by itself: it shows how the margin moved as the count came in, the picture the
 * OAS read as a "hard-to-explain change in trend" in Bolivia 2019. A margin that grows as late
 * stations arrive is what a count looks like when late stations are rural and lean one way; Bolivia
 * 2020 (MAS 48% of the first half, 55% final, no fraud alleged) is the negative control.
 * Null hypothesis: none (descriptive). The statistic is the late shift: final margin minus the
 * margin at the cutoff.
 * Assumptions: the arrival order is real: times are parsed into instants before sorting
 * (time/parse_instant.ts), never sorted as text.
 * Citation: OAS (2019), "Electoral Integrity Analysis, General Elections in the Plurinational State
 * of Bolivia"; Johnston & Rosnick (2019), CEPR; Idrobo, Kronick & Rodríguez (2022), Journal of
 * Politics 84(4).
 */
import { buildCountView, pooledMargin } from '../latecount/count_view.ts';
import { stableOrder } from '../latecount/stable_order.ts';
import type { ForensicMethod, MethodResult } from '../method.ts';
import { err, ok, type Result } from '../result.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';
import { type ParseInstantOptions, parseInstants } from '../time/parse_instant.ts';
import { splitCandidates } from './counterfactual_projection.ts';

/** One point of the curve, after every station with an order value <= `order` has arrived (null = the unordered rest). */
export interface MarginCurvePoint {
  readonly order: number | null;
  readonly stations: number;
  /** Percent of stations counted. */
  readonly stationsPct: number;
  /** Percent of registered voters in counted stations. */
  readonly registeredPct: number;
  readonly shareA: number;
  readonly shareB: number;
  readonly margin: number;
}

/** The curve and the candidates it follows. */
export interface MarginCurve {
  readonly candidateA: string;
  readonly candidateB: string;
  readonly points: MarginCurvePoint[];
  /** Stations with no order value, added as a last step. */
  readonly unordered: number;
}

/**
 * Cumulative curve in the order given (smaller = earlier; NaN = no value, counted last). Stations
 * tied on order enter together. At most `maxPoints` points, evenly spaced in stations, plus the last.
 */
export function marginCurve(
  table: StationTable,
  a: number,
  b: number,
  order: ArrayLike<number>,
  maxPoints = 200,
): Result<MarginCurve> {
  const n = table.n;
  if (n === 0) return err({ kind: 'insufficient_data', message: 'no stations', needed: 1, got: 0 });
  if (order.length !== n)
    return err({ kind: 'invalid_options', option: 'order', message: 'one order value per station' });
  const den = shareDenominator(table);
  const A = table.candidates[a].votes;
  const B = table.candidates[b].votes;
  const key = (i: number): number => (Number.isNaN(order[i]) ? Number.POSITIVE_INFINITY : order[i]);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = key(i);
  // Stations by key, ties in station order.
  const idx = stableOrder(keys);
  let totalReg = 0;
  for (let i = 0; i < n; i++) totalReg += table.registered[i];
  // Beyond maxPoints steps only every (n / maxPoints) stations' worth is kept, and the last step: chosen as the steps
  // are made, so that a million stations never make a million points at once.
  let stepCount = 0;
  for (let j = 0; j < n; j++) if (j === 0 || key(idx[j]) !== key(idx[j - 1])) stepCount++;
  const thin = stepCount > maxPoints;
  let next = 0;
  const points: MarginCurvePoint[] = [];
  let sA = 0;
  let sB = 0;
  let sD = 0;
  let sR = 0;
  let unordered = 0;
  let k = 0;
  while (k < n) {
    let e = k;
    const v = key(idx[k]);
    while (e < n && key(idx[e]) === v) {
      const i = idx[e];
      sA += A[i];
      sB += B[i];
      sD += den[i];
      sR += table.registered[i];
      if (v === Number.POSITIVE_INFINITY) unordered++;
      e++;
    }
    k = e;
    if (thin && !(e >= next || e === n)) continue;
    next = e + n / maxPoints;
    points.push({
      order: v === Number.POSITIVE_INFINITY ? null : v,
      stations: e,
      stationsPct: (100 * e) / n,
      registeredPct: totalReg > 0 ? (100 * sR) / totalReg : Number.NaN,
      shareA: sD > 0 ? (100 * sA) / sD : Number.NaN,
      shareB: sD > 0 ? (100 * sB) / sD : Number.NaN,
      margin: sD > 0 ? (100 * (sA - sB)) / sD : Number.NaN,
    });
  }
  return ok({ candidateA: table.candidates[a].name, candidateB: table.candidates[b].name, points, unordered });
}

/** Order from a sequence of snapshots (earliest first): the index of the first snapshot holding each station, NaN if none. */
export function snapshotOrder(final: StationTable, snapshots: readonly StationTable[]): Float64Array {
  const first = new Map<string, number>();
  snapshots.forEach((s, k) => {
    for (const id of s.ids) if (!first.has(id)) first.set(id, k);
  });
  return Float64Array.from(final.ids, (id) => first.get(id) ?? Number.NaN);
}

/** Order from timestamp strings: parsed into instants (never sorted as text); unreadable rows are an error listing them. */
export function timestampOrder(
  values: readonly string[],
  options: ParseInstantOptions,
  column?: string,
): Result<Float64Array> {
  return parseInstants(values, options, column);
}

/** Options of the registry wrapper. */
export interface MarginCurveMethodOptions {
  /** Percentile of arrival where the late shift is measured from (default 80). */
  readonly cutoff?: number;
  readonly candidates?: string;
  readonly maxPoints?: number;
  readonly candidate?: string;
  readonly replicates?: number;
}

/** Margin curve in the table's own arrival order; statistic = final margin minus margin at the cutoff. */
export const marginCurveMethod: ForensicMethod<MarginCurveMethodOptions> = {
  id: 'margin_curve',
  title: 'Margin curve in arrival order',
  family: 'late_count',
  question: 'How does the margin move as stations arrive in counting order?',
  reference:
    'OAS (2019), Electoral Integrity Analysis, Bolivia; Johnston & Rosnick (2019), CEPR; Idrobo, Kronick & Rodríguez (2022), Journal of Politics 84(4)',
  summary:
    'How the margin moved as stations arrived; a late shift is what counts with late rural or remote stations look like, so it is a description, not a test.',
  requires: ['candidates', 'arrival'],
  options: [
    {
      name: 'cutoff',
      description: 'percentile of arrival the late shift is measured from',
      type: 'number',
      default: 80,
    },
    { name: 'candidates', description: 'two candidates "A,B" (default: the top two)', type: 'string', default: '' },
    { name: 'maxPoints', description: 'most points in the curve', type: 'number', default: 200 },
  ],
  run(table, options, _rng): Result<MethodResult[]> {
    const view = buildCountView(
      table,
      { kind: 'percentile', value: options.cutoff ?? 80 },
      splitCandidates(options.candidates),
    );
    if (!view.ok) return view;
    const v = view.value;
    const order = v.position ?? new Float64Array(table.n).fill(Number.NaN);
    const curve = marginCurve(table, v.pair.a, v.pair.b, order, options.maxPoints ?? 200);
    if (!curve.ok) return curve;
    const den = shareDenominator(table);
    const countedFinal = pooledMargin(
      table.candidates[v.pair.a].votes,
      table.candidates[v.pair.b].votes,
      den,
      v.counted,
    );
    return ok([
      {
        method: 'margin_curve',
        target: `${v.pair.nameA} - ${v.pair.nameB}`,
        statistic: v.finalMargin - countedFinal,
        statisticName: 'late_shift_points',
        pValue: null,
        pValueKind: 'none',
        n: table.n,
        excluded:
          curve.value.unordered > 0 ? [{ reason: 'no arrival value (added last)', count: curve.value.unordered }] : [],
        details: { ...curve.value, countedMargin: countedFinal, finalMargin: v.finalMargin, cutoff: v.cutoffLabel },
        warnings: v.warnings,
      },
    ]);
  },
};
