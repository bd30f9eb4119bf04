/**
 * Results of the integer-percentage method (Kobak et al. 2016): the exact laws of the counts, and the Monte Carlo
 * when one ran (replicates > 0).
 */
import { assert } from '../assert.ts';
import type { MethodResult } from '../method.ts';
import { centredCountBin } from '../numeric/binning.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { type ExactCounts, exactCounts } from './integer_percent_exact.ts';
import { type IntegerPercentPayload, STATS_PER_GROUP } from './integer_percent_sim.ts';

/** The data a run prepares before the Monte Carlo: included stations, observed and exact figures. */
export interface IntegerPercentPrepared {
  readonly payload: IntegerPercentPayload;
  readonly leaderName: string;
  readonly regionLevel: string | null;
  readonly regionLabels: readonly string[];
  readonly excluded: { reason: string; count: number }[];
  /** Per group (whole table, then regions): observed counts, 6 per group. */
  readonly observed: Float64Array;
  /** Per group: exact expectations and variances, 6 per group (unweighted then weighted). */
  readonly exactMean: Float64Array;
  readonly exactVar: Float64Array;
  /** Included stations per group. */
  readonly groupSize: Int32Array;
}

/** Either / leader / turnout figures, the shape of every block in details. */
export type Triple = {
  either: number;
  leader: number;
  turnout: number;
};

/** What the Monte Carlo gave (only with replicates > 0): its mean, SD, 99.9% quantile and p-values. */
export type IntegerPercentMonteCarlo = {
  expected: Triple;
  sd: Triple;
  threshold: Triple;
  pValues: Triple;
};

/**
 * Observed, expected and threshold counts of integer-percentage stations, unweighted or weighted. `expected` and `sd`
 * are exact. Unweighted, `threshold` (99.9% quantile) and `pValues` come from the exact Poisson-binomial law; weighted
 * by registered voters they come from the Monte Carlo, and are null without one (replicates = 0).
 */
export type IntegerPercentBlock = {
  observed: Triple;
  expected: Triple;
  excess: Triple;
  sd: Triple;
  threshold: Triple | null;
  pValues: Triple | null;
  /** The Monte Carlo's own figures, when it ran (a cross-check of the exact law for the unweighted counts). */
  monteCarlo?: IntegerPercentMonteCarlo;
};

/** Histograms of the whole table's percentages, in 0.1-point bins from startPercentagePoints. */
export type IntegerPercentHistogram = {
  startPercentagePoints: number;
  binWidthPercentagePoints: number;
  turnout: number[];
  leader: number[];
};

/** Details of an integer_percent result (types are aliases, not interfaces, so they satisfy MethodDetails). */
export type IntegerPercentDetails = IntegerPercentBlock & {
  leader: string;
  tolerancePercentagePoints: number;
  draw: IntegerPercentPayload['draw'];
  regionLevel: string | null;
  weighted: IntegerPercentBlock;
  /** Only on the whole-table result. */
  histogram?: IntegerPercentHistogram;
};

/** Per-statistic Monte Carlo summary: mean, sample SD, 99.9% quantile, p = (1 + #{sim >= obs}) / (B + 1). */
interface McSummary {
  mean: Float64Array;
  sd: Float64Array;
  q999: Float64Array;
  p: Float64Array;
}

function summarise(prepared: IntegerPercentPrepared, outputs: readonly Float64Array[]): McSummary | null {
  const B = prepared.payload.replicates;
  if (B === 0) return null;
  const groups = 1 + prepared.payload.regionCount;
  const width = STATS_PER_GROUP * groups;
  const all = new Float64Array(B * width);
  let at = 0;
  for (const chunk of outputs) {
    all.set(chunk, at);
    at += chunk.length;
  }
  assert(at === B * width, `integer_percent: chunk outputs hold ${at} values, expected ${B * width}`);
  const mean = new Float64Array(width);
  const sd = new Float64Array(width);
  const q999 = new Float64Array(width);
  const p = new Float64Array(width);
  const column = new Float64Array(B);
  for (let s = 0; s < width; s++) {
    let sum = 0;
    let ge = 0;
    for (let r = 0; r < B; r++) {
      const x = all[r * width + s];
      column[r] = x;
      sum += x;
      if (x >= prepared.observed[s]) ge++;
    }
    const m = sum / B;
    let ss = 0;
    for (let r = 0; r < B; r++) ss += (column[r] - m) ** 2;
    column.sort();
    mean[s] = m;
    sd[s] = Math.sqrt(ss / (B - 1));
    q999[s] = quantileSorted(column, 0.999);
    p[s] = (1 + ge) / (B + 1);
  }
  return { mean, sd, q999, p };
}

function triple(a: ArrayLike<number>, at: number): Triple {
  return { either: a[at], leader: a[at + 1], turnout: a[at + 2] };
}

function diff(a: ArrayLike<number>, b: ArrayLike<number>, at: number): Triple {
  return { either: a[at] - b[at], leader: a[at + 1] - b[at + 1], turnout: a[at + 2] - b[at + 2] };
}

function sqrtTriple(a: ArrayLike<number>, at: number): Triple {
  return { either: Math.sqrt(a[at]), leader: Math.sqrt(a[at + 1]), turnout: Math.sqrt(a[at + 2]) };
}

function monteCarloBlock(mc: McSummary, at: number): IntegerPercentMonteCarlo {
  return {
    expected: triple(mc.mean, at),
    sd: triple(mc.sd, at),
    threshold: triple(mc.q999, at),
    pValues: triple(mc.p, at),
  };
}

/** The unweighted block (exact law) at `at`, and its weighted twin at `at + 3` (Monte Carlo, when it ran). */
function blocks(
  prepared: IntegerPercentPrepared,
  exact: ExactCounts,
  mc: McSummary | null,
  group: number,
): IntegerPercentBlock & { weighted: IntegerPercentBlock } {
  const at = STATS_PER_GROUP * group;
  const common = (o: number) => ({
    observed: triple(prepared.observed, o),
    expected: triple(prepared.exactMean, o),
    excess: diff(prepared.observed, prepared.exactMean, o),
    sd: sqrtTriple(prepared.exactVar, o),
  });
  const weighted: IntegerPercentBlock = {
    ...common(at + 3),
    threshold: mc ? triple(mc.q999, at + 3) : null,
    pValues: mc ? triple(mc.p, at + 3) : null,
    ...(mc ? { monteCarlo: monteCarloBlock(mc, at + 3) } : {}),
  };
  return {
    ...common(at),
    threshold: triple(exact.quantile999, 3 * group),
    pValues: triple(exact.pValue, 3 * group),
    ...(mc ? { monteCarlo: monteCarloBlock(mc, at) } : {}),
    weighted,
  };
}

/**
 * Histogram of percentages in 0.1-point bins centred on 0, 0.1, ..., 100 (bin k covers [k - 0.05, k + 0.05) tenths
 * of a point), binned exactly from the counts: every whole percentage is the centre of its own bin, as in
 * Kobak, Shpilkin & Pshenichnikov's figures.
 */
function histogram(counts: ArrayLike<number>, totals: ArrayLike<number>): number[] {
  const bins = new Array<number>(1001).fill(0);
  for (let i = 0; i < counts.length; i++) bins[centredCountBin(counts[i], totals[i], 1000)]++;
  return bins;
}

/** Builds the whole-table result followed by one result per region with included stations. */
export function summariseIntegerPercent(
  prepared: IntegerPercentPrepared,
  outputs: readonly Float64Array[],
): MethodResult<IntegerPercentDetails>[] {
  const { payload } = prepared;
  const exact = exactCounts(
    payload.pTurnout,
    payload.pLeader,
    payload.segmentStart,
    payload.regionCount,
    prepared.observed,
    STATS_PER_GROUP,
  );
  assert(exact.dropped < 1e-12, `integer_percent: the exact laws set aside ${exact.dropped} of their mass`);
  const mc = summarise(prepared, outputs);
  const B = payload.replicates;
  const warnings: string[] = [];
  if (B > 0 && B < 1000)
    warnings.push(`only ${B} replicates; the 99.9% threshold needs at least 1000 to be meaningful`);
  if (mc) {
    const zMean = (mc.mean[0] - prepared.exactMean[0]) / (Math.sqrt(prepared.exactVar[0] / B) || 1);
    if (Math.abs(zMean) > 5)
      warnings.push(`Monte Carlo mean differs from the exact expectation by ${zMean.toFixed(1)} standard errors`);
  }
  const common = {
    leader: prepared.leaderName,
    tolerancePercentagePoints: 0.05,
    draw: payload.draw,
    regionLevel: prepared.regionLevel,
  };
  // Seed and replicates only where randomness was used: the exact law needs none.
  const randomness = B > 0 ? { replicates: B, seed: payload.seed } : {};
  const result = (group: number, region: string, excluded: IntegerPercentPrepared['excluded']) => {
    const at = STATS_PER_GROUP * group;
    return {
      method: 'integer_percent',
      target: prepared.leaderName,
      region,
      statistic: prepared.observed[at] - prepared.exactMean[at],
      statisticName: 'excess_integer_stations',
      pValue: exact.pValue[3 * group],
      pValueKind: 'exact' as const,
      n: prepared.groupSize[group],
      excluded,
      details: { ...common, ...blocks(prepared, exact, mc, group) } as IntegerPercentDetails,
      warnings: group === 0 ? warnings : [],
      ...randomness,
    };
  };
  const whole = result(0, '', prepared.excluded);
  whole.details.histogram = {
    startPercentagePoints: -0.05,
    binWidthPercentagePoints: 0.1,
    turnout: histogram(payload.ballotsCast, payload.registered),
    leader: histogram(payload.leader, payload.ballotsFound),
  };
  const results: MethodResult<IntegerPercentDetails>[] = [whole];
  for (let r = 0; r < payload.regionCount; r++) {
    if (prepared.groupSize[1 + r] > 0) results.push(result(1 + r, prepared.regionLabels[r], []));
  }
  return results;
}

/** True for a result of integer_percent, whose details then have their declared shape. */
export function isIntegerPercentResult(result: MethodResult): result is MethodResult<IntegerPercentDetails> {
  return result.method === 'integer_percent';
}
