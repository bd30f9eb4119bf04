/** Calibration of methods on simulated elections: measured size and power, binomial intervals, lookup. */
export * from './calibrate.ts';
export * from './conditions.ts';
export * from './intervals.ts';
export * from './measured.ts';
export * from './summary.ts';
