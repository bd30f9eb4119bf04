/**
 * An allegation file in, a finished report out: reads and resolves the allegation, runs the audit, builds the report
 * and renders its JSON and HTML. The web app calls this; `tally audit` runs the same steps with its own terminal output.
 */
import { ok, type Result, type TallyError } from '@tally/core';
import { readAllegation, resolveAllegation } from '@tally/ingest';
import { buildReport, type Lang, type Report, renderHtml, renderJson } from '@tally/report';
import { auditFlaggedStations } from './flagged_selection.ts';
import type { FlaggedStation } from './flagged_stations.ts';
import { runAudit } from './run_audit.ts';

/** The report of one audit, built and rendered. */
export interface RenderedAudit {
  readonly report: Report;
  readonly reportJson: string;
  readonly html: string;
  /** The stations behind the findings (audit's list, as `tally audit --flagged-csv` writes it). */
  readonly flagged: readonly FlaggedStation[];
}

/** Settings of one audit of a file. */
export interface AuditFileOptions {
  readonly seed: number;
  readonly lang: Lang;
  /** Written into the report. */
  readonly version: string;
  /** When given, every file the allegation names must lie inside one of these folders (the web app's examples). */
  readonly roots?: readonly string[];
  /** Called before each of the three steps (read, analyse, report) with the steps done so far. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
}

/** Audits the allegation file at `allegationPath`; an error names the file (and row and rule where there is one). */
export async function auditAllegationFile(
  allegationPath: string,
  options: AuditFileOptions,
): Promise<Result<RenderedAudit, TallyError>> {
  const progress = options.onProgress ?? (() => {});
  progress(0, 3, 'reading the allegation and its data');
  const allegation = readAllegation(allegationPath, options.roots === undefined ? {} : { roots: options.roots });
  if (!allegation.ok) return allegation;
  const resolved = await resolveAllegation(allegation.value);
  if (!resolved.ok) return resolved;
  progress(1, 3, 'running the analyses');
  // Lets a waiting cancellation or progress request through before the analyses take the thread.
  await new Promise((resolve) => setImmediate(resolve));
  const run = await runAudit(resolved.value, options.seed, options.version);
  progress(2, 3, 'writing the report');
  const report = buildReport({ ...run.input, lang: options.lang });
  if (!report.ok) return report;
  return ok({
    report: report.value,
    reportJson: renderJson(report.value),
    html: await renderHtml(report.value, options.lang),
    flagged: auditFlaggedStations(resolved.value, run.input.results),
  });
}
