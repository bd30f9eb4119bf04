/**
 * The row policy, one function for the CLI and the web app: which error rows leave a table out of analysis (refused)
 * and which are excluded with a count and a reason. Rows whose count cells are all empty (a region that did not vote,
 * a placeholder row) are always excluded; any other error row refuses the table unless the user asked to exclude
 * invalid rows (`--exclude-invalid`, the web load request's `excludeInvalid`). Either way the row account
 * (rows = analysed + excluded, by reason) goes into every output.
 */

import type { TallyError } from '@tally/core';
import { EMPTY_ROW_RULE, formatIssue, type ValidationIssue } from './issues.ts';
import type { LoadedTable } from './load_table.ts';
import { type RowAccount, rowAccount } from './row_account.ts';

export { EMPTY_ROW_RULE };

/** What the user allows. */
export interface RowPolicy {
  /** Exclude rows with error-level problems (listed and counted) instead of refusing the table. */
  excludeInvalid?: boolean;
}

/**
 * Error rules that do not leave a row out (a header problem, an arrival time that cannot be read on a kept row):
 * excluding rows cannot cure them, so they refuse the table under any policy.
 */
const NOT_EXCLUDABLE = new Set(['duplicate_column', 'unparseable_time', 'time_without_zone', 'unknown_time_zone']);

/** The outcome: the problems that refuse the table (empty when it may be analysed) and its row account. */
export interface RowPolicyOutcome {
  refused: ValidationIssue[];
  account: RowAccount;
}

/** Applies the row policy to a loaded table. */
export function applyRowPolicy(
  loaded: Pick<LoadedTable, 'file' | 'rows' | 'rowsExcluded' | 'issues' | 'table'>,
  policy: RowPolicy = {},
): RowPolicyOutcome {
  const emptyRows = new Set<number>();
  for (const i of loaded.issues) if (i.rule === EMPTY_ROW_RULE && i.row !== undefined) emptyRows.add(i.row);
  const refused = loaded.issues.filter((i) => {
    if (i.level !== 'error') return false;
    if (NOT_EXCLUDABLE.has(i.rule) || i.row === undefined) return true;
    if (emptyRows.has(i.row)) return false;
    return !policy.excludeInvalid;
  });
  return { refused, account: rowAccount(loaded) };
}

/** One line of the row account, in English, for logs and error messages: "rows 10 = analysed 8 + excluded 2 (...)". */
export function describeRowAccount(account: RowAccount): string {
  const excluded = account.excluded.reduce((s, e) => s + e.count, 0);
  const reasons = account.excluded.map((e) => `${e.reason}: ${e.count}`).join(', ');
  return `rows ${account.rows} = analysed ${account.analysed} + excluded ${excluded}${reasons ? ` (${reasons})` : ''}`;
}

/**
 * The error that refuses a table under the policy, or undefined when it may be analysed: the file, the first refused
 * row and its rule, and the way out (--exclude-invalid).
 */
export function refuseByPolicy(
  loaded: Pick<LoadedTable, 'file' | 'rows' | 'rowsExcluded' | 'issues' | 'table'>,
  policy: RowPolicy = {},
): TallyError | undefined {
  const { refused } = applyRowPolicy(loaded, policy);
  if (refused.length === 0) return undefined;
  const rows = new Set(refused.map((i) => i.row ?? -1)).size;
  const first = refused[0];
  return {
    kind: 'parse_error',
    file: loaded.file,
    row: first.row,
    column: first.column,
    rule: first.rule,
    message:
      `${loaded.file}: ${rows} row(s) with error-level problems, first: ${formatIssue(first)}; fix them, or leave ` +
      'those rows out with --exclude-invalid (`tally validate` lists them all)',
  };
}
