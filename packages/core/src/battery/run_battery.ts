/**
 * Runs a set of battery methods on every target, overall and per region of one level, in one call,
 * with a seeded nonparametric bootstrap interval for every statistic a method declares.
 */
import type { MethodResult } from '../method.ts';
import { err, ok, type Result, type TallyError } from '../result.ts';
import { createRng, deriveSeed, type Rng } from '../rng.ts';
import { regionLevelIndex, type StationTable } from '../station_table.ts';
import { drawMultinomial, percentileInterval } from './bootstrap.ts';
import type { BootstrapPlan, CellMethod, CellOutput } from './cell.ts';
import { type FastBinomial, makeFastBinomial } from './fast_binomial.ts';
import { type MomentCombo, momentBootstrap } from './moment_bootstrap.ts';
import { addShiftedSums, emptySums, type MomentSums, meanAt } from './moments.ts';
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

interface Group {
  readonly region?: string;
  readonly stations: Int32Array;
}

interface PendingCell {
  readonly method: CellMethod;
  readonly target: Target;
  readonly targetIndex: number;
  readonly group: number;
  readonly out: CellOutput;
  readonly reps: Float64Array[];
}

/** Runs `methods` overall and per region of `by`, with bootstrap intervals. */
export function runByRegion(table: StationTable, options: BatteryOptions): Result<BatteryReport> {
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
  const targets = targetsR.value;
  const groupsR = makeGroups(table, options.by, options.overall ?? true);
  if (!groupsR.ok) return groupsR;
  const groups = groupsR.value;
  const turnout = turnoutColumn(table);

  const pending: PendingCell[] = [];
  const skipped: SkippedCell[] = [];
  let cellIndex = 0;
  groups.forEach((group, g) => {
    targets.forEach((target, t) => {
      for (const method of options.methods) {
        if (method.appliesTo !== 'both' && method.appliesTo !== target.kind) continue;
        const rng = createRng(deriveSeed(seed, cellIndex++));
        const r = method.compute({ table, target, turnout, stations: group.stations, rng });
        if (!r.ok) {
          skipped.push({ method: method.id, target: target.name, region: group.region, error: r.error });
          continue;
        }
        const names = r.value.bootstrap?.names ?? [];
        const reps = names.map(() => new Float64Array(B));
        pending.push({ method, target, targetIndex: t, group: g, out: r.value, reps });
      }
    });
  });

  if (B > 0) {
    const catSeed = deriveSeed(seed, 0x7fff0001);
    pending.forEach((cell, i) => {
      const plan = cell.out.bootstrap;
      if (plan?.kind === 'categorical') {
        bootstrapCategorical(plan, cell.reps, makeFastBinomial(createRng(deriveSeed(catSeed, i))));
      }
    });
    const momSeed = deriveSeed(seed, 0x7fff0002);
    const isMoments = (c: PendingCell) => c.out.bootstrap?.kind === 'moments';
    const overall = groups.findIndex((g) => g.region === undefined);
    let covered = 0;
    for (const g of groups) if (g.region !== undefined) covered += g.stations.length;
    const stratified = overall >= 0 && groups.length > 1 && covered === table.n;
    if (stratified) {
      stratifiedMoments(groups, overall, pending.filter(isMoments), targets, turnout, B, momSeed);
    } else {
      groups.forEach((group, g) => {
        const cells = pending.filter((c) => c.group === g && isMoments(c));
        if (cells.length > 0) bootstrapMoments(group, cells, targets, turnout, B, createRng(deriveSeed(momSeed, g)));
      });
    }
  }

  const results: MethodResult[] = pending.map((cell) => {
    const o = cell.out;
    const details: Record<string, unknown> = { ...o.details };
    if (B > 0 && o.bootstrap) {
      const intervals: Record<string, unknown> = {};
      o.bootstrap.names.forEach((name, j) => {
        intervals[name] = percentileInterval(cell.reps[j], level);
      });
      details.bootstrap = { replicates: B, level, method: 'percentile', intervals };
    }
    const result: MethodResult = {
      method: cell.method.id,
      target: cell.target.name,
      region: groups[cell.group].region,
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
    return result;
  });
  return ok({
    by: options.by ?? null,
    seed,
    replicates: B,
    level,
    targets: targets.map((t) => ({
      name: t.name,
      kind: t.kind,
      nationalShare: Number.isNaN(t.nationalShare) ? null : t.nationalShare,
    })),
    results,
    skipped,
  });
}

function makeGroups(table: StationTable, by: string | undefined, overall: boolean): Result<Group[]> {
  const groups: Group[] = [];
  if (overall || by === undefined) {
    const all = new Int32Array(table.n);
    for (let i = 0; i < table.n; i++) all[i] = i;
    groups.push({ stations: all });
  }
  if (by === undefined) return ok(groups);
  const li = regionLevelIndex(table, by);
  if (li < 0) {
    const known = table.regions.map((r) => r.name).join(', ') || '(none)';
    return err({ kind: 'missing_column', message: `no region level "${by}"; levels: ${known}`, column: by });
  }
  const level = table.regions[li];
  const sizes = new Int32Array(level.labels.length);
  for (let i = 0; i < table.n; i++) if (level.codes[i] >= 0) sizes[level.codes[i]]++;
  const members = Array.from(sizes, (s) => new Int32Array(s));
  const fill = new Int32Array(level.labels.length);
  for (let i = 0; i < table.n; i++) {
    const c = level.codes[i];
    if (c >= 0) members[c][fill[c]++] = i;
  }
  level.labels.forEach((label, c) => {
    if (sizes[c] > 0) groups.push({ region: label, stations: members[c] });
  });
  return ok(groups);
}

function bootstrapCategorical(
  plan: Extract<BootstrapPlan, { kind: 'categorical' }>,
  reps: Float64Array[],
  rng: FastBinomial,
): void {
  let total = 0;
  for (let k = 0; k < plan.counts.length; k++) total += plan.counts[k];
  const draw = new Float64Array(plan.counts.length);
  const out = new Float64Array(plan.names.length);
  const B = reps.length > 0 ? reps[0].length : 0;
  for (let r = 0; r < B; r++) {
    drawMultinomial(rng, plan.counts, total, draw);
    plan.evaluate(draw, out);
    for (let j = 0; j < out.length; j++) reps[j][r] = out[j];
  }
}

function bootstrapMoments(
  group: Group,
  cells: PendingCell[],
  targets: readonly Target[],
  turnout: Float64Array,
  B: number,
  rng: Rng,
): void {
  // One draw of the group's stations per replicate, shared by every (target, variables) combination.
  const keys: string[] = [];
  const combos: MomentCombo[] = [];
  const comboOf: number[] = [];
  for (const cell of cells) {
    const plan = cell.out.bootstrap as Extract<BootstrapPlan, { kind: 'moments' }>;
    const key = `${cell.targetIndex}:${plan.x}:${plan.usesProportion}`;
    let ci = keys.indexOf(key);
    if (ci < 0) {
      const target = targets[cell.targetIndex];
      ci = keys.length;
      keys.push(key);
      combos.push({
        X: plan.x === 'turnout' ? turnout : target.proportion,
        Y: plan.usesProportion ? target.proportion : null,
      });
    }
    comboOf.push(ci);
  }
  const outs = cells.map((c) => new Float64Array(c.reps.length));
  momentBootstrap(group.stations, combos, B, rng, (r, sums) => {
    for (let k = 0; k < cells.length; k++) {
      const plan = cells[k].out.bootstrap as Extract<BootstrapPlan, { kind: 'moments' }>;
      const s = sums[comboOf[k]];
      const out = outs[k];
      if (s.w === 0) out.fill(Number.NaN);
      else plan.evaluate(s, out);
      for (let j = 0; j < out.length; j++) cells[k].reps[j][r] = out[j];
    }
  });
}

function comboKey(cell: PendingCell): string {
  const plan = cell.out.bootstrap as Extract<BootstrapPlan, { kind: 'moments' }>;
  return `${cell.targetIndex}:${plan.x}:${plan.usesProportion}`;
}

function comboFor(cell: PendingCell, targets: readonly Target[], turnout: Float64Array): MomentCombo {
  const plan = cell.out.bootstrap as Extract<BootstrapPlan, { kind: 'moments' }>;
  const target = targets[cell.targetIndex];
  return { X: plan.x === 'turnout' ? turnout : target.proportion, Y: plan.usesProportion ? target.proportion : null };
}

function evaluateInto(cell: PendingCell, s: MomentSums, out: Float64Array, r: number): void {
  const plan = cell.out.bootstrap as Extract<BootstrapPlan, { kind: 'moments' }>;
  if (s.w === 0) out.fill(Number.NaN);
  else plan.evaluate(s, out);
  for (let j = 0; j < out.length; j++) cell.reps[j][r] = out[j];
}

/**
 * With regions that partition the table, the whole-table replicate is the union of the regions'
 * replicates (a bootstrap stratified by region), so its sums are the regions' sums re-centred and
 * added: every station is drawn once per replicate instead of twice.
 */
function stratifiedMoments(
  groups: readonly Group[],
  overall: number,
  cells: PendingCell[],
  targets: readonly Target[],
  turnout: Float64Array,
  B: number,
  momSeed: number,
): void {
  const keys: string[] = [];
  const combos: MomentCombo[] = [];
  for (const cell of cells) {
    const key = comboKey(cell);
    if (!keys.includes(key)) {
      keys.push(key);
      combos.push(comboFor(cell, targets, turnout));
    }
  }
  if (combos.length === 0) return;
  const all = groups[overall].stations;
  const acc: MomentSums[][] = combos.map((c) => {
    const cx = meanAt(c.X, c.Y, all);
    const cy = c.Y ? meanAt(c.Y, c.X, all) : 0;
    return Array.from({ length: B }, () => emptySums(cx, cy));
  });
  groups.forEach((group, g) => {
    if (g === overall) return;
    const own = cells.filter((c) => c.group === g);
    const idx = own.map((c) => keys.indexOf(comboKey(c)));
    const outs = own.map((c) => new Float64Array(c.reps.length));
    momentBootstrap(group.stations, combos, B, createRng(deriveSeed(momSeed, g)), (r, sums) => {
      for (let k = 0; k < own.length; k++) evaluateInto(own[k], sums[idx[k]], outs[k], r);
      for (let ci = 0; ci < combos.length; ci++) addShiftedSums(acc[ci][r], sums[ci]);
    });
  });
  const top = cells.filter((c) => c.group === overall);
  for (const cell of top) {
    const ci = keys.indexOf(comboKey(cell));
    const out = new Float64Array(cell.reps.length);
    for (let r = 0; r < B; r++) evaluateInto(cell, acc[ci][r], out, r);
  }
}
