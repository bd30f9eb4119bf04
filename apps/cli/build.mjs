// Builds the CLI (`npm run build`; npm ci runs it through the root package's prepare script). The CLI is bundled into
// ES modules (apps/cli/dist/<build>/) so that a run loads built JavaScript: no TypeScript loader, and no loading of a
// few hundred modules one by one. Three entry points share code chunks: tally.mjs (the CLI; each command's code is
// loaded only when that command runs), chunk_worker.mjs and calibrate_worker.mjs (worker threads). The web client
// is built alongside (apps/web/build.mjs). bin/tally.js never builds: it warns when a source is newer than the build.
// Each build goes to a fresh folder and then a one-line pointer file (dist/current) is replaced by rename, so
// concurrent runs never load a half-written build, and a running process keeps loading chunks from its own folder.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildClient } from '../web/build.mjs';
import { CURRENT, currentBundle, DIST, INPUTS_FILE, ROOT, readCurrent, staleSource } from './build_state.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
// Native or self-locating packages stay outside the bundle (tsx: only the source runs' worker entries name it).
const EXTERNAL = ['@duckdb/node-api', '@duckdb/*', 'exceljs', 'tsx', 'tsx/*', 'playwright-core'];
const ENTRY = join(HERE, 'src', 'bundle_main.ts');
// Old builds are removed once they have not been current for this long (a long-running process may still be
// loading chunks or starting workers from its own build). A build's folder mtime is set when it stops being current.
const KEEP_OLD_MS = 3600_000;

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

/** The repository's own files an esbuild build read (dependencies under node_modules left out), repository-relative. */
export function ownSources(metafile) {
  return Object.keys(metafile.inputs)
    .filter((input) => !input.includes('node_modules/') && !input.includes(':'))
    .map((input) => relative(ROOT, resolve(process.cwd(), input)));
}

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
  // A source saved after this instant makes the build stale (build_state.mjs).
  const builtFrom = Date.now();
  const clientInputs = ownSources(await buildClient());
  mkdirSync(DIST, { recursive: true });
  const name = `b${Date.now().toString(36)}-${process.pid}`;
  const tmp = join(DIST, `${name}.tmp`);
  const result = await build({
    entryPoints: {
      tally: ENTRY,
      chunk_worker: join(ROOT, 'packages', 'parallel', 'src', 'bundled_chunk_worker.ts'),
      calibrate_worker: join(HERE, 'src', 'commands', 'calibrate_worker.ts'),
      // The web server's parsing child process (apps/web/src/isolated_parse.ts): starts without tsx.
      parse_child: join(ROOT, 'apps', 'web', 'src', 'parse_child.ts'),
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
    metafile: true,
    // Some bundled CommonJS libraries call require(); give each ESM chunk one.
    banner: {
      js: "import { createRequire as __tallyCreateRequire } from 'node:module'; const require = __tallyCreateRequire(import.meta.url);",
    },
  });
  const inputs = [...ownSources(result.metafile), ...clientInputs].sort();
  writeFileSync(join(tmp, INPUTS_FILE), `${JSON.stringify(inputs, null, 1)}\n`);
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

/** True when there is no build, or a source changed since the current one. */
export function needsBuild() {
  return currentBundle() === undefined || staleSource() !== undefined;
}

// `node apps/cli/build.mjs` builds; `--if-stale` (the tests that start the binary) only when needsBuild().
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || needsBuild()) await buildCli();
}
