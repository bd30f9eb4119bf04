import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import type { BatteryRow } from './battery_table.ts';
import { type BatteryWorkbookFacts, batteryWorkbook } from './battery_workbook.ts';

// A fixed input: two cells of one unit and one of a region. Numbers are arbitrary.
const rows: BatteryRow[] = [
  {
    unit: null,
    target: 'turnout',
    method: 'last_digit',
    statistic: 'chi2',
    estimate: 12.5,
    lower: 8,
    upper: 20,
    pValue: 0.2,
    pAdjusted: 0.4,
    n: 400,
    warnings: [],
  },
  {
    unit: 'North',
    target: 'turnout',
    method: 'skew',
    statistic: 'skewness',
    estimate: -0.3,
    lower: null,
    upper: null,
    pValue: null,
    pAdjusted: null,
    n: 120,
    warnings: ['few stations'],
  },
];

const facts: BatteryWorkbookFacts = {
  election: 'Test election',
  input: 'results.csv',
  sha256: '0'.repeat(64),
  version: '0.0.0-test',
  seed: 7,
  replicates: 10,
  by: 'region',
  stations: 400,
  rows: [],
  wholeData: 'all stations',
};

test('battery.xlsx: the same input gives the same bytes, whatever the clock says when it is written', async (t) => {
  t.after(() => mock.timers.reset());
  // The clock is moved between the two writes, far more than the zip format's two-second resolution.
  mock.timers.enable({ apis: ['Date'], now: Date.UTC(2024, 4, 1, 10, 0, 0) });
  const first = await batteryWorkbook(facts, rows);
  mock.timers.setTime(Date.UTC(2026, 11, 7, 13, 45, 31));
  const second = await batteryWorkbook(facts, rows);
  assert.ok(first.length > 1000, `${first.length} bytes`);
  assert.ok(Buffer.from(first).equals(Buffer.from(second)), 'the two workbooks differ');
});
