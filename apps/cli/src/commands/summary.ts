/** `tally summary`: totals, official shares, turnout and margins, overall and by a region level. */

import { type GroupSummary, summarize } from '@tally/core';
import { Command } from 'commander';
import { loadInputOrExit, paint, printJson, UsageError } from '../cli_io.ts';
import { rowAccount } from '../row_account.ts';

/** The summary command. */
export function summaryCommand(): Command {
  return new Command('summary')
    .description('totals, shares of the official denominator, turnout and margins, overall and by region')
    .argument('<input>', 'results file or dataset folder (e.g. examples/bolivia-2019)')
    .option('--preset <name>', 'a shipped column mapping (see `tally presets`)')
    .option('--map <file>', 'your own column mapping (JSON or YAML)')
    .option('--dataset <id>', 'for a dataset folder: which dataset (default: the manifest default)')
    .option('--by <level>', 'also summarise each region of this level (e.g. department, region, tik)')
    .option('--json', 'print one JSON object')
    .action(
      async (input: string, opts: { preset?: string; map?: string; dataset?: string; by?: string; json?: boolean }) => {
        const loaded = await loadInputOrExit(input, { ...opts, quiet: opts.json });
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
        process.stdout.write(`${paint(loaded.table.meta.name, 'bold')}\n${loaded.file}\n`);
        printGroup(summary);
        for (const r of summary.regions ?? []) {
          process.stdout.write(`\n${paint(r.region, 'bold')}\n`);
          printGroup(r, 5);
        }
        if (warnings > 0)
          process.stdout.write(`\n${warnings} validation warning(s): run \`tally validate\` to list them.\n`);
      },
    );
}

function fmt(x: number | null, digits = 2): string {
  return x === null ? 'n/a' : x.toFixed(digits);
}

function printGroup(g: GroupSummary, top = Number.POSITIVE_INFINITY): void {
  const out = process.stdout;
  out.write(
    `  stations ${g.stations.toLocaleString('en-US')}  registered ${g.registered.toLocaleString('en-US')}  ` +
      `ballots cast ${g.ballotsCast.toLocaleString('en-US')}  turnout ${fmt(g.turnout)}%\n`,
  );
  out.write(`  shares of ${g.shareOf === 'valid' ? 'valid votes' : 'ballots found (valid + invalid)'}:\n`);
  for (const c of g.candidates.slice(0, top)) {
    out.write(
      `    ${c.name.padEnd(40)} ${c.votes.toLocaleString('en-US').padStart(12)}  ${fmt(c.share).padStart(6)}%\n`,
    );
  }
  if (g.margin) out.write(`  margin ${g.margin.leader} − ${g.margin.runnerUp}: ${fmt(g.margin.points, 3)} points\n`);
}
