/** Reading count columns out of the raw text table: validation in SQL, values as Float64Array. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from './duckdb.ts';
import type { ValidationIssue } from './issues.ts';

/** Largest value accepted in a count column; above it a cell is not a polling-station count. */
export const MAX_COUNT = 1e9;

/** Finds every cell of `columns` that is not a whole, non-negative count, and lists it. */
export async function findBadCounts(
  conn: DuckDBConnection,
  table: string,
  columns: readonly string[],
  file: string,
  lineOf: (rowid: number) => number,
): Promise<{ issues: ValidationIssue[]; badRowids: Set<number> }> {
  const issues: ValidationIssue[] = [];
  const badRowids = new Set<number>();
  if (columns.length === 0) return { issues, badRowids };
  // One scan: fetch only the rows where some count cell is not a plain whole number, then classify in JS.
  const okCell = (c: string) =>
    `(regexp_full_match(coalesce(trim(${quoteIdent(c)}), ''), '${PLAIN_COUNT_RE2}') AND TRY_CAST(trim(${quoteIdent(c)}) AS DOUBLE) <= ${MAX_COUNT})`;
  const reader = await conn.runAndReadAll(
    `SELECT rowid::DOUBLE AS r, ${columns.map((c) => quoteIdent(c)).join(', ')} FROM ${quoteIdent(table)}
     WHERE NOT (${columns.map(okCell).join(' AND ')}) ORDER BY r`,
  );
  for (const row of reader.getRows()) {
    const rowid = Number(row[0]);
    badRowids.add(rowid);
    const before = issues.length;
    for (let k = 0; k < columns.length; k++) {
      const v = row[k + 1] === null ? null : String(row[k + 1]);
      if (isPlainCount(v)) continue;
      issues.push({ level: 'error', file, row: lineOf(rowid), column: columns[k], ...classifyBadCount(v) });
    }
    if (issues.length === before) {
      // SQL and JS disagreed on a cell: the row is still left out, so it must still be listed.
      issues.push({
        level: 'error',
        file,
        row: lineOf(rowid),
        rule: 'not_a_count',
        message: 'a count cell is unreadable',
      });
    }
  }
  return { issues, badRowids };
}

/**
 * A plain count: digits, optionally ".0" or ".00" (spreadsheet exports). ".000" is refused: "1.000" may be one
 * thousand written with a thousands separator, and reading it as 1 would be a silent error.
 */
const PLAIN_COUNT_RE2 = '[0-9]{1,10}(\\.0{1,2})?';
const PLAIN_COUNT = /^[0-9]{1,10}(\.0{1,2})?$/;

function isPlainCount(v: string | null): boolean {
  if (v === null) return false;
  // Same trimming as DuckDB's trim() in the SQL above (spaces only), so both sides agree on every cell.
  const t = v.replace(/^ +| +$/g, '');
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

/** Reads columns as numbers (rows listed in `skip` are left out), in rowid order. */
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
  const reader = await conn.runAndReadAll(
    `SELECT rowid::DOUBLE, ${exprs.join(', ')} FROM ${quoteIdent(table)} ORDER BY rowid`,
  );
  const cols = reader.getColumnsJS() as number[][];
  const rowids = cols[0];
  let j = 0;
  for (let i = 0; i < rowids.length && j < keepRowids.length; i++) {
    if (rowids[i] !== keepRowids[j]) continue;
    for (let k = 0; k < columns.length; k++) out[k][j] = cols[k + 1][i];
    j++;
  }
  return out;
}

/** Reads columns as trimmed strings ("" for NULL), in rowid order, for the kept rows. */
export async function readTextColumns(
  conn: DuckDBConnection,
  table: string,
  exprs: readonly string[],
  keepRowids: Int32Array,
): Promise<string[][]> {
  const out = exprs.map(() => new Array<string>(keepRowids.length));
  if (exprs.length === 0) return out;
  const reader = await conn.runAndReadAll(
    `SELECT rowid::DOUBLE, ${exprs.map((e) => `coalesce(${e}, '')`).join(', ')} FROM ${quoteIdent(table)} ORDER BY rowid`,
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
