// Bundles the CLI into one ES module (apps/cli/dist/tally.mjs) so that a run does not pay for loading and
// transpiling a few hundred TypeScript and library modules one by one (about 1.5 s per start through tsx).
// bin/tally.js rebuilds it whenever a source file is newer, so the bundle is never stale.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const BUNDLE = join(HERE, 'dist', 'tally.mjs');
const SOURCE_DIRS = ['packages', 'apps'];
// Native or self-locating packages stay outside the bundle.
const EXTERNAL = ['@duckdb/node-api', '@duckdb/*', 'exceljs', 'esbuild', 'tsx', 'tsx/*', 'playwright-core'];

/** Newest modification time of any TypeScript source, preset or package.json the CLI is built from. */
export function newestSourceMtime() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(ROOT, d));
  return newest;
}

// Each module keeps its own import.meta.url, so paths to presets, examples and worker files stay right.
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return {
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

/** Builds the bundle, written atomically so that concurrent runs never import a half-written file. */
export async function buildCli() {
  const out = await build({
    write: false,
    entryPoints: [join(HERE, 'src', 'main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    plugins: [keepImportMetaUrl],
    logLevel: 'warning',
    legalComments: 'none',
    // Some bundled CommonJS libraries call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __tallyCreateRequire } from 'node:module'; const require = __tallyCreateRequire(import.meta.url);",
    },
  });
  mkdirSync(dirname(BUNDLE), { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(tmp, out.outputFiles[0].contents);
  renameSync(tmp, BUNDLE);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
