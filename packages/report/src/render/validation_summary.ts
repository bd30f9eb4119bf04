/** Validation issues grouped by rule, and the full list as CSV (cells neutralised against spreadsheet formulas). */
import { csvCell } from '../csv_cell.ts';
import type { ValidationIssue } from '../model.ts';

/** One rule's issues: how many, and the first one (issues come sorted by file, row, column). */
export interface RuleSummary {
  readonly rule: string;
  readonly level: ValidationIssue['level'];
  readonly count: number;
  readonly first: ValidationIssue;
}

/** Issues grouped by rule and level, errors first, then the most frequent rule; ties by rule name. */
export function issuesByRule(issues: readonly ValidationIssue[]): RuleSummary[] {
  const groups = new Map<string, { first: ValidationIssue; count: number }>();
  for (const issue of issues) {
    const key = `${issue.level}\u0000${issue.rule}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: issue, count: 1 });
  }
  return [...groups.values()]
    .map(({ first, count }) => ({ rule: first.rule, level: first.level, count, first }))
    .sort(
      (a, b) =>
        (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1) ||
        b.count - a.count ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
    );
}

/** The issues as CSV (RFC 4180, CRLF line ends): level, file, row, column, rule, message. */
export function validationCsv(issues: readonly ValidationIssue[]): string {
  const lines = [['level', 'file', 'row', 'column', 'rule', 'message'].map(csvCell).join(',')];
  for (const v of issues) lines.push([v.level, v.file, v.row, v.column, v.rule, v.message].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
