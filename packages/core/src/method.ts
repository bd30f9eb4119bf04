/**
 * The contract every forensic method follows: one file per method, pure and seeded, with its citation, its family and
 * the question it answers. What a method can do besides `run` is a capability of the same contract: `chunked` (its
 * Monte Carlo splits into chunks for worker threads), a battery `CellMethod` (battery/cell.ts, wrapped by
 * asForensicMethod), or `runPair` for a method that compares two elections (PairedForensicMethod). Calibration runs
 * any of them (calibrate/calibrate.ts). See docs/architecture.md, "The method contract".
 */
import type { Result } from './result.ts';
import type { Rng } from './rng.ts';
import type { StationTable } from './station_table.ts';

/** How a p-value was obtained. */
export type PValueKind = 'exact' | 'asymptotic' | 'monte_carlo' | 'bootstrap' | 'none';

/** Column roles a method needs from the StationTable. */
export type RequiredColumn =
  | 'registered'
  | 'ballotsCast'
  | 'ballotsFound'
  | 'valid'
  | 'candidates'
  | 'arrival'
  | 'regions';

/** Method-specific numbers of a result (JSON-serialisable); a method may name their exact shape. */
export type MethodDetails = Record<string, unknown>;

/** A method's output: plain, JSON-serialisable data. Never a verdict. */
export interface MethodResult<Details extends object = MethodDetails> {
  /** The method id (stable snake_case). */
  readonly method: string;
  /** What the statistic is about, e.g. "turnout" or a candidate name. Empty when the whole table. */
  readonly target?: string;
  /** The region the result is computed on ("" or undefined = the whole table). */
  readonly region?: string;
  readonly statistic: number;
  /** The statistic's name, e.g. "chi2", "mean_second_digit". */
  readonly statisticName: string;
  /** Null when the method gives an estimate with no test. */
  readonly pValue: number | null;
  readonly pValueKind: PValueKind;
  readonly df?: number;
  /** Stations analysed. */
  readonly n: number;
  /** Stations left out, with the reason for each group. */
  readonly excluded: readonly { reason: string; count: number }[];
  /** Method-specific numbers (JSON-serialisable). */
  readonly details: Details;
  readonly warnings: readonly string[];
  /** Monte Carlo / bootstrap replicate count and seed, when randomness was used. */
  readonly replicates?: number;
  readonly seed?: number;
}

/** Declaration of one option of a method, for CLI and web forms. */
export interface MethodOptionSpec {
  readonly name: string;
  readonly description: string;
  readonly type: 'number' | 'string' | 'boolean';
  readonly default: number | string | boolean;
  /** For numbers: whole numbers only, and the accepted range (inclusive). */
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
}

/** Common options every method accepts. */
export interface BaseMethodOptions {
  /** Candidate the method looks at, by source name; methods default to the national leader. */
  candidate?: string;
  /** Replicates for Monte Carlo, bootstrap or permutation. */
  replicates?: number;
}

/**
 * A group of methods that share assumptions, and therefore the innocent explanations a report lists beside their
 * findings ('generic' only for a result of a method the registry does not know).
 */
export type MethodFamily =
  | 'digits'
  | 'distribution'
  | 'fingerprint'
  | 'integer_percent'
  | 'turnout_excess'
  | 'late_count'
  | 'persistence'
  | 'announced_totals'
  | 'tally_sheets'
  | 'generic';

/** What every method declares about itself, whatever its shape (whole table, battery cell, pair of elections). */
export interface MethodDescription {
  readonly id: string;
  readonly title: string;
  /** Full citation of the paper the method follows. */
  readonly reference: string;
  /** One sentence: what a departure from the null would suggest, and why it may be innocent. */
  readonly summary: string;
  /** Its family: the report reads it to choose the innocent explanations of a finding. */
  readonly family: MethodFamily;
  /** The question the method answers, in one sentence. */
  readonly question: string;
}

/** A planned chunked computation: a structured-clonable payload, its chunk count, and the reduction. */
export interface ChunkedPlan<Details extends object = MethodDetails> {
  /** Plain data (numbers, strings, typed arrays) that a worker receives once. */
  readonly payload: unknown;
  readonly chunks: number;
  /** Combines the chunk outputs, given in chunk order, into the method's results. */
  finish(chunkOutputs: readonly unknown[]): Result<MethodResult<Details>[]>;
}

/**
 * A pass that runs before a chunked plan exists: its chunks go through the same chunk function (the payload tells
 * them apart) in this thread or on workers, and `next` builds the plan (or another stage) from their outputs, given
 * in chunk order, so the numbers never depend on the thread count.
 */
export interface ChunkedStage<Details extends object = MethodDetails> {
  readonly payload: unknown;
  readonly chunks: number;
  next(chunkOutputs: readonly unknown[]): Result<ChunkedPlan<Details> | ChunkedStage<Details>>;
}

/** True for a stage, false for the plan it leads to. */
export function isChunkedStage<Details extends object>(
  step: ChunkedPlan<Details> | ChunkedStage<Details>,
): step is ChunkedStage<Details> {
  return 'next' in step;
}

/**
 * How a chunked method is planned and where its chunk function lives. Each chunk is a pure function of the plan's
 * payload and its chunk index, so a run gives the same numbers in this thread or on workers.
 */
export interface ChunkedSpec<O extends BaseMethodOptions, Details extends object = MethodDetails> {
  /** URL of the module that exports the chunk function (the method file's import.meta.url). */
  readonly module: string;
  /** Name of the exported function `(payload, chunkIndex) => output`. */
  readonly exportName: string;
  /**
   * Prepares the payload; reads the table and draws the base seed from `rng`. May first return a stage: work that
   * the plan needs (e.g. exact per-station probabilities by station range), run chunk by chunk like the Monte Carlo.
   */
  plan(table: StationTable, options: O, rng: Rng): Result<ChunkedPlan<Details> | ChunkedStage<Details>>;
  /** The chunk function itself, for in-process execution. */
  chunk(payload: unknown, chunkIndex: number): unknown;
  /**
   * Whether a run with these options has enough chunked work to repay starting workers when no thread count was
   * asked for (absent: it does, on a large enough table); e.g. integer_percent without a Monte Carlo has little.
   */
  readonly repaysThreads?: (options: O) => boolean;
}

/**
 * A forensic method on one table: pure, seeded, with its citation. `Options` are the options it reads, `Details` the
 * shape of its results' details.
 */
export interface ForensicMethod<O extends BaseMethodOptions = BaseMethodOptions, Details extends object = MethodDetails>
  extends MethodDescription {
  readonly requires: readonly RequiredColumn[];
  readonly options: readonly MethodOptionSpec[];
  /** Runs the method; may return several results (e.g. one per candidate). */
  run(table: StationTable, options: O, rng: Rng): Result<MethodResult<Details>[]>;
  /** Capability: its Monte Carlo also runs chunk by chunk (on workers, packages/parallel), with the same numbers. */
  readonly chunked?: ChunkedSpec<O, Details>;
}

/** A method that compares two elections (A, the alleged one, and B) for a set of flagged units of A. */
export interface PairedForensicMethod<O extends object = BaseMethodOptions, Details extends object = MethodDetails>
  extends MethodDescription {
  readonly requires: readonly RequiredColumn[];
  readonly options: readonly MethodOptionSpec[];
  /** `flagged[i]` = 1 when unit i of A is flagged. */
  runPair(a: StationTable, b: StationTable, flagged: Uint8Array, options: O, rng: Rng): Result<MethodResult<Details>[]>;
}
