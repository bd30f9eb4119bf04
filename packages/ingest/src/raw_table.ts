/** What every reader of a file into DuckDB shares: the loaded table's shape, the size limits, small table queries. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TextSniff } from './detect.ts';
import { quoteIdent } from './duckdb.ts';
import type { ValidationIssue } from './issues.ts';
import { sweepDeadEntries } from './temp_sweep.ts';

/** A loaded raw table: all columns as text, plus `lineOf(rowid)` mapping a table row to the file's line. */
export interface RawTable {
  table: string;
  columns: string[];
  rows: number;
  /** Records DuckDB could not read (ragged rows): not in the table, each listed in `issues`. */
  rejectedRows: number;
  lineOf: (rowid: number) => number;
  issues: ValidationIssue[];
  sniff?: Omit<TextSniff, 'bytes' | 'head'>;
  format: string;
}

/**
 * Widest header read. Election tables have at most hundreds of columns; the count checks build one SQL expression
 * per column, and at 10,000 columns they took 5.6 minutes.
 */
export const MAX_COLUMNS = 2_000;
/** Most records read from any file: the largest national election tables have about 100,000 stations. */
export const MAX_ROWS = 5_000_000;
/** Largest JSON text read (decompressed): DuckDB's JSON reader holds several times the text in memory. */
export const MAX_JSON_BYTES = 128 * 2 ** 20;

/** Prefix of the temporary folders the loader makes (decompressed or transcoded text). */
const TEMP_PREFIX = 'tally-read-';
let swept = false;

/** A fresh temporary folder for this process; the first call removes those that killed runs left behind. */
export function newTempDir(): string {
  if (!swept) {
    swept = true;
    sweepDeadEntries(tmpdir(), TEMP_PREFIX);
  }
  return mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
}

/** Column names of a table, in order. */
export async function columnNames(conn: DuckDBConnection, table: string): Promise<string[]> {
  const reader = await conn.runAndReadAll(`SELECT * FROM ${quoteIdent(table)} LIMIT 0`);
  return reader.columnNames();
}

export async function countRows(conn: DuckDBConnection, table: string): Promise<number> {
  const reader = await conn.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${quoteIdent(table)}`);
  return Number(reader.getRows()[0][0]);
}

/** The first line of an error's message, without DuckDB's stack noise. */
export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0];
}
