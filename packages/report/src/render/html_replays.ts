/**
 * The replays section: published analyses of the dispute replayed on the same data. A minimal table; the replay
 * renderer with its plots replaces it.
 */
import { formatNumber, type Lang, renderMessage } from '../i18n/index.ts';
import type { Report } from '../model.ts';
import { translator } from './common.ts';
import { escapeHtml as esc, tableHtml } from './html_util.ts';

function value(v: number | null, unit: string, lang: Lang): string {
  return v === null ? '—' : `${formatNumber(v, lang, { maximumFractionDigits: 2 })} ${unit}`;
}

/** The replays as a table (published, reproduced, difference, what it says). Empty string when there are none. */
export function replaysHtml(report: Report, lang: Lang): string {
  if (report.replays.length === 0) return '';
  const t = translator(lang);
  return [
    `<section id="replays"><h2>${esc(t('layout.heading.replays'))}</h2>`,
    tableHtml(
      [t('label.method'), t('layout.label.published'), t('layout.label.reproduced'), t('layout.label.difference'), ''],
      report.replays.map((r) => [
        `${esc(renderMessage(r.title.message, lang))}<br><span class="sub">${esc(r.published.source)}</span>`,
        esc(value(r.published.value, r.published.unit, lang)),
        esc(value(r.reproduced.value, r.reproduced.unit, lang)) +
          (r.reproduced.interval
            ? `<br><span class="sub">${esc(t('layout.interval', { lo: formatNumber(r.reproduced.interval[0], lang, { maximumFractionDigits: 2 }), hi: formatNumber(r.reproduced.interval[1], lang, { maximumFractionDigits: 2 }) }))}</span>`
            : ''),
        esc(r.difference === null ? '—' : formatNumber(r.difference, lang, { maximumFractionDigits: 2 })),
        esc(renderMessage(r.says.message, lang)),
      ]),
      [1, 2, 3],
    ),
    '</section>',
  ].join('\n');
}
