/** The contract every forensic method follows; see DESIGN.md "A forensic method is one file...". */
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

/** A method's output: plain, JSON-serialisable data. Never a verdict. */
export interface MethodResult {
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
  readonly details: Record<string, unknown>;
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

/** A forensic method: pure, seeded, with its citation. */
export interface ForensicMethod<O extends BaseMethodOptions = BaseMethodOptions> {
  readonly id: string;
  readonly title: string;
  /** Full citation of the paper the method follows. */
  readonly reference: string;
  /** One sentence: what a departure from the null would suggest, and why it may be innocent. */
  readonly summary: string;
  readonly requires: readonly RequiredColumn[];
  readonly options: readonly MethodOptionSpec[];
  /** Runs the method; may return several results (e.g. one per candidate). */
  run(table: StationTable, options: O, rng: Rng): Result<MethodResult[]>;
}
