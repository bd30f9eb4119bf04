import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SAMPLE_BOTTOM_LINE_TEXT,
  sampleBottomLine,
  sampleReport,
  sampleReportInput,
} from '../../test/sample_report.ts';
import { buildReport } from '../build_report.ts';
import { CATALOGUES, type Lang } from '../i18n/index.ts';
import type { Report } from '../model.ts';
import { escapeHtml, renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { mdEscape, renderMarkdown } from './markdown.ts';
import { renderTerminalSummary } from './terminal.ts';

/** A report whose user-supplied text has no natural-language words, to catch untranslated strings in renderers. */
function neutralReport(): Report {
  const input = sampleReportInput('en');
  const r = buildReport({
    ...input,
    title: 'T-2019',
    allegation: { claim: 'C-1', claimant: 'K-1', date: '2019-12-04', scope: 'S-1' },
    results: input.results.map((x) => ({
      result: { ...x.result, excluded: [{ reason: 'r_100', count: 12 }] },
      context: {
        ...x.context,
        methodTitle: x.result.method,
        ...(x.context?.effectName ? { effectName: 'did_points' } : {}),
        ...(x.context?.calibration ? { calibration: { ...x.context.calibration, powerScenario: 'P-5' } } : {}),
      },
    })),
    validationIssues: [{ level: 'error', file: 'f.csv', row: 4, column: 'c', rule: 'r_1', message: 'm_1' }],
    methods: [],
  });
  assert.ok(r.ok);
  // The caller's bottom-line text as neutral tokens, so that only the renderer's own words remain to check.
  const tokens = Object.fromEntries(
    Object.keys(SAMPLE_BOTTOM_LINE_TEXT).map((k, i) => [k, `B-${i}`]),
  ) as typeof SAMPLE_BOTTOM_LINE_TEXT;
  return { ...r.value, bottomLine: sampleBottomLine(r.value, tokens) };
}

const ENGLISH_WORDS =
  /\b(the|and|of|with|stations?|tests?|finding|findings|report|value|not|this|allegation|explanations?|adjusted|method|download|seed|version|file|threshold|share|margin|digit|expected|observed)\b/i;

function visibleText(html: string): string {
  return html
    .replace(/<script>[\s\S]*?<\/script>/g, ' ')
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

for (const lang of ['es', 'ru'] as Lang[]) {
  test(`${lang}: no English text in the HTML, Markdown or terminal output`, async () => {
    const rep = neutralReport();
    const html = await renderHtml(rep, lang);
    // Text inside SVGs counts too: titles, axes and legends must be translated.
    const texts = [visibleText(html), renderMarkdown(rep, lang), renderTerminalSummary(rep, lang)];
    for (const text of texts) {
      const m = text.match(ENGLISH_WORDS);
      const at = m?.index ?? 0;
      assert.ok(m === null, `English word "${m?.[0]}" in ${lang} output: ...${text.slice(at - 80, at + 80)}...`);
    }
    for (const [key, en] of Object.entries(CATALOGUES.en)) {
      if (en.length < 12 || en.includes('{')) continue;
      assert.ok(!html.includes(escapeHtml(en)), `English message ${key} in ${lang} HTML`);
    }
  });
}

test('the English output does contain the English words (so the check above can fail)', async () => {
  const html = await renderHtml(neutralReport(), 'en');
  assert.match(visibleText(html), ENGLISH_WORDS);
});

test('JSON: stable bytes, sorted keys, 2-space indent, round-trips', () => {
  const a = renderJson(sampleReport());
  assert.equal(a, renderJson(sampleReport()));
  assert.ok(a.endsWith('}\n'));
  assert.match(a, /^\{\n {2}"allegation": \{\n {4}"claim": /);
  const parsed = JSON.parse(a);
  assert.equal(parsed.findings.length, 6);
  assert.equal(typeof parsed.findings[0].adjustedPValue, 'number');
  assert.doesNotMatch(a, /fraud detected/i);
});

test('HTML: self-contained, one plot and PNG button per finding, unique ids, escaped user text', async () => {
  const input = sampleReportInput('en');
  const hostile = buildReport({ ...input, title: '<script>alert(1)</script> & "x"' });
  assert.ok(hostile.ok);
  const html = await renderHtml(hostile.value, 'en');
  assert.ok(html.startsWith('<!doctype html>'));
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;'));
  const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
  for (const u of urls) assert.match(u, /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/, `network URL ${u}`);
  assert.doesNotMatch(html, /<link\b|<iframe\b|@import|\bsrc=["']?http/i);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.equal((html.match(/<svg\b/g) ?? []).length, 6);
  assert.equal((html.match(/<button type="button" class="png"/g) ?? []).length, 6);
  const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'duplicate element ids');
  for (const section of ['claim', 'screens', 'caveats', 'validation', 'methods', 'inputs'])
    assert.ok(html.includes(`<section id="${section}">`), section);
  for (const part of ['allegation', 'verdicts', 'screen-verdicts', 'appendix'])
    assert.ok(html.includes(`id="${part}"`), part);
  assert.ok(html.includes('a'.repeat(64)));
  assert.ok(Buffer.byteLength(html) < 5 * 1024 * 1024);
});

test('HTML in Spanish: headings, verdicts and numbers the Spanish way', async () => {
  const html = await renderHtml(sampleReport('en'), 'es');
  assert.match(html, /<html lang="es">/);
  assert.ok(html.includes('Compatible con la denuncia'));
  assert.ok(html.includes('Explicaciones inocentes que siguen abiertas'));
  assert.ok(html.includes('28.975'));
  assert.ok(html.includes('alfa = 0,05'));
  assert.ok(html.includes('Descargar PNG'));
});

test('Markdown: escapes table cells, lists every finding with innocent explanations', () => {
  assert.equal(mdEscape('a|b*c\nd'), 'a\\|b\\*c d');
  const md = renderMarkdown(sampleReport(), 'en');
  assert.equal((md.match(/^### \d+\. /gm) ?? []).length, 6);
  assert.equal((md.match(/\*\*Innocent explanations that remain\*\*/g) ?? []).length, 6);
  assert.ok(md.includes('| error | computo.csv | 4 | Inscritos | not\\_a\\_number |'));
  const ru = renderMarkdown(sampleReport(), 'ru');
  assert.ok(ru.includes('## Результаты'));
  assert.ok(ru.includes('28\u00a0975'));
});

test('terminal summary: one line per finding, ANSI colour only when asked', () => {
  const rep = sampleReport();
  const plain = renderTerminalSummary(rep, 'en', { color: false });
  const esc = `${String.fromCharCode(27)}[`;
  assert.ok(!plain.includes(esc));
  assert.ok(renderTerminalSummary(rep, 'en', { color: true }).includes(esc));
  assert.equal((plain.match(/^\[[!?-]\] /gm) ?? []).length, 6);
  // The catalogue title of the method id wins over the caller's methodTitle, so it can be shown in any language.
  assert.ok(
    plain.includes(
      '[!] Consistent with the allegation  Persistence of flagged units across elections (difference-in-differences) — MAS',
    ),
  );
  assert.ok(plain.endsWith('\n'));
});

test('notes: catalogue messages are localised, plain text is kept; issues grouped by rule in HTML (all in the CSV), capped in Markdown', async () => {
  const input = sampleReportInput('en');
  const issues = Array.from({ length: 600 }, (_, i) => ({
    level: 'warning' as const,
    file: 'f.csv',
    row: i + 2,
    rule: 'r',
    message: `m${i}`,
  }));
  const r = buildReport({
    ...input,
    results: input.results.slice(0, 1),
    validationIssues: issues,
    notes: ['N-plain', { key: 'summary.no_findings' }],
  });
  assert.ok(r.ok);
  assert.equal(r.value.validationIssues.length, 600);
  assert.deepEqual(r.value.notes[0], { text: 'N-plain', message: null });
  const html = await renderHtml(r.value, 'es');
  assert.ok(html.includes('<section id="notes"><h2>Notas sobre este análisis</h2>'));
  assert.ok(html.includes('<li>N-plain</li>') && html.includes('Ningún método produjo un resultado.'));
  // The HTML has one line per rule and every issue in the CSV link.
  assert.ok(
    html.includes(
      '<tr><td><code>r</code></td><td>advertencia</td><td class="num">600</td><td>f.csv, fila 2</td><td>m0</td></tr>',
    ),
  );
  const csv = decodeURIComponent(html.match(/href="data:text\/csv;charset=utf-8,([^"]*)"/)?.[1] ?? '');
  assert.equal(csv.split('\r\n').length, 602, 'header, 600 issues and the final line end');
  assert.ok(csv.includes('warning,f.csv,601,,r,m599'));
  const md = renderMarkdown(r.value, 'ru');
  assert.ok(md.includes('## Примечания к анализу'));
  assert.equal((md.match(/^\| предупреждение \|/gm) ?? []).length, 500);
});
