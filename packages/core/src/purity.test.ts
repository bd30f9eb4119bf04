/**
 * Core and report run in the browser and in worker threads: no file of their sources may import a Node builtin.
 * (Their tsconfig.json has no Node types, so a use of process, Buffer or console's Node-only parts fails the type
 * check; this test catches the imports, which a bundler would otherwise resolve.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const PACKAGES = fileURLToPath(new URL('../..', import.meta.url));
const PURE_SOURCES = ['core/src', 'report/src'];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier in a source text: static imports and re-exports, dynamic import() and require(). */
function moduleSpecifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g];
  patterns.push(/\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g);
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

const BUILTINS = new Set(builtinModules);

/** True when the specifier names a Node builtin ('node:fs', 'fs', 'fs/promises', ...). */
function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

test('the specifier scan finds every import form and recognises builtins', () => {
  const text = [
    "import { a } from 'node:fs';",
    "import type { B } from './b.ts';",
    "export * from 'path';",
    "import 'os';",
    "const c = await import('fs/promises');",
    "const d = require('child_process');",
    "import {\n  e,\n} from '@stdlib/x';",
  ].join('\n');
  const specifiers = moduleSpecifiers(text);
  assert.deepEqual(specifiers.sort(), ['./b.ts', '@stdlib/x', 'child_process', 'fs/promises', 'node:fs', 'os', 'path']);
  assert.deepEqual(specifiers.filter(isNodeBuiltin).sort(), ['child_process', 'fs/promises', 'node:fs', 'os', 'path']);
});

test('core and report sources import no Node builtin', () => {
  for (const folder of PURE_SOURCES) {
    const files = sources(join(PACKAGES, folder));
    assert.ok(files.length > 10, `${folder} has its sources`);
    for (const file of files) {
      const imported = moduleSpecifiers(readFileSync(file, 'utf8')).filter(isNodeBuiltin);
      assert.deepEqual(imported, [], `${relative(PACKAGES, file)} imports a Node builtin`);
    }
  }
});
