/** Measured size and power of each shipped method, as written by `tally calibrate --write-docs` (see docs/calibration.md). */
import data from './measured_calibrations.json' with { type: 'json' };
import type { CalibrationSummary } from './summary.ts';

/** Calibrations measured for the shipped methods; regenerate with `npx tally calibrate --write-docs`. */
export const measuredCalibrations: readonly CalibrationSummary[] = data as unknown as CalibrationSummary[];
