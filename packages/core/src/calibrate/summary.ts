/** The flat, JSON form of a calibration: what `tally calibrate --json` prints, docs show and reports look up. */
import type { MethodCalibration } from './calibrate.ts';
import type { CalibrationSummary } from './calibration_summary.ts';
import { describeConditions } from './conditions.ts';

export type { CalibrationSummary, PowerRow } from './calibration_summary.ts';

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
