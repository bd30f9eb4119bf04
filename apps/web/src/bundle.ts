/** Builds the browser bundle of the UI with esbuild, once per server start (about a second). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const CLIENT_ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'client', 'main.ts');

/** Bundles the client into one ES module string. */
export async function bundleClient(): Promise<string> {
  const out = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}
