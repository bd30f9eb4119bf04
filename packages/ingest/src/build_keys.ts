/** Keys files (station id -> attributes, no votes), e.g. arrival order and cross-election codes. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { err, ok, type Result, type TallyError } from '@tally/core';
import { readNumericColumns, readTextColumns } from './count_columns.ts';
import { dictionaryReader } from './dictionary_column.ts';
import { quoteIdent } from './duckdb.ts';
import type { ValidationIssue } from './issues.ts';
import { keptRows, missingColumnError } from './kept_rows.ts';
import type { RawTable } from './load_raw.ts';
import type { KeysMapping } from './preset_schema.ts';
import { findColumn, resolveAll } from './resolve_columns.ts';

/** A keys file (station id -> attributes). */
export interface LoadedKeys {
  ids: string[];
  attributes: Record<string, string[] | Float64Array>;
  issues: ValidationIssue[];
  file: string;
  sha256: string;
  rows: number;
  rowsExcluded: number;
  mapping: KeysMapping;
}

/** Builds a keys table (station id -> attributes) from a loaded raw table. */
export async function buildKeys(
  conn: DuckDBConnection,
  raw: RawTable,
  mapping: KeysMapping,
  path: string,
  sha256: string,
): Promise<Result<LoadedKeys, TallyError>> {
  const header = raw.columns;
  const station = resolveAll(mapping.station, header);
  const attrs = Object.entries(mapping.attributes).map(([name, spec]) => ({
    name,
    type: spec.type,
    column: findColumn(spec.column, header),
    ref: spec.column,
  }));
  const missing = [...station.missing, ...attrs.filter((a) => a.column === undefined).map((a) => a.ref)];
  if (missing.length > 0) return err(missingColumnError(path, missing, header));
  const issues = [...raw.issues];
  const read = dictionaryReader(conn, raw.table, raw.rows);
  const kept = await keptRows(raw, read, station.columns, new Set<number>(), path);
  for (const item of kept.issues) issues.push(item);
  const numeric = attrs.filter((a) => a.type === 'number').map((a) => a.column!);
  const text = attrs.filter((a) => a.type === 'string').map((a) => a.column!);
  const numValues = await readNumericColumns(conn, raw.table, numeric, kept.keep, raw.sniff?.decimalComma ?? false);
  const textValues = await readTextColumns(
    conn,
    raw.table,
    text.map((c) => `trim(${quoteIdent(c)})`),
    kept.keep,
  );
  const attributes: Record<string, string[] | Float64Array> = {};
  for (const a of attrs) {
    if (a.type === 'number') {
      const values = numValues[numeric.indexOf(a.column!)];
      for (let i = 0; i < values.length; i++) {
        if (Number.isNaN(values[i])) {
          issues.push({
            level: 'error',
            file: path,
            row: raw.lineOf(kept.keep[i]),
            column: a.column,
            rule: 'not_a_number',
            message: 'expected a number',
          });
        }
      }
      attributes[a.name] = values;
    } else {
      attributes[a.name] = textValues[text.indexOf(a.column!)];
    }
  }
  return ok({
    ids: kept.ids,
    attributes,
    issues,
    file: path,
    sha256,
    rows: raw.rows + raw.rejectedRows,
    rowsExcluded: raw.rows + raw.rejectedRows - kept.keep.length,
    mapping,
  });
}
