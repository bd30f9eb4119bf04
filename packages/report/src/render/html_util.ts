/** Small HTML building blocks shared by the report's HTML sections. */
import type { Verdict } from '../model.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The CSS class that colours a verdict. */
export const VERDICT_CLASS: Readonly<Record<Verdict, string>> = {
  consistent_with_allegation: 'v-consistent',
  not_supported: 'v-not-supported',
  inconclusive: 'v-inconclusive',
};

/** A table: header text is escaped, cells are HTML already; `numeric` columns are right-aligned. */
export function tableHtml(
  header: readonly string[],
  rows: readonly string[][],
  numeric: readonly number[] = [],
): string {
  const th = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
