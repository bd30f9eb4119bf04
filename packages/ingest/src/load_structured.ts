/** Parquet and JSON files into a DuckDB table of VARCHAR columns, each record one row (its 1-based number its row). */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { err, ok, type Result, type TallyError } from '@tally/core';
import { isGzip } from './detect.ts';
import { quoteIdent, quoteLiteral } from './duckdb.ts';
import { MAX_JSON_DEPTH, scanJson } from './json_scan.ts';
import {
  columnNames,
  countRows,
  firstLine,
  MAX_COLUMNS,
  MAX_JSON_BYTES,
  MAX_ROWS,
  newTempDir,
  type RawTable,
} from './raw_table.ts';

/** Loads a Parquet file after checking its row and column counts in the file's metadata (nothing else is read). */
export async function loadParquet(
  conn: DuckDBConnection,
  file: string,
  table: string,
): Promise<Result<RawTable, TallyError>> {
  const source = quoteLiteral(file);
  try {
    const meta = await conn.runAndReadAll(
      `SELECT coalesce(sum(num_rows), 0)::DOUBLE FROM parquet_file_metadata(${source})`,
    );
    const rows = Number(meta.getRows()[0][0]);
    if (rows > MAX_ROWS) {
      const message = `${file}: the Parquet metadata declares ${rows.toLocaleString('en')} rows, more than ${MAX_ROWS.toLocaleString('en')}; no election table is that long`;
      return err({ kind: 'parse_error', file, rule: 'too_many_rows', message });
    }
    const schema = await conn.runAndReadAll(`SELECT count(*)::DOUBLE FROM parquet_schema(${source})`);
    const columns = Number(schema.getRows()[0][0]) - 1; // the schema's root is one entry
    if (columns > MAX_COLUMNS) {
      const message = `${file}: the Parquet file has ${columns} columns (more than ${MAX_COLUMNS}); no election table is that wide`;
      return err({ kind: 'parse_error', file, row: 1, rule: 'too_many_columns', message });
    }
    await conn.run(`CREATE TABLE ${quoteIdent(table)} AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${source})`);
  } catch (e) {
    return err({ kind: 'parse_error', file, rule: 'unreadable_parquet', message: `${file}: ${firstLine(e)}` });
  }
  return finishStructured(conn, file, table, 'parquet');
}

/**
 * Loads JSON (an array of records, or one record per line), gzip-compressed or not. The text is decompressed here
 * under a limit and scanned for nesting depth and record count before DuckDB sees it (see json_scan.ts).
 */
export async function loadJson(
  conn: DuckDBConnection,
  file: string,
  bytes: Uint8Array,
  table: string,
): Promise<Result<RawTable, TallyError>> {
  const gzip = isGzip(bytes);
  let text: Uint8Array;
  try {
    text = gzip ? gunzipSync(bytes, { maxOutputLength: MAX_JSON_BYTES + 1 }) : bytes;
  } catch (e) {
    if (e instanceof RangeError) return err(jsonTooLarge(file, gzip));
    return err({ kind: 'parse_error', file, rule: 'unreadable_gzip', message: `${file}: gzip data: ${firstLine(e)}` });
  }
  if (text.length > MAX_JSON_BYTES) return err(jsonTooLarge(file, gzip));
  const scan = scanJson(text, MAX_ROWS);
  if (!scan.ok && scan.rule === 'json_too_deep') {
    const message = `${file}: row ${scan.line}: JSON nested more than ${MAX_JSON_DEPTH} levels deep; election records are flat`;
    return err({ kind: 'parse_error', file, row: scan.line, rule: 'json_too_deep', message });
  }
  if (!scan.ok) {
    const message = `${file}: more than ${MAX_ROWS.toLocaleString('en')} JSON records; no election table is that long`;
    return err({ kind: 'parse_error', file, row: scan.line, rule: 'too_many_rows', message });
  }
  // DuckDB is given the plain text, so that it never decompresses anything itself (its inflation has no limit here).
  const tempDir = gzip ? newTempDir() : undefined;
  const source = tempDir === undefined ? file : join(tempDir, 'decompressed.json');
  try {
    if (tempDir !== undefined) writeFileSync(source, text);
    await conn.run(
      `CREATE TABLE ${quoteIdent(table)} AS SELECT COLUMNS(*)::VARCHAR FROM read_json_auto(${quoteLiteral(source)}, maximum_depth = ${MAX_JSON_DEPTH})`,
    );
  } catch (e) {
    const why = firstLine(e).replaceAll(source, file);
    return err({ kind: 'parse_error', file, rule: 'unreadable_json', message: `${file}: ${why}` });
  } finally {
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  }
  return finishStructured(conn, file, table, 'json');
}

function jsonTooLarge(file: string, gzip: boolean): TallyError {
  const what = gzip ? 'once decompressed, the file is' : 'the file is';
  return {
    kind: 'parse_error',
    file,
    rule: 'file_too_large',
    message: `${file}: ${what} larger than ${MAX_JSON_BYTES / 2 ** 20} MiB of JSON`,
  };
}

/** Column names and row count of a table loaded from Parquet or JSON, whose rows are records (1-based). */
async function finishStructured(
  conn: DuckDBConnection,
  file: string,
  table: string,
  format: string,
): Promise<Result<RawTable, TallyError>> {
  const columns = await columnNames(conn, table);
  if (columns.length > MAX_COLUMNS) {
    const message = `${file}: the records have ${columns.length} fields (more than ${MAX_COLUMNS}); no election table is that wide`;
    return err({ kind: 'parse_error', file, row: 1, rule: 'too_many_columns', message });
  }
  const rows = await countRows(conn, table);
  return ok({ table, columns, rows, rejectedRows: 0, lineOf: (rowid) => rowid + 1, issues: [], format });
}
