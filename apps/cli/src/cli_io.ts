/** Shared plumbing for commands: loading inputs, printing, errors with exit codes, color. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StationTable, TallyError } from '@tally/core';
import {
  applyRowPolicy,
  formatIssue,
  type LoadedTable,
  loadManifestDataset,
  loadTable,
  type MappingChoice,
  rowAccount,
  type ValidationIssue,
} from '@tally/ingest';
import { exclusionReason, formatNumber, type Lang, translate } from '@tally/report';
import { DataError, paint, UsageError, useColor } from './cli_errors.ts';

export { DataError, paint, UsageError, useColor } from './cli_errors.ts';

/** Prints a value as JSON with stable formatting. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Options every command that reads a table accepts. */
export interface InputOptions extends MappingChoice {
  dataset?: string;
}

/** Turns a TallyError into a DataError or UsageError with the message a user needs. */
export function failure(error: TallyError): Error {
  if (error.kind === 'invalid_options') return new UsageError(error.message);
  const where =
    error.kind === 'parse_error' && error.row !== undefined && !error.message.includes(`row ${error.row}`)
      ? ` (row ${error.row}${error.column ? `, column "${error.column}"` : ''})`
      : '';
  const rule = error.kind === 'parse_error' && error.rule ? ` [${error.rule}]` : ` [${error.kind}]`;
  return new DataError(`${error.message}${where}${rule}`);
}

/**
 * Loads a file (with --preset/--map) or a dataset folder (its manifest's default, or --dataset).
 * Throws DataError/UsageError for the CLI's main() to report.
 */
export async function loadInput(input: string, options: InputOptions): Promise<LoadedTable> {
  let isDir = false;
  try {
    isDir = statSync(input).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new DataError(`${input}: a loop of symbolic links; point it at the file itself`);
    if (code === 'EACCES') throw new DataError(`${input}: permission denied`);
    throw new DataError(`${input}: no such file or folder`);
  }
  if (isDir && !existsSync(join(input, 'manifest.json'))) {
    throw new DataError(`${input}: is a folder with no manifest.json; give a results file, or a dataset folder`);
  }
  if (isDir && (options.preset || options.map)) {
    throw new UsageError(`${input} is a dataset folder; its manifest names the presets, so drop --preset/--map`);
  }
  if (!isDir && options.dataset) throw new UsageError('--dataset applies only to a dataset folder');
  // If a reader ever stalls (no result, no error, nothing left to run), Node would exit 0 with no output: a hostile
  // file must not pass for a clean one, so the exit is turned into a data error.
  const stalled = () => {
    process.stderr.write(
      `error: ${input}: reading stopped before the end; the file is probably damaged [unreadable_input]\n`,
    );
    process.exitCode = 1;
  };
  process.once('beforeExit', stalled);
  try {
    const loaded = isDir ? await loadManifestDataset(input, options.dataset) : await loadTable(input, options);
    if (!loaded.ok) throw failure(loaded.error);
    return loaded.value;
  } finally {
    process.off('beforeExit', stalled);
  }
}

/**
 * Loads a table and applies the row policy (ingest's applyRowPolicy, shared with the web app): rows whose counts are
 * all empty are excluded with a reason; other error rows refuse the table unless `excludeInvalid`. Warnings go to
 * stderr and are kept. The row account (rows = analysed + excluded) is on stderr unless quiet; callers that print a
 * report also put it in their output (rowAccountLine, and rowAccounting in JSON).
 */
export async function loadInputOrExit(
  input: string,
  options: InputOptions & { quiet?: boolean; excludeInvalid?: boolean; lang?: Lang },
): Promise<LoadedTable> {
  const loaded = await loadInput(input, options);
  const lang = options.lang ?? 'en';
  const { refused } = applyRowPolicy(loaded, { excludeInvalid: options.excludeInvalid });
  if (refused.length > 0) {
    const rows = new Set(refused.map((i) => i.row ?? -1)).size;
    throw new DataError(
      translate(lang, 'cli.rows.refused', { file: loaded.file, n: { kind: 'count', value: rows } }),
      refused
        .slice(0, 50)
        .map(formatIssue)
        .concat(refused.length > 50 ? [`… and ${refused.length - 50} more`] : []),
    );
  }
  const warnings = loaded.issues.filter((i) => i.level === 'warning');
  if (warnings.length > 0 && !options.quiet) {
    process.stderr.write(
      `${paint(`${warnings.length} warning(s) in ${loaded.file}`, 'yellow', useColor(process.stderr))}; see \`tally validate\`\n`,
    );
  }
  return loaded;
}

/** The row account as one line: "FILE: 10 rows = 8 analysed + 2 excluded (empty_row: 2)". */
export function rowAccountLine(
  source: LoadedTable | { file: string; rows: number; analysed: number; excluded: readonly ExcludedCount[] },
  lang: Lang,
): string {
  const a = 'table' in source ? rowAccount(source) : source;
  const excluded = a.excluded.reduce((s, e) => s + e.count, 0);
  const reasons =
    a.excluded.length === 0
      ? ''
      : ` (${a.excluded.map((e) => `${exclusionReason(e.reason, lang)}: ${formatNumber(e.count, lang)}`).join('; ')})`;
  return translate(lang, 'cli.rows', {
    file: a.file,
    rows: { kind: 'count', value: a.rows },
    analysed: { kind: 'count', value: a.analysed },
    excluded: { kind: 'count', value: excluded },
    reasons,
  });
}

/** Rows excluded for one reason. */
interface ExcludedCount {
  reason: string;
  count: number;
}

/** The --exclude-invalid flag every command that reads a table declares. */
export const EXCLUDE_INVALID_FLAG = '--exclude-invalid';
export const EXCLUDE_INVALID_HELP =
  'leave rows with error-level problems out (counted by rule in the output) instead of refusing the file; rows ' +
  'whose counts are all empty are always left out';

/** Counts issues by level and rule, for summaries. */
export function countIssues(issues: readonly ValidationIssue[]): { level: string; rule: string; count: number }[] {
  const counts = new Map<string, { level: string; rule: string; count: number }>();
  for (const i of issues) {
    const key = `${i.level}\u0000${i.rule}`;
    const entry = counts.get(key) ?? { level: i.level, rule: i.rule, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => (a.level === b.level ? b.count - a.count : a.level === 'error' ? -1 : 1));
}

/** The national leader (most votes), for defaults. */
export function nationalLeader(table: StationTable): string {
  let best = 0;
  let bestVotes = -1;
  table.candidates.forEach((c, k) => {
    let s = 0;
    for (let i = 0; i < table.n; i++) s += c.votes[i];
    if (s > bestVotes) {
      bestVotes = s;
      best = k;
    }
  });
  return table.candidates[best].name;
}
