// Builds the web client (src/client/main.ts and what it imports) into one minified ES module, dist/client.js, which
// the server serves as /app.js. Run by apps/cli/build.mjs (`npm run build`, and npm ci through prepare).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CLIENT_BUNDLE = join(HERE, 'dist', 'client.js');

/** Builds dist/client.js (replaced by rename, so a running server never reads half a file); returns esbuild's metafile. */
export async function buildClient() {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(HERE, 'src', 'client', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  mkdirSync(dirname(CLIENT_BUNDLE), { recursive: true });
  const tmp = `${CLIENT_BUNDLE}.${process.pid}.tmp`;
  writeFileSync(tmp, out.outputFiles[0].text);
  renameSync(tmp, CLIENT_BUNDLE);
  return out.metafile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildClient();
