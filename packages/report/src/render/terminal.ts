/** A short terminal summary of a report: one line per finding, the decision rule and the main caveat. */
import { formatPercent, type Lang, renderMessage } from '../i18n/index.ts';
import type { BottomLine, PowerAtAllegedSize, Report, Verdict } from '../model.ts';
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

/** The power line of a bottom-line answer or finding, in `lang`. */
export function powerLine(p: PowerAtAllegedSize | null, lang: Lang): string {
  if (p === null) return renderMessage({ key: 'bottomline.power_none' }, lang);
  const pct = (x: number) => formatPercent(x, lang, 0);
  return renderMessage(
    {
      key: 'bottomline.power',
      params: {
        power: pct(p.power),
        lo: pct(p.interval[0]),
        hi: pct(p.interval[1]),
        injections: { kind: 'count', value: p.injections },
        power3: p.powerAt3x ? pct(p.powerAt3x.power) : '—',
      },
    },
    lang,
  );
}

/** The bottom line as terminal lines: each question, its answer, the power behind it and what stays unexplained. */
export function bottomLineLines(b: BottomLine, lang: Lang, bold: (s: string) => string): string[] {
  const out = [bold(renderMessage({ key: 'bottomline.title' }, lang))];
  for (const a of b.answers) {
    out.push(`- ${renderMessage(a.question.message, lang)}`);
    out.push(`  [${MARK[a.verdict]}] ${renderMessage(a.answer.message, lang)}`);
    if (a.findingIds.length > 0) out.push(`  ${powerLine(a.power, lang)}`);
    if (a.unexplained) out.push(`  ${renderMessage(a.unexplained.message, lang)}`);
  }
  return out;
}

/** Plain-text summary for a terminal, in `lang`; ends with a newline. */
export function renderTerminalSummary(report: Report, lang: Lang = report.lang, options: TerminalOptions = {}): string {
  const t = translator(lang);
  const bold = (s: string) => (options.color ? `\u001b[1m${s}${RESET}` : s);
  const out: string[] = [bold(reportTitle(report, lang))];
  if (report.allegation) out.push(`${t('label.claim')}: ${report.allegation.claim}`);
  out.push('');
  if (report.bottomLine) {
    for (const line of bottomLineLines(report.bottomLine, lang, bold)) out.push(line);
    out.push('');
  }
  for (const f of report.findings) {
    const verdict = `[${MARK[f.verdict]}] ${verdictLabel(f.verdict, lang, f.role)}`;
    const where = [targetLabel(f, lang), f.region === '' ? '' : regionLabel(f, lang)]
      .filter((x) => x !== '')
      .join(', ');
    const line = `${options.color ? `${SGR[f.verdict]}${verdict}${RESET}` : verdict}  ${findingTitle(f, lang)}${where ? ` — ${where}` : ''}  ${t('label.adjusted_p')}: ${pLabel(f.adjustedPValue, lang)}${f.powerAtAllegedSize ? `; ${t('label.power_at_alleged_size')}: ${formatPercent(f.powerAtAllegedSize.power, lang, 0)}` : ''}`;
    out.push(line);
    // A finding's warnings go beside it, not only into report.json.
    for (const w of f.warnings) out.push(`    ${t('heading.warnings')}: ${w}`);
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
