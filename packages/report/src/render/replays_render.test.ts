/**
 * The replay table, "The dispute, replayed", in every output and every language: the terminal summary, the Markdown
 * report, the HTML report and the JSON. The expected cells are written out here (numbers formatted by hand for each
 * locale's decimal separator), not taken from the renderers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleReportInput } from '../../test/sample_report.ts';
import { buildReport } from '../build_report.ts';
import { LANGS, type Lang, translate } from '../i18n/index.ts';
import { renderHtml } from './html.ts';
import { escapeHtml } from './html_util.ts';
import { renderJson } from './json.ts';
import { mdEscape, renderMarkdown } from './markdown.ts';
import { renderTerminalSummary } from './terminal.ts';

function reportWithReplays(lang: Lang) {
  const built = buildReport({
    ...sampleReportInput(lang),
    replays: [
      {
        id: 'escobari_hoover_did',
        title: { key: 'replay.escobari_hoover_did.title' },
        published: { value: 2.5, unit: '% of valid votes', source: 'SOURCE-EH' },
        reproduced: { value: 0.4542, interval: [0.1714, 0.737], intervalKind: 'HC1', unit: '% of valid votes' },
        note: { key: 'cli.count', params: { n: 'NOTE-EH' } },
        says: { key: 'cli.count', params: { n: 'SAYS-EH' } },
      },
      {
        id: 'cepr_projection',
        title: { key: 'replay.cepr_projection.title' },
        published: { value: null, unit: 'points', source: 'SOURCE-CEPR' },
        reproduced: { value: 10.1027, interval: [10.0757, 10.1739], intervalKind: 'sims', unit: 'points' },
        note: { key: 'cli.count', params: { n: 'NOTE-CEPR' } },
        says: { key: 'cli.count', params: { n: 'SAYS-CEPR' } },
      },
    ],
  });
  assert.ok(built.ok);
  return built.value;
}

// Two decimals in the locale's own separator: a comma in Spanish and Russian.
const cells: Record<Lang, { eh: string[]; cepr: string[] }> = {
  en: { eh: ['2.50', '0.45 [0.17, 0.74]', '-2.05'], cepr: ['10.10 [10.08, 10.17]'] },
  es: { eh: ['2,50', '0,45 [0,17, 0,74]', '-2,05'], cepr: ['10,10 [10,08, 10,17]'] },
  ru: { eh: ['2,50', '0,45 [0,17, 0,74]', '-2,05'], cepr: ['10,10 [10,08, 10,17]'] },
};

for (const lang of LANGS) {
  test(`replay table in ${lang}: terminal, Markdown and HTML show the heading, the columns, each row and its notes`, async () => {
    const report = reportWithReplays(lang);
    const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
    const terminal = renderTerminalSummary(report, lang, { color: false });
    const markdown = renderMarkdown(report, lang);
    const html = await renderHtml(report, lang);
    const noNumber = t('replays.no_number');
    // Each output escapes text its own way (Markdown escapes brackets, HTML the ampersand).
    for (const [name, text, esc] of [
      ['terminal', terminal, (x: string) => x],
      ['markdown', markdown, mdEscape],
      ['html', html, escapeHtml],
    ] as const) {
      const has = (x: string) => text.includes(esc(x)) || text.includes(esc(x.replace('-', '\u2212')));
      assert.ok(has(t('replays.heading')), `${name}: heading`);
      for (const col of ['replays.col.replay', 'replays.col.published', 'replays.col.reproduced'] as const)
        assert.ok(has(t(col)), `${name}: column ${col}`);
      for (const title of [t('replay.escobari_hoover_did.title'), t('replay.cepr_projection.title')])
        assert.ok(has(title), `${name}: ${title}`);
      for (const c of [...cells[lang].eh, ...cells[lang].cepr]) assert.ok(has(c), `${name}: cell ${c}`);
      assert.ok(has(noNumber), `${name}: "${noNumber}" for a replay without a published number`);
    }
    for (const [name, text] of [
      ['markdown', markdown],
      ['html', html],
    ] as const)
      for (const s of ['SAYS-EH', 'NOTE-EH', 'SOURCE-EH', 'SAYS-CEPR', 'NOTE-CEPR', 'SOURCE-CEPR'])
        assert.ok(text.includes(s), `${name}: ${s}`);
  });
}

test('replays in the JSON: id, published {value, source}, reproduced {value, interval}, note', () => {
  const json = JSON.parse(renderJson(reportWithReplays('en'))) as { replays: Record<string, unknown>[] };
  assert.equal(json.replays.length, 2);
  const [eh, cepr] = json.replays as {
    id: string;
    published: { value: number | null; source: string };
    reproduced: { value: number; interval: number[] };
    note: { text: string };
  }[];
  assert.equal(eh.id, 'escobari_hoover_did');
  assert.deepEqual([eh.published.value, eh.published.source], [2.5, 'SOURCE-EH']);
  assert.deepEqual([eh.reproduced.value, eh.reproduced.interval], [0.4542, [0.1714, 0.737]]);
  assert.equal(eh.note.text, 'NOTE-EH');
  assert.equal(cepr.published.value, null);
});
