import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { listExamples } from '../examples_list.ts';
import { EXAMPLE_TEXT, exampleText } from './example_messages.ts';

const EXAMPLES = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..'), 'examples');

test('every bundled example has a current Spanish and Russian name, and a description where English has one', () => {
  const examples = listExamples(EXAMPLES);
  assert.ok(examples.length >= 7);
  for (const ex of examples) {
    const entry = EXAMPLE_TEXT[ex.id];
    assert.ok(entry, `${ex.id} has no translation`);
    // A manifest renamed since the translation was written would silently fall back to English: fail instead.
    assert.equal(entry.en, ex.name, `${ex.id}: the translation is of an older English name`);
    for (const lang of ['es', 'ru'] as const) {
      const text = exampleText(ex, lang);
      assert.notEqual(text.name, ex.name, `${ex.id}.${lang} name is the English one`);
      assert.equal(text.description === '', ex.description === '', `${ex.id}.${lang} description missing`);
    }
  }
});

test('an example without a translation shows its manifest text', () => {
  const ex = { id: 'my-own', name: 'My election', description: 'Mine' };
  assert.deepEqual(exampleText(ex, 'ru'), { name: 'My election', description: 'Mine' });
});
