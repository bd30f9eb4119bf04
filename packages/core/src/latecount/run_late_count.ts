/**
 * The whole late-count analysis as one call, for `tally latecount` and the audit: count view at the
 * cutoff, counterfactual projection, discontinuity with placebos and fixed effects, composition
 * decomposition, snapshot diff (snapshot cutoffs) and the margin curve. Returns plain JSON data;
 * field meanings are documented in docs/methods/latecount.md.
 */
import { type CompositionSummary, compositionAt, type OtherElection } from '../methods/composition_decomposition.ts';
import { type ProjectionOptions, type ProjectionSummary, projectCount } from '../methods/counterfactual_projection.ts';
import { type DiscontinuityOptions, type DiscontinuitySummary, discontinuityAt } from '../methods/discontinuity.ts';
import { type MarginCurve, marginCurve } from '../methods/margin_curve.ts';
import { type SnapshotDiff, snapshotDiff } from '../methods/snapshot_diff.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';
import { buildCountView, type CutoffSpec, pooledMargin } from './count_view.ts';

/** Options of the whole analysis. */
export interface LateCountOptions {
  /** The two candidates, by source name (default: the top two nationally). */
  readonly candidates?: readonly string[];
  readonly projection?: ProjectionOptions;
  /** Options of the discontinuity at the cutoff, or false to skip it (a caller that cuts its own elsewhere). */
  readonly discontinuity?: DiscontinuityOptions | false;
  /** Another election's margins at the same sites, for the composition decomposition. */
  readonly otherElection?: OtherElection;
  /** Most points in the margin curve (default 200). */
  readonly curvePoints?: number;
  /** Include every changed station in the snapshot diff (default true; false keeps only totals). */
  readonly listChanges?: boolean;
  /** Seed recorded in the output (the caller seeds `rng` with it). */
  readonly seed?: number;
}

/** A part of the analysis that could not run, and why. */
export interface Skipped {
  readonly skipped: string;
}

/** Everything `tally latecount --json` prints. */
export interface LateCountReport {
  readonly cutoff: string;
  readonly cutoffKind: CutoffSpec['kind'];
  readonly candidates: { readonly a: string; readonly b: string };
  readonly stations: number;
  readonly countedStations: number;
  readonly countedStationsPct: number;
  readonly countedRegisteredPct: number;
  /** Margin A - B (points) of the counted stations from the counted figures (a snapshot's own). */
  readonly countedMargin: number;
  /** The same stations' margin from the final figures. */
  readonly countedMarginFinalFigures: number;
  readonly finalMargin: number;
  /** finalMargin - countedMargin. */
  readonly lateShift: number;
  readonly lateMargin: number;
  readonly projection: ProjectionSummary | Skipped;
  readonly discontinuity: DiscontinuitySummary | Skipped;
  readonly composition: CompositionSummary | Skipped;
  readonly snapshotDiff: SnapshotDiff | Skipped | null;
  readonly curve: MarginCurve | Skipped;
  readonly seed: number | null;
  readonly warnings: readonly string[];
}

/** Runs every late-count analysis of `final` at `cutoff`. */
export function runLateCount(
  final: StationTable,
  cutoff: CutoffSpec,
  options: LateCountOptions,
  rng: Rng,
): Result<LateCountReport> {
  const viewR = buildCountView(final, cutoff, options.candidates);
  if (!viewR.ok) return viewR;
  const view = viewR.value;
  const { pair, counted } = view;
  const n = final.n;
  if (view.nCounted === n)
    return err({
      kind: 'insufficient_data',
      message: `every station was counted at ${view.cutoffLabel}; nothing is late`,
    });
  const den = shareDenominator(final);
  const A = final.candidates[pair.a].votes;
  const B = final.candidates[pair.b].votes;
  const late = Uint8Array.from(counted, (c) => 1 - c);
  let regCounted = 0;
  let regAll = 0;
  for (let i = 0; i < n; i++) {
    regAll += final.registered[i];
    if (counted[i] === 1) regCounted += final.registered[i];
  }
  const skip = (message: string): Skipped => ({ skipped: message });
  const projection = projectCount(view, options.projection ?? {}, rng);
  const discontinuity =
    view.position === null || options.discontinuity === false
      ? null
      : discontinuityAt(view, options.discontinuity ?? {});
  const composition = compositionAt(view, options.otherElection);
  let diff: SnapshotDiff | Skipped | null = null;
  if (cutoff.kind === 'snapshot') {
    const d = snapshotDiff(cutoff.snapshot, final);
    diff = d.ok ? (options.listChanges === false ? { ...d.value, changes: [] } : d.value) : skip(d.error.message);
  }
  const order = view.position ?? Float64Array.from(counted, (c) => (c === 1 ? 0 : 1));
  const curve = marginCurve(final, pair.a, pair.b, order, options.curvePoints ?? 200);
  return ok({
    cutoff: view.cutoffLabel,
    cutoffKind: cutoff.kind,
    candidates: { a: pair.nameA, b: pair.nameB },
    stations: n,
    countedStations: view.nCounted,
    countedStationsPct: (100 * view.nCounted) / n,
    countedRegisteredPct: regAll > 0 ? (100 * regCounted) / regAll : 0,
    countedMargin: view.countedMargin,
    countedMarginFinalFigures: pooledMargin(A, B, den, counted),
    finalMargin: view.finalMargin,
    lateShift: view.finalMargin - view.countedMargin,
    lateMargin: pooledMargin(A, B, den, late),
    projection: projection.ok ? projection.value : skip(projection.error.message),
    discontinuity:
      discontinuity === null
        ? skip(options.discontinuity === false ? 'not asked for' : 'no arrival order in the final table')
        : discontinuity.ok
          ? discontinuity.value
          : skip(discontinuity.error.message),
    composition: composition.ok ? composition.value : skip(composition.error.message),
    snapshotDiff: diff,
    curve: curve.ok ? curve.value : skip(curve.error.message),
    seed: options.seed ?? null,
    warnings: view.warnings,
  });
}
