/** `tally audit <allegation> --out DIR`: an allegation in, an evidence report out (JSON, HTML, terminal summary). */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAllegation, resolveAllegation } from '@tally/ingest';
import { buildReport, formatPValue, type Report, renderJson } from '@tally/report';
import { Command } from 'commander';
import { renderAuditHtml } from '../audit/render_html.ts';
import { runAudit, type SkippedAnalysis } from '../audit/run_audit.ts';
import { DataError, failure, paint, printJson, UsageError, useColor } from '../cli_io.ts';
import { TALLY_VERSION } from '../version.ts';

/** Writes a file atomically: a temporary file in the same folder, then a rename over the target. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UsageError(`--seed must be an integer between 0 and 4294967295, got "${text}"`);
  }
  return seed;
}

const VERDICT_WORDS: Record<string, string> = {
  consistent_with_allegation: 'consistent with the allegation',
  not_supported: 'not supported',
  inconclusive: 'inconclusive',
};

function summary(report: Report, skipped: readonly SkippedAnalysis[], outDir: string, seconds: number): string {
  const color = useColor();
  const lines: string[] = [];
  lines.push(paint(report.title, 'bold', color));
  if (report.allegation) lines.push(`Scope: ${report.allegation.scope ?? ''}`);
  lines.push(
    `${report.findings.length} finding(s), ${report.summary.tests} test(s), p-values adjusted (${report.correction}), alpha ${report.alpha}:`,
  );
  for (const f of report.findings) {
    const style =
      f.verdict === 'consistent_with_allegation' ? 'red' : f.verdict === 'not_supported' ? 'green' : 'yellow';
    const p = f.adjustedPValue === null ? 'no test' : `adjusted p ${formatPValue(f.adjustedPValue, 'en')}`;
    lines.push(
      `  ${paint(VERDICT_WORDS[f.verdict].padEnd(31), style, color)} ${f.methodTitle}${f.target ? ` [${f.target}]` : ''}`,
    );
    lines.push(`      ${f.effectName}: ${f.effect.toFixed(3)}; ${p}; n = ${f.n}`);
  }
  for (const s of skipped) lines.push(paint(`  not run: ${s.method}: ${s.reason}`, 'yellow', color));
  if (report.summary.validationErrors + report.summary.validationWarnings > 0) {
    lines.push(
      `Data problems: ${report.summary.validationErrors} error(s), ${report.summary.validationWarnings} warning(s) (listed in the report).`,
    );
  }
  lines.push(`Wrote ${join(outDir, 'report.json')} and ${join(outDir, 'report.html')} in ${seconds.toFixed(1)} s.`);
  lines.push('A verdict says what these data show about the allegation; read the innocent explanations in the report.');
  return `${lines.join('\n')}\n`;
}

/** The `audit` command. */
export function auditCommand(): Command {
  return new Command('audit')
    .description('run every analysis an allegation file calls for; write DIR/report.json and DIR/report.html')
    .argument('<allegation>', 'allegation file, YAML or JSON (see docs/allegation.md)')
    .requiredOption('--out <dir>', 'folder for report.json and report.html (created if missing)')
    .option('--seed <n>', 'seed of every random step (same seed, same report)', '1')
    .option('--json', 'print report.json to stdout instead of the summary')
    .action(async (file: string, opts: { out: string; seed: string; json?: boolean }) => {
      const started = process.hrtime.bigint();
      const seed = parseSeed(opts.seed);
      const allegation = readAllegation(file);
      if (!allegation.ok) throw failure(allegation.error);
      const resolved = await resolveAllegation(allegation.value);
      if (!resolved.ok) throw failure(resolved.error);
      const run = runAudit(resolved.value, seed, TALLY_VERSION);
      const caveats = run.skipped.map((s) => `${s.method} was not run: ${s.reason}`);
      const report = buildReport(run.input);
      if (!report.ok) throw new DataError(report.error.message);
      const json = renderJson(report.value);
      const html = await renderAuditHtml(report.value, caveats);
      try {
        mkdirSync(opts.out, { recursive: true });
        writeAtomic(join(opts.out, 'report.json'), json);
        writeAtomic(join(opts.out, 'report.html'), html);
      } catch (e) {
        throw new DataError(`cannot write the report to ${opts.out}: ${(e as Error).message}`);
      }
      if (opts.json) printJson(JSON.parse(json));
      else {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stdout.write(summary(report.value, run.skipped, opts.out, seconds));
      }
    });
}
