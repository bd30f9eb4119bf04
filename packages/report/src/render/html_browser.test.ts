import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { sampleReport, sampleReportWithBottomLine } from '../../test/sample_report.ts';
import { renderHtml } from './html.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const dir = mkdtempSync(join(tmpdir(), 'tally-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test(
  'HTML report in real Chromium: renders offline, plots visible, PNG export works',
  {
    skip: existsSync(CHROMIUM) ? false : 'Debian chromium not installed',
  },
  async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, await renderHtml(sampleReport(), 'es'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1100, height: 1400 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
          requests.push(r.url());
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(file).href);
      assert.equal(await page.locator('figure svg').count(), 6);
      assert.equal(await page.locator('#verdicts .badge').first().innerText(), 'No respaldada por esta prueba');
      const box = await page.locator('#plot-1 svg').boundingBox();
      assert.ok(box && box.width > 300 && box.height > 200, 'plot is laid out');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#plot-1 button.png').click()]);
      assert.match(download.suggestedFilename(), /\.png$/);
      const png = readFileSync(await download.path());
      assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
      const svgWidth = Number((await page.locator('#plot-1 svg').getAttribute('width')) ?? 0);
      assert.equal(png.readUInt32BE(16), svgWidth * 2, 'PNG is drawn at twice the SVG size');
      await page.locator('#finding-2').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(process.env.TALLY_SCREENSHOT_DIR ?? dir, 'report_es.png'), fullPage: false });
      assert.deepEqual(requests, [], 'the report made network requests');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
);

/** True when the element's box lies inside the viewport (the first screen, without scrolling). */
async function onFirstScreen(page: import('playwright-core').Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const view = page.viewportSize();
  return (
    box !== null && view !== null && box.y >= 0 && box.y + box.height <= view.height && box.x + box.width <= view.width
  );
}

test(
  'first screen (1366x768) shows the bottom line with the projection median and interval; the validation CSV downloads',
  { skip: existsSync(CHROMIUM) ? false : 'Debian chromium not installed' },
  async () => {
    const file = join(dir, 'bottom_line.html');
    writeFileSync(file, await renderHtml(sampleReportWithBottomLine('en'), 'en'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
      await page.goto(pathToFileURL(file).href);
      assert.equal(await page.locator('#answer-1 .decisive .value').innerText(), '10.32');
      assert.equal(await page.locator('#answer-1 .decisive .interval').innerText(), '(interval 9.77 to 10.86)');
      for (const selector of [
        '#bottom-line h2',
        '#answer-1 h3',
        '#answer-1 .decisive .value',
        '#answer-1 .decisive .interval',
      ])
        assert.ok(await onFirstScreen(page, selector), `${selector} is not on the first screen`);
      await page.screenshot({ path: join(process.env.TALLY_SCREENSHOT_DIR ?? dir, 'report_first_screen.png') });
      // A screen is folded in the appendix; its link in the screens table opens it.
      assert.equal(await page.locator('#finding-3').isVisible(), false);
      await page.locator('#screen-verdicts a[href="#finding-3"]').click();
      await page.locator('#finding-3').waitFor({ state: 'visible' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#validation a[download]').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'validation_issues.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      assert.equal(csv.split('\r\n')[0], 'level,file,row,column,rule,message');
      assert.ok(csv.includes('error,computo.csv,4,Inscritos,not_a_number,"value ""n/a"" is not a number"'));
    } finally {
      await browser.close();
    }
  },
);
