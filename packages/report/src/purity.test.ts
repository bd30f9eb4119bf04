import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

test('report sources are pure: no node:*, fs, Math.random or Date.now (they run in the browser)', () => {
  const files = sources(SRC);
  assert.ok(files.length > 10);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /from ['"](node:|fs['"]|path['"]|os['"]|child_process)/, file);
    assert.doesNotMatch(text, /\brequire\(/, file);
    assert.doesNotMatch(text, /Math\.random|Date\.now|new Date\(/, file);
  }
});

test('no source text claims fraud was detected', () => {
  for (const file of sources(SRC)) assert.doesNotMatch(readFileSync(file, 'utf8'), /fraud detected/i, file);
});
