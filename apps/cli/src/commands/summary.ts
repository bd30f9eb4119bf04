/** `tally summary`: totals, official shares, turnout and margins, overall and by a region level. */

import { rowAccount } from '@tally/audit';
import { type GroupSummary, summarize } from '@tally/core';
import { formatNumber, formatPercentUnits, type Lang, translate } from '@tally/report';
import { Command } from 'commander';
import { EXCLUDE_INVALID_HELP, loadInputOrExit, paint, printJson, rowAccountLine, UsageError } from '../cli_io.ts';
import { LANG_HELP, resolveLang } from '../lang.ts';

/** The summary command. */
export function summaryCommand(): Command {
  return new Command('summary')
    .description('totals, shares of the official denominator, turnout and margins, overall and by region')
    .argument('<input>', 'results file or dataset folder (e.g. examples/bolivia-2019)')
    .option('--preset <name>', 'a shipped column mapping (see `tally presets`)')
    .option('--map <file>', 'your own column mapping (JSON or YAML)')
    .option('--dataset <id>', 'for a dataset folder: which dataset (default: the manifest default)')
    .option('--exclude-invalid', EXCLUDE_INVALID_HELP)
    .option('--by <level>', 'also summarise each region of this level (e.g. department, region, tik)')
    .option('--json', 'print one JSON object')
    .option('--lang <code>', LANG_HELP)
    .action(
      async (
        input: string,
        opts: {
          preset?: string;
          map?: string;
          dataset?: string;
          by?: string;
          json?: boolean;
          lang?: string;
          excludeInvalid?: boolean;
        },
      ) => {
        const lang = resolveLang(opts.lang);
        const loaded = await loadInputOrExit(input, { ...opts, quiet: opts.json, lang });
        const summary = summarize(loaded.table, opts.by);
        if (!summary) {
          const levels = loaded.table.regions.map((r) => r.name).join(', ') || '(none)';
          throw new UsageError(`--by ${opts.by}: no such region level; this table has: ${levels}`);
        }
        const warnings = loaded.issues.filter((i) => i.level === 'warning').length;
        if (opts.json) {
          printJson({
            input: loaded.file,
            sha256: loaded.sha256,
            preset: loaded.mapping.id,
            election: loaded.table.meta,
            rows: loaded.rows,
            rowsExcluded: loaded.rowsExcluded,
            rowAccounting: [rowAccount(loaded)],
            warnings,
            ...summary,
          });
          return;
        }
        process.stdout.write(`${paint(loaded.table.meta.name, 'bold')}\n${rowAccountLine(loaded, lang)}\n`);
        printGroup(summary, lang);
        for (const r of summary.regions ?? []) {
          process.stdout.write(`\n${paint(r.region, 'bold')}\n`);
          printGroup(r, lang, 5);
        }
        if (warnings > 0)
          process.stdout.write(
            `\n${translate(lang, 'cli.summary.warnings', { n: { kind: 'count', value: warnings } })}\n`,
          );
      },
    );
}

function fmt(x: number | null, lang: Lang, digits = 2): string {
  return x === null ? '—' : formatNumber(x, lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function printGroup(g: GroupSummary, lang: Lang, top = Number.POSITIVE_INFINITY): void {
  const out = process.stdout;
  const int = (x: number) => formatNumber(x, lang, { maximumFractionDigits: 0 });
  const pct = (x: number | null) =>
    x === null ? '—' : formatPercentUnits(x, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  out.write(
    `  ${translate(lang, 'cli.summary.totals', {
      stations: int(g.stations),
      registered: int(g.registered),
      ballots: int(g.ballotsCast),
      turnout: pct(g.turnout),
    })}\n`,
  );
  if (g.stationsWithoutRegistered)
    out.write(
      `  ${translate(lang, 'cli.summary.without_registered', { stations: int(g.stationsWithoutRegistered) })}\n`,
    );
  out.write(`  ${translate(lang, g.shareOf === 'valid' ? 'cli.summary.shares_valid' : 'cli.summary.shares_found')}\n`);
  for (const c of g.candidates.slice(0, top)) {
    out.write(`    ${c.name.padEnd(40)} ${int(c.votes).padStart(12)}  ${pct(c.share).padStart(8)}\n`);
  }
  if (g.margin)
    out.write(
      `  ${translate(lang, 'cli.summary.margin', { a: g.margin.leader, b: g.margin.runnerUp, points: fmt(g.margin.points, lang, 3) })}\n`,
    );
}
