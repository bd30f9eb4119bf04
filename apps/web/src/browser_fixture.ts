/** Shared by the web app's browser tests: Debian's Chromium and an in-process server over the bundled examples. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { startServer } from './server.ts';

export const EXAMPLES = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'), 'examples');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];

// Without Chromium the tests skip with one visible line, except under CI, where its absence is a failure.
const CHROMIUM_MISSING = !existsSync(CHROMIUM) && !process.env.CI;
/** The skip option for node:test: false, or the reason. */
export const SKIP: string | false = CHROMIUM_MISSING
  ? 'Chromium not found: apt-get install -y chromium, then npm test'
  : false;
if (CHROMIUM_MISSING) console.log(`browser tests skipped: ${SKIP}`);

/** A running server and browser; close() stops both. */
export interface BrowserFixture {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port and launches Chromium. */
export async function startBrowserFixture(maxUploadBytes = 1 << 20): Promise<BrowserFixture> {
  assert.ok(existsSync(CHROMIUM), 'Chromium is required: apt-get install -y chromium');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    examplesDir: EXAMPLES,
    roots: [EXAMPLES],
    version: 'test',
    maxUploadBytes,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
