/**
 * The workspace's import graph has no cycle between modules and no arrow up the package layers:
 * core <- ingest, report, parallel <- audit <- web <- cli. Every module under packages/<name>/src and apps/<name>/src
 * counts, test files included, and so does every kind of import (static, `import type`, re-export, dynamic).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  cycles,
  type ImportEdge,
  importEdges,
  importSpecifiers,
  layerViolations,
  readWorkspacePackage,
  sourceFiles,
} from './import_graph.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Bottom (0) to top. Packages of one layer may not import each other. */
const LAYERS = new Map<string, number>([
  ['@tally/core', 0],
  ['@tally/ingest', 1],
  ['@tally/report', 1],
  ['@tally/parallel', 1],
  ['@tally/audit', 2],
  ['@tally/web', 3],
  ['@tally/cli', 4],
]);

function workspace() {
  const dirs = ['packages', 'apps'].flatMap((top) =>
    readdirSync(join(ROOT, top), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(ROOT, top, e.name)),
  );
  const packages = dirs.map(readWorkspacePackage);
  const files = dirs.flatMap((dir) => sourceFiles(join(dir, 'src')));
  return { packages, files, edges: importEdges(files, packages) };
}

function adjacency(edges: readonly ImportEdge[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of edges) if (e.to !== null) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  return out;
}

test('no module of the workspace takes part in an import cycle', () => {
  const { files, edges } = workspace();
  assert.ok(files.length > 200, `only ${files.length} source files found`);
  const found = cycles(files, adjacency(edges)).map((c) => c.map((f) => relative(ROOT, f)).join(' -> '));
  assert.deepEqual(found, []);
});

test('every package is placed in a layer, and every import between packages goes down the layers', () => {
  const { packages, edges } = workspace();
  assert.deepEqual(packages.map((p) => p.name).sort(), [...LAYERS.keys()].sort());
  const crossing = edges.filter((e) => e.to !== null && e.specifier.startsWith('@tally/'));
  assert.ok(crossing.length > 50, `only ${crossing.length} imports between packages found`);
  const wrong = layerViolations(edges, packages, LAYERS).map(
    (v) => `${relative(ROOT, v.from)} imports ${v.specifier} (${v.fromPackage} -> ${v.toPackage})`,
  );
  assert.deepEqual(wrong, []);
});

test('the checks see type-only, re-exported and dynamic imports, and catch a cycle and an upward arrow', () => {
  assert.deepEqual(
    importSpecifiers(
      "import type { A } from './a.ts';\nexport * from './b.ts';\n// import './comment.ts'\nconst c = await import('./c.ts');\n",
    ),
    ['./a.ts', './b.ts', './c.ts'],
  );
  const dir = mkdtempSync(join(tmpdir(), 'tally-import-graph-'));
  try {
    const low = join(dir, 'low');
    const high = join(dir, 'high');
    for (const [pkg, name] of [
      [low, '@fixture/low'],
      [high, '@fixture/high'],
    ]) {
      mkdirSync(join(pkg, 'src'), { recursive: true });
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, exports: { '.': './src/index.ts' } }));
    }
    // low/src: index <-> util (a cycle through a type-only import), and an arrow up to @fixture/high.
    writeFileSync(join(low, 'src', 'index.ts'), "export * from './util.ts';\nimport '@fixture/high';\n");
    writeFileSync(join(low, 'src', 'util.ts'), "import type { X } from './index.ts';\nexport type Y = X;\n");
    writeFileSync(join(high, 'src', 'index.ts'), "import '@fixture/low';\nimport 'node:fs';\n");
    const packages = [readWorkspacePackage(low), readWorkspacePackage(high)];
    const files = [...sourceFiles(join(low, 'src')), ...sourceFiles(join(high, 'src'))];
    const edges = importEdges(files, packages);
    const found = cycles(files, adjacency(edges)).map((c) => c.map((f) => relative(dir, f)));
    // The upward arrow closes a cross-package cycle too: all three modules form one component.
    assert.deepEqual(found, [['high/src/index.ts', 'low/src/index.ts', 'low/src/util.ts']]);
    const layers = new Map([
      ['@fixture/low', 0],
      ['@fixture/high', 1],
    ]);
    assert.deepEqual(
      layerViolations(edges, packages, layers).map((v) => `${v.fromPackage} -> ${v.toPackage}`),
      ['@fixture/low -> @fixture/high'],
    );
    assert.deepEqual(
      cycles(
        ['a', 'b', 'c', 'd'],
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['c']],
          ['d', ['a']],
        ]),
      ),
      [['c']],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
