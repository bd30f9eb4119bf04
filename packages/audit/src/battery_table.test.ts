import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AdjustedResult } from './battery_run.ts';
import { BATTERY_COLUMNS, batteryRowCells, batteryRows } from './battery_table.ts';

// A last-digit cell as the battery reports it: its own statistic (chi2) with an interval, and the EFT last-digit
// mean beside it with its own interval and test. Numbers are arbitrary; the rows must carry them unchanged.
const lastDigit: AdjustedResult = {
  method: 'last_digit',
  target: 'turnout',
  region: 'North',
  statistic: 12.5,
  statisticName: 'chi2',
  pValue: 0.2,
  pValueKind: 'asymptotic',
  n: 400,
  excluded: [],
  details: {
    eftLastDigitMean: { mean: 4.4, nullMean: 4.5, pValue: 0.03 },
    bootstrap: {
      replicates: 10,
      level: 0.95,
      intervals: { chi2: { lower: 8, upper: 20 }, eft_last_digit_mean: { lower: 4.3, upper: 4.6 } },
    },
  },
  warnings: ['few stations'],
  pAdjusted: 0.4,
};

const skew: AdjustedResult = {
  method: 'skew_kurtosis',
  target: 'A',
  statistic: 0.3,
  statisticName: 'skewness',
  pValue: null,
  pValueKind: 'bootstrap',
  n: 900,
  excluded: [],
  details: {
    kurtosis: 2.9,
    bootstrap: { intervals: { skewness: { lower: 0.1, upper: 0.5 }, kurtosis: { lower: null, upper: null } } },
  },
  warnings: [],
  pAdjusted: null,
};

test('batteryRows: one row per statistic with an interval, secondary ones unadjusted', () => {
  const rows = batteryRows([skew, lastDigit]);
  assert.deepEqual(
    rows.map((r) => [r.unit, r.method, r.statistic, r.estimate, r.lower, r.upper, r.pValue, r.pAdjusted]),
    [
      [null, 'skew_kurtosis', 'skewness', 0.3, 0.1, 0.5, null, null],
      [null, 'skew_kurtosis', 'kurtosis', 2.9, null, null, null, null],
      ['North', 'last_digit', 'chi2', 12.5, 8, 20, 0.2, 0.4],
      ['North', 'last_digit', 'eft_last_digit_mean', 4.4, 4.3, 4.6, 0.03, null],
    ],
  );
  const cells = batteryRowCells(rows[2], 'all stations');
  assert.equal(cells.length, BATTERY_COLUMNS.length);
  assert.deepEqual(cells, ['North', 'turnout', 'last_digit', 'chi2', 12.5, 8, 20, 0.2, 0.4, 400, 'few stations']);
  assert.equal(batteryRowCells(rows[0], 'all stations')[0], 'all stations');
});
