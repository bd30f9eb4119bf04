/**
 * The replays section, "The dispute, replayed": published analyses of the dispute replayed on the same data. One
 * table (published number, Tally's number with its interval, the difference), then each replay with its plot, what it
 * says about the claim, why Tally's number differs, and its source.
 */
import { type Lang, renderMessage } from '../i18n/index.ts';
import type { Report } from '../model.ts';
import { plotSpec } from '../plots/specs.ts';
import { renderSvg } from '../plots/svg.ts';
import { replayRows, translator } from './common.ts';
import { escapeHtml as esc } from './html_util.ts';

const COLUMNS = [
  'replays.col.replay',
  'replays.col.published',
  'replays.col.reproduced',
  'replays.col.difference',
] as const;

/** The replays section; the empty string when the report has none. */
export async function replaysHtml(report: Report, lang: Lang): Promise<string> {
  if (report.replays.length === 0) return '';
  const t = translator(lang);
  const out = [
    `<section id="replays"><h2>${esc(t('replays.heading'))}</h2><p>${esc(t('replays.intro'))}</p>`,
    `<table><thead><tr>${COLUMNS.map((k) => `<th>${esc(t(k))}</th>`).join('')}</tr></thead><tbody>${replayRows(
      report,
      lang,
    )
      .map((r) => `<tr>${r.cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`,
  ];
  for (const [i, r] of report.replays.entries()) {
    out.push(`<article class="replay" id="replay-${esc(r.id)}"><h3>${esc(renderMessage(r.title.message, lang))}</h3>`);
    if (r.plot) out.push(`<figure>${await renderSvg(plotSpec(r.plot, lang), lang, `r${i + 1}`)}</figure>`);
    out.push(
      `<dl class="facts"><dt>${esc(t('replays.says'))}</dt><dd>${esc(renderMessage(r.says.message, lang))}</dd>` +
        `<dt>${esc(t('replays.note'))}</dt><dd>${esc(renderMessage(r.note.message, lang))}</dd>` +
        `<dt>${esc(t('replays.source'))}</dt><dd><span class="sub">${esc(r.published.source)}</span></dd></dl></article>`,
    );
  }
  out.push('</section>');
  return out.join('\n');
}
