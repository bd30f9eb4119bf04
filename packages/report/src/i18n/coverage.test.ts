import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { methodRegistry, persistence } from '@tally/core';
import { englishFragments } from '../../test/english_fragments.ts';
import { sampleReport } from '../../test/sample_report.ts';
import { renderTerminalSummary } from '../render/terminal.ts';
import { EXCLUSION_REASONS, exclusionReason } from './exclusions.ts';
import { hasMessage, langFromLocale, type MessageKey, methodTitle, translate } from './index.ts';

const CORE_SRC = join(import.meta.dirname, '..', '..', '..', 'core', 'src');

test('every method id of the registry has a title in every catalogue; the English one is the method title', () => {
  for (const m of [...methodRegistry, persistence]) {
    assert.equal(translate('en', `method.${m.id}` as MessageKey), m.title, m.id);
    for (const lang of ['es', 'ru'] as const) {
      const title = methodTitle(m.id, lang);
      assert.notEqual(title, m.title, `${lang} title of ${m.id} is the English one`);
      assert.notEqual(title, m.id);
    }
  }
  assert.equal(methodTitle('no_such_method', 'es', 'Given title'), 'Given title');
  for (const m of [...methodRegistry, persistence]) assert.ok(hasMessage(`method_summary.${m.id}`), m.id);
});

function coreSources(dir: string): string[] {
  const files: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files.push(...coreSources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) files.push(p);
  }
  return files;
}

test('every fixed exclusion reason in core is translated (a new reason fails here until it is)', () => {
  // parse_instant's `reason` is an error kind, not a reason for leaving stations out.
  const notExclusions = new Set(['ambiguous']);
  const found = new Set<string>();
  for (const file of coreSources(CORE_SRC))
    for (const m of readFileSync(file, 'utf8').matchAll(/\breason: '([^']+)'/g)) found.add(m[1]);
  assert.ok(found.size >= 20, `found ${found.size} reasons`);
  const missing = [...found].filter((r) => !notExclusions.has(r) && !(r in EXCLUSION_REASONS));
  assert.deepEqual(missing, []);
  assert.equal(
    exclusionReason('count below 25 (small-count rule)', 'es'),
    'conteo inferior a 25 (regla de conteos pequeños)',
  );
  assert.equal(exclusionReason('turnout above 99%', 'ru'), 'явка выше 99 %');
  assert.equal(exclusionReason('something new', 'ru'), 'something new');
});

test('the locale gives the default language: LC_ALL, then LC_MESSAGES, then LANG', () => {
  assert.equal(langFromLocale({ LANG: 'es_BO.UTF-8' }), 'es');
  assert.equal(langFromLocale({ LANG: 'ru_RU.UTF-8' }), 'ru');
  assert.equal(langFromLocale({ LC_ALL: 'ru_RU.UTF-8', LANG: 'es_BO.UTF-8' }), 'ru');
  assert.equal(langFromLocale({ LC_MESSAGES: 'es', LANG: 'ru_RU' }), 'es');
  assert.equal(langFromLocale({ LANG: 'C.UTF-8' }), null);
  assert.equal(langFromLocale({ LANG: 'de_DE.UTF-8' }), null);
  assert.equal(langFromLocale({}), null);
});

test('nested, list and signed parameters are formatted for the language', () => {
  const m = { kind: 'message', message: { key: 'scope.snapshot', params: { id: 'trep' } } } as const;
  assert.equal(
    translate('es', 'scope.summary', {
      what: {
        kind: 'list',
        items: [{ kind: 'message', message: { key: 'scope.after_cutoff', params: { cutoff: m } } }],
      },
      election: 'bolivia-2019',
      flagged: { kind: 'count', value: 5580 },
      n: { kind: 'count', value: 34555 },
    }),
    'mesas contadas después de la instantánea trep de bolivia-2019: 5580 de 34.555 mesas',
  );
  const scenario = (lang: 'en' | 'ru', shift: number) =>
    translate(lang, 'scenario.persistence', {
      votes: { kind: 'count', value: 17336 },
      candidate: 'A',
      shift: { kind: 'signed', value: shift, digits: 2 },
    });
  assert.match(scenario('en', 1.1), /17,336 votes .* by \+1\.10 points/);
  assert.match(scenario('ru', -0.5), /17\u00a0336 голосов .* на -0,50 п\. п\./);
});

test('the terminal summary in Spanish and Russian carries no English catalogue text', () => {
  // The sample's made-up method ids have caller titles only (no catalogue entry): leave them out.
  const rep = sampleReport();
  const report = { ...rep, findings: rep.findings.filter((f) => hasMessage(`method.${f.method}`)) };
  assert.ok(report.findings.length >= 3);
  for (const lang of ['es', 'ru'] as const) {
    const text = renderTerminalSummary(report, lang);
    const claim = report.allegation?.claim ?? '';
    const shown = text.replace(claim, '');
    for (const f of englishFragments(lang)) assert.ok(!shown.includes(f), `${lang}: "${f}" in the terminal summary`);
  }
});
