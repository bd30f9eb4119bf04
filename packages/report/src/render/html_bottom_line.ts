/** The top of the HTML report: the bottom line (each question answered) and the sensitivity table. */
import { formatNumber, type Lang, type MessageKey, renderMessage } from '../i18n/index.ts';
import type { BottomLine, BottomLineAnswer, LocalisedText, Report } from '../model.ts';
import { ENOUGH_POWER, headline, intervalText, powerText } from './bottom_line_text.ts';
import { findingTitle, targetLabel, translator, verdictLabel } from './common.ts';
import { escapeHtml as esc, tableHtml, VERDICT_CLASS } from './html_util.ts';

function text(t: LocalisedText, lang: Lang): string {
  return renderMessage(t.message, lang);
}

function answerHtml(a: BottomLineAnswer, index: number, report: Report, lang: Lang): string {
  const t = translator(lang);
  const parts = [
    `<article class="answer ${VERDICT_CLASS[a.verdict]}" id="answer-${index + 1}">`,
    `<h3>${esc(text(a.question, lang))}</h3>`,
    `<p class="answer-text">${esc(text(a.answer, lang))} <span class="badge ${VERDICT_CLASS[a.verdict]}">${esc(t('layout.verdict_for_allegation', { verdict: verdictLabel(a.verdict, lang) }))}</span></p>`,
  ];
  if (a.decisive) {
    const d = a.decisive;
    const interval = d.interval ? ` <span class="interval">(${esc(intervalText(d.interval, lang))})</span>` : '';
    parts.push(
      `<p class="decisive"><span class="label">${esc(text(d.name, lang))}</span> <b class="value">${esc(headline(d.value, lang))}</b> <span class="unit">${esc(d.unit)}</span>${interval}</p>`,
    );
  }
  const facts: [string, string][] = [];
  facts.push([
    t('layout.label.power'),
    `${esc(powerText(a.power, a.power ? text(a.power.scenario, lang) : '', lang))}${a.power && a.power.power < ENOUGH_POWER ? ` <strong class="low-power">${esc(t('layout.low_power'))}</strong>` : ''}`,
  ]);
  if (a.unexplained) facts.push([t('layout.label.unexplained'), esc(text(a.unexplained, lang))]);
  // Each finding by its title in the report's language (its id is English and stays in report.json).
  const links = a.findingIds
    .map((id) => report.findings.findIndex((f) => f.id === id))
    .filter((i) => i >= 0)
    .map((i) => {
      const f = report.findings[i];
      const target = targetLabel(f, lang);
      return `<a href="#finding-${i + 1}">${esc(findingTitle(f, lang))}${target ? ` (${esc(target)})` : ''}</a>`;
    });
  if (links.length > 0) facts.push([t('layout.label.based_on'), links.join(', ')]);
  parts.push(
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`,
    '</article>',
  );
  return parts.join('\n');
}

/** The bottom line: one card per question. Empty string when the report has none. */
export function bottomLineHtml(report: Report, lang: Lang): string {
  const bottom = report.bottomLine;
  if (bottom === null || bottom.answers.length === 0) return '';
  const t = translator(lang);
  return [
    `<section id="bottom-line"><h2>${esc(t('layout.heading.bottom_line'))}</h2>`,
    ...bottom.answers.map((a, i) => answerHtml(a, i, report, lang)),
    spreadHtml(bottom, lang),
    '</section>',
  ].join('\n');
}

/** The headline numbers in the order the report shows them (report.json sorts object keys, so keys carry no order). */
const HEADLINE_ORDER = ['median', 'lo', 'hi', 'shareAbove', 'jump', 'jumpPValue'];

function inHeadlineOrder(names: Iterable<string>): string[] {
  const rank = (name: string) => {
    const k = HEADLINE_ORDER.indexOf(name);
    return k < 0 ? HEADLINE_ORDER.length : k;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A setting such as "0.5 x baseline" with its decimal numbers written the report language's way. */
function localisedNumbers(setting: string, lang: Lang): string {
  return setting.replace(/(?<![\d.])\d+\.\d+(?![\d.])/g, (n) => formatNumber(Number(n), lang));
}

function headlineName(name: string, lang: Lang): string {
  return HEADLINE_ORDER.includes(name) ? translator(lang)(`layout.headline.${name}` as MessageKey) : name;
}

function spreadHtml(bottom: BottomLine, lang: Lang): string {
  const t = translator(lang);
  const spread = bottom.sensitivity?.spread ?? {};
  const names = inHeadlineOrder(Object.keys(spread));
  if (names.length === 0) return '';
  return `<ul class="spread">${names
    .map((name) => {
      const [lo, hi] = spread[name];
      const line = t('layout.spread', {
        name: headlineName(name, lang),
        lo: headline(lo, lang),
        hi: headline(hi, lang),
      });
      return `<li>${esc(line)} <a href="#sensitivity">↓</a></li>`;
    })
    .join('')}</ul>`;
}

/** The sensitivity table: modelling choices by headline numbers, with the spread. Empty string when there is none. */
export function sensitivityHtml(report: Report, lang: Lang): string {
  const sensitivity = report.bottomLine?.sensitivity;
  if (!sensitivity || sensitivity.rows.length === 0) return '';
  const t = translator(lang);
  const names = inHeadlineOrder([
    ...Object.keys(sensitivity.spread),
    ...sensitivity.rows.flatMap((row) => Object.keys(row.values)),
  ]);
  const rows = sensitivity.rows.map((row) => [
    esc(text(row.choice, lang)),
    esc(localisedNumbers(row.setting, lang)),
    ...names.map((name) => {
      const v = row.values[name];
      return v === null || v === undefined ? '—' : esc(headline(v, lang));
    }),
  ]);
  const spreadRow = [
    '',
    '',
    ...names.map((name) => {
      const s = sensitivity.spread[name];
      return s ? `<b>${esc(intervalText(s, lang))}</b>` : '';
    }),
  ];
  return [
    `<section id="sensitivity"><h2>${esc(t('layout.heading.sensitivity'))}</h2>`,
    tableHtml(
      [t('layout.label.choice'), t('layout.label.setting'), ...names.map((name) => headlineName(name, lang))],
      [...rows, spreadRow],
      names.map((_, i) => i + 2),
    ),
    '</section>',
  ].join('\n');
}
