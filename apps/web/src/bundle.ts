/**
 * The browser script of the UI, built ahead of time by apps/web/build.mjs (`npm run build`, run by npm ci) into
 * apps/web/dist/client.js; the server reads it once at start.
 */
import { readFile } from 'node:fs/promises';

const CLIENT_BUNDLE = new URL('../dist/client.js', import.meta.url);

/** The built client, one ES module as a string; a clear error when it has not been built. */
export async function bundleClient(): Promise<string> {
  try {
    return await readFile(CLIENT_BUNDLE, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new Error('the web client is not built (apps/web/dist/client.js is missing): run `npm run build`');
  }
}
