/** Reading count columns out of the raw text table: validation in SQL, values as Float64Array. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { trimSpaces } from './dictionary_column.ts';
import { quoteIdent } from './duckdb.ts';
import { EMPTY_ROW_RULE, type ValidationIssue } from './issues.ts';
import { readJoinedText } from './joined_text.ts';

/** Largest value accepted in a count column; above it a cell is not a polling-station count. */
export const MAX_COUNT = 1e9;

/** Count columns read for every raw row, with the rows holding a cell that is not a count listed and left out. */
export interface CountColumns {
  /** values[k][rowid]: column k of raw row rowid (NaN in bad rows). */
  values: Float64Array[];
  issues: ValidationIssue[];
  badRowids: Set<number>;
}

/**
 * Reads count columns as numbers and finds every cell that is not a whole, non-negative count. One scan reads each
 * cell as an unsigned integer and flags the rows where some cell is not the canonical digits of its value (a cheap
 * test that every plain count written without padding passes); only those rows are read as text and judged here.
 */
export async function readCounts(
  conn: DuckDBConnection,
  table: string,
  columns: readonly string[],
  rows: number,
  file: string,
  lineOf: (rowid: number) => number,
): Promise<CountColumns> {
  const values = columns.map(() => new Float64Array(rows));
  const issues: ValidationIssue[] = [];
  const badRowids = new Set<number>();
  if (columns.length === 0) return { values, issues, badRowids };
  const asCount = (c: string) => `TRY_CAST(${quoteIdent(c)} AS UINTEGER)`;
  const canonical = columns.map((c) => `coalesce(${asCount(c)}::VARCHAR = ${quoteIdent(c)}, false)`).join(' AND ');
  const bounded = columns.map((c) => `coalesce(${asCount(c)} <= ${MAX_COUNT}, false)`).join(' AND ');
  const plainRow = `(${canonical} AND ${bounded})`;
  const scan = await conn.run(
    `SELECT rowid::INTEGER, ${plainRow}::INTEGER, ${columns.map((c) => `${asCount(c)}::DOUBLE`).join(', ')}
     FROM ${quoteIdent(table)}`,
  );
  let suspects = 0;
  let scanned = 0;
  for (let k = 0; k < scan.chunkCount; k++) {
    const chunk = scan.getChunk(k);
    const rowCount = chunk.rowCount;
    const rowidVector = chunk.getColumnVector(0);
    const plainVector = chunk.getColumnVector(1);
    const rowids = Int32Array.from({ length: rowCount }, (_, j) => rowidVector.getItem(j) as number);
    for (let j = 0; j < rowCount; j++) if (plainVector.getItem(j) !== 1) suspects++;
    for (let c = 0; c < columns.length; c++) {
      const vector = chunk.getColumnVector(c + 2);
      const out = values[c];
      for (let j = 0; j < rowCount; j++) out[rowids[j]] = vector.getItem(j) as number;
    }
    scanned += rowCount;
  }
  if (scanned !== rows) throw new Error(`internal error: read ${scanned} of ${rows} rows of ${table}`);
  if (suspects === 0) return { values, issues, badRowids };
  const suspect = await conn.runAndReadAll(
    `SELECT rowid::INTEGER, ${columns.map((c) => quoteIdent(c)).join(', ')} FROM ${quoteIdent(table)}
     WHERE NOT ${plainRow} ORDER BY rowid`,
  );
  for (const row of suspect.getRows()) {
    const rowid = Number(row[0]);
    if (allEmpty(row)) {
      for (let k = 0; k < columns.length; k++) values[k][rowid] = Number.NaN;
      badRowids.add(rowid);
      issues.push({
        level: 'error',
        file,
        row: lineOf(rowid),
        rule: EMPTY_ROW_RULE,
        message: `every count cell is empty (${columns.length} columns; e.g. a station or region that did not vote)`,
      });
      continue;
    }
    let bad = false;
    for (let k = 0; k < columns.length; k++) {
      const v = row[k + 1] === null ? null : String(row[k + 1]);
      if (isPlainCount(v)) {
        values[k][rowid] = Number(trimSpaces(v as string));
        continue;
      }
      bad = true;
      values[k][rowid] = Number.NaN;
      issues.push({ level: 'error', file, row: lineOf(rowid), column: columns[k], ...classifyBadCount(v) });
    }
    if (bad) badRowids.add(rowid);
  }
  return { values, issues, badRowids };
}

/** True when every count cell of a row read as [rowid, ...cells] is empty or spaces. */
function allEmpty(row: readonly unknown[]): boolean {
  for (let k = 1; k < row.length; k++) {
    const v = row[k];
    if (v !== null && trimSpaces(String(v)) !== '') return false;
  }
  return true;
}

/**
 * A plain count: digits, optionally ".0" or ".00" (spreadsheet exports). ".000" is refused: "1.000" may be one
 * thousand written with a thousands separator, and reading it as 1 would be a silent error.
 */
const PLAIN_COUNT = /^[0-9]{1,10}(\.0{1,2})?$/;

function isPlainCount(v: string | null): boolean {
  if (v === null) return false;
  const t = trimSpaces(v);
  return PLAIN_COUNT.test(t) && Number(t) <= MAX_COUNT;
}

/** Names the rule a bad count cell breaks. */
export function classifyBadCount(value: string | null): { rule: string; message: string } {
  const v = value === null ? '' : value.replace(/^ +| +$/g, ''); // spaces only, as in the SQL check
  if (v === '') return { rule: 'missing_count', message: 'the count is empty' };
  if (/^-\d+([.,]\d+)?$/.test(v)) return { rule: 'negative_count', message: `negative count ${JSON.stringify(v)}` };
  if (/^\d{1,3}([ ,.\u00a0]\d{3})+$/.test(v)) {
    return {
      rule: 'not_a_count',
      message: `${JSON.stringify(v)} looks like thousands separators (or is ambiguous); write counts as plain digits`,
    };
  }
  if (/^\d+[.,]0+$/.test(v)) {
    return { rule: 'not_a_count', message: `count ${JSON.stringify(v)} has decimals; write counts as plain digits` };
  }
  if (/^\d+[.,]\d+$/.test(v))
    return { rule: 'non_integer_count', message: `count ${JSON.stringify(v)} is not a whole number` };
  if (/^\d+$/.test(v)) {
    return { rule: 'implausible_count', message: `count ${v} is larger than ${MAX_COUNT.toExponential()}` };
  }
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(v)) {
    return Number(v) > MAX_COUNT
      ? { rule: 'implausible_count', message: `count ${v} is larger than ${MAX_COUNT.toExponential()}` }
      : { rule: 'not_a_count', message: `count ${JSON.stringify(v)} is in scientific notation; write plain digits` };
  }
  const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return { rule: 'not_a_count', message: `text ${JSON.stringify(shown)} in a count column` };
}

/** Reads columns as numbers (NaN where a cell is not one) for the kept rows `keepRowids` (ascending). */
export async function readNumericColumns(
  conn: DuckDBConnection,
  table: string,
  columns: readonly string[],
  keepRowids: Int32Array,
  decimalComma: boolean,
): Promise<Float64Array[]> {
  const out = columns.map(() => new Float64Array(keepRowids.length));
  if (columns.length === 0) return out;
  const exprs = columns.map((c) => {
    const v = decimalComma ? `replace(trim(${quoteIdent(c)}), ',', '.')` : `trim(${quoteIdent(c)})`;
    return `coalesce(TRY_CAST(${v} AS DOUBLE), 'NaN'::DOUBLE)`;
  });
  // Kept row j of raw row `rowid` is slot[rowid] (-1: left out); the scan's rows come in any order.
  const slot = new Int32Array(keepRowids.length > 0 ? keepRowids[keepRowids.length - 1] + 1 : 0).fill(-1);
  for (let j = 0; j < keepRowids.length; j++) slot[keepRowids[j]] = j;
  const scan = await conn.run(`SELECT rowid::INTEGER, ${exprs.join(', ')} FROM ${quoteIdent(table)}`);
  for (let k = 0; k < scan.chunkCount; k++) {
    const chunk = scan.getChunk(k);
    const rowCount = chunk.rowCount;
    const rowidVector = chunk.getColumnVector(0);
    const slots = Int32Array.from({ length: rowCount }, (_, i) => {
      const rowid = rowidVector.getItem(i) as number;
      return rowid < slot.length ? slot[rowid] : -1;
    });
    for (let c = 0; c < columns.length; c++) {
      const vector = chunk.getColumnVector(c + 1);
      const values = out[c];
      for (let i = 0; i < rowCount; i++) if (slots[i] >= 0) values[slots[i]] = vector.getItem(i) as number;
    }
  }
  return out;
}

/** Reads text expressions ("" for NULL) for the kept rows, in rowid order. */
export async function readTextColumns(
  conn: DuckDBConnection,
  table: string,
  exprs: readonly string[],
  keepRowids: Int32Array,
): Promise<string[][]> {
  const out = exprs.map(() => new Array<string>(keepRowids.length));
  if (exprs.length === 0) return out;
  const cells = exprs.map((e) => `coalesce(${e}, '')`);
  // A fresh table's rowids are 0 .. rows - 1, so the joined values of row `rowid` are at index `rowid`.
  const joined = await readJoinedText(conn, quoteIdent(table), cells, 'rowid');
  if (joined !== undefined) {
    for (let k = 0; k < exprs.length; k++) {
      const all = joined[k];
      const column = out[k];
      for (let j = 0; j < keepRowids.length; j++) column[j] = all[keepRowids[j]];
    }
    return out;
  }
  const reader = await conn.runAndReadAll(
    `SELECT rowid::DOUBLE, ${cells.join(', ')} FROM ${quoteIdent(table)} ORDER BY rowid`,
  );
  const cols = reader.getColumnsJS() as unknown[][];
  const rowids = cols[0] as number[];
  let j = 0;
  for (let i = 0; i < rowids.length && j < keepRowids.length; i++) {
    if (rowids[i] !== keepRowids[j]) continue;
    for (let k = 0; k < exprs.length; k++) out[k][j] = String(cols[k + 1][i]);
    j++;
  }
  return out;
}
