/**
 * Region paths: each level's code identifies the full path down to that level, so same-named places stay apart.
 * Codes are numbered in first-seen order. Labels are made from each column's distinct values (see dictionary_column.ts),
 * so the per-row work is integer arithmetic.
 */
import type { RegionLevel } from '@tally/core';
import { type DictionaryReader, trimSpaces } from './dictionary_column.ts';
import type { ValidationIssue } from './issues.ts';

/** One level to build: its name, its column, and optionally the [start, end) characters of the value to keep. */
export interface RegionSource {
  name: string;
  column: string;
  slice: [number, number] | undefined;
}

/** Label of an empty cell. */
const MISSING = '(missing)';
/** Rows with a missing label listed one by one before the rest are counted. */
const LISTED = 20;

/** Builds region levels for the kept rows (rowids `keep`, ascending). */
export async function buildRegionLevels(
  read: DictionaryReader,
  levels: readonly RegionSource[],
  keep: Int32Array,
  where: { file: string; lineOf: (rowid: number) => number; issues: ValidationIssue[] },
  constantWidest?: string,
): Promise<RegionLevel[]> {
  const n = keep.length;
  const out: RegionLevel[] = [];
  if (constantWidest !== undefined) out.push({ name: 'country', labels: [constantWidest], codes: new Int32Array(n) });
  let parent = new Int32Array(n);
  for (const level of levels) {
    const column = await read(level.column);
    // Distinct cell values -> distinct labels (trimming and slicing can merge values); '' is a missing label.
    const labelIds = new Map<string, number>();
    const labelOfValue = column.values.map((v) => {
      const text = labelText(v, level.slice);
      let id = labelIds.get(text);
      if (id === undefined) {
        id = labelIds.size;
        labelIds.set(text, id);
      }
      return id;
    });
    const labelTexts = [...labelIds.keys()];
    const width = labelTexts.length;
    const codeOfPath = new Map<number, number>();
    const labels: string[] = [];
    const codes = new Int32Array(n);
    const missingRows: number[] = [];
    for (let i = 0; i < n; i++) {
      const label = labelOfValue[column.codes[keep[i]]];
      const path = parent[i] * width + label;
      let code = codeOfPath.get(path);
      if (code === undefined) {
        code = labels.length;
        codeOfPath.set(path, code);
        labels.push(labelTexts[label] === '' ? MISSING : labelTexts[label]);
      }
      codes[i] = code;
      if (labelTexts[label] === '') missingRows.push(keep[i]);
    }
    out.push({ name: level.name, labels, codes });
    noteMissing(missingRows, level, where);
    parent = codes;
  }
  return out;
}

function labelText(value: string | null, slice: [number, number] | undefined): string {
  const text = trimSpaces(value ?? '');
  if (slice === undefined) return text;
  // Characters, not UTF-16 units, as DuckDB's substr counts them.
  return Array.from(text).slice(slice[0], slice[1]).join('');
}

function noteMissing(
  rows: readonly number[],
  level: RegionSource,
  where: { file: string; lineOf: (rowid: number) => number; issues: ValidationIssue[] },
): void {
  for (const r of rows.slice(0, LISTED)) {
    where.issues.push({
      level: 'warning',
      file: where.file,
      row: where.lineOf(r),
      column: level.column,
      rule: 'missing_region_label',
      message: `no ${level.name} given; grouped as "${MISSING}"`,
    });
  }
  if (rows.length > LISTED) {
    where.issues.push({
      level: 'warning',
      file: where.file,
      column: level.column,
      rule: 'missing_region_label',
      message: `${rows.length - LISTED} more rows have no ${level.name}`,
    });
  }
}
