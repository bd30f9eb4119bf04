/// <reference path="../import_meta.d.ts" />
/**
 * Integer percentages (Kobak, Shpilkin & Pshenichnikov, "Integer percentages as electoral
 * falsification fingerprints", Annals of Applied Statistics 10(1):54-73, 2016).
 *
 * What it detects: more stations than chance allows whose turnout or leader share is a whole
 * percentage (within 0.05 percentage points), the trace of results written to a target figure.
 * Null hypothesis: each station's ballots issued and leader votes are what they are up to binomial
 * noise: ballots issued ~ Binomial(registered, observed turnout) and leader votes ~ Binomial(ballots
 * found, observed leader share), independently across stations. Under it, the number of whole
 * percentages is a Poisson-binomial count whose exact law gives the p-values (integer_percent_exact.ts).
 * The Monte Carlo redraw (option replicates, default 0 = none) adds the counts weighted by registered
 * voters, whose law is not computed exactly, and a cross-check of the exact law.
 * Inclusion (as in the paper): ballots found > 0, registered >= 100, turnout <= 0.99, leader
 * share <= 0.99. Turnout = ballots issued (ballotsCast) / registered; leader share = leader votes /
 * ballots found, whatever the official share denominator.
 * Innocent reasons to reject: very small stations where a whole percent is a common fraction (the
 * redraw accounts for this; the >= 100 registered rule limits it), data entry that rounds figures,
 * duplicated rows. The excess counts stations; it is not a count of manipulated stations.
 */

import { type ChunkedForensicMethod, type ChunkedStage, runPlanInProcess } from '../chunked.ts';
import type { BaseMethodOptions, MethodResult } from '../method.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { candidateOrLeaderIndex, type StationTable } from '../station_table.ts';
import {
  chunkCount,
  type IntegerPercentPayload,
  integerPercentChunk,
  integerPercentProbabilities,
  isIntegerPercent,
  probabilityChunkCount,
  type StationCounts,
} from './integer_percent_sim.ts';
import {
  type IntegerPercentDetails,
  type IntegerPercentPrepared,
  summariseIntegerPercent,
} from './integer_percent_summary.ts';

export type { IntegerPercentPrepared };
export { isIntegerPercent };

/** Options of the integer-percentage method. */
export interface IntegerPercentOptions extends BaseMethodOptions {
  /** Region level for per-region results; '' = the widest level with two or more labels; 'none' = off. */
  regionLevel?: string;
  /** 'indicator' (default) or 'binomial': how each Monte Carlo replicate redraws a station (same distribution). */
  draw?: 'indicator' | 'binomial';
}

/** No Monte Carlo unless asked for: the counts' p-values are exact. */
const DEFAULT_REPLICATES = 0;

/**
 * The paper's inclusion rules: ballots found > 0, registered >= 100, turnout <= 0.99 and leader share <= 0.99 (with
 * whole, non-negative counts). The kept stations in table order, and the count left out for each reason.
 */
export function integerPercentInclusion(
  table: StationTable,
  leaderVotes: Float64Array,
): { keep: number[]; excluded: { reason: string; count: number }[] } {
  const reasons = [
    'missing or non-integer counts',
    'no ballots found',
    'fewer than 100 registered',
    'turnout above 99%',
    'leader share above 99%',
  ];
  const excludedCounts = new Array<number>(reasons.length).fill(0);
  const keep: number[] = [];
  for (let i = 0; i < table.n; i++) {
    const v = table.registered[i];
    const g = table.ballotsCast[i];
    const r = table.ballotsFound[i];
    const l = leaderVotes[i];
    let why = -1;
    if (!isCount(v) || !isCount(g) || !isCount(r) || !isCount(l)) why = 0;
    else if (r <= 0) why = 1;
    else if (v < 100) why = 2;
    else if (g / v > 0.99) why = 3;
    else if (l / r > 0.99) why = 4;
    if (why >= 0) excludedCounts[why]++;
    else keep.push(i);
  }
  const excluded = reasons.map((reason, k) => ({ reason, count: excludedCounts[k] })).filter((e) => e.count > 0);
  return { keep, excluded };
}

/** The included stations, sorted by region, before their exact probabilities are known. */
interface IntegerPercentSelection {
  readonly seed: number;
  readonly replicates: number;
  readonly draw: 'indicator' | 'binomial';
  readonly keep: readonly number[];
  readonly level: StationTable['regions'][number] | null;
  readonly leaderName: string;
  readonly excluded: { reason: string; count: number }[];
  readonly counts: StationCounts;
  readonly segmentStart: Int32Array;
  readonly regionCount: number;
}

/** Validates options and the table, filters stations, computes observed and exact figures. */
export function prepareIntegerPercent(
  table: StationTable,
  options: IntegerPercentOptions,
  seed: number,
): Result<IntegerPercentPrepared> {
  const selected = selectIntegerPercent(table, options, seed);
  if (!selected.ok) return selected;
  const counts = selected.value.counts;
  const ranges = probabilityChunkCount(counts.registered.length);
  const outputs = Array.from({ length: ranges }, (_, c) => integerPercentProbabilities(counts, c));
  return ok(withProbabilities(selected.value, outputs));
}

function selectIntegerPercent(
  table: StationTable,
  options: IntegerPercentOptions,
  seed: number,
): Result<IntegerPercentSelection> {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  if (!Number.isInteger(replicates) || replicates < 0 || replicates === 1)
    return err({ kind: 'invalid_options', option: 'replicates', message: 'replicates must be 0 or an integer >= 2' });
  const draw = options.draw ?? 'indicator';
  if (draw !== 'indicator' && draw !== 'binomial')
    return err({ kind: 'invalid_options', option: 'draw', message: "draw must be 'indicator' or 'binomial'" });
  if (table.n === 0) return err({ kind: 'insufficient_data', message: 'the table has no stations', needed: 1, got: 0 });
  if (table.candidates.length === 0)
    return err({ kind: 'missing_column', column: 'candidates', message: 'integer_percent needs candidate votes' });
  const leaderIndex = candidateOrLeaderIndex(table, options.candidate);
  if (leaderIndex < 0)
    return err({ kind: 'invalid_options', option: 'candidate', message: `no candidate named "${options.candidate}"` });
  const level = resolveRegionLevel(table, options.regionLevel ?? '');
  if (level === undefined)
    return err({ kind: 'invalid_options', option: 'regionLevel', message: `no region level "${options.regionLevel}"` });

  const leaderVotes = table.candidates[leaderIndex].votes;
  const { keep, excluded } = integerPercentInclusion(table, leaderVotes);
  const m = keep.length;
  if (m === 0)
    return err({ kind: 'insufficient_data', message: 'no station passes the inclusion rules', needed: 1, got: 0 });

  const regionCount = level ? level.labels.length : 0;
  // Stations sorted by region (stable) so each replicate sums a region as one contiguous run.
  const segmentStart = new Int32Array(Math.max(1, regionCount) + 1);
  if (level) {
    for (const i of keep) segmentStart[level.codes[i] + 1]++;
    for (let g = 0; g < regionCount; g++) segmentStart[g + 1] += segmentStart[g];
    const next = segmentStart.slice(0, regionCount);
    const sorted = new Array<number>(m);
    for (const i of keep) sorted[next[level.codes[i]]++] = i;
    // An element-wise copy: spreading a million arguments overflows the call stack.
    for (let j = 0; j < m; j++) keep[j] = sorted[j];
  } else segmentStart[1] = m;
  const registered = new Float64Array(m);
  const ballotsCast = new Float64Array(m);
  const ballotsFound = new Float64Array(m);
  const leader = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const i = keep[j];
    registered[j] = table.registered[i];
    ballotsCast[j] = table.ballotsCast[i];
    ballotsFound[j] = table.ballotsFound[i];
    leader[j] = leaderVotes[i];
  }
  return ok({
    seed,
    replicates,
    draw,
    keep,
    level,
    leaderName: table.candidates[leaderIndex].name,
    excluded,
    counts: { registered, ballotsCast, ballotsFound, leader },
    segmentStart,
    regionCount,
  });
}

/**
 * The prepared run from the selection and the exact probabilities (chunk outputs in order): observed and exact
 * figures summed station by station in the same order whatever the number of threads, so the sums are identical.
 */
function withProbabilities(
  selection: IntegerPercentSelection,
  outputs: readonly Float64Array[],
): IntegerPercentPrepared {
  const { keep, level, regionCount, counts } = selection;
  const { registered, ballotsCast, ballotsFound, leader } = counts;
  const m = keep.length;
  const groups = 1 + regionCount;
  const pTurnout = new Float64Array(m);
  const pLeader = new Float64Array(m);
  let at = 0;
  for (const out of outputs) {
    const half = out.length / 2;
    pTurnout.set(out.subarray(0, half), at);
    pLeader.set(out.subarray(half), at);
    at += half;
  }
  const observed = new Float64Array(6 * groups);
  const exactMean = new Float64Array(6 * groups);
  const exactVar = new Float64Array(6 * groups);
  const groupSize = new Int32Array(groups);
  const sums = { observed, exactMean, exactVar };
  for (let j = 0; j < m; j++) {
    const v = registered[j];
    const g = ballotsCast[j];
    const r = ballotsFound[j];
    const l = leader[j];
    const pt = pTurnout[j];
    const pl = pLeader[j];
    const it = isIntegerPercent(g, v);
    const il = isIntegerPercent(l, r);
    const pe = pt + pl - pt * pl;
    const code = level ? level.codes[keep[j]] : -1;
    // The whole table (group 0), then the station's region.
    groupSize[0]++;
    addStation(sums, 0, v, it, il, pe, pl, pt);
    if (code >= 0) {
      groupSize[1 + code]++;
      addStation(sums, 6 * (1 + code), v, it, il, pe, pl, pt);
    }
  }
  return {
    payload: {
      seed: selection.seed,
      replicates: selection.replicates,
      draw: selection.draw,
      registered,
      ballotsCast,
      ballotsFound,
      leader,
      pTurnout,
      pLeader,
      segmentStart: selection.segmentStart,
      regionCount,
    },
    leaderName: selection.leaderName,
    regionLevel: level ? level.name : null,
    regionLabels: level ? level.labels : [],
    excluded: selection.excluded,
    observed,
    exactMean,
    exactVar,
    groupSize,
  };
}

/**
 * Adds one station to the group whose six statistics start at offset o: either / leader / turnout, unweighted then
 * weighted by registered voters `v`; observed hits and the exact mean and variance of the whole-percent indicators.
 */
function addStation(
  sums: { observed: Float64Array; exactMean: Float64Array; exactVar: Float64Array },
  o: number,
  v: number,
  turnoutHit: boolean,
  leaderHit: boolean,
  pEither: number,
  pLeader: number,
  pTurnout: number,
): void {
  addIndicator(sums, o, v, turnoutHit || leaderHit, pEither);
  addIndicator(sums, o + 1, v, leaderHit, pLeader);
  addIndicator(sums, o + 2, v, turnoutHit, pTurnout);
}

function addIndicator(
  sums: { observed: Float64Array; exactMean: Float64Array; exactVar: Float64Array },
  at: number,
  v: number,
  hit: boolean,
  p: number,
): void {
  if (hit) {
    sums.observed[at] += 1;
    sums.observed[at + 3] += v;
  }
  sums.exactMean[at] += p;
  sums.exactMean[at + 3] += v * p;
  sums.exactVar[at] += p * (1 - p);
  sums.exactVar[at + 3] += v * v * p * (1 - p);
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}

function resolveRegionLevel(table: StationTable, name: string): StationTable['regions'][number] | null | undefined {
  if (name === 'none') return null;
  if (name === '') return table.regions.find((r) => r.labels.length >= 2) ?? null;
  return table.regions.find((r) => r.name === name);
}

/**
 * Plans the run: the exact probabilities are a first stage, by station range (on workers when the run has them),
 * then the Monte Carlo, which has no chunks when replicates = 0; the exact laws are computed in `finish`. The base
 * seed is the first draw from `rng` either way.
 */
export function planIntegerPercent(
  table: StationTable,
  options: IntegerPercentOptions,
  rng: Rng,
): Result<ChunkedStage<IntegerPercentDetails>> {
  const seed = rng.nextUint32();
  const selected = selectIntegerPercent(table, options, seed);
  if (!selected.ok) return selected;
  const selection = selected.value;
  return ok({
    payload: selection.counts,
    chunks: probabilityChunkCount(selection.counts.registered.length),
    next: (outputs: readonly unknown[]) => {
      const p = withProbabilities(selection, outputs as readonly Float64Array[]);
      return ok({
        payload: p.payload,
        chunks: chunkCount(p.payload.replicates),
        finish: (mc: readonly unknown[]) => ok(summariseIntegerPercent(p, mc as readonly Float64Array[])),
      });
    },
  });
}

/** Excess of whole-number turnout and leader-share percentages over their exact binomial null. */
export const integerPercentMethod: ChunkedForensicMethod<IntegerPercentOptions, IntegerPercentDetails> = {
  id: 'integer_percent',
  title: 'Integer percentages (Kobak et al.)',
  family: 'integer_percent',
  question: 'Do whole-number percentages of turnout or share occur more often than among comparable stations?',
  reference:
    'Kobak, D., Shpilkin, S. & Pshenichnikov, M. S. (2016). Integer percentages as electoral falsification fingerprints. Annals of Applied Statistics 10(1), 54-73. doi:10.1214/16-AOAS904',
  summary:
    'More stations than binomial chance allows report a whole-number turnout or leader share; figures written to a target leave this trace, but rounding in data entry can too.',
  requires: ['registered', 'ballotsCast', 'ballotsFound', 'candidates'],
  options: [
    {
      name: 'candidate',
      description: 'Leader candidate (default: most votes nationally)',
      type: 'string',
      default: '',
    },
    {
      name: 'replicates',
      description:
        'Monte Carlo replicates, for the counts weighted by registered voters and a check of the exact law (0 = none)',
      type: 'number',
      default: DEFAULT_REPLICATES,
    },
    {
      name: 'regionLevel',
      description: "Region level for per-region results ('' = widest level with 2+ labels, 'none' = off)",
      type: 'string',
      default: '',
    },
    {
      name: 'draw',
      description: "Redraw per replicate: 'indicator' or 'binomial'",
      type: 'string',
      default: 'indicator',
    },
  ],
  chunked: {
    module: import.meta.url,
    exportName: 'integerPercentChunk',
    plan: planIntegerPercent,
    chunk: (payload, chunkIndex) => integerPercentChunk(payload as IntegerPercentPayload | StationCounts, chunkIndex),
    // Without a Monte Carlo the exact probabilities take about 0.1 s on 100,000 stations: less than starting workers.
    repaysThreads: (options) => (options.replicates ?? DEFAULT_REPLICATES) > 0,
  },
  run(table: StationTable, options: IntegerPercentOptions, rng: Rng): Result<MethodResult<IntegerPercentDetails>[]> {
    return runPlanInProcess(integerPercentMethod.chunked, table, options, rng);
  },
};

export { integerPercentChunk };
export {
  type IntegerPercentBlock,
  type IntegerPercentDetails,
  type IntegerPercentHistogram,
  isIntegerPercentResult,
} from './integer_percent_summary.ts';
