// Bundles the CLI into ES modules (apps/cli/dist/<build>/) so that a run does not pay for loading and transpiling a
// few hundred TypeScript and library modules one by one (about 1.5 s per start through tsx). Three entry points share
// code chunks: tally.mjs (the CLI; each command's code is loaded only when that command runs), chunk_worker.mjs and
// calibrate_worker.mjs (worker threads, which thus start without tsx).
// bin/tally.js rebuilds whenever a source file is newer than the build, so the bundle is never stale.
// Each build goes to a fresh folder and then a one-line pointer file (dist/current) is replaced by rename, so
// concurrent runs never load a half-written build, and a running process keeps loading chunks from its own folder.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const DIST = join(HERE, 'dist');
/** The pointer file: "<build folder name>\n<newest source mtime it was built from>\n". */
const CURRENT = join(DIST, 'current');
const SOURCE_DIRS = ['packages', 'apps'];
// Native or self-locating packages stay outside the bundle.
const EXTERNAL = ['@duckdb/node-api', '@duckdb/*', 'exceljs', 'esbuild', 'tsx', 'tsx/*', 'playwright-core'];
const ENTRY = join(HERE, 'src', 'bundle_main.ts');
// Old builds are removed once they have not been current for this long (a long-running process may still be
// loading chunks or starting workers from its own build). A build's folder mtime is set when it stops being current.
const KEEP_OLD_MS = 3600_000;

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

function readCurrent() {
  try {
    const [dir, builtFrom] = readFileSync(CURRENT, 'utf8').split('\n');
    return { dir, builtFrom: Number(builtFrom) };
  } catch {
    return undefined;
  }
}

/** Path of the current build's tally.mjs when it is at least as new as every source, else undefined. */
export function freshBundle() {
  const current = readCurrent();
  if (current === undefined) return undefined;
  const { dir, builtFrom } = current;
  const main = join(DIST, dir, 'tally.mjs');
  try {
    statSync(main);
  } catch {
    return undefined;
  }
  return builtFrom >= newestSourceMtime() ? main : undefined;
}

// Each module keeps its own import.meta.url, so paths to presets, examples and worker files stay right. The entry
// module is the exception: it needs its real URL to find the worker entries next to it.
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path === ENTRY) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return {
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

// Our own packages whose modules have no import-time side effects: a module nothing uses is left out, so a command
// that needs only report's catalogue (run, summary) does not load the plotting code and vega with it.
const PURE_SOURCES = [join(ROOT, 'packages', 'report', 'src')];

const pureSources = {
  name: 'pure-sources',
  setup(b) {
    b.onResolve({ filter: /./ }, async (args) => {
      if (args.pluginData === 'pure-sources' || args.kind === 'entry-point') return undefined;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'pure-sources',
      });
      if (r.errors.length > 0 || !PURE_SOURCES.some((d) => r.path.startsWith(d))) return undefined;
      return { ...r, sideEffects: false };
    });
  },
};

function removeOldBuilds(keep) {
  const now = Date.now();
  for (const name of readdirSync(DIST)) {
    if (name === keep || name === 'current') continue;
    const path = join(DIST, name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/** Builds the bundle into a new folder and makes it current; returns the path of its tally.mjs. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const builtFrom = newestSourceMtime();
  mkdirSync(DIST, { recursive: true });
  const name = `b${Date.now().toString(36)}-${process.pid}`;
  const tmp = join(DIST, `${name}.tmp`);
  await build({
    entryPoints: {
      tally: ENTRY,
      chunk_worker: join(ROOT, 'packages', 'parallel', 'src', 'bundled_chunk_worker.ts'),
      calibrate_worker: join(HERE, 'src', 'commands', 'calibrate_worker.ts'),
    },
    outdir: tmp,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    plugins: [pureSources, keepImportMetaUrl],
    logLevel: 'warning',
    legalComments: 'none',
    // Some bundled CommonJS libraries call require(); give each ESM chunk one.
    banner: {
      js: "import { createRequire as __tallyCreateRequire } from 'node:module'; const require = __tallyCreateRequire(import.meta.url);",
    },
  });
  renameSync(tmp, join(DIST, name));
  const previous = readCurrent();
  const pointer = `${CURRENT}.${process.pid}.tmp`;
  writeFileSync(pointer, `${name}\n${builtFrom}\n`);
  renameSync(pointer, CURRENT);
  if (previous !== undefined && previous.dir !== name) {
    try {
      const now = new Date();
      utimesSync(join(DIST, previous.dir), now, now);
    } catch {
      // Already gone.
    }
  }
  removeOldBuilds(name);
  return join(DIST, name, 'tally.mjs');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
