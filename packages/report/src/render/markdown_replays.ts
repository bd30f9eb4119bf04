/**
 * The replays section of the Markdown report, "The dispute, replayed": the same table as the terminal and the HTML
 * (published number, Tally's number with its interval, the difference), then for each replay what it says about the
 * claim, why Tally's number differs, and its source. Plots are left to the HTML report.
 */
import { type Lang, renderMessage } from '../i18n/index.ts';
import type { Report } from '../model.ts';
import { replayRows, translator } from './common.ts';

/** The replays section as Markdown lines (none when the report has no replays); `md` escapes inline text. */
export function replaysMarkdown(report: Report, lang: Lang, md: (text: string) => string): string[] {
  if (report.replays.length === 0) return [];
  const t = translator(lang);
  const header = [
    t('replays.col.replay'),
    t('replays.col.published'),
    t('replays.col.reproduced'),
    t('replays.col.difference'),
  ];
  const out = [`## ${md(t('replays.heading'))}`, '', md(t('replays.intro')), ''];
  out.push(`| ${header.map(md).join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
  for (const r of replayRows(report, lang)) out.push(`| ${r.cells.map(md).join(' | ')} |`);
  out.push('');
  for (const r of report.replays) {
    out.push(`### ${md(renderMessage(r.title.message, lang))}`, '');
    out.push(`- **${md(t('replays.says'))}:** ${md(renderMessage(r.says.message, lang))}`);
    out.push(`- **${md(t('replays.note'))}:** ${md(renderMessage(r.note.message, lang))}`);
    out.push(`- **${md(t('replays.source'))}:** ${md(r.published.source)}`, '');
  }
  return out;
}
