/** The bundled examples carry their manifest's titles per language to the home page (Venezuela 2024 in en, es, ru). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { listExamples } from './examples_list.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

test('venezuela-2024 is listed with its allegation and a title in en, es and ru', () => {
  const venezuela = listExamples(EXAMPLES).find((e) => e.id === 'venezuela-2024');
  assert.ok(venezuela);
  assert.ok(venezuela.hasAllegation);
  assert.deepEqual(Object.keys(venezuela.titles).sort(), ['en', 'es', 'ru']);
  assert.match(venezuela.titles.es ?? '', /^Venezuela, elección presidencial 2024/);
  assert.match(venezuela.titles.ru ?? '', /^Венесуэла/);
  assert.deepEqual(
    venezuela.datasets.map((d) => d.id),
    ['actas'],
  );
});
