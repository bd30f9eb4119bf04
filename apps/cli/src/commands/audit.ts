/** `tally audit <allegation> --out DIR`: an allegation in, an evidence report out (JSON, HTML, terminal summary). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runAudit, type SkippedAnalysis } from '@tally/audit';
import { readAllegation, resolveAllegation } from '@tally/ingest';
import { buildReport, type Lang, renderHtml, renderJson, renderTerminalSummary, translate } from '@tally/report';
import { Command } from 'commander';
import { commitOutputs } from '../atomic_output.ts';
import {
  DataError,
  EXCLUDE_INVALID_HELP,
  failure,
  paint,
  printJson,
  rowAccountLine,
  UsageError,
  useColor,
} from '../cli_io.ts';
import { flaggedLine, writeAuditFlagged } from '../flagged_csv.ts';
import { LANG_HELP, resolveLang } from '../lang.ts';
import { progressDisplay } from '../progress.ts';
import { TALLY_VERSION } from '../version.ts';

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UsageError(`--seed must be an integer between 0 and 4294967295, got "${text}"`);
  }
  return seed;
}

function notRun(skipped: readonly SkippedAnalysis[], lang: Lang, color: boolean): string {
  return skipped
    .map((x) => {
      const reason = x.message ? translate(lang, x.message.key, x.message.params) : x.reason;
      return `${paint(translate(lang, 'cli.not_run', { method: x.method, reason }), 'yellow', color)}\n`;
    })
    .join('');
}

interface AuditOptions {
  out: string;
  seed: string;
  lang?: string;
  json?: boolean;
  flaggedCsv?: string;
  quiet?: boolean;
  excludeInvalid?: boolean;
}

/** The `audit` command. */
export function auditCommand(): Command {
  return new Command('audit')
    .description('run every analysis an allegation file calls for; write DIR/report.json and DIR/report.html')
    .argument('<allegation>', 'allegation file, YAML or JSON (see docs/allegation.md)')
    .requiredOption('--out <dir>', 'folder for report.json and report.html (created if missing)')
    .option('--seed <n>', 'seed of every random step (same seed, same report)', '1')
    .option('--lang <code>', LANG_HELP)
    .option('--json', 'print report.json to stdout instead of the summary')
    .option('--flagged-csv <file>', 'also write the stations behind the findings (the flagged stations) to this CSV')
    .option('--quiet', 'no progress on stderr')
    .option('--exclude-invalid', EXCLUDE_INVALID_HELP)
    .action(async (file: string, opts: AuditOptions) => {
      const started = process.hrtime.bigint();
      const seed = parseSeed(opts.seed);
      if (opts.lang !== undefined) resolveLang(opts.lang);
      const allegation = readAllegation(file);
      if (!allegation.ok) throw failure(allegation.error);
      const lang = resolveLang(opts.lang, allegation.value.lang);
      const progress = progressDisplay({ quiet: Boolean(opts.quiet || opts.json), lang });
      progress.phase('load', file);
      const resolved = await resolveAllegation(allegation.value, { excludeInvalid: opts.excludeInvalid });
      if (!resolved.ok) throw failure(resolved.error);
      const run = await runAudit(resolved.value, seed, TALLY_VERSION, { onProgress: progress.onProgress });
      progress.phase('write', opts.out);
      // report.json is the same whatever the language asked for: its text is English (the reference catalogue) and
      // every text carries its message key, so the HTML and the terminal are rendered in `lang` from the same report.
      const report = buildReport({ ...run.input, lang: 'en' });
      if (!report.ok) throw new DataError(report.error.message);
      const json = renderJson(report.value);
      const html = await renderHtml(report.value, lang);
      try {
        mkdirSync(opts.out, { recursive: true });
        await commitOutputs([
          { path: join(opts.out, 'report.json'), data: json },
          { path: join(opts.out, 'report.html'), data: html },
        ]);
      } catch (e) {
        throw new DataError(`cannot write the report to ${opts.out}: ${(e as Error).message}`);
      }
      const flagged =
        opts.flaggedCsv === undefined
          ? undefined
          : await writeAuditFlagged(opts.flaggedCsv, resolved.value, run.input.results);
      progress.stop();
      if (opts.json) printJson(JSON.parse(json));
      else {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const color = useColor();
        process.stdout.write(renderTerminalSummary(report.value, lang, { color }));
        for (const a of report.value.rows) process.stdout.write(`${rowAccountLine(a, lang)}\n`);
        process.stdout.write(notRun(run.skipped, lang, color));
        const wrote = translate(lang, 'cli.wrote', {
          json: join(opts.out, 'report.json'),
          html: join(opts.out, 'report.html'),
          seconds: { kind: 'number', value: seconds, digits: 1 },
        });
        process.stdout.write(`${wrote}\n`);
        if (flagged !== undefined) process.stdout.write(`${flaggedLine(lang, flagged.rows, flagged.file)}\n`);
      }
    });
}
