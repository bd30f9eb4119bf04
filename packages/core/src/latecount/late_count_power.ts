/**
 * Power of the late-count tests at the alleged size: the manipulation the allegation describes (votes
 * moved from the rival to the favoured candidate in the stations counted after the cutoff, enough to
 * lift the final margin over the threshold, or a stated number of votes) is injected into the real
 * final table (power.ts) and the projection and discontinuity tests are rerun on each injected table.
 * Callers add other tests (e.g. persistence on an aggregated table) as PowerTest entries.
 */
import { type ProjectionOptions, projectCount } from '../methods/counterfactual_projection.ts';
import { type DiscontinuityOptions, discontinuityAt } from '../methods/discontinuity.ts';
import { err, ok, type Result } from '../result.ts';
import type { StationTable } from '../station_table.ts';
import { buildCountView, type CutoffSpec } from './count_view.ts';
import {
  type InjectionPowerResult,
  type PowerOptions,
  type PowerTest,
  powerByInjection,
  votesAboveThreshold,
} from './power.ts';

/** Options of the late-count power measurement. */
export interface LateCountPowerOptions extends PowerOptions {
  /** The favoured and rival candidates (default: the top two nationally, leader first). */
  readonly candidates?: readonly string[];
  /** Margin threshold (points) the alleged manipulation lifted the margin over (default 0: who is ahead). */
  readonly threshold?: number;
  /** Alleged votes moved; default: the votes above the threshold (votesAboveThreshold). */
  readonly votes?: number;
  /** Projection options for each rerun (default 199 simulations: smallest p 0.01). */
  readonly projection?: ProjectionOptions;
  readonly discontinuity?: DiscontinuityOptions;
  /** More tests to rerun on each injected table. */
  readonly extraTests?: readonly PowerTest[];
}

/** The projection and discontinuity as power tests at `cutoff` (candidates resolved by name). */
export function lateCountTests(
  cutoff: CutoffSpec,
  candidates: readonly string[],
  projection: ProjectionOptions = {},
  discontinuity: DiscontinuityOptions = {},
): PowerTest[] {
  return [
    {
      name: 'counterfactual_projection',
      pValue(table, rng) {
        const view = buildCountView(table, cutoff, candidates);
        if (!view.ok) return null;
        const p = projectCount(view.value, { sims: 199, ...projection }, rng);
        return p.ok ? p.value.pValue : null;
      },
    },
    {
      name: 'discontinuity',
      pValue(table) {
        const view = buildCountView(table, cutoff, candidates);
        if (!view.ok) return null;
        const d = discontinuityAt(view.value, { feLevel: 'none', ...discontinuity });
        return d.ok ? d.value.pValue : null;
      },
    },
  ];
}

/** Power of each late-count test (and any extra ones) at the alleged size and its multiples. */
export function lateCountPower(
  final: StationTable,
  cutoff: CutoffSpec,
  options: LateCountPowerOptions = {},
): Result<InjectionPowerResult> {
  const view = buildCountView(final, cutoff, options.candidates);
  if (!view.ok) return view;
  const { pair, counted } = view.value;
  const threshold = options.threshold ?? 0;
  const votes = options.votes ?? votesAboveThreshold(final, pair.a, pair.b, threshold);
  if (votes === 0 && options.votes === undefined)
    return err({
      kind: 'invalid_options',
      option: 'threshold',
      message: `the final margin is not above ${threshold}: give the alleged votes`,
    });
  const late = Uint8Array.from(counted, (c) => 1 - c);
  const names = [pair.nameA, pair.nameB];
  const tests = [
    ...lateCountTests(cutoff, names, options.projection, options.discontinuity),
    ...(options.extraTests ?? []),
  ];
  // The view's table: its region levels run coarse to fine, so whole areas are taken at the narrowest one.
  const r = powerByInjection(
    view.value.final,
    { favoured: pair.a, rival: pair.b, stations: late, votes },
    tests,
    options,
  );
  return r.ok ? ok(r.value) : r;
}
