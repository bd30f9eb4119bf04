import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { translate } from '@tally/report';
import { type Browser, chromium, type Page } from 'playwright-core';
import { en, es } from '../../../web/src/client/messages.ts';
import { ensureBuilt } from '../../test/run_cli.ts';

// End to end in real headless Chromium (Debian's package, installed by .ci/run) against `tally serve`.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = mkdtempSync(join(tmpdir(), 'tally-shots-'));
let server: ChildProcess;
let url = '';
let browser: Browser;

// Without Chromium these tests skip with one visible line, except under CI (.ci/run installs it), where its absence
// is a failure.
const CHROMIUM_MISSING = !existsSync(CHROMIUM) && !process.env.CI;
const SKIP = CHROMIUM_MISSING ? 'Chromium not found: apt-get install -y chromium, then npm test' : false;
if (CHROMIUM_MISSING) console.log(`browser tests skipped: ${SKIP}`);

before(async () => {
  if (CHROMIUM_MISSING) return;
  assert.ok(existsSync(CHROMIUM), 'Chromium is required: apt-get install -y chromium');
  ensureBuilt();
  server = spawn(process.execPath, [join(ROOT, 'apps/cli/bin/tally.js'), 'serve', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolveUrl(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`tally serve exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

test(
  'a newcomer reaches the Bolivia audit result in two clicks; verdicts and plots are on the page',
  { timeout: 300_000, skip: SKIP },
  async () => {
    const page = await newPage();
    await page.goto(url);
    await page.click('[data-example="bolivia-2019"] [data-action="audit"]'); // click 1
    await page.click('#run-audit'); // click 2
    await page.waitForSelector('#findings .verdict', { timeout: 240_000 });
    await page.waitForSelector('#findings svg', { timeout: 60_000 });
    const verdicts = await page.locator('#findings .verdict').allTextContents();
    assert.ok(verdicts.length >= 2, `verdicts: ${verdicts.join(', ')}`);
    // The replay table: one row per replay of the bundled allegation (all six).
    assert.equal(await page.locator('#replays-table tr[data-replay]').count(), 6);
    assert.equal(await page.locator('#replays-table h2').innerText(), translate('en', 'replays.heading'));
    await page.waitForSelector('#report-frame');
    const shot = join(SHOTS, 'audit.png');
    await page.screenshot({ path: shot });
    assert.ok(statSync(shot).size > 20_000);

    // The language switches without a reload, and no interface text stays in English.
    await page.evaluate(() => {
      (globalThis as unknown as { marker: number }).marker = 42;
    });
    await page.selectOption('#lang', 'es');
    await page.waitForTimeout(500);
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker),
      42,
      'the page reloaded',
    );
    const text = await page.locator('body').innerText();
    const englishLeft = Object.entries(en).filter(
      ([k, v]) => v !== (es as Record<string, string>)[k] && v.length > 3 && text.includes(v),
    );
    assert.deepEqual(englishLeft, []);
    assert.ok(text.includes(es.runAudit));
    assert.equal(await page.locator('#replays-table h2').innerText(), translate('es', 'replays.heading'));
    const verdictsEs = await page.locator('#findings .verdict').allTextContents();
    assert.notDeepEqual(verdictsEs, verdicts, 'verdict labels follow the language');
    assert.deepEqual((page as Page & { errors: string[] }).errors, []);
  },
);

test(
  'exploring a dataset: summary, region drill-down and the interactive fingerprint',
  { timeout: 180_000, skip: SKIP },
  async () => {
    const page = await newPage();
    await page.goto(url);
    await page.click('[data-example="bolivia-2019"] [data-action="explore"]');
    await page.waitForSelector('#fingerprint-plot svg', { timeout: 120_000 });
    const totals = await page.locator('#totals').innerText();
    assert.match(totals, /34,555/);
    await page.click('#regions tr[data-region="Bolivia > La Paz"]');
    await page.waitForSelector('text=Showing only', { timeout: 60_000 });
    const narrowed = await page.locator('#totals').innerText();
    assert.doesNotMatch(narrowed, /34,555/);
    await page.screenshot({ path: join(SHOTS, 'explore.png') });
    assert.deepEqual((page as Page & { errors: string[] }).errors, []);
  },
);
