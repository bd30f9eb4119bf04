/** Reduction of the integer-percentage Monte Carlo into results (Kobak et al. 2016). */
import { assert } from '../assert.ts';
import type { MethodResult } from '../method.ts';
import { centredCountBin } from '../numeric/binning.ts';
import { quantileSorted } from '../numeric/stats.ts';
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

/** Observed, expected and threshold counts of integer-percentage stations, unweighted or weighted. */
export type IntegerPercentBlock = {
  observed: Triple;
  /** Monte Carlo mean. */
  expected: Triple;
  excess: Triple;
  sd: Triple;
  /** 99.9% quantile of the Monte Carlo. */
  threshold: Triple;
  pValues: Triple;
  exact: { expected: Triple; sd: Triple };
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

function summarise(prepared: IntegerPercentPrepared, outputs: readonly Float64Array[]): McSummary {
  const groups = 1 + prepared.payload.regionCount;
  const width = STATS_PER_GROUP * groups;
  const B = prepared.payload.replicates;
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

function block(prepared: IntegerPercentPrepared, mc: McSummary, at: number): IntegerPercentBlock {
  return {
    observed: triple(prepared.observed, at),
    expected: triple(mc.mean, at),
    excess: diff(prepared.observed, mc.mean, at),
    sd: triple(mc.sd, at),
    threshold: triple(mc.q999, at),
    pValues: triple(mc.p, at),
    exact: { expected: triple(prepared.exactMean, at), sd: sqrtTriple(prepared.exactVar, at) },
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

function groupDetails(
  prepared: IntegerPercentPrepared,
  mc: McSummary,
  group: number,
): IntegerPercentBlock & { weighted: IntegerPercentBlock } {
  const at = STATS_PER_GROUP * group;
  const unweighted = block(prepared, mc, at);
  return { ...unweighted, weighted: block(prepared, mc, at + 3) };
}

/** Builds the whole-table result followed by one result per region with included stations. */
export function summariseIntegerPercent(
  prepared: IntegerPercentPrepared,
  outputs: readonly Float64Array[],
): MethodResult<IntegerPercentDetails>[] {
  const mc = summarise(prepared, outputs);
  const B = prepared.payload.replicates;
  const warnings: string[] = [];
  if (B < 1000) warnings.push(`only ${B} replicates; the 99.9% threshold needs at least 1000 to be meaningful`);
  const zMean = (mc.mean[0] - prepared.exactMean[0]) / (Math.sqrt(prepared.exactVar[0] / B) || 1);
  if (Math.abs(zMean) > 5)
    warnings.push(`Monte Carlo mean differs from the exact expectation by ${zMean.toFixed(1)} standard errors`);
  const common = {
    leader: prepared.leaderName,
    tolerancePercentagePoints: 0.05,
    draw: prepared.payload.draw,
    regionLevel: prepared.regionLevel,
  };
  const results: MethodResult<IntegerPercentDetails>[] = [
    {
      method: 'integer_percent',
      target: prepared.leaderName,
      region: '',
      statistic: prepared.observed[0] - mc.mean[0],
      statisticName: 'excess_integer_stations',
      pValue: mc.p[0],
      pValueKind: 'monte_carlo',
      n: prepared.groupSize[0],
      excluded: prepared.excluded,
      details: {
        ...common,
        ...groupDetails(prepared, mc, 0),
        histogram: {
          startPercentagePoints: -0.05,
          binWidthPercentagePoints: 0.1,
          turnout: histogram(prepared.payload.ballotsCast, prepared.payload.registered),
          leader: histogram(prepared.payload.leader, prepared.payload.ballotsFound),
        },
      },
      warnings,
      replicates: B,
      seed: prepared.payload.seed,
    },
  ];
  for (let r = 0; r < prepared.payload.regionCount; r++) {
    const g = 1 + r;
    if (prepared.groupSize[g] === 0) continue;
    const at = STATS_PER_GROUP * g;
    results.push({
      method: 'integer_percent',
      target: prepared.leaderName,
      region: prepared.regionLabels[r],
      statistic: prepared.observed[at] - mc.mean[at],
      statisticName: 'excess_integer_stations',
      pValue: mc.p[at],
      pValueKind: 'monte_carlo',
      n: prepared.groupSize[g],
      excluded: [],
      details: { ...common, ...groupDetails(prepared, mc, g) },
      warnings: [],
      replicates: B,
      seed: prepared.payload.seed,
    });
  }
  return results;
}

/** True for a result of integer_percent, whose details then have their declared shape. */
export function isIntegerPercentResult(result: MethodResult): result is MethodResult<IntegerPercentDetails> {
  return result.method === 'integer_percent';
}
