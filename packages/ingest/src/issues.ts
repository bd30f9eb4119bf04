/** Validation problems found in an input file. Every problem names the file, and where known the row and column. */

/**
 * The rule of a row whose count cells are all empty: the row policy (row_policy.ts) always leaves it out, with this
 * reason, instead of refusing the file.
 */
export const EMPTY_ROW_RULE = 'empty_row';

/** One rule violation. `row` is the 1-based line in the file (the header is row 1) for text files and spreadsheets. */
export interface ValidationIssue {
  level: 'error' | 'warning';
  file: string;
  row?: number;
  column?: string;
  /** Stable rule id, e.g. "negative_count", "ballots_exceed_registered". Listed in docs/data-model.md. */
  rule: string;
  message: string;
}

/** Formats an issue as one line for a terminal: `level: file:row: column: message [rule]`. */
export function formatIssue(issue: ValidationIssue): string {
  const where = [issue.file, issue.row !== undefined ? String(issue.row) : undefined].filter(Boolean).join(':');
  const col = issue.column !== undefined ? ` column "${issue.column}":` : '';
  // A row with no counts at all is excluded under every policy (row_policy.ts): it is not shown as an error.
  const level = issue.rule === EMPTY_ROW_RULE ? 'excluded' : issue.level;
  return `${level}: ${where}:${col} ${issue.message} [${issue.rule}]`;
}
