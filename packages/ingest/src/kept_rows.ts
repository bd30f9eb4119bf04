/** Rows that survive validation: station ids read, empty and duplicate ids listed and left out. */
import type { TallyError } from '@tally/core';
import { findDuplicateIds } from './consistency.ts';
import { type DictionaryReader, trimSpaces } from './dictionary_column.ts';
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

/**
 * Station ids of every raw row, as SQL's concat_ws(' / ', trim(c1), trim(c2), ...) would build them: one column's
 * trimmed value, or several joined with " / " (an empty cell leaves its part out).
 */
export async function stationIds(read: DictionaryReader, columns: readonly string[], rows: number): Promise<string[]> {
  const parts = await Promise.all(
    columns.map(async (c) => {
      const d = await read(c);
      return { codes: d.codes, values: d.values.map((v) => (v === null ? null : trimSpaces(v))) };
    }),
  );
  const ids = new Array<string>(rows);
  if (parts.length === 1) {
    const { codes, values } = parts[0];
    for (let i = 0; i < rows; i++) ids[i] = values[codes[i]] ?? '';
    return ids;
  }
  for (let i = 0; i < rows; i++) {
    let id: string | undefined;
    for (const { codes, values } of parts) {
      const v = values[codes[i]];
      if (v === null) continue;
      id = id === undefined ? v : `${id} / ${v}`;
    }
    ids[i] = id ?? '';
  }
  return ids;
}

/** Rowids kept after dropping `bad`, and the issue list noting any row with no id. */
export async function keptRows(
  raw: RawTable,
  read: DictionaryReader,
  idColumns: string[],
  bad: Set<number>,
  path: string,
): Promise<{ keep: Int32Array; ids: string[]; issues: ValidationIssue[] }> {
  const idsAll = await stationIds(read, idColumns, raw.rows);
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < idsAll.length; i++) {
    if (idsAll[i] === '' || (idColumns.length > 1 && idsAll[i].replaceAll(' / ', '') === '')) {
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
