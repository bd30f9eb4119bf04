/** Measured size and power of each shipped method, as written by `tally calibrate --write-docs` (see docs/calibration.md). */

import type { CalibrationSummary } from './calibration_summary.ts';
import data from './measured_calibrations.json' with { type: 'json' };

/** Calibrations measured for the shipped methods; regenerate with `npx tally calibrate --write-docs`. */
export const measuredCalibrations: readonly CalibrationSummary[] = data as unknown as CalibrationSummary[];
