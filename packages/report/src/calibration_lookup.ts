/**
 * The measured calibration of each method under conditions like the user's table, in the shape the
 * report's `buildReport({ calibration })` takes: what a report prints next to each finding.
 */
import {
  type CalibrationSummary,
  describeTable,
  type InjectionKind,
  lookupCalibration,
  measuredCalibrations,
  type StationTable,
} from '@tally/core';
import type { Calibration } from './model.ts';

const KIND_WORDS: Record<InjectionKind, string> = {
  ballot_stuffing: 'ballot stuffing',
  vote_switching: 'vote switching',
  rounding: 'rounding to whole percentages',
  fabricated_digits: 'fabricated last digits',
  late_count: 'late-count vote switching',
  extreme: '~100 % turnout and support',
};

/** Converts a measured calibration to the report's Calibration; power for `kind` when measured. */
export function toReportCalibration(c: CalibrationSummary, kind?: InjectionKind): Calibration | null {
  if (c.falsePositiveRate === null) return null;
  const row = kind ? c.power.find((p) => p.kind === kind && p.detectionRate !== null) : undefined;
  const base = { falsePositiveRate: c.falsePositiveRate, alpha: c.alpha, runs: c.runs };
  if (!row || row.detectionRate === null) return base;
  return {
    ...base,
    power: row.detectionRate,
    powerScenario: `${KIND_WORDS[row.kind]} in ${Math.round(100 * row.fraction)} % of stations (simulated, ${c.conditions.stations} stations)`,
    powerScenarioMessage: {
      key: 'scenario.simulated',
      params: {
        kind: { kind: 'message', message: { key: `injection.${row.kind}` } },
        percent: { kind: 'percent', value: row.fraction, digits: 0 },
        stations: { kind: 'count', value: c.conditions.stations },
      },
    },
  };
}

/** Measured calibrations (nearest station count and size) for `methodIds`, keyed by method id. */
export function calibrationsLike(
  table: StationTable,
  methodIds: readonly string[],
  kind?: InjectionKind,
  records: readonly CalibrationSummary[] = measuredCalibrations,
): Record<string, Calibration> {
  const like = describeTable(table);
  const out: Record<string, Calibration> = {};
  for (const id of methodIds) {
    const found = lookupCalibration(records, id, like);
    const c = found ? toReportCalibration(found, kind) : null;
    if (c) out[id] = c;
  }
  return out;
}
