/**
 * One's own file in real Chromium: the upload shows progress and Load waits for it; the mapping editor starts empty,
 * checks the mapping against the header and previews the rows as mapped, in the page's language; no message shows
 * where the server keeps the file. Without Chromium the tests skip with one visible line.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BrowserFixture, SKIP, startBrowserFixture } from './browser_fixture.ts';
import { en, es } from './client/messages.ts';

let fx: BrowserFixture | undefined;

before(async () => {
  if (!SKIP) fx = await startBrowserFixture(16 << 20);
});

after(async () => {
  await fx?.close();
});

/** A results file with an authority's own column names (none of id / registered / A / B), about 3 MB. */
function townCsv(rows: number): Buffer {
  const lines = ['PEC,Oblast,Voters,Issued,Valid,Invalid,Kandidat A,Kandidat B'];
  for (let i = 1; i <= rows; i++) {
    const voters = 500 + (i % 700);
    const a = Math.floor(voters * 0.3) + (i % 17);
    const b = Math.floor(voters * 0.25) + (i % 13);
    const invalid = i % 5;
    lines.push(`${i},Oblast ${1 + (i % 9)},${voters},${a + b + invalid},${a + b},${invalid},${a},${b}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

test(
  'upload with progress, Load disabled until read, mapping picked column by column',
  { timeout: 300_000, skip: SKIP },
  async () => {
    assert.ok(fx);
    const page = await fx.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(fx.url);
    assert.equal(await page.isDisabled('#load-button'), true, 'Load is enabled before any file is chosen');

    const progressSeen = page.waitForSelector(`#upload-progress:has-text("${en.uploading}")`, { timeout: 60_000 });
    await page.setInputFiles('#upload-file', { name: 'town.csv', mimeType: 'text/csv', buffer: townCsv(60_000) });
    assert.equal(await page.isDisabled('#load-button'), true, 'Load is enabled while the file uploads');
    await progressSeen;
    await page.waitForSelector('#mapping-editor', { timeout: 120_000 });
    assert.match(await page.locator('#upload-progress').innerText(), new RegExp(`${en.uploaded}: town\\.csv`));
    assert.equal(await page.isDisabled('#load-button'), false);

    // Nothing is pre-chosen: every picker is empty and the required roles are asked for.
    const chosen = await page
      .locator('#mapping-editor select.map-role')
      .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    assert.ok(chosen.length >= 9 && chosen.every((v) => v === ''), `pre-chosen: ${chosen.join('|')}`);
    assert.equal(await page.locator('.map-candidate:checked').count(), 0);
    await page.waitForSelector(`#mapping-problems li:has-text("${en.roleRegistered}")`);

    for (const [role, column] of [
      ['station', 'PEC'],
      ['region1', 'Oblast'],
      ['registered', 'Voters'],
      ['ballotsCast', 'Issued'],
      ['valid', 'Valid'],
      ['invalid', 'Kandidat A'],
    ])
      await page.selectOption(`#map-${role}`, column);
    await page.check('.map-candidate[value="Kandidat A"]');
    await page.check('.map-candidate[value="Kandidat B"]');
    // The server's check: one column cannot count two things.
    await page.waitForSelector('#mapping-problems li:has-text("Kandidat A")');
    assert.match(await page.locator('#mapping-problems').innerText(), /more than one count/);
    await page.selectOption('#map-invalid', 'Invalid');
    await page.waitForSelector(`#mapping-problems:has-text("${en.mappingOk}")`);
    if (process.env.TALLY_SCREENSHOT_DIR)
      await page.screenshot({ path: join(process.env.TALLY_SCREENSHOT_DIR, 'mapping-editor.png'), fullPage: true });
    const mapped = await page.locator('#mapped-preview table').innerText();
    assert.match(mapped, /Kandidat B/);
    assert.match(mapped, new RegExp(en.roleRegistered));

    // The editor follows the language.
    await page.selectOption('#lang', 'es');
    await page.waitForSelector(`#mapping-editor:has-text("${es.roleRegistered}")`);
    assert.match(await page.locator('#mapping-problems').innerText(), new RegExp(es.mappingOk));
    await page.selectOption('#lang', 'en');

    await page.click('#load-button');
    await page.waitForSelector('#dataset-view', { timeout: 120_000 });
    assert.match(await page.locator('#dataset-view').innerText(), /60,000/);
    assert.deepEqual(errors, []);
    await page.close();
  },
);

test(
  'a file the server cannot read is reported by its name, never by a server path',
  { timeout: 120_000, skip: SKIP },
  async () => {
    assert.ok(fx);
    const page = await fx.browser.newPage();
    await page.goto(fx.url);
    await page.setInputFiles('#upload-file', {
      name: 'bad.parquet',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('no parquet'),
    });
    await page.waitForSelector('#home-status:has-text("bad.parquet")', { timeout: 60_000 });
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /tally-uploads-|\/tmp\//);
    assert.equal(await page.isDisabled('#load-button'), true);
    await page.close();
  },
);
