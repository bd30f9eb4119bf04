/** An impossible calendar date is refused, not rolled over by Date.UTC (the Honduras series has "2025-11-31"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArrivalTimes } from './times.ts';

test('a time on a day the month does not have is unparseable, with its row; a real date parses', () => {
  const r = parseArrivalTimes(['2025-11-31T22:00:00', '2025-12-01T22:00:00', '2025-12-01T24:30:00'], '-06:00', {
    file: 'series.csv',
    column: 'scrape_local',
    lineOf: (i) => i + 2,
  });
  assert.deepEqual(
    r.issues.map((x) => [x.row, x.rule]),
    [
      [2, 'unparseable_time'],
      [4, 'unparseable_time'],
    ],
  );
  assert.ok(Number.isNaN(r.values[0]));
  // 1 Dec 2025 22:00 at UTC-6 is 2 Dec 04:00 UTC.
  assert.equal(r.values[1], Date.UTC(2025, 11, 2, 4, 0, 0));
});
