import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { StationTable } from '../station_table.ts';
import { snapshotDiff } from './snapshot_diff.ts';

function table(ids: string[], a: number[], b: number[], names = ['A', 'B']): StationTable {
  const n = ids.length;
  const valid = Float64Array.from(a.map((x, i) => x + b[i]));
  return {
    n,
    ids,
    regions: [],
    registered: new Float64Array(n).fill(500),
    ballotsCast: valid.slice(),
    ballotsFound: valid.slice(),
    valid,
    invalid: new Float64Array(n),
    candidates: [
      { name: names[0], votes: Float64Array.from(a) },
      { name: names[1], votes: Float64Array.from(b) },
    ],
    shareOf: 'valid',
    meta: { name: 't' },
  };
}

test('hand example: changed stations, totals per candidate, stations in one snapshot only', () => {
  const before = table(['1', '2', '3', '4'], [10, 20, 30, 40], [5, 5, 5, 5]);
  const after = table(['2', '3', '4', '5'], [20, 35, 40, 1], [5, 3, 6, 1]);
  const r = snapshotDiff(before, after);
  assert.ok(r.ok);
  const d = r.value;
  assert.equal(d.common, 3);
  assert.equal(d.onlyBefore, 1);
  assert.equal(d.onlyAfter, 1);
  assert.equal(d.changedStations, 2);
  assert.deepEqual(d.totals, { A: 5, B: -1 });
  assert.equal(d.totalValid, 4);
  assert.deepEqual(
    d.changes.map((c) => [c.id, c.votes]),
    [
      ['3', [5, -2]],
      ['4', [0, 1]],
    ],
  );
});

test('candidates are matched by name; missing ones are warned about; none in common is an error', () => {
  const before = table(['1'], [10], [5], ['A', 'B']);
  const after = table(['1'], [10], [5], ['A', 'C']);
  const r = snapshotDiff(before, after);
  assert.ok(r.ok);
  assert.deepEqual(r.value.candidates, ['A']);
  assert.equal(r.value.warnings.length, 2);
  const none = snapshotDiff(before, table(['1'], [1], [1], ['X', 'Y']));
  assert.ok(!none.ok && none.error.kind === 'missing_column');
  const empty = snapshotDiff(table([], [], []), before);
  assert.ok(!empty.ok && empty.error.kind === 'insufficient_data');
});

test('property: a snapshot diffed with itself has no changes; totals equal the sum of station changes', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(500), fc.nat(500), fc.integer({ min: -20, max: 20 })), { minLength: 1, maxLength: 30 }),
      (rows) => {
        const ids = rows.map((_, i) => String(i));
        const before = table(
          ids,
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        );
        const same = snapshotDiff(before, before);
        const after = table(
          ids,
          rows.map((r) => r[0] + Math.max(0, r[2])),
          rows.map((r) => r[1]),
        );
        const d = snapshotDiff(before, after);
        if (!same.ok || !d.ok) return false;
        const sumA = d.value.changes.reduce((s, c) => s + c.votes[0], 0);
        return same.value.changedStations === 0 && d.value.totals.A === sumA && d.value.totals.B === 0;
      },
    ),
  );
});
