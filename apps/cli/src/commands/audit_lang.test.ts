/**
 * `tally audit --lang`: the Bolivia report in Spanish, the Russia report in Russian (its allegation file's default),
 * report.json the same whatever the language, and no English catalogue text in the HTML or on the terminal.
 * Each audit runs once (in parallel) and every assertion shares its output.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CATALOGUES, type Lang, type Report, renderHtml, renderJson } from '@tally/report';
import { englishFragments } from '../../../../packages/report/test/english_fragments.ts';
import { ROOT, runCli, runMain } from '../../test/run_cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-audit-lang-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const BOLIVIA = join(ROOT, 'examples/bolivia-2019/allegation.yaml');
const RUSSIA = join(ROOT, 'examples/russia-2018/allegation.yaml');
const FIXTURE = join(ROOT, 'packages/ingest/test/fixtures/allegation/valid.yaml');
// Started together: the two audits are the slow part of this file.
const bolivia = runCli(['audit', BOLIVIA, '--out', join(dir, 'bo'), '--lang', 'es']);
const russia = runCli(['audit', RUSSIA, '--out', join(dir, 'ru')]);

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The report's own text, without what comes from elsewhere and is shown as given: the claim and claimant (the
 * user's words), validation messages (ingest), method warnings (core), citations, and the scripts.
 */
function ownText(html: string): string {
  const cut = html
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '')
    .replace(/<blockquote>[\s\S]*?<\/blockquote>/g, '')
    .replace(/<section id="validation">[\s\S]*?<\/section>/, '')
    .replace(/<ul class="warn">[\s\S]*?<\/ul>/g, '')
    .replace(/<div id="allegation">[\s\S]*?<dd>[\s\S]*?<\/dd>/, '')
    // Citations (DOIs, page ranges) and the inputs' hashes and version are not prose.
    .replace(/<span class="sub">[^<]*<\/span>/g, '')
    .replace(/<section id="inputs">[\s\S]*?<\/section>/, '');
  return unescapeHtml(cut.replace(/<[^>]+>/g, '\n'));
}

/** Numbers written with a decimal point (English style); Spanish thousands such as 34.555 are not. */
function decimalPoints(text: string, lang: Exclude<Lang, 'en'>): string[] {
  const found = text.match(/(?<![\d.])\d+\.\d+(?![\d.])/g) ?? [];
  return found.filter((x) => !(lang === 'es' && /^[1-9]\d{0,2}(\.\d{3})+$/.test(x)));
}

function assertNoEnglish(text: string, lang: Exclude<Lang, 'en'>, where: string): void {
  const found = englishFragments(lang).filter((f) => text.includes(f));
  assert.deepEqual(found, [], `English catalogue text in the ${lang} ${where}`);
}

test('Bolivia --lang es: headings, verdicts, explanations and plots in Spanish, numbers the Spanish way', async () => {
  const r = await bolivia;
  assert.equal(r.code, 0, r.stderr);
  const html = readFileSync(join(dir, 'bo', 'report.html'), 'utf8');
  assert.match(html, /<html lang="es">/);
  const text = ownText(html);
  for (const key of ['layout.heading.claim', 'layout.heading.screens', 'heading.caveats', 'heading.innocent'] as const)
    assert.ok(text.includes(CATALOGUES.es[key]), key);
  assert.ok(text.includes('Compatible con la denuncia') && text.includes('No respaldada por esta prueba'));
  assert.ok(text.includes('Proyección contrafactual de un conteo parcial'));
  assert.ok(text.includes('mesas señaladas'));
  assertNoEnglish(text, 'es', 'HTML');
  // Decimal commas, no decimal points in numbers of the report's own text; percentages as "91 %".
  assert.match(text, /\b0,0\d\d\b/);
  assert.match(text, /\d\u00a0%/);
  assert.deepEqual(decimalPoints(text, 'es'), [], 'numbers with a decimal point');
});

test('Bolivia: report.json is in the reference language and renders to the very HTML written for --lang es', async () => {
  await bolivia;
  const json = readFileSync(join(dir, 'bo', 'report.json'), 'utf8');
  const report = JSON.parse(json) as Report;
  assert.equal(report.lang, 'en');
  assert.equal(renderJson(report), json, 'report.json round-trips');
  assert.equal(await renderHtml(report, 'es'), readFileSync(join(dir, 'bo', 'report.html'), 'utf8'));
});

test('Bolivia --lang es: the terminal summary carries no English catalogue text', async () => {
  const r = await bolivia;
  const lines = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith(`${CATALOGUES.es['label.claim']}: `))
    .filter((l) => !l.trimStart().startsWith(`${CATALOGUES.es['heading.warnings']}: `));
  const out = lines.join('\n');
  assert.match(out, /^Se escribieron .*report\.json y .*report\.html en \d+(,\d)? s\.$/m);
  assert.match(out, /^no ejecutado: finite_mixture: excluido por el archivo de la denuncia$/m);
  assert.ok(out.startsWith('Auditoría: '));
  assertNoEnglish(out, 'es', 'terminal summary');
});

test('Russia: the allegation file says lang: ru, so the report and the terminal read in Russian', async () => {
  const r = await russia;
  assert.equal(r.code, 0, r.stderr);
  const html = readFileSync(join(dir, 'ru', 'report.html'), 'utf8');
  assert.match(html, /<html lang="ru">/);
  const text = ownText(html);
  for (const key of ['layout.heading.claim', 'layout.heading.screens', 'heading.caveats', 'heading.innocent'] as const)
    assert.ok(text.includes(CATALOGUES.ru[key]), key);
  assert.ok(text.includes('Целые проценты (Кобак и др.)'));
  assert.ok(text.includes('все выборы целиком'));
  assertNoEnglish(text, 'ru', 'HTML');
  assert.deepEqual(decimalPoints(text, 'ru'), [], 'numbers with a decimal point');
  const report = JSON.parse(readFileSync(join(dir, 'ru', 'report.json'), 'utf8')) as Report;
  assert.equal(report.lang, 'en');
  assert.ok(report.findings.some((f) => f.method === 'integer_percent'));
  const out = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith(`${CATALOGUES.ru['label.claim']}: `))
    // Method warnings come from the core in English and are shown as given, as in the HTML's warning lists.
    .filter((l) => !l.trimStart().startsWith(`${CATALOGUES.ru['heading.warnings']}: `))
    .join('\n');
  assert.match(out, /^Записаны .*report\.json и .*report\.html за/m);
  assertNoEnglish(out, 'ru', 'terminal summary');
});

test('report.json is byte-identical whatever --lang; without --lang the locale decides, then English', async () => {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  const runs: Record<string, { stdout: string; json: string; html: string }> = {};
  try {
    for (const [name, args, locale] of [
      ['es', ['--lang', 'es'], 'C'],
      ['ru', ['--lang', 'ru'], 'es_BO.UTF-8'],
      ['locale', [], 'es_BO.UTF-8'],
      ['none', [], 'C.UTF-8'],
    ] as const) {
      delete process.env.LC_ALL;
      delete process.env.LC_MESSAGES;
      process.env.LANG = locale;
      const out = join(dir, `fx-${name}`);
      const r = await runMain(['audit', FIXTURE, '--out', out, ...args]);
      assert.equal(r.code, 0, r.stderr);
      runs[name] = {
        stdout: r.stdout,
        json: readFileSync(join(out, 'report.json'), 'utf8'),
        html: readFileSync(join(out, 'report.html'), 'utf8'),
      };
    }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  assert.equal(runs.ru.json, runs.es.json);
  assert.equal(runs.locale.json, runs.es.json);
  assert.equal(runs.none.json, runs.es.json);
  assert.match(runs.es.html, /<html lang="es">/);
  assert.match(runs.ru.html, /<html lang="ru">/);
  assert.equal(runs.locale.html, runs.es.html, 'LANG=es_BO.UTF-8 gives Spanish');
  assert.match(runs.none.html, /<html lang="en">/);
  assert.match(runs.locale.stdout, /^Se escribieron /m);
  assert.match(runs.none.stdout, /^Wrote /m);
  const bad = await runMain(['audit', FIXTURE, '--out', join(dir, 'never'), '--lang', 'de']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--lang must be en, es or ru/);
});
