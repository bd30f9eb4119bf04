/** Rows that survive validation: station ids read, empty and duplicate ids listed and left out. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TallyError } from '@tally/core';
import { findDuplicateIds } from './consistency.ts';
import { readTextColumns } from './count_columns.ts';
import { quoteIdent } from './duckdb.ts';
import type { ValidationIssue } from './issues.ts';
import type { RawTable } from './load_raw.ts';
import type { ColumnRef } from './preset_schema.ts';
import { describeRef } from './resolve_columns.ts';

/** The error for required columns absent from a header (which it lists). */
export function missingColumnError(path: string, refs: ColumnRef[], header: readonly string[]): TallyError {
  const names = refs.map(describeRef).join(', ');
  const shown = header
    .slice(0, 30)
    .map((h) => `"${h}"`)
    .join(', ');
  return {
    kind: 'missing_column',
    column: refs.map(describeRef).join(', '),
    message: `${path}: required column ${names} not found. The header has: ${shown}${header.length > 30 ? ', …' : ''}`,
  };
}

/** SQL for a station id: one column, or several joined with " / ". */
export function idExpression(columns: readonly string[]): string {
  return columns.length === 1
    ? `trim(${quoteIdent(columns[0])})`
    : `concat_ws(' / ', ${columns.map((c) => `trim(${quoteIdent(c)})`).join(', ')})`;
}

/** Rowids kept after dropping `bad`, and the issue list noting any row with no id. */
export async function keptRows(
  conn: DuckDBConnection,
  raw: RawTable,
  idColumns: string[],
  bad: Set<number>,
  path: string,
): Promise<{ keep: Int32Array; ids: string[]; issues: ValidationIssue[] }> {
  const all = Int32Array.from({ length: raw.rows }, (_, i) => i);
  const [idsAll] = await readTextColumns(conn, raw.table, [idExpression(idColumns)], all);
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < idsAll.length; i++) {
    if (idsAll[i].replaceAll(' / ', '') === '') {
      bad.add(i);
      issues.push({
        level: 'error',
        file: path,
        row: raw.lineOf(i),
        column: idColumns.join(' + '),
        rule: 'missing_station_id',
        message: 'the station id is empty',
      });
    }
  }
  const dup = findDuplicateIds(idsAll, bad, (i) => raw.lineOf(i), path, idColumns.join(' + '));
  for (const item of dup) issues.push(item);
  const keepList: number[] = [];
  for (let i = 0; i < raw.rows; i++) if (!bad.has(i)) keepList.push(i);
  const keep = Int32Array.from(keepList);
  return { keep, ids: keepList.map((i) => idsAll[i]), issues };
}
