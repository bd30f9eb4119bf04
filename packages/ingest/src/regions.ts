/**
 * Region paths: each level's code identifies the full path down to that level, so same-named places stay apart.
 * Codes are computed in DuckDB (first-seen order), so no per-row strings cross into JS.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RegionLevel } from '@tally/core';
import { quoteIdent } from './duckdb.ts';
import type { ValidationIssue } from './issues.ts';

/** One level to build: a name and the SQL expression giving each row's label. */
export interface RegionSource {
  name: string;
  column: string;
  expr: string;
}

/** Builds region levels for the kept rows (`keepTable` holds their rowids in column r). */
export async function buildRegionsSql(
  conn: DuckDBConnection,
  table: string,
  keepTable: string,
  levels: readonly RegionSource[],
  keep: Int32Array,
  where: { file: string; lineOf: (rowid: number) => number; issues: ValidationIssue[] },
  constantWidest?: string,
): Promise<RegionLevel[]> {
  const n = keep.length;
  const out: RegionLevel[] = [];
  if (constantWidest !== undefined) out.push({ name: 'country', labels: [constantWidest], codes: new Int32Array(n) });
  if (levels.length === 0) return out;
  const label = (e: string) => `coalesce(nullif(${e}, ''), '(missing)')`;
  const keys = levels.map(
    (_, l) =>
      `concat_ws(chr(31), ${levels
        .slice(0, l + 1)
        .map((s) => label(s.expr))
        .join(', ')})`,
  );
  await conn.run(
    `CREATE OR REPLACE TABLE region_keys AS SELECT t.rowid AS r,
      ${levels.map((s, l) => `${keys[l]} AS k${l}, ${label(s.expr)} AS l${l}, (${s.expr}) = '' AS m${l}`).join(', ')}
     FROM ${quoteIdent(table)} t SEMI JOIN ${quoteIdent(keepTable)} k ON t.rowid = k.r`,
  );
  for (let l = 0; l < levels.length; l++) {
    const reader = await conn.runAndReadAll(
      `WITH f AS (SELECT k${l} AS key, arg_min(l${l}, r) AS label, (row_number() OVER (ORDER BY min(r)) - 1)::INTEGER AS code
                  FROM region_keys GROUP BY k${l})
       SELECT f.code, f.label FROM f ORDER BY f.code`,
    );
    const labels = (reader.getColumnsJS()[1] ?? []) as string[];
    const codesReader = await conn.runAndReadAll(
      `WITH f AS (SELECT k${l} AS key, (row_number() OVER (ORDER BY min(r)) - 1)::INTEGER AS code FROM region_keys GROUP BY k${l})
       SELECT f.code FROM region_keys k JOIN f ON k.k${l} = f.key ORDER BY k.r`,
    );
    const codes = Int32Array.from((codesReader.getColumnsJS()[0] ?? []) as number[]);
    if (codes.length !== n) throw new Error(`internal error: region codes ${codes.length} != stations ${n}`);
    out.push({ name: levels[l].name, labels, codes });
    const missing = await conn.runAndReadAll(`SELECT r::DOUBLE FROM region_keys WHERE m${l} ORDER BY r`);
    const rows = (missing.getColumnsJS()[0] ?? []) as number[];
    for (const r of rows.slice(0, 20)) {
      where.issues.push({
        level: 'warning',
        file: where.file,
        row: where.lineOf(r),
        column: levels[l].column,
        rule: 'missing_region_label',
        message: `no ${levels[l].name} given; grouped as "(missing)"`,
      });
    }
    if (rows.length > 20) {
      where.issues.push({
        level: 'warning',
        file: where.file,
        column: levels[l].column,
        rule: 'missing_region_label',
        message: `${rows.length - 20} more rows have no ${levels[l].name}`,
      });
    }
  }
  await conn.run('DROP TABLE region_keys');
  return out;
}

/** Writes the kept rowids into a temp table for joins. */
export async function writeKeepTable(conn: DuckDBConnection, name: string, keep: Int32Array): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(name)} (r BIGINT)`);
  const appender = await conn.createAppender(name);
  for (let i = 0; i < keep.length; i++) {
    appender.appendBigInt(BigInt(keep[i]));
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
