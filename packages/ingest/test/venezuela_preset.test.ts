/**
 * The venezuela-2024-actas preset on a hand-made file in its layout: an acta with an empty roll cell is kept with
 * registered unknown (one warning counts it), an acta with a negative count is left out and named by row and column,
 * and an acta with more votes than registered voters is kept and named (announced_total_consistency excludes it).
 * Rows: 2 clean, 3 empty roll, 4 negative Maduro count, 5 votes above registered, 6 clean, 7 empty roll AND a
 * negative González count (still excluded: an empty roll forgives nothing else).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { summarize } from '@tally/core';
import { loadTable } from '../src/index.ts';

const FILE = join(import.meta.dirname, 'fixtures', 'venezuela', 'impossible_actas.csv');

test('venezuela-2024-actas: impossible tally sheets are reported by row, negative ones excluded with a count', async () => {
  const r = await loadTable(FILE, { preset: 'venezuela-2024-actas' });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const { table, issues, rows, rowsExcluded } = r.value;
  assert.equal(rows, 6);
  assert.equal(rowsExcluded, 2);
  assert.equal(table.n, 4);
  assert.deepEqual([...table.ids], ['010101001-01', '010101001-02', '010101002-01', '010101002-02']);
  const errors = issues.filter((i) => i.level === 'error');
  assert.deepEqual(
    errors.map((i) => [i.row, i.column, i.rule]),
    [
      [4, 'maduro_nicolas', 'negative_count'],
      [7, 'registered', 'missing_count'],
      [7, 'gonzalez_edmundo', 'negative_count'],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)),
  );
  const missing = issues.filter((i) => i.rule === 'missing_registered');
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /^1 row\(s\) have no registered voters .*rows 3$/);
  assert.ok(Number.isNaN(table.registered[1]));
  const above = issues.filter((i) => i.rule === 'ballots_exceed_registered');
  assert.deepEqual(
    above.map((i) => i.row),
    [5],
  );
  const s = summarize(table);
  assert.ok(s);
  // Hand sums of rows 2, 3, 5, 6: González 323 + 271 + 322 + 290, registered 760 + 100 + 773 (row 3 unknown).
  assert.equal(s.candidates.find((c) => c.name === 'gonzalez_edmundo')?.votes, 1206);
  assert.equal(s.registered, 1633);
  assert.equal(s.stationsWithoutRegistered, 1);
  assert.equal(s.turnout, (100 * (449 + 448 + 455)) / 1633);
});
