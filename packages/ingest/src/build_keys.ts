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
  /** The line in the file of each key row (header = row 1), for messages. */
  lines: number[];
  /** The source column each attribute was read from, for messages. */
  columns: Record<string, string>;
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
    emptyAllowed: spec.emptyAllowed === true,
    decimalComma: spec.decimalComma === true,
  }));
  const missing = [...station.missing, ...attrs.filter((a) => a.column === undefined).map((a) => a.ref)];
  if (missing.length > 0) return err(missingColumnError(path, missing, header));
  const issues = [...raw.issues];
  const read = dictionaryReader(conn, raw.table, raw.rows);
  const kept = await keptRows(raw, read, station.columns, new Set<number>(), path);
  for (const item of kept.issues) issues.push(item);
  const numeric = attrs.filter((a) => a.type === 'number' && !a.decimalComma).map((a) => a.column!);
  const commaNumeric = attrs.filter((a) => a.type === 'number' && a.decimalComma).map((a) => a.column!);
  const text = attrs.filter((a) => a.type === 'string' || a.emptyAllowed).map((a) => a.column!);
  const numValues = await readNumericColumns(conn, raw.table, numeric, kept.keep, raw.sniff?.decimalComma ?? false);
  const commaValues = await readNumericColumns(conn, raw.table, commaNumeric, kept.keep, true);
  const textValues = await readTextColumns(
    conn,
    raw.table,
    text.map((c) => `trim(${quoteIdent(c)})`),
    kept.keep,
  );
  const attributes: Record<string, string[] | Float64Array> = {};
  for (const a of attrs) {
    if (a.type === 'number') {
      const values = a.decimalComma
        ? commaValues[commaNumeric.indexOf(a.column!)]
        : numValues[numeric.indexOf(a.column!)];
      const texts = a.emptyAllowed ? textValues[text.indexOf(a.column!)] : undefined;
      let empty = 0;
      for (let i = 0; i < values.length; i++) {
        if (!Number.isNaN(values[i])) continue;
        if (texts !== undefined && texts[i] === '') {
          empty++;
          continue;
        }
        issues.push({
          level: 'error',
          file: path,
          row: raw.lineOf(kept.keep[i]),
          column: a.column,
          rule: 'not_a_number',
          message: 'expected a number',
        });
      }
      if (empty > 0) {
        issues.push({
          level: 'warning',
          file: path,
          column: a.column,
          rule: 'empty_attribute',
          message: `${empty} rows have no ${a.name} (kept, with no value)`,
        });
      }
      attributes[a.name] = values;
    } else {
      attributes[a.name] = textValues[text.indexOf(a.column!)];
    }
  }
  const lines = Array.from(kept.keep, (rowid) => raw.lineOf(rowid));
  const columns: Record<string, string> = {};
  for (const a of attrs) columns[a.name] = a.column!;
  return ok({
    ids: kept.ids,
    lines,
    columns,
    attributes,
    issues,
    file: path,
    sha256,
    rows: raw.rows + raw.rejectedRows,
    rowsExcluded: raw.rows + raw.rejectedRows - kept.keep.length,
    mapping,
  });
}
