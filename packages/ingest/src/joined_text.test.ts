/**
 * Text read in bulk (one joined string per column) must give what reading cell by cell gives: the same values in the
 * same order, NULL kept apart from "", and a cell holding the separator read correctly through the per-cell path.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readTextColumns } from './count_columns.ts';
import { dictionaryReader } from './dictionary_column.ts';
import { openDuckDb, quoteLiteral } from './duckdb.ts';
import { readJoinedText } from './joined_text.ts';

const CELLS: (string | null)[] = [
  'b',
  null,
  ' a ',
  '',
  'Потоси́',
  'b',
  'tab\there',
  'new\nline',
  '名前 🗳️',
  null,
  'unit\u001fseparator',
];

async function tableOf(cells: readonly (string | null)[]): Promise<DuckDBConnection> {
  const conn = await openDuckDb();
  await conn.run('CREATE TABLE t (c VARCHAR)');
  for (const c of cells) await conn.run(`INSERT INTO t VALUES (${c === null ? 'NULL' : quoteLiteral(c)})`);
  return conn;
}

test('readTextColumns: a cell holding the separator is read per cell, every value in rowid order', async () => {
  const conn = await tableOf(CELLS);
  try {
    const keep = Int32Array.from(CELLS.keys());
    const [values] = await readTextColumns(conn, 't', ['c'], keep);
    assert.deepEqual(
      values,
      CELLS.map((c) => c ?? ''),
    );
    const [some] = await readTextColumns(conn, 't', ['trim(c)'], Int32Array.from([2, 4, 9]));
    assert.deepEqual(some, ['a', 'Потоси́', '']);
  } finally {
    conn.closeSync();
  }
});

test('readJoinedText: the joined read equals the per-cell read, and refuses a column holding the separator', async () => {
  const cells = CELLS.slice(0, -1);
  const conn = await tableOf(cells);
  try {
    const joined = await readJoinedText(conn, 't', ["coalesce(c, '')", "upper(coalesce(c, ''))"], 'rowid');
    assert.deepEqual(joined, [cells.map((c) => c ?? ''), cells.map((c) => (c ?? '').toUpperCase())]);
    await conn.run(`INSERT INTO t VALUES ('x\u001fy')`);
    assert.equal(await readJoinedText(conn, 't', ["coalesce(c, '')"], 'rowid'), undefined);
    assert.deepEqual(await readJoinedText(conn, '(SELECT * FROM t WHERE false)', ["coalesce(c, '')"], 'c'), [[]]);
  } finally {
    conn.closeSync();
  }
});

test('dictionary columns: sorted distinct values, NULL last and apart from "", one code per row', async () => {
  for (const cells of [CELLS, CELLS.slice(0, -1), ['only'], [null, null]]) {
    const conn = await tableOf(cells);
    try {
      const column = await dictionaryReader(conn, 't', cells.length)('c');
      assert.deepEqual(
        Array.from(column.codes, (code) => column.values[code]),
        cells,
      );
      const present = [...new Set(cells.filter((c): c is string => c !== null))];
      const reference = await conn.runAndReadAll('SELECT DISTINCT c FROM t ORDER BY c');
      assert.deepEqual(column.values, reference.getColumnsJS()[0]);
      assert.equal(column.values.length, present.length + (cells.includes(null) ? 1 : 0));
    } finally {
      conn.closeSync();
    }
  }
});
