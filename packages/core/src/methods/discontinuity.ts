/**
 * Discontinuity of station margins at the cutoff of a count.
 *
 * Detects: a jump in the margin of stations as the arrival position crosses the cutoff, beyond the
 * smooth trend on either side (local linear regression each side, triangular kernel,
 * Imbens-Kalyanaraman bandwidth unless one is given). Placebo cutoffs across the whole count show how
 * often a jump of that size appears where nothing happened; a repeat with geography fixed effects
 * (margins demeaned within each area) shows how much of the jump is composition.
 * Null hypothesis: the expected station margin is continuous in arrival position at the cutoff.
 * Assumptions: stations near the cutoff on both sides are comparable apart from the cutoff;
 * station errors are independent (stations of one site that arrive together are not: the HC0
 * standard error is then too small, which the placebo distribution exposes).
 * Innocent reasons for a jump: whole regions reporting in batches (a department's transmission
 * arriving at once), a count paused and resumed with a different mix of stations.
 * Citation: Escobari & Hoover (2020), "Evo Morales and Electoral Fraud in Bolivia: A Natural
 * Experiment Estimate", SSRN 3492477; Idrobo, Kronick & Rodríguez (2022), Journal of Politics
 * 84(4); Imbens & Kalyanaraman (2012), Review of Economic Studies 79(3):933-959.
 */
import { buildCountView, type CountView } from '../latecount/count_view.ts';
import { breakAt, breakEstimateAt, type Clusters, ikBandwidth } from '../latecount/local_linear.ts';
import { arrivalLevel, coarseBandwidth, placeboCuts } from '../latecount/placebo_cuts.ts';
import { distinctSorted, firstWhere, positionIndexFor, windowRows } from '../latecount/position_window.ts';
import type { ForensicMethod, MethodResult } from '../method.ts';
import { twoSidedNormalP } from '../numeric/distributions.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { err, ok, type Result } from '../result.ts';
import { shareDenominator } from '../station_table.ts';
import { splitCandidates } from './counterfactual_projection.ts';

export { arrivalLevel, coarseBandwidth, placeboCuts };

/** Options of the discontinuity test. */
export interface DiscontinuityOptions {
  /** Bandwidth on the position scale (percent of stations); default: Imbens-Kalyanaraman. */
  readonly bandwidth?: number;
  /** Placebo cutoffs comparable to the real one (see `placeboCuts`); the p-value is placebo-based (default true). */
  readonly placebo?: boolean;
  /** Region level for the fixed-effects repeat (default: the narrowest level; "" or "none" to skip). */
  readonly feLevel?: string;
  /** Region level whose areas are clusters for the standard error (default: `arrivalLevel`; "none" = HC0). */
  readonly clusterLevel?: string;
}

/** Fewest distinct arrival positions each side of the cutoff needs for a discontinuity to be estimated. */
export const MIN_POSITIONS_PER_SIDE = 5;

/** Plain-data outcome of the discontinuity test. */
export interface DiscontinuitySummary {
  readonly cutoff: number;
  readonly bandwidth: number;
  readonly bandwidthRule: 'imbens_kalyanaraman' | 'coarse_fallback' | 'given';
  /** Region level used as clusters for standard errors, or null for HC0. */
  readonly clusterLevel: string | null;
  /** 'given', or 'arrival_level': the widest level whose areas each arrive at one position (else the narrowest). */
  readonly clusterRule: 'given' | 'arrival_level' | 'none';
  /** Distinct arrival positions on each side of the cutoff. */
  readonly positionsLeft: number;
  readonly positionsRight: number;
  /** Jump in station margin (points) from just before to just after the cutoff. */
  readonly estimate: number;
  readonly se: number;
  /**
   * The one p-value of the jump: placebo-based, (1 + #{placebo |jump| >= |jump|}) / (1 + placebos),
   * when there are placebos; the asymptotic normal p otherwise (pValueKind says which).
   */
  readonly pValue: number;
  readonly pValueKind: 'placebo' | 'asymptotic';
  /** Smallest p-value the placebo comparison can give, 1 / (1 + placebos) (null without placebos). */
  readonly pValueMin: number | null;
  /** Normal-theory p from the (cluster-)robust SE; a detail only, too small when areas report in batches. */
  readonly asymptoticPValue: number;
  readonly nLeft: number;
  readonly nRight: number;
  readonly placebo: {
    readonly cutoffs: number[];
    readonly estimates: number[];
    /** Share of placebo cutoffs with a jump at least as large in absolute value. */
    readonly shareAtLeast: number;
    readonly q025: number;
    readonly q975: number;
  } | null;
  readonly fixedEffects: {
    readonly level: string;
    readonly estimate: number;
    readonly se: number;
    /** Placebo-based as the main p-value (the same placebo cuts, on the demeaned margins), else asymptotic. */
    readonly pValue: number;
    readonly asymptoticPValue: number;
    /** 1 - estimate_FE / estimate: the part of the jump explained by which areas report when. */
    readonly shareExplained: number;
  } | null;
  readonly stationsUsed: number;
  readonly excluded: { reason: string; count: number }[];
  readonly warnings: string[];
}

/** Runs the discontinuity test on a count view (needs an arrival column). */
export function discontinuityAt(view: CountView, options: DiscontinuityOptions = {}): Result<DiscontinuitySummary> {
  const { final, pair, position, cutoffPosition } = view;
  if (position === null || cutoffPosition === null)
    return err({ kind: 'missing_column', column: 'arrival', message: 'the discontinuity test needs an arrival order' });
  if (options.bandwidth !== undefined && !(options.bandwidth > 0))
    return err({ kind: 'invalid_options', option: 'bandwidth', message: 'bandwidth must be > 0' });
  const den = shareDenominator(final);
  const A = final.candidates[pair.a].votes;
  const B = final.candidates[pair.b].votes;
  const idx: number[] = [];
  let noVotes = 0;
  let noArrival = 0;
  for (let i = 0; i < final.n; i++) {
    if (!Number.isFinite(position[i])) noArrival++;
    else if (!(den[i] > 0)) noVotes++;
    else idx.push(i);
  }
  const m = idx.length;
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = idx[k];
    x[k] = position[i];
    y[k] = (100 * (A[i] - B[i])) / den[i];
  }
  const excluded: { reason: string; count: number }[] = [];
  if (noVotes > 0) excluded.push({ reason: 'no valid votes', count: noVotes });
  if (noArrival > 0) excluded.push({ reason: 'no arrival position', count: noArrival });
  const c = cutoffPosition;
  const index = positionIndexFor(x);
  const split = firstWhere(index.sorted, (v) => v > c);
  const positionsLeft = distinctSorted(index.sorted, 0, split);
  const positionsRight = distinctSorted(index.sorted, split, m);
  if (positionsLeft < MIN_POSITIONS_PER_SIDE || positionsRight < MIN_POSITIONS_PER_SIDE)
    return err({
      kind: 'insufficient_data',
      message:
        `the arrival order has ${positionsLeft} distinct position(s) before the cutoff and ${positionsRight} after it; ` +
        `a discontinuity needs at least ${MIN_POSITIONS_PER_SIDE} on each side (a count published in a few batches cannot show a trend break)`,
      needed: MIN_POSITIONS_PER_SIDE,
      got: Math.min(positionsLeft, positionsRight),
    });
  const narrowest = final.regions[final.regions.length - 1]?.name;
  let clusterRule: DiscontinuitySummary['clusterRule'] = 'given';
  let clusterName = options.clusterLevel;
  if (clusterName === undefined) {
    clusterName = arrivalLevel(final, position) ?? narrowest;
    clusterRule = 'arrival_level';
  }
  let clusters: Clusters | null = null;
  if (clusterName !== undefined && clusterName !== '' && clusterName !== 'none') {
    const level = final.regions.find((r) => r.name === clusterName);
    if (level === undefined)
      return err({
        kind: 'missing_column',
        column: clusterName,
        message: `no region level "${clusterName}" for clusters`,
      });
    const codes = new Int32Array(m);
    for (let k = 0; k < m; k++) codes[k] = level.codes[idx[k]];
    clusters = { codes, count: level.labels.length };
  } else clusterRule = 'none';
  let h = options.bandwidth;
  let rule: DiscontinuitySummary['bandwidthRule'] = 'given';
  const warnings: string[] = [];
  if (h === undefined) {
    const bw = ikBandwidth(x, y, c);
    if (bw.ok) {
      h = bw.value;
      rule = 'imbens_kalyanaraman';
    } else {
      const coarse = coarseBandwidth(x, c);
      if (coarse === null) return bw;
      h = coarse.h;
      rule = 'coarse_fallback';
      warnings.push(
        `arrival positions are coarse near the cutoff (${coarse.left} and ${coarse.right} distinct positions used left and right); ` +
          `the Imbens-Kalyanaraman bandwidth cannot be computed, so the bandwidth spans them: ${h.toFixed(2)}`,
      );
    }
  }
  const rowsAtCut = windowRows(index, c, h);
  const main = breakAt(x, y, c, h, clusters, rowsAtCut);
  if (main === null)
    return err({
      kind: 'insufficient_data',
      message: `too few stations with distinct positions within ${h.toFixed(3)} of the cutoff`,
    });
  const cuts = (options.placebo ?? true) ? placeboCuts(x, c, h, main.left.n, main.right.n, index) : [];
  // The placebo p-values compare estimates only, so the placebo fits skip the variance.
  const cutRows = cuts.map((p) => windowRows(index, p, h));
  const placeboEstimates = (values: ArrayLike<number>): { cutoffs: number[]; estimates: number[] } => {
    const cutoffs: number[] = [];
    const estimates: number[] = [];
    cuts.forEach((p, k) => {
      const b = breakEstimateAt(x, values, p, h, cutRows[k]);
      if (b === null) return;
      cutoffs.push(p);
      estimates.push(b);
    });
    return { cutoffs, estimates };
  };
  const placeboP = (estimates: readonly number[], estimate: number): number | null => {
    if (estimates.length === 0) return null;
    let atLeast = 0;
    for (const e of estimates) if (Math.abs(e) >= Math.abs(estimate)) atLeast++;
    return (1 + atLeast) / (1 + estimates.length);
  };
  let placebo: DiscontinuitySummary['placebo'] = null;
  const mainPlacebos = placeboEstimates(y);
  if (mainPlacebos.estimates.length > 0) {
    const { cutoffs, estimates } = mainPlacebos;
    let atLeast = 0;
    for (const e of estimates) if (Math.abs(e) >= Math.abs(main.estimate)) atLeast++;
    const sorted = Float64Array.from(estimates).sort();
    placebo = {
      cutoffs,
      estimates,
      shareAtLeast: atLeast / estimates.length,
      q025: quantileSorted(sorted, 0.025),
      q975: quantileSorted(sorted, 0.975),
    };
  }
  const asymptoticPValue = twoSidedNormalP(main.estimate / main.se);
  const pPlacebo = placeboP(mainPlacebos.estimates, main.estimate);
  if (pPlacebo !== null && 1 / (1 + mainPlacebos.estimates.length) > 0.05)
    warnings.push(
      `only ${mainPlacebos.estimates.length} comparable placebo cutoffs: the smallest attainable p-value is ` +
        `${(1 / (1 + mainPlacebos.estimates.length)).toFixed(3)}, so this test cannot reject at 0.05`,
    );
  let fixedEffects: DiscontinuitySummary['fixedEffects'] = null;
  const feName = options.feLevel ?? narrowest;
  if (feName !== undefined && feName !== '' && feName !== 'none') {
    const level = final.regions.find((r) => r.name === feName);
    if (level === undefined)
      return err({ kind: 'missing_column', column: feName, message: `no region level "${feName}" for fixed effects` });
    const sum = new Float64Array(level.labels.length);
    const cnt = new Float64Array(level.labels.length);
    for (let k = 0; k < m; k++) {
      sum[level.codes[idx[k]]] += y[k];
      cnt[level.codes[idx[k]]]++;
    }
    const r = new Float64Array(m);
    for (let k = 0; k < m; k++) r[k] = y[k] - sum[level.codes[idx[k]]] / cnt[level.codes[idx[k]]];
    const fe = breakAt(x, r, c, h, clusters, rowsAtCut);
    if (fe !== null) {
      const feAsymptotic = twoSidedNormalP(fe.estimate / fe.se);
      const fePlacebo = cuts.length > 0 ? placeboP(placeboEstimates(r).estimates, fe.estimate) : null;
      fixedEffects = {
        level: feName,
        estimate: fe.estimate,
        se: fe.se,
        pValue: fePlacebo ?? feAsymptotic,
        asymptoticPValue: feAsymptotic,
        shareExplained: main.estimate !== 0 ? 1 - fe.estimate / main.estimate : 0,
      };
    }
  }
  return ok({
    cutoff: c,
    bandwidth: h,
    bandwidthRule: rule,
    clusterLevel: clusters === null ? null : (clusterName as string),
    clusterRule,
    positionsLeft,
    positionsRight,
    estimate: main.estimate,
    se: main.se,
    pValue: pPlacebo ?? asymptoticPValue,
    pValueKind: pPlacebo === null ? 'asymptotic' : 'placebo',
    pValueMin: pPlacebo === null ? null : 1 / (1 + mainPlacebos.estimates.length),
    asymptoticPValue,
    nLeft: main.left.n,
    nRight: main.right.n,
    placebo,
    fixedEffects,
    stationsUsed: m,
    excluded,
    warnings,
  });
}

/** Options of the registry wrapper: a percentile cutoff on the table's own arrival column. */
export interface DiscontinuityMethodOptions extends DiscontinuityOptions {
  readonly cutoff?: number;
  readonly candidates?: string;
  readonly candidate?: string;
  readonly replicates?: number;
}

/** Local linear discontinuity of station margins at a percentile cutoff of arrival. */
export const discontinuity: ForensicMethod<DiscontinuityMethodOptions> = {
  id: 'discontinuity',
  title: 'Discontinuity of station margins at a count cutoff',
  family: 'late_count',
  question: 'Does the station margin jump at the cutoff beyond the smooth trend of the count?',
  reference:
    'Escobari & Hoover (2020), SSRN 3492477; Idrobo, Kronick & Rodríguez (2022), Journal of Politics 84(4); Imbens & Kalyanaraman (2012), Review of Economic Studies 79(3)',
  summary:
    'A jump in station margins at the cutoff beyond the trend either side; regions reporting in batches make such jumps innocently, which the placebo cutoffs and the fixed-effects repeat show.',
  requires: ['candidates', 'arrival'],
  options: [
    { name: 'cutoff', description: 'percentile of arrival at the cutoff', type: 'number', default: 80 },
    { name: 'candidates', description: 'two candidates "A,B" (default: the top two)', type: 'string', default: '' },
    {
      name: 'bandwidth',
      description: 'bandwidth in percent of stations (default: Imbens-Kalyanaraman)',
      type: 'number',
      default: 0,
    },
    { name: 'feLevel', description: 'region level for the fixed-effects repeat', type: 'string', default: '' },
    {
      name: 'clusterLevel',
      description: 'region level of clusters for standard errors (none = HC0)',
      type: 'string',
      default: '',
    },
  ],
  run(table, options, _rng): Result<MethodResult[]> {
    const view = buildCountView(
      table,
      { kind: 'percentile', value: options.cutoff ?? 80 },
      splitCandidates(options.candidates),
    );
    if (!view.ok) return view;
    const bandwidth = options.bandwidth !== undefined && options.bandwidth > 0 ? options.bandwidth : undefined;
    const d = discontinuityAt(view.value, { ...options, bandwidth });
    if (!d.ok) return d;
    return ok([
      {
        method: 'discontinuity',
        target: `${view.value.pair.nameA} - ${view.value.pair.nameB}`,
        statistic: d.value.estimate,
        statisticName: 'margin_jump_points',
        pValue: d.value.pValue,
        pValueKind: d.value.pValueKind === 'placebo' ? 'monte_carlo' : 'asymptotic',
        n: d.value.stationsUsed,
        excluded: d.value.excluded,
        details: { ...d.value },
        warnings: [...view.value.warnings, ...d.value.warnings],
      },
    ]);
  },
};
