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
  const parts = columns.map(
    (c, i) =>
      `SELECT rowid::DOUBLE AS r, ${i} AS c, ${quoteIdent(c)} AS v FROM ${quoteIdent(table)}
       WHERE NOT regexp_full_match(coalesce(trim(${quoteIdent(c)}), ''), '[0-9]{1,10}(\\.0+)?')
          OR TRY_CAST(trim(${quoteIdent(c)}) AS DOUBLE) > ${MAX_COUNT}`,
  );
  const reader = await conn.runAndReadAll(`${parts.join(' UNION ALL ')} ORDER BY r, c`);
  for (const [r, c, v] of reader.getRows()) {
    const rowid = Number(r);
    const column = columns[Number(c)];
    badRowids.add(rowid);
    issues.push({
      level: 'error',
      file,
      row: lineOf(rowid),
      column,
      ...classifyBadCount(v === null ? null : String(v)),
    });
  }
  return { issues, badRowids };
}

/** Names the rule a bad count cell breaks. */
export function classifyBadCount(value: string | null): { rule: string; message: string } {
  const v = value === null ? '' : value.trim();
  if (v === '') return { rule: 'missing_count', message: 'the count is empty' };
  if (/^-\d+([.,]\d+)?$/.test(v)) return { rule: 'negative_count', message: `negative count ${JSON.stringify(v)}` };
  if (/^\d+[.,]\d+$/.test(v))
    return { rule: 'non_integer_count', message: `count ${JSON.stringify(v)} is not a whole number` };
  if (/^\d+$/.test(v) || /^\d+(\.\d+)?e\+?\d+$/i.test(v)) {
    return { rule: 'implausible_count', message: `count ${v} is larger than ${MAX_COUNT.toExponential()}` };
  }
  if (/^\d{1,3}([ ,.\u00a0]\d{3})+$/.test(v)) {
    return {
      rule: 'not_a_count',
      message: `${JSON.stringify(v)} has thousands separators; write counts as plain digits`,
    };
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
