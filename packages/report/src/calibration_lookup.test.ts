import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CalibrationSummary, createRng, simulateElection } from '@tally/core';
import { calibrationsLike, toReportCalibration } from './calibration_lookup.ts';

function record(method: string, stations: number, rate: number | null): CalibrationSummary {
  return {
    method,
    paired: false,
    conditions: { label: `${stations}`, stations, medianRegistered: 500 },
    alpha: 0.05,
    reps: 200,
    powerReps: 100,
    seed: 1,
    falsePositiveRate: rate,
    falsePositiveInterval: { lower: 0, upper: 1, level: 0.95, interval: 'clopper_pearson' },
    rejections: 0,
    runs: 200,
    sizeExceedsThreshold: (rate ?? 0) > 0.08,
    errors: {},
    noTest: 0,
    byResult: {},
    methodOptions: {},
    power: [
      { kind: 'rounding', fraction: 0.05, intensity: 1, detectionRate: 0.4, lower: 0.3, upper: 0.5, runs: 100 },
      { kind: 'rounding', fraction: 0.2, intensity: 1, detectionRate: 0.9, lower: 0.8, upper: 0.95, runs: 100 },
    ],
  };
}

test('calibrations like a table: nearest station count, power of the alleged kind, estimates left out', () => {
  const { table } = simulateElection({ stations: 300 }, createRng(1));
  const records = [record('m', 250, 0.06), record('m', 20000, 0.2), record('estimate', 300, null)];
  const out = calibrationsLike(table, ['m', 'estimate', 'absent'], 'rounding', records);
  assert.deepEqual(Object.keys(out), ['m']);
  assert.equal(out.m.falsePositiveRate, 0.06);
  assert.equal(out.m.power, 0.4);
  assert.match(out.m.powerScenario ?? '', /rounding to whole percentages in 5 % of stations/);
  assert.equal(toReportCalibration(record('m', 1, 0.1), 'extreme')?.power, undefined);
});
