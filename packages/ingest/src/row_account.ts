/**
 * "No data loss": the row accounting every JSON output carries. For each table read, the rows of the file equal the
 * rows analysed plus the rows excluded, and the excluded rows are counted by the reason (validation rule) that
 * excluded them.
 */
import type { LoadedTable } from './load_table.ts';

/** Rows in = rows analysed + rows excluded, by reason, for one input table. */
export interface RowAccount {
  file: string;
  rows: number;
  analysed: number;
  excluded: { reason: string; count: number }[];
}

/**
 * The row account of a loaded table. A row with several error-level issues is counted once, under its first rule in
 * file order; rows excluded without a row-level issue (which the ingest tests say never happens) are counted under
 * "not attributed to a rule" so the sum still holds visibly rather than silently.
 */
export function rowAccount(
  loaded: Pick<LoadedTable, 'file' | 'rows' | 'rowsExcluded' | 'issues' | 'table'>,
): RowAccount {
  const firstRule = new Map<number, string>();
  for (const i of loaded.issues) {
    if (i.level !== 'error' || i.row === undefined || firstRule.has(i.row)) continue;
    firstRule.set(i.row, i.rule);
  }
  const counts = new Map<string, number>();
  for (const rule of firstRule.values()) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  const excluded = [...counts.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const attributed = excluded.reduce((s, e) => s + e.count, 0);
  if (attributed < loaded.rowsExcluded)
    excluded.push({ reason: 'not attributed to a rule', count: loaded.rowsExcluded - attributed });
  return { file: loaded.file, rows: loaded.rows, analysed: loaded.table.n, excluded };
}

/** True when rows = analysed + the sum of the excluded counts (the invariant the tests check). */
export function rowAccountBalances(a: RowAccount): boolean {
  return a.rows === a.analysed + a.excluded.reduce((s, e) => s + e.count, 0);
}
