/** The flat, JSON form of a calibration: what `tally calibrate --json` prints, docs show and reports look up. */
import type { InjectionKind } from '../simulate/ground_truth.ts';
import type { MethodCalibration } from './calibrate.ts';
import { describeConditions } from './conditions.ts';
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

/** Flattens a calibration for JSON output. */
export function summarizeForJson(c: MethodCalibration): CalibrationSummary {
  const d = describeConditions(c.conditions);
  const fp = c.falsePositiveRate;
  const byResult: CalibrationSummary['byResult'] = {};
  for (const [k, r] of Object.entries(c.byResult))
    byResult[k] = { rate: r.rate, lower: r.lower, upper: r.upper, runs: r.runs };
  return {
    method: c.method,
    paired: c.paired,
    conditions: { label: c.conditions.label, stations: d.stations, medianRegistered: d.medianRegistered },
    alpha: c.alpha,
    reps: c.reps,
    powerReps: c.powerReps,
    seed: c.seed,
    falsePositiveRate: fp.rate,
    falsePositiveInterval: { lower: fp.lower, upper: fp.upper, level: fp.level, interval: fp.interval },
    rejections: fp.count,
    runs: fp.runs,
    sizeExceedsThreshold: c.sizeExceedsThreshold,
    errors: c.errors,
    noTest: c.noTest,
    byResult,
    methodOptions: c.methodOptions,
    power: c.power.map((p) => ({
      kind: p.kind,
      fraction: p.fraction,
      intensity: p.intensity,
      detectionRate: p.detectionRate.rate,
      lower: p.detectionRate.lower,
      upper: p.detectionRate.upper,
      runs: p.detectionRate.runs,
    })),
  };
}
