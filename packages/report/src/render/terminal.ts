/** A short terminal summary of a report: one line per finding, the decision rule and the main caveat. */
import type { Lang } from '../i18n/index.ts';
import type { Report, Verdict } from '../model.ts';
import {
  caveatTexts,
  findingTitle,
  pLabel,
  regionLabel,
  replayRows,
  reportTitle,
  summaryLines,
  targetLabel,
  translator,
  verdictLabel,
} from './common.ts';

/** Options for renderTerminalSummary. */
export interface TerminalOptions {
  /** Use ANSI colours (the caller decides, e.g. from isTTY and NO_COLOR). */
  readonly color?: boolean;
}

const SGR: Record<Verdict, string> = {
  consistent_with_allegation: '\u001b[1;33m',
  not_supported: '\u001b[36m',
  inconclusive: '\u001b[2m',
};
const MARK: Record<Verdict, string> = { consistent_with_allegation: '!', not_supported: '-', inconclusive: '?' };
const RESET = '\u001b[0m';

/** Plain-text summary for a terminal, in `lang`; ends with a newline. */
export function renderTerminalSummary(report: Report, lang: Lang = report.lang, options: TerminalOptions = {}): string {
  const t = translator(lang);
  const bold = (s: string) => (options.color ? `\u001b[1m${s}${RESET}` : s);
  const out: string[] = [bold(reportTitle(report, lang))];
  if (report.allegation) out.push(`${t('label.claim')}: ${report.allegation.claim}`);
  out.push('');
  for (const f of report.findings) {
    const verdict = `[${MARK[f.verdict]}] ${verdictLabel(f.verdict, lang)}`;
    const where = [targetLabel(f, lang), f.region === '' ? '' : regionLabel(f, lang)]
      .filter((x) => x !== '')
      .join(', ');
    const line = `${options.color ? `${SGR[f.verdict]}${verdict}${RESET}` : verdict}  ${findingTitle(f, lang)}${where ? ` — ${where}` : ''}  ${t('label.adjusted_p')}: ${pLabel(f.adjustedPValue, lang)}`;
    out.push(line);
  }
  if (report.findings.length > 0) out.push('');
  const replays = replayRows(report, lang);
  if (replays.length > 0) {
    out.push(bold(t('replays.heading')));
    const head: [string, string, string, string] = [
      t('replays.col.replay'),
      t('replays.col.published'),
      t('replays.col.reproduced'),
      t('replays.col.difference'),
    ];
    for (const cells of [head, ...replays.map((r) => r.cells)]) out.push(`  ${cells.join('  |  ')}`);
    out.push('');
  }
  for (const line of summaryLines(report, lang)) out.push(line);
  out.push(caveatTexts(report, lang)[0]);
  return `${out.join('\n')}\n`;
}
