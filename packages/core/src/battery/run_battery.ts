/**
 * Runs a set of battery methods on every target, overall and per region of one level, in one call,
 * with a seeded nonparametric bootstrap interval for every statistic a method declares.
 */
import type { MethodResult } from '../method.ts';
import { err, ok, type Result, type TallyError } from '../result.ts';
import { createRng, deriveSeed } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { percentileInterval } from './bootstrap.ts';
import type { CellMethod } from './cell.ts';
import { bootstrapCategorical, bootstrapMoments, type Group, type PendingCell } from './cell_bootstrap.ts';
import { makeFastBinomial } from './fast_binomial.ts';
import { makeGroups } from './groups.ts';
import { selectTargets, type Target, turnoutColumn } from './targets.ts';

/** Options of a battery run. */
export interface BatteryOptions {
  readonly methods: readonly CellMethod[];
  /** Region level to split by (e.g. "region", "department"); overall only when absent. */
  readonly by?: string;
  /** Include the whole-table cells (default true). */
  readonly overall?: boolean;
  /** Candidates by source name; default: every candidate with >= minShare of the national vote. */
  readonly candidates?: readonly string[];
  readonly minShare?: number;
  /** Bootstrap replicates (default 1000; 0 = no intervals). */
  readonly bootstrap?: number;
  readonly seed?: number;
  /** Interval level (default 0.95). */
  readonly level?: number;
}

/** A cell that could not be computed, with its tagged error. */
export interface SkippedCell {
  readonly method: string;
  readonly target: string;
  readonly region?: string;
  readonly error: TallyError;
}

/** The battery's output: plain data. */
export interface BatteryReport {
  readonly by: string | null;
  readonly seed: number;
  readonly replicates: number;
  readonly level: number;
  readonly targets: readonly { name: string; kind: 'turnout' | 'candidate'; nationalShare: number | null }[];
  readonly results: readonly MethodResult[];
  readonly skipped: readonly SkippedCell[];
}

interface Prepared {
  readonly table: StationTable;
  readonly methods: readonly CellMethod[];
  readonly targets: readonly Target[];
  readonly groups: readonly Group[];
  readonly turnout: Float64Array;
  readonly B: number;
  readonly seed: number;
  readonly level: number;
  readonly by: string | undefined;
  /** Index of the whole-table group, or -1. */
  readonly overall: number;
}

function prepare(table: StationTable, options: BatteryOptions): Result<Prepared> {
  const B = options.bootstrap ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(B) || B < 0) {
    return err({
      kind: 'invalid_options',
      message: `bootstrap must be a non-negative integer, got ${B}`,
      option: 'bootstrap',
    });
  }
  if (!Number.isFinite(seed)) return err({ kind: 'invalid_options', message: 'seed must be a number', option: 'seed' });
  if (!(level > 0 && level < 1))
    return err({ kind: 'invalid_options', message: 'level must be in (0, 1)', option: 'level' });
  if (options.methods.length === 0)
    return err({ kind: 'invalid_options', message: 'no method to run', option: 'methods' });
  const targetsR = selectTargets(table, { candidates: options.candidates, minShare: options.minShare });
  if (!targetsR.ok) return targetsR;
  const groupsR = makeGroups(table, options.by, options.overall ?? true);
  if (!groupsR.ok) return groupsR;
  const groups = groupsR.value;
  return ok({
    table,
    methods: options.methods,
    targets: targetsR.value,
    groups,
    turnout: turnoutColumn(table),
    B,
    seed,
    level,
    by: options.by,
    overall: groups.findIndex((g) => g.region === undefined),
  });
}

/** Computes the cells of groups `gs` and their categorical bootstraps. Cell seeds depend only on (group, target, method). */
function computeGroups(prep: Prepared, gs: readonly number[]): { pending: PendingCell[]; skipped: SkippedCell[] } {
  const pending: PendingCell[] = [];
  const skipped: SkippedCell[] = [];
  const T = prep.targets.length;
  const M = prep.methods.length;
  const catSeed = deriveSeed(prep.seed, 0x7fff0001);
  for (const g of gs) {
    const group = prep.groups[g];
    prep.targets.forEach((target, t) => {
      prep.methods.forEach((method, m) => {
        if (method.appliesTo !== 'both' && method.appliesTo !== target.kind) return;
        const index = (g * T + t) * M + m;
        const rng = createRng(deriveSeed(prep.seed, index));
        const r = method.compute({ table: prep.table, target, turnout: prep.turnout, stations: group.stations, rng });
        if (!r.ok) {
          skipped.push({ method: method.id, target: target.name, region: group.region, error: r.error });
          return;
        }
        const names = r.value.bootstrap?.names ?? [];
        const reps = names.map(() => new Float64Array(prep.B));
        const cell: PendingCell = { method, target, targetIndex: t, group: g, out: r.value, reps };
        const plan = r.value.bootstrap;
        if (prep.B > 0 && plan?.kind === 'categorical') {
          bootstrapCategorical(plan, reps, makeFastBinomial(createRng(deriveSeed(catSeed, index))));
        }
        pending.push(cell);
      });
    });
  }
  return { pending, skipped };
}

function finalize(prep: Prepared, cells: readonly PendingCell[]): MethodResult[] {
  const { B, level, seed } = prep;
  return cells.map((cell) => {
    const o = cell.out;
    const details: Record<string, unknown> = { ...o.details };
    if (B > 0 && o.bootstrap) {
      const intervals: Record<string, unknown> = {};
      o.bootstrap.names.forEach((name, j) => {
        intervals[name] = percentileInterval(cell.reps[j], level);
      });
      details.bootstrap = { replicates: B, level, method: 'percentile', intervals };
    }
    return {
      method: cell.method.id,
      target: cell.target.name,
      region: prep.groups[cell.group].region,
      statistic: o.statistic,
      statisticName: o.statisticName,
      pValue: o.pValue,
      pValueKind: o.pValueKind,
      df: o.df,
      n: o.n,
      excluded: o.excluded,
      details,
      warnings: o.warnings,
      replicates: B > 0 && o.bootstrap ? B : o.replicates,
      seed: B > 0 && o.bootstrap ? seed : undefined,
    };
  });
}

/** What one chunk of groups returns: its finished cells. */
export interface BatteryChunkOutput {
  readonly results: MethodResult[];
  readonly skipped: SkippedCell[];
}

/** The structured-clonable part of a plan that a chunk needs besides the table and the methods. */
export interface BatteryChunkSpec {
  /** Group index ranges [from, to) per chunk: the whole table alone first (when it is a group), then the regions. */
  readonly ranges: readonly (readonly [number, number])[];
}

/**
 * Bootstraps the moment-based cells of groups `gs`, each group resampling its own stations from the stream
 * deriveSeed(momSeed, g). The whole table is group 0 whether or not regions follow, so its interval is the plain
 * station bootstrap and does not depend on `by`; a region's cells resample within the region.
 */
function bootstrapMomentGroups(prep: Prepared, pending: readonly PendingCell[], gs: readonly number[]): void {
  if (prep.B === 0) return;
  const momSeed = deriveSeed(prep.seed, 0x7fff0002);
  for (const g of gs) {
    const cells = pending.filter((c) => c.group === g && c.out.bootstrap?.kind === 'moments');
    if (cells.length > 0) {
      bootstrapMoments(prep.groups[g], cells, prep.targets, prep.turnout, prep.B, createRng(deriveSeed(momSeed, g)));
    }
  }
}

function runChunk(prep: Prepared, spec: BatteryChunkSpec, chunk: number): BatteryChunkOutput {
  const [from, to] = spec.ranges[chunk];
  const gs: number[] = [];
  for (let g = from; g < to; g++) gs.push(g);
  const { pending, skipped } = computeGroups(prep, gs);
  bootstrapMomentGroups(prep, pending, gs);
  return { results: finalize(prep, pending), skipped };
}

/** A battery run split into chunks of groups, which may run anywhere (e.g. worker threads). */
export interface BatteryPlan {
  readonly spec: BatteryChunkSpec;
  /** Runs chunk `c` in this thread. */
  runChunk(c: number): BatteryChunkOutput;
  /** Merges the chunk outputs (in chunk order) into the report. */
  finish(outputs: readonly BatteryChunkOutput[]): BatteryReport;
}

/**
 * A region group's work in stations' worth: its stations (the moment bootstrap and the point estimates) plus a part
 * per group (its cells' multinomial bootstraps and intervals), which costs about as much as 600 stations (russia-2018
 * at B = 1000: 23 ms a group + 36 us a station).
 */
function groupWork(group: Group): number {
  return group.stations.length + 600;
}

/**
 * Splits consecutive groups into at most `chunks` contiguous ranges, each holding at least one group, whose work
 * (groupWork) shrinks from the first range to the last in the ratio chunks : chunks - 1 : ... : 1. Workers take the
 * chunks in order, so the small ones come last and the threads finish close together.
 */
function balancedRanges(gs: readonly number[], groups: readonly Group[], chunks: number): [number, number][] {
  const k = Math.max(1, Math.min(chunks, gs.length));
  let total = 0;
  for (const g of gs) total += groupWork(groups[g]);
  // Range r's share is (k - r) / (k (k + 1) / 2); `closeAt(r)` is the work done when range r closes.
  const closeAt = (r: number) => (total * ((r + 1) * k - (r * (r + 1)) / 2)) / ((k * (k + 1)) / 2);
  const ranges: [number, number][] = [];
  let start = 0;
  let seen = 0;
  for (let i = 0; i < gs.length; i++) {
    seen += groupWork(groups[gs[i]]);
    const left = gs.length - (i + 1);
    const chunksLeft = k - ranges.length - 1;
    // Close the range once it reaches its share of the work, leaving a group for every range still to come.
    if ((seen >= closeAt(ranges.length) && left >= chunksLeft) || left === chunksLeft) {
      ranges.push([gs[start], gs[i] + 1]);
      start = i + 1;
      if (ranges.length === k) break;
    }
  }
  return ranges;
}

/**
 * Plans a battery run: the whole table is one chunk of its own (its station bootstrap is as long as all the regions'
 * together, so it runs beside them rather than before or after), and the region groups are split into at most
 * `chunks` contiguous ranges. Results do not depend on the chunk count.
 */
export function planBattery(table: StationTable, options: BatteryOptions, chunks = 1): Result<BatteryPlan> {
  const prepR = prepare(table, options);
  if (!prepR.ok) return prepR;
  const prep = prepR.value;
  const regionGroups: number[] = [];
  prep.groups.forEach((_, g) => {
    if (g !== prep.overall) regionGroups.push(g);
  });
  const ranges: [number, number][] = [];
  if (prep.overall >= 0) ranges.push([prep.overall, prep.overall + 1]);
  for (const range of balancedRanges(regionGroups, prep.groups, chunks)) ranges.push(range);
  const spec: BatteryChunkSpec = { ranges };
  return ok({
    spec,
    runChunk: (c) => runChunk(prep, spec, c),
    finish(outputs) {
      // Chunks hold groups in order, the whole table first: the report lists its cells first.
      const results: MethodResult[] = [];
      const skipped: SkippedCell[] = [];
      for (const o of outputs) {
        for (const item of o.results) results.push(item);
        for (const item of o.skipped) skipped.push(item);
      }
      return {
        by: prep.by ?? null,
        seed: prep.seed,
        replicates: prep.B,
        level: prep.level,
        targets: prep.targets.map((t) => ({
          name: t.name,
          kind: t.kind,
          nationalShare: Number.isNaN(t.nationalShare) ? null : t.nationalShare,
        })),
        results,
        skipped,
      };
    },
  });
}

/**
 * Runs the chunks of a battery planned elsewhere (e.g. by the parent of a worker thread) from the plan's spec. Same
 * outputs as the plan's runChunk.
 */
export function batteryChunkRunner(
  table: StationTable,
  options: BatteryOptions,
  spec: BatteryChunkSpec,
): Result<(chunk: number) => BatteryChunkOutput> {
  const prep = prepare(table, options);
  if (!prep.ok) return prep;
  return ok((chunk) => runChunk(prep.value, spec, chunk));
}

/** Runs `methods` overall and per region of `by`, with bootstrap intervals, in this thread. */
export function runByRegion(table: StationTable, options: BatteryOptions): Result<BatteryReport> {
  const plan = planBattery(table, options, 1);
  if (!plan.ok) return plan;
  const outputs = plan.value.spec.ranges.map((_, c) => plan.value.runChunk(c));
  return ok(plan.value.finish(outputs));
}
