/**
 * Sensitivity of the late-count headline numbers to the modelling choices a critic would try: the
 * projected final margin with its interval and the share of simulations at or above the threshold
 * (counterfactual projection), and the jump at the cutoff with its placebo p-value (discontinuity).
 * One choice is changed at a time from the baseline (the defaults, or the options given), as in a
 * "specification curve" (Simonsohn, Simmons & Nelson 2020, Nature Human Behaviour 4:1208-1214), and
 * the spread of each number over the rows is returned. Each row has its own seed derived from the seed.
 */
import { type ProjectionOptions, projectCount } from '../methods/counterfactual_projection.ts';
import { type DiscontinuityOptions, discontinuityAt } from '../methods/discontinuity.ts';
import { err, ok, type Result } from '../result.ts';
import { createRng, deriveSeed } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { buildCountView, type CountView, type CutoffSpec } from './count_view.ts';

/** Options of the sensitivity table. */
export interface SensitivityOptions {
  readonly candidates?: readonly string[];
  /** Baseline projection options (sims default 500). */
  readonly projection?: ProjectionOptions;
  /** Baseline discontinuity options (the fixed-effects repeat is not run). */
  readonly discontinuity?: DiscontinuityOptions;
  /** Other cutoffs to try, with labels (the baseline cutoff is always the first row). */
  readonly cutoffs?: readonly { readonly label: string; readonly cutoff: CutoffSpec }[];
  /** Other arrival orders to try: the same final table with another arrival column. */
  readonly arrivalOrders?: readonly { readonly label: string; readonly table: StationTable }[];
  readonly seed?: number;
}

/** One row: the choice changed, and the headline numbers under it. */
export interface SensitivityRow {
  /** Which choice ("baseline", "rule", "scale", "minDonors", "weighting", "bandwidth", "arrival order", "cutoff"). */
  readonly choice: string;
  /** Its setting in words, e.g. "mean" or "percentile 90". */
  readonly setting: string;
  readonly median: number | null;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly shareAbove: number | null;
  readonly jump: number | null;
  readonly jumpPValue: number | null;
  /** Why a part did not run under this choice (e.g. a discontinuity refused for coarse arrival). */
  readonly notes: readonly string[];
}

/** Smallest and largest value of a number over the rows where it ran (null when it never ran). */
export interface Spread {
  readonly min: number | null;
  readonly max: number | null;
}

/** The table and the spread of each headline number. */
export interface SensitivityTable {
  readonly threshold: number;
  readonly rows: readonly SensitivityRow[];
  readonly spread: {
    readonly median: Spread;
    readonly lo: Spread;
    readonly hi: Spread;
    readonly shareAbove: Spread;
    readonly jump: Spread;
  };
  readonly seed: number;
}

interface Variant {
  readonly choice: string;
  readonly setting: string;
  readonly table: StationTable;
  readonly cutoff: CutoffSpec;
  readonly projection: ProjectionOptions;
  readonly discontinuity: DiscontinuityOptions;
  /** Discontinuity bandwidth as a multiple of the baseline's (which is known once the baseline ran). */
  readonly bandwidthFactor?: number;
}

/** The variants: baseline, then one choice changed at a time. */
function variants(final: StationTable, cutoff: CutoffSpec, o: SensitivityOptions): Variant[] {
  const projection: ProjectionOptions = { sims: 500, ...o.projection };
  const discontinuity: DiscontinuityOptions = { feLevel: 'none', ...o.discontinuity };
  const base: Variant = { choice: 'baseline', setting: 'defaults', table: final, cutoff, projection, discontinuity };
  const out: Variant[] = [base];
  const rule = projection.rule ?? 'donor';
  const scale = projection.scale ?? 'registered';
  const minDonors = projection.minDonors ?? 3;
  const lateShift = projection.lateShift ?? 'calibrated';
  const p = (choice: string, setting: string, change: ProjectionOptions): Variant => ({
    ...base,
    choice,
    setting,
    projection: { ...projection, ...change },
  });
  out.push(p('rule', rule === 'donor' ? 'mean' : 'donor', { rule: rule === 'donor' ? 'mean' : 'donor' }));
  out.push(
    p('scale', scale === 'registered' ? 'none' : 'registered', {
      scale: scale === 'registered' ? 'none' : 'registered',
    }),
  );
  for (const m of [1, 10]) if (m !== minDonors) out.push(p('minDonors', String(m), { minDonors: m }));
  out.push(
    p('weighting', lateShift === 'calibrated' ? 'late stations exchangeable' : 'late shift calibrated', {
      lateShift: lateShift === 'calibrated' ? 'none' : 'calibrated',
    }),
  );
  out.push(p('weighting', 'no donor resampling', { resample: false }));
  if (discontinuity.bandwidth === undefined)
    for (const f of [0.5, 2])
      out.push({ ...base, choice: 'bandwidth', setting: `${f} x baseline`, bandwidthFactor: f });
  for (const a of o.arrivalOrders ?? [])
    out.push({ ...base, choice: 'arrival order', setting: a.label, table: a.table });
  for (const c of o.cutoffs ?? []) out.push({ ...base, choice: 'cutoff', setting: c.label, cutoff: c.cutoff });
  return out;
}

function spread(values: readonly (number | null)[]): Spread {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length === 0 ? { min: null, max: null } : { min: Math.min(...v), max: Math.max(...v) };
}

/** What a sensitivity table is computed from; its parts (below) can run on other threads. */
export interface SensitivityInput {
  readonly final: StationTable;
  readonly cutoff: CutoffSpec;
  readonly options: SensitivityOptions;
}

/** The variants of a table and the views they share: each distinct (table, cutoff) is built once. */
interface SensitivityPlan {
  readonly variants: readonly Variant[];
  readonly viewOf: (table: StationTable, at: CutoffSpec) => Result<CountView>;
}

// A thread that runs several parts of one input plans it once (the input object is the key: one structured clone
// keeps one object for all the parts of a payload). Plans and views are pure functions of the input.
const plans = new WeakMap<SensitivityInput, Result<SensitivityPlan>>();

function planOf(input: SensitivityInput): Result<SensitivityPlan> {
  const kept = plans.get(input);
  if (kept) return kept;
  const plan = makePlan(input);
  plans.set(input, plan);
  return plan;
}

function makePlan({ final, cutoff, options }: SensitivityInput): Result<SensitivityPlan> {
  const base = buildCountView(final, cutoff, options.candidates);
  if (!base.ok) return base;
  for (const a of options.arrivalOrders ?? [])
    if (a.table.n !== final.n || a.table.ids.some((id, i) => id !== final.ids[i]))
      return err({
        kind: 'invalid_options',
        option: 'arrivalOrders',
        message: `arrival order "${a.label}" must be the same stations, in the same order, as the final table`,
      });
  const names = [base.value.pair.nameA, base.value.pair.nameB];
  // Rows that change only the projection share their view and their discontinuity with the baseline.
  const views = new Map<StationTable, Map<CutoffSpec, Result<CountView>>>();
  const viewOf = (table: StationTable, at: CutoffSpec) => {
    const byCutoff = views.get(table) ?? new Map<CutoffSpec, Result<CountView>>();
    views.set(table, byCutoff);
    const kept = byCutoff.get(at) ?? buildCountView(table, at, names);
    byCutoff.set(at, kept);
    return kept;
  };
  return ok({ variants: variants(final, cutoff, options), viewOf });
}

/** How many rows the table of `input` has. */
export function sensitivityRowCount(input: SensitivityInput): number {
  return variants(input.final, input.cutoff, input.options).length;
}

/** The projection's part of a row: its headline numbers, or why it did not run. */
export type SensitivityProjectionPart =
  | { readonly viewError: string }
  | { readonly note: string }
  | { readonly median: number; readonly lo: number; readonly hi: number; readonly shareAbove: number };

/** The projection of row `k` (seeded by the row). */
export function sensitivityProjectionRow(input: SensitivityInput, k: number): SensitivityProjectionPart {
  const plan = planOf(input);
  if (!plan.ok) return { viewError: plan.error.message };
  const v = plan.value.variants[k];
  const view = plan.value.viewOf(v.table, v.cutoff);
  if (!view.ok) return { viewError: view.error.message };
  const p = projectCount(view.value, v.projection, createRng(deriveSeed(input.options.seed ?? 1, k)));
  if (!p.ok) return { note: `projection: ${p.error.message}` };
  return { median: p.value.median, lo: p.value.lo, hi: p.value.hi, shareAbove: p.value.shareAbove };
}

/** The discontinuity's part of a row. */
export interface SensitivityJumpPart {
  readonly jump: number | null;
  readonly jumpPValue: number | null;
  readonly note: string | null;
}

/**
 * The discontinuity of every row, in row order (the bandwidth rows scale the baseline's bandwidth): one part, as the
 * rows share their fits. An error when the table cannot be planned (the pair, or an arrival order of other stations).
 */
export function sensitivityJumps(input: SensitivityInput): Result<SensitivityJumpPart[]> {
  const plan = planOf(input);
  if (!plan.ok) return plan;
  let baselineBandwidth: number | null = null;
  const jumps = new Map<CountView, Map<string, ReturnType<typeof discontinuityAt>>>();
  const jumpOf = (view: CountView, o: DiscontinuityOptions) => {
    const byOptions = jumps.get(view) ?? new Map<string, ReturnType<typeof discontinuityAt>>();
    jumps.set(view, byOptions);
    const key = JSON.stringify(o);
    const kept = byOptions.get(key) ?? discontinuityAt(view, o);
    byOptions.set(key, kept);
    return kept;
  };
  const parts = plan.value.variants.map((v, k): SensitivityJumpPart => {
    const view = plan.value.viewOf(v.table, v.cutoff);
    if (!view.ok) return { jump: null, jumpPValue: null, note: null };
    const factor = v.bandwidthFactor;
    if (factor !== undefined && baselineBandwidth === null)
      return { jump: null, jumpPValue: null, note: 'discontinuity: the baseline did not run' };
    if (view.value.position === null) return { jump: null, jumpPValue: null, note: 'discontinuity: no arrival order' };
    const discontinuity: DiscontinuityOptions =
      factor !== undefined && baselineBandwidth !== null
        ? { ...v.discontinuity, bandwidth: factor * baselineBandwidth }
        : v.discontinuity;
    const d = jumpOf(view.value, discontinuity);
    if (!d.ok) return { jump: null, jumpPValue: null, note: `discontinuity: ${d.error.message}` };
    if (k === 0) baselineBandwidth = d.value.bandwidth;
    return { jump: d.value.estimate, jumpPValue: d.value.pValue, note: null };
  });
  return ok(parts);
}

/** The table from its parts: the projection of each row (in row order) and the rows' discontinuities. */
export function sensitivityFromParts(
  input: SensitivityInput,
  projections: readonly SensitivityProjectionPart[],
  jumps: Result<readonly SensitivityJumpPart[]>,
): Result<SensitivityTable> {
  if (!jumps.ok) return jumps;
  const rows = variants(input.final, input.cutoff, input.options).map((v, k): SensitivityRow => {
    const p = projections[k];
    const none = { median: null, lo: null, hi: null, shareAbove: null };
    if ('viewError' in p)
      return { choice: v.choice, setting: v.setting, ...none, jump: null, jumpPValue: null, notes: [p.viewError] };
    const j = jumps.value[k];
    const notes = [...('note' in p ? [p.note] : []), ...(j.note === null ? [] : [j.note])];
    const numbers = 'note' in p ? none : { median: p.median, lo: p.lo, hi: p.hi, shareAbove: p.shareAbove };
    return { choice: v.choice, setting: v.setting, ...numbers, jump: j.jump, jumpPValue: j.jumpPValue, notes };
  });
  return ok({
    threshold: input.options.projection?.threshold ?? 0,
    rows,
    spread: {
      median: spread(rows.map((r) => r.median)),
      lo: spread(rows.map((r) => r.lo)),
      hi: spread(rows.map((r) => r.hi)),
      shareAbove: spread(rows.map((r) => r.shareAbove)),
      jump: spread(rows.map((r) => r.jump)),
    },
    seed: input.options.seed ?? 1,
  });
}

/** The sensitivity table of the late-count headline numbers at `cutoff`. */
export function lateCountSensitivity(
  final: StationTable,
  cutoff: CutoffSpec,
  options: SensitivityOptions = {},
): Result<SensitivityTable> {
  const input: SensitivityInput = { final, cutoff, options };
  const rows = sensitivityRowCount(input);
  const projections = Array.from({ length: rows }, (_, k) => sensitivityProjectionRow(input, k));
  return sensitivityFromParts(input, projections, sensitivityJumps(input));
}
