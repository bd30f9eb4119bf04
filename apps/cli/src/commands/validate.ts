/**
 * `tally validate`: lists every rule violation with file, row, column and rule, and the row account; exit 1 when the
 * row policy (ingest's applyRowPolicy, as in every analysis command and the web app) would refuse the file.
 */

import { applyRowPolicy, formatIssue } from '@tally/ingest';
import { formatNumber, translate } from '@tally/report';
import { Command } from 'commander';
import {
  countIssues,
  DataError,
  EXCLUDE_INVALID_HELP,
  loadInput,
  paint,
  printJson,
  rowAccountLine,
} from '../cli_io.ts';
import { LANG_HELP, resolveLang } from '../lang.ts';

/** The validate command. */
export function validateCommand(): Command {
  return new Command('validate')
    .description('check a results file (or dataset folder) against its mapping and list every problem')
    .argument(
      '<input>',
      'results file (CSV, TSV, gzip CSV, Parquet, JSON, XLSX) or a dataset folder with manifest.json',
    )
    .option('--preset <name>', 'a shipped column mapping (see `tally presets`)')
    .option('--map <file>', 'your own column mapping (JSON or YAML)')
    .option('--dataset <id>', 'for a dataset folder: which dataset (default: the manifest default)')
    .option('--exclude-invalid', EXCLUDE_INVALID_HELP)
    .option('--json', 'print one JSON object')
    .option('--limit <n>', 'issues to print per rule on the terminal (all are in --json)', '20')
    .option('--lang <code>', LANG_HELP)
    .action(
      async (
        input: string,
        opts: {
          preset?: string;
          map?: string;
          dataset?: string;
          json?: boolean;
          limit: string;
          lang?: string;
          excludeInvalid?: boolean;
        },
      ) => {
        const lang = resolveLang(opts.lang);
        const int = (x: number) => formatNumber(x, lang, { maximumFractionDigits: 0 });
        const loaded = await loadInput(input, opts);
        const errors = loaded.issues.filter((i) => i.level === 'error').length;
        const warnings = loaded.issues.length - errors;
        const policy = applyRowPolicy(loaded, { excludeInvalid: opts.excludeInvalid });
        if (opts.json) {
          printJson({
            file: loaded.file,
            sha256: loaded.sha256,
            preset: loaded.mapping.id,
            rows: loaded.rows,
            stations: loaded.table.n,
            rowsExcluded: loaded.rowsExcluded,
            errors,
            warnings,
            refused: policy.refused.length,
            rowAccounting: [policy.account],
            byRule: countIssues(loaded.issues),
            issues: loaded.issues,
          });
        } else {
          const limit = Math.max(0, Number.parseInt(opts.limit, 10) || 0);
          const shown = new Map<string, number>();
          for (const issue of loaded.issues) {
            const n = shown.get(issue.rule) ?? 0;
            shown.set(issue.rule, n + 1);
            if (n < limit) process.stdout.write(`${formatIssue(issue)}\n`);
          }
          for (const c of countIssues(loaded.issues)) {
            if (c.count > limit)
              process.stdout.write(
                paint(
                  `${translate(lang, 'cli.validate.more', { n: int(c.count - limit), rule: c.rule, level: translate(lang, c.level === 'error' ? 'label.level_error' : 'label.level_warning') })}\n`,
                  'dim',
                ),
              );
          }
          const totals = translate(lang, 'cli.validate.totals', {
            file: loaded.file,
            rows: int(loaded.rows),
            stations: int(loaded.table.n),
            excluded: int(loaded.rowsExcluded),
            errors: paint(int(errors), errors > 0 ? 'red' : 'green'),
            warnings: int(warnings),
          });
          process.stdout.write(`${totals}\n${rowAccountLine(loaded, lang)}\n`);
        }
        if (policy.refused.length > 0) {
          const rows = new Set(policy.refused.map((i) => i.row ?? -1)).size;
          throw new DataError(
            translate(lang, 'cli.rows.refused', { file: loaded.file, n: { kind: 'count', value: rows } }),
          );
        }
      },
    );
}
