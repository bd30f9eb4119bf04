import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { en, es, ru } from './messages.ts';

test('every interface catalogue has exactly the English keys, none empty', () => {
  const keys = Object.keys(en).sort();
  for (const [name, catalogue] of Object.entries({ es, ru })) {
    assert.deepEqual(Object.keys(catalogue).sort(), keys, `${name} keys differ from en`);
    for (const [k, v] of Object.entries(catalogue)) assert.ok(v.trim().length > 0, `${name}.${k} is empty`);
  }
});

test('translations are not copies of the English text (except symbols)', () => {
  const same = Object.keys(en).filter((k) => (en as Record<string, string>)[k] === (es as Record<string, string>)[k]);
  assert.deepEqual(same, ['pValue']);
});

test('client code puts no literal interface text in the DOM outside the catalogue', () => {
  // A literal string passed as element content (h(tag, attrs, 'Text')) bypasses translation.
  const dir = dirname(fileURLToPath(import.meta.url));
  const offenders: string[] = [];
  for (const file of readdirSync(dir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'messages.ts',
  )) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/h\('[a-z0-9]+',\s*\{[^}]*\},\s*'([A-Za-z][^']*)'/g))
      offenders.push(`${file}: ${m[1]}`);
    for (const m of text.matchAll(/textContent = '([A-Za-z][^']*)'/g)) offenders.push(`${file}: ${m[1]}`);
  }
  assert.deepEqual(offenders, []);
});
