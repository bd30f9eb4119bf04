/**
 * The Bolivia audit's HTML report in real Chromium: it prints to at most 15 A4 pages, and its first screen shows the
 * bottom line. Without Chromium the tests skip with one visible line (except under CI, where its absence fails).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { ROOT, runCli } from './run_cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const CHROMIUM_MISSING = !existsSync(CHROMIUM) && !process.env.CI;
const SKIP = CHROMIUM_MISSING ? 'Chromium not found: apt-get install -y chromium, then npm test' : false;
if (CHROMIUM_MISSING) console.log(`browser tests skipped: ${SKIP}`);

/** Most A4 pages the Bolivia report may print to (issue #16). */
const MAX_PAGES = 15;

const dir = mkdtempSync(join(tmpdir(), 'tally-report-print-'));
let browser: Browser | undefined;
let report: { bottomLine: unknown } | undefined;

before(async () => {
  if (CHROMIUM_MISSING) return;
  const run = await runCli(['audit', join(ROOT, 'examples/bolivia-2019/allegation.yaml'), '--seed', '1', '--out', dir]);
  assert.equal(run.code, 0, run.stderr);
  report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test(`the Bolivia report prints to at most ${MAX_PAGES} A4 pages`, { skip: SKIP }, async (t) => {
  assert.ok(browser);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  t.diagnostic(`A4 pages: ${pages}`);
  assert.ok(pages >= 1 && pages <= MAX_PAGES, `${pages} pages`);
});

test('the Bolivia report’s first screen (1366x768) shows the bottom line', { skip: SKIP }, async (t) => {
  assert.ok(browser && report);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  await page.screenshot({ path: join(process.env.TALLY_SCREENSHOT_DIR ?? dir, 'bolivia_first_screen.png') });
  if (report.bottomLine === null) {
    // Until the audit computes the bottom line, packages/report's browser test checks it on the sample report.
    t.skip('the audit does not compute a bottom line yet');
    return;
  }
  const box = await page.locator('#answer-1 .decisive .interval').boundingBox();
  assert.ok(
    box !== null && box.y >= 0 && box.y + box.height <= 768,
    'the first answer’s interval is on the first screen',
  );
  assert.ok((await page.locator('#answer-1 .decisive .value').innerText()).length > 0);
});
