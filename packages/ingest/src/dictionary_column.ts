/**
 * Text columns of the raw table read as dictionaries: each distinct value once, and an integer code per row. Station
 * ids and region labels repeat a few thousand values over a hundred thousand rows, so this moves far fewer strings from
 * DuckDB into JS than reading every cell (and leaves trimming and slicing to the distinct values).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from './duckdb.ts';
import { readJoinedText } from './joined_text.ts';

/** A text column: row `rowid` holds `values[codes[rowid]]` (null for an empty cell). */
export interface DictionaryColumn {
  values: (string | null)[];
  codes: Int32Array;
}

/** Reads text columns of one table as dictionaries, each column at most once. */
export type DictionaryReader = (column: string) => Promise<DictionaryColumn>;

/** A reader over `table` (with `rows` rows) that keeps what it has read. */
export function dictionaryReader(conn: DuckDBConnection, table: string, rows: number): DictionaryReader {
  const read = new Map<string, Promise<DictionaryColumn>>();
  return (column) => {
    let pending = read.get(column);
    if (pending === undefined) {
      pending = readDictionaryColumn(conn, table, column, rows);
      read.set(column, pending);
    }
    return pending;
  };
}

async function readDictionaryColumn(
  conn: DuckDBConnection,
  table: string,
  column: string,
  rows: number,
): Promise<DictionaryColumn> {
  const c = quoteIdent(column);
  const t = quoteIdent(table);
  // dense_rank and DISTINCT ... ORDER BY sort the same way (NULL last), so rank r is the r-th distinct value.
  const ranks = await conn.run(`SELECT rowid::INTEGER, (dense_rank() OVER (ORDER BY ${c}) - 1)::INTEGER FROM ${t}`);
  const codes = new Int32Array(rows).fill(-1);
  for (let k = 0; k < ranks.chunkCount; k++) {
    const chunk = ranks.getChunk(k);
    const rowids = chunk.getColumnVector(0);
    const rank = chunk.getColumnVector(1);
    for (let j = 0, rowCount = chunk.rowCount; j < rowCount; j++)
      codes[rowids.getItem(j) as number] = rank.getItem(j) as number;
  }
  const values = await distinctValues(conn, t, c);
  for (let i = 0; i < rows; i++) {
    if (codes[i] < 0 || codes[i] >= values.length) {
      throw new Error(`internal error: dictionary of column ${column} does not cover row ${i}`);
    }
  }
  return { values, codes };
}

/** The distinct values of column `c` of table `t` (both quoted), sorted as ORDER BY sorts them: NULL last. */
async function distinctValues(conn: DuckDBConnection, t: string, c: string): Promise<(string | null)[]> {
  const present = `(SELECT DISTINCT ${c} AS v FROM ${t} WHERE ${c} IS NOT NULL)`;
  const [joined] = (await readJoinedText(conn, present, ['v'], 'v')) ?? [undefined];
  const nulls = await conn.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${t} WHERE ${c} IS NULL`);
  const hasNull = (nulls.getRows()[0][0] as number) > 0;
  if (joined !== undefined) return hasNull ? [...joined, null] : joined;
  const distinct = await conn.runAndReadAll(`SELECT DISTINCT ${c} FROM ${t} ORDER BY ${c}`);
  return ((distinct.getColumnsJS()[0] ?? []) as unknown[]).map((v) => (v === null ? null : String(v)));
}

/** DuckDB's trim(): spaces only (not tabs or other white space), so SQL and JS agree on every cell. */
export function trimSpaces(value: string): string {
  return value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32
    ? value.replace(/^ +| +$/g, '')
    : value;
}
