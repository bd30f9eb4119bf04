/**
 * The unit the battery runs: one method on one target over one set of stations (a region, or all).
 * Methods compute a point result and describe how to bootstrap it cheaply; the battery does the
 * resampling, so all methods of a region share one index draw per replicate.
 */
import type { MethodDescription, MethodOptionSpec, MethodResult } from '../method.ts';
import type { Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import type { MomentSums } from './moments.ts';
import type { Target } from './targets.ts';

/** Everything a method needs to compute one cell. */
export interface CellInput {
  readonly table: StationTable;
  readonly target: Target;
  /** Per-station turnout (NaN where registered is not positive). */
  readonly turnout: Float64Array;
  /** Indices of the stations in this cell (a region, or every station). */
  readonly stations: Int32Array;
  readonly rng: Rng;
}

/**
 * A bootstrap recipe. `categorical`: the statistics depend only on how many stations fall in each
 * category (digits), so a resample is one multinomial draw over the categories, which has exactly the
 * distribution of the category counts of a resample of stations. `moments`: the statistics are
 * functions of power sums of (turnout, proportion), recomputed on resampled station indices.
 */
export type BootstrapPlan =
  | {
      readonly kind: 'categorical';
      /** Station count per category (the last category usually holds excluded stations). */
      readonly counts: Float64Array;
      readonly names: readonly string[];
      /** Writes one value per name into `out` (NaN when undefined on this resample). */
      evaluate(counts: Float64Array, out: Float64Array): void;
    }
  | {
      readonly kind: 'moments';
      readonly names: readonly string[];
      /** Whether the sums need the target's proportion (y) besides x. Pair sums leave sxxx and sxxxx at 0. */
      readonly usesProportion: boolean;
      /** Which variable to use as x: turnout, or the target's own proportion. */
      readonly x: 'turnout' | 'proportion';
      evaluate(sums: MomentSums, out: Float64Array): void;
    };

/** A method's result on one cell: a MethodResult before the battery adds method id, target, region and seed. */
export interface CellOutput extends Omit<MethodResult, 'method' | 'target' | 'region' | 'seed'> {
  /** How the battery bootstraps this cell's statistics. */
  readonly bootstrap?: BootstrapPlan;
}

/** A battery method: computes one cell. Wrapped as a ForensicMethod by `asForensicMethod`. */
export interface CellMethod extends MethodDescription {
  /** Which targets the method applies to. */
  readonly appliesTo: 'turnout' | 'candidate' | 'both';
  readonly options: readonly MethodOptionSpec[];
  compute(input: CellInput): Result<CellOutput>;
}
