/** The flat, JSON form of a calibration (built by summary.ts, read back from measured_calibrations.json). */
import type { InjectionKind } from '../simulate/ground_truth.ts';
import type { RateEstimate } from './intervals.ts';

/** One row of a power table. */
export interface PowerRow {
  readonly kind: InjectionKind;
  readonly fraction: number;
  readonly intensity: number;
  readonly detectionRate: number | null;
  readonly lower: number;
  readonly upper: number;
  readonly runs: number;
}

/** A method's measured size and power under named conditions. */
export interface CalibrationSummary {
  readonly method: string;
  readonly paired: boolean;
  /** Conditions label and what lookups match on. */
  readonly conditions: { readonly label: string; readonly stations: number; readonly medianRegistered: number };
  readonly alpha: number;
  readonly reps: number;
  readonly powerReps: number;
  readonly seed: number;
  /** Rejection rate at alpha on clean simulated elections. */
  readonly falsePositiveRate: number | null;
  readonly falsePositiveInterval: {
    readonly lower: number;
    readonly upper: number;
    readonly level: number;
    readonly interval: RateEstimate['interval'];
  };
  readonly rejections: number;
  readonly runs: number;
  /** Measured size above 0.08 at nominal 0.05: flag in docs and reports. */
  readonly sizeExceedsThreshold: boolean;
  readonly errors: Record<string, number>;
  readonly noTest: number;
  readonly byResult: Record<
    string,
    { readonly rate: number | null; readonly lower: number; readonly upper: number; readonly runs: number }
  >;
  readonly methodOptions: Record<string, unknown>;
  readonly power: readonly PowerRow[];
}
