/**
 * The late count's heavy parts planned as plain data (audit_threads.ts runs them on worker threads, or here): the
 * whole analysis with its projection (runLateCount), the power study at the alleged size and the sensitivity table.
 * The pair is named, and the jump's cutoff labelled, as the count view resolves them, so every part can start before
 * any other has run. The jump at the analysis's own trend-break cutoff is fitted here, once: the power study then
 * knows whether its jump reruns can run without fitting it again on each thread.
 */
import {
  buildCountView,
  type CountView,
  type CutoffSpec,
  type DiscontinuitySummary,
  deriveSeed,
  discontinuityAt,
  type InjectionPowerResult,
  type LateCountPowerTask,
  type LateCountReport,
  type LateCountRunThreadTask,
  type OtherElection,
  type Result,
  type SensitivityInput,
  type SensitivityTable,
} from '@tally/core';
import type { AnalysisSpec, LoadedElection } from '@tally/ingest';
import { sensitivityInputAt } from './bottom_line.ts';

type LateCountSpec = Extract<AnalysisSpec, { method: 'latecount' }>;

/** A late-count analysis, planned. */
export interface LateCountPlan {
  /** runLateCount at the cutoff, seeded by the analysis's seed. */
  readonly run: LateCountRunThreadTask;
  /** The power study, when the allegation gives a size (and the count view resolves). */
  readonly power: LateCountPowerTask | null;
  /** The sensitivity table, when the count view resolves. */
  readonly sensitivity: SensitivityInput | null;
  /** The jump at the analysis's own trend-break cutoff, or null when it has none (runLateCount cuts it then). */
  readonly trendBreak: TrendBreak | null;
}

/** What the planned parts gave. */
export interface LateCountComputed {
  readonly run: Result<LateCountReport>;
  readonly power: Result<InjectionPowerResult> | null;
  readonly sensitivity: Result<SensitivityTable> | null;
}

/** The jump at the trend-break cutoff and that cutoff's label. */
export interface TrendBreak {
  readonly d: DiscontinuitySummary | { readonly skipped: string };
  readonly label: string | null;
}

/** The jump's own cutoff of a late-count analysis, when it gives one. */
export function trendBreakCutoffOf(spec: LateCountSpec): CutoffSpec | undefined {
  const tb = spec.trendBreakCutoff;
  if (tb === undefined) return undefined;
  return tb.kind === 'time' ? { kind: 'time', ms: tb.ms, label: tb.iso } : { kind: 'percentile', value: tb.value };
}

/**
 * The power study of a late-count analysis (seeded by the analysis's seed), as plain data for a worker thread, for
 * the pair as the count view names it.
 */
function powerTask(
  election: LoadedElection,
  cutoff: CutoffSpec,
  spec: LateCountSpec,
  seed: number,
  allegedVotes: number,
  pair: readonly string[],
): LateCountPowerTask {
  const jumpCutoff = trendBreakCutoffOf(spec);
  return {
    final: election.table,
    cutoff,
    names: pair,
    threshold: spec.threshold ?? 10,
    votes: allegedVotes,
    seed: deriveSeed(seed, 7),
    ...(jumpCutoff ? { jumpCutoff } : {}),
  };
}

/**
 * The power study of a late-count analysis (seeded by the analysis's seed), as plain data for a worker thread: the
 * same inputs lateCountResults uses, with the pair named as the count view resolves it.
 */
export function lateCountPowerTask(
  election: LoadedElection,
  cutoff: CutoffSpec,
  spec: LateCountSpec,
  seed: number,
  allegedVotes: number,
): LateCountPowerTask {
  const names = election.names.rival ? [election.names.favoured, election.names.rival] : undefined;
  const view = buildCountView(election.table, cutoff, names);
  const pair = view.ok ? [view.value.pair.nameA, view.value.pair.nameB] : (names ?? []);
  return powerTask(election, cutoff, spec, seed, allegedVotes, pair);
}

/** Plans the late-count analysis `spec` at `cutoff` on `election`, seeded by `seed`. */
export function planLateCount(
  election: LoadedElection,
  cutoff: CutoffSpec,
  spec: LateCountSpec,
  seed: number,
  other: OtherElection | null,
  allegedVotes: number | undefined,
): LateCountPlan {
  const names = election.names.rival ? [election.names.favoured, election.names.rival] : undefined;
  const threshold = spec.threshold ?? 0;
  const jumpCutoff = trendBreakCutoffOf(spec);
  const run: LateCountRunThreadTask = {
    kind: 'latecount_run',
    final: election.table,
    cutoff,
    options: {
      candidates: names,
      projection: { sims: spec.simulations ?? 1000, threshold },
      // With its own trend-break cutoff the discontinuity is cut there only (planLateCount fits it once, below).
      ...(jumpCutoff === undefined ? {} : { discontinuity: false as const }),
      otherElection: other ?? undefined,
      curvePoints: 300,
      listChanges: false,
      seed,
    },
    seed,
  };
  const view = buildCountView(election.table, cutoff, names);
  // runLateCount fails on this view too: nothing else is read.
  if (!view.ok) return { run, power: null, sensitivity: null, trendBreak: null };
  const pair = [view.value.pair.nameA, view.value.pair.nameB];
  const jumpView = jumpCutoff ? buildCountView(election.table, jumpCutoff, pair) : null;
  const label = jumpView?.ok ? jumpView.value.cutoffLabel : view.value.cutoffLabel;
  const trendBreak = jumpView === null ? null : trendBreakAt(jumpView);
  const jumpRuns = trendBreak === null ? {} : { jumpRuns: !('skipped' in trendBreak.d) };
  return {
    run,
    power:
      allegedVotes !== undefined && allegedVotes > 0
        ? { ...powerTask(election, cutoff, spec, seed, allegedVotes, pair), ...jumpRuns }
        : null,
    sensitivity: sensitivityInputAt(
      election.table,
      cutoff,
      pair,
      threshold,
      deriveSeed(seed, 8),
      jumpCutoff ? { label, cutoff: jumpCutoff } : undefined,
    ),
    trendBreak,
  };
}

/** The jump at the trend-break cutoff's view. */
function trendBreakAt(view: Result<CountView>): TrendBreak {
  if (!view.ok) return { d: { skipped: view.error.message }, label: null };
  const x = discontinuityAt(view.value);
  return { d: x.ok ? x.value : { skipped: x.error.message }, label: view.value.cutoffLabel };
}
