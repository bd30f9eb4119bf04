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

/** The sensitivity table of the late-count headline numbers at `cutoff`. */
export function lateCountSensitivity(
  final: StationTable,
  cutoff: CutoffSpec,
  options: SensitivityOptions = {},
): Result<SensitivityTable> {
  const seed = options.seed ?? 1;
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
  let baselineBandwidth: number | null = null;
  const rows: SensitivityRow[] = [];
  const list = variants(final, cutoff, options);
  // Rows that change only the projection share their view and their discontinuity with the baseline: each distinct
  // (table, cutoff, options) is computed once.
  const views = new Map<StationTable, Map<CutoffSpec, ReturnType<typeof buildCountView>>>();
  const viewOf = (table: StationTable, at: CutoffSpec) => {
    const byCutoff = views.get(table) ?? new Map<CutoffSpec, ReturnType<typeof buildCountView>>();
    views.set(table, byCutoff);
    const kept = byCutoff.get(at) ?? buildCountView(table, at, names);
    byCutoff.set(at, kept);
    return kept;
  };
  const jumps = new Map<CountView, Map<string, ReturnType<typeof discontinuityAt>>>();
  const jumpOf = (view: CountView, o: DiscontinuityOptions) => {
    const byOptions = jumps.get(view) ?? new Map<string, ReturnType<typeof discontinuityAt>>();
    jumps.set(view, byOptions);
    const key = JSON.stringify(o);
    const kept = byOptions.get(key) ?? discontinuityAt(view, o);
    byOptions.set(key, kept);
    return kept;
  };
  for (let k = 0; k < list.length; k++) {
    const v = list[k];
    const notes: string[] = [];
    const view = viewOf(v.table, v.cutoff);
    if (!view.ok) {
      rows.push({
        choice: v.choice,
        setting: v.setting,
        median: null,
        lo: null,
        hi: null,
        shareAbove: null,
        jump: null,
        jumpPValue: null,
        notes: [view.error.message],
      });
      continue;
    }
    const projection = projectCount(view.value, v.projection, createRng(deriveSeed(seed, k)));
    if (!projection.ok) notes.push(`projection: ${projection.error.message}`);
    const factor = v.bandwidthFactor;
    const discontinuity: DiscontinuityOptions =
      factor !== undefined && baselineBandwidth !== null
        ? { ...v.discontinuity, bandwidth: factor * baselineBandwidth }
        : v.discontinuity;
    let jump: number | null = null;
    let jumpPValue: number | null = null;
    if (factor !== undefined && baselineBandwidth === null) notes.push('discontinuity: the baseline did not run');
    else if (view.value.position === null) notes.push('discontinuity: no arrival order');
    else {
      const d = jumpOf(view.value, discontinuity);
      if (d.ok) {
        jump = d.value.estimate;
        jumpPValue = d.value.pValue;
        if (k === 0) baselineBandwidth = d.value.bandwidth;
      } else notes.push(`discontinuity: ${d.error.message}`);
    }
    const p = projection.ok ? projection.value : null;
    rows.push({
      choice: v.choice,
      setting: v.setting,
      median: p?.median ?? null,
      lo: p?.lo ?? null,
      hi: p?.hi ?? null,
      shareAbove: p?.shareAbove ?? null,
      jump,
      jumpPValue,
      notes,
    });
  }
  return ok({
    threshold: options.projection?.threshold ?? 0,
    rows,
    spread: {
      median: spread(rows.map((r) => r.median)),
      lo: spread(rows.map((r) => r.lo)),
      hi: spread(rows.map((r) => r.hi)),
      shareAbove: spread(rows.map((r) => r.shareAbove)),
      jump: spread(rows.map((r) => r.jump)),
    },
    seed,
  });
}
