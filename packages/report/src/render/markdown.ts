/** Markdown rendering of a report (plots are left to the HTML report; Markdown lists the findings and numbers). */
import { type Lang, renderMessage } from '../i18n/index.ts';
import type { Report } from '../model.ts';
import { ENOUGH_POWER, headline, intervalText, powerText } from './bottom_line_text.ts';
import {
  caveatTexts,
  findingText,
  findingTitle,
  MAX_ISSUES_SHOWN,
  noteSummary,
  noteTexts,
  noteTitle,
  pLabel,
  regionLabel,
  reportTitle,
  scopeText,
  summaryLines,
  targetLabel,
  translator,
  verdictLabel,
} from './common.ts';
import { replaysMarkdown } from './markdown_replays.ts';
import { powerLine } from './terminal.ts';

/** The bottom line: each question, its answer and verdict, the decisive number, the power, what stays unexplained. */
function bottomLineMarkdown(report: Report, lang: Lang): string[] {
  const bottom = report.bottomLine;
  if (bottom === null || bottom.answers.length === 0) return [];
  const t = translator(lang);
  const out = [`## ${t('layout.heading.bottom_line')}`, ''];
  for (const a of bottom.answers) {
    out.push(
      `### ${mdEscape(renderMessage(a.question.message, lang))}`,
      '',
      `${mdEscape(renderMessage(a.answer.message, lang))} **${mdEscape(t('layout.verdict_for_allegation', { verdict: verdictLabel(a.verdict, lang) }))}**`,
      '',
    );
    if (a.decisive) {
      const d = a.decisive;
      const interval = d.interval ? ` (${intervalText(d.interval, lang)})` : '';
      out.push(
        `- **${mdEscape(renderMessage(d.name.message, lang))}:** ${mdEscape(`${headline(d.value, lang)} ${d.unit}${interval}`)}`,
      );
    }
    const power = powerText(a.power, a.power ? renderMessage(a.power.scenario.message, lang) : '', lang);
    const low = a.power && a.power.power < ENOUGH_POWER ? ` ${t('layout.low_power')}` : '';
    out.push(`- **${t('layout.label.power')}** ${mdEscape(power + low)}`);
    if (a.unexplained)
      out.push(`- **${t('layout.label.unexplained')}:** ${mdEscape(renderMessage(a.unexplained.message, lang))}`);
    out.push('');
  }
  for (const [name, [lo, hi]] of Object.entries(bottom.sensitivity?.spread ?? {}))
    out.push(`- ${mdEscape(t('layout.spread', { name, lo: headline(lo, lang), hi: headline(hi, lang) }))}`);
  out.push('');
  return out;
}

/** Escapes text for a Markdown table cell or inline run: pipes, backslashes, markup characters, newlines. */
export function mdEscape(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([|*_`[\]<>#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.map(mdEscape).join(' | ')} |`,
    `|${header.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdEscape).join(' | ')} |`),
  ];
}

/** The report as Markdown in `lang` (default: the report's language). */
export function renderMarkdown(report: Report, lang: Lang = report.lang): string {
  const t = translator(lang);
  const out: string[] = [`# ${mdEscape(reportTitle(report, lang))}`, '', `*${t('heading.report')}*`, ''];

  out.push(...bottomLineMarkdown(report, lang));
  out.push(`## ${t('heading.summary')}`, '');
  for (const line of summaryLines(report, lang)) out.push(`- ${mdEscape(line)}`);
  out.push('');

  if (report.allegation) {
    const a = report.allegation;
    out.push(`## ${t('heading.allegation')}`, '', `> ${mdEscape(a.claim)}`, '');
    if (a.claimant) out.push(`- **${t('label.claimant')}:** ${mdEscape(a.claimant)}`);
    if (a.date) out.push(`- **${t('label.date')}:** ${mdEscape(a.date)}`);
    const scope = scopeText(a, lang);
    if (scope) out.push(`- **${t('label.scope')}:** ${mdEscape(scope)}`);
    out.push('');
  }

  if (report.findings.length > 0) {
    out.push(`## ${t('heading.verdicts')}`, '');
    out.push(
      ...table(
        [t('label.method'), t('label.target'), t('label.region'), t('label.adjusted_p'), t('label.verdict')],
        report.findings.map((f) => [
          findingTitle(f, lang),
          targetLabel(f, lang) || '—',
          regionLabel(f, lang),
          pLabel(f.adjustedPValue, lang),
          verdictLabel(f.verdict, lang, f.role),
        ]),
      ),
      '',
    );
    out.push(`## ${t('heading.caveats')}`, '');
    for (const c of caveatTexts(report, lang)) out.push(`- ${mdEscape(c)}`);
    out.push('');
    out.push(`## ${t('heading.findings')}`, '');
    report.findings.forEach((f, i) => {
      const ft = findingText(f, lang);
      out.push(`### ${i + 1}. ${mdEscape(ft.title)}`, '', `**${t('label.verdict')}: ${ft.verdict}**`, '');
      out.push(mdEscape(ft.explanation), '');
      if (f.powerAtAllegedSize) out.push(mdEscape(powerLine(f.powerAtAllegedSize, lang)), '');
      for (const [k, v] of ft.facts) out.push(`- **${k}:** ${mdEscape(v)}`);
      out.push('');
      for (const c of ft.calibration) out.push(mdEscape(c), '');
      if (f.warnings.length > 0) {
        out.push(`**${t('heading.warnings')}**`, '');
        for (const w of f.warnings) out.push(`- ${mdEscape(w)}`);
        out.push('');
      }
      out.push(`**${t('heading.innocent')}**`, '');
      for (const e of ft.innocent) out.push(`- ${mdEscape(e)}`);
      out.push('');
    });
  }

  out.push(...replaysMarkdown(report, lang, mdEscape));

  const notes = noteTexts(report, lang);
  if (notes.length > 0) {
    out.push(`## ${t('heading.notes')}`, '');
    for (const n of notes) out.push(`- ${mdEscape(n)}`);
    out.push('');
  }

  out.push(`## ${t('heading.validation')}`, '');
  if (report.validationIssues.length === 0) out.push(t('validation.none'), '');
  else {
    if (report.validationIssues.length > MAX_ISSUES_SHOWN)
      out.push(t('summary.more_issues', { shown: MAX_ISSUES_SHOWN, total: report.validationIssues.length }), '');
    out.push(
      ...table(
        [t('label.level'), t('label.file'), t('label.row'), t('label.column'), t('label.rule'), t('label.message')],
        report.validationIssues
          .slice(0, MAX_ISSUES_SHOWN)
          .map((v) => [
            t(v.level === 'error' ? 'label.level_error' : 'label.level_warning'),
            v.file,
            v.row === undefined ? '' : String(v.row),
            v.column ?? '',
            v.rule,
            v.message,
          ]),
      ),
      '',
    );
  }

  if (report.methods.length > 0) {
    out.push(`## ${t('heading.methods')}`, '');
    for (const m of report.methods) {
      out.push(
        `- **${mdEscape(noteTitle(m, lang))}** (\`${m.id}\`): ${mdEscape(noteSummary(m, lang))} ${t('label.reference')}: ${mdEscape(m.reference)}`,
      );
    }
    out.push('');
  }

  out.push(`## ${t('heading.inputs')}`, '');
  out.push(
    ...table(
      [t('label.file'), t('label.sha256')],
      report.inputs.map((f) => [f.path, f.sha256]),
    ),
    '',
  );
  out.push(`- **${t('label.seed')}:** ${report.seed}`, `- **${t('label.version')}:** ${mdEscape(report.version)}`, '');
  return out.join('\n');
}
