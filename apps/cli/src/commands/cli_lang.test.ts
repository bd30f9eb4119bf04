/** --lang on `tally latecount` and `tally run`: the terminal text comes from the catalogue, numbers per language. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { englishFragments } from '../../../../packages/report/test/english_fragments.ts';
import { ROOT, runMain } from '../../test/run_cli.ts';

const BOLIVIA = join(ROOT, 'examples/bolivia-2019');
const FIXTURE = join(ROOT, 'packages/ingest/test/fixtures/allegation');

function assertNoEnglish(text: string, lang: 'es' | 'ru'): void {
  assert.deepEqual(
    englishFragments(lang).filter((f) => text.includes(f)),
    [],
    `English catalogue text in ${lang} output`,
  );
}

test('tally latecount --lang es and ru: every line from the catalogue, decimal commas', async () => {
  const args = ['latecount', BOLIVIA, '--cutoff', 'trep-2019-10-20', '--sims', '50'];
  const en = await runMain([...args, '--lang', 'en']);
  assert.equal(en.code, 0, en.stderr);
  assert.match(en.stdout, /^Late-count analysis: /);
  for (const lang of ['es', 'ru'] as const) {
    const r = await runMain([...args, '--lang', lang]);
    assert.equal(r.code, 0, r.stderr);
    assertNoEnglish(r.stdout, lang);
    assert.equal(r.stdout.split('\n').length, en.stdout.split('\n').length, 'same lines as in English');
    assert.match(r.stdout, /83,85\u00a0%/, 'share counted at the cutoff, Spanish/Russian style');
    // Decimal points (English style); Spanish groups thousands with a point (28.975), which is fine.
    const points = (r.stdout.match(/(?<![\d.])\d+\.\d+(?![\d.])/g) ?? []).filter(
      (x) => !(lang === 'es' && /^[1-9]\d{0,2}(\.\d{3})+$/.test(x)),
    );
    assert.deepEqual(points, [], 'no decimal points');
  }
  const json = await runMain([...args, '--json', '--lang', 'ru']);
  const plain = await runMain([...args, '--json']);
  assert.equal(json.stdout, plain.stdout, '--json does not depend on --lang');
});

test('tally run --lang ru: headers, region label and footer from the catalogue; a bad --lang is a usage error', async () => {
  const r = await runMain(['run', FIXTURE, '--bootstrap', '20', '--lang', 'ru']);
  assert.equal(r.code, 0, r.stderr);
  assertNoEnglish(r.stdout, 'ru');
  assert.match(r.stdout, /^все участки$/m);
  assert.match(r.stdout, /Это статистики, а не вердикты/);
  assert.match(r.stdout, /\d,\d{4}/);
  const bad = await runMain(['run', FIXTURE, '--lang', 'xx']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--lang must be en, es or ru/);
});

test('tally summary and tally validate --lang es/ru: labels from the catalogue, numbers per language', async () => {
  for (const lang of ['es', 'ru'] as const) {
    const s = await runMain(['summary', BOLIVIA, '--lang', lang]);
    assert.equal(s.code, 0, s.stderr);
    assertNoEnglish(s.stdout, lang);
    assert.match(s.stdout, /88,31\u00a0%/, 'turnout');
    assert.match(s.stdout, lang === 'es' ? /mesas 34\.555 {2}inscritos 7\.315\.364/ : /участков 34\u00a0555/);
    const v = await runMain(['validate', FIXTURE, '--lang', lang]);
    assert.equal(v.code, 0, v.stderr);
    assertNoEnglish(v.stdout, lang);
    assert.match(v.stdout, lang === 'es' ? /filas, .* mesas leídas/ : /строк \d+, прочитано участков/);
  }
  const en = await runMain(['summary', BOLIVIA]);
  assert.match(en.stdout, /stations 34,555 {2}registered 7,315,364/);
});
