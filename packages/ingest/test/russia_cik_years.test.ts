/**
 * The russia-cik preset reads the CIK federal files of every year, whatever a year calls its protocol lines. Each
 * case is a small synthetic file that carries a real header, copied verbatim into fixtures/russia-cik/headers.json
 * (source: the header rows of github.com/dkobak/elections data/YYYY.csv.zip, commit 8003707, scraped from
 * izbirkom.ru; the older 2000-2003 captions as listed there, see the fixture's "source"). The expected values are
 * computed here by hand from the numbers written into each row: registered = line "Число избирателей ...", ballots
 * cast = issued early + on the day inside + outside, ballots found = valid + invalid, and the candidates are every
 * column after the protocol lines except url.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { applyRowPolicy, EMPTY_ROW_RULE, loadTable } from '../src/index.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'russia-cik', 'headers.json');
const { headers } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { headers: Record<string, string[]> };
const dir = mkdtempSync(join(tmpdir(), 'tally-cik-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ID_COLUMNS = new Set(['level', 'region', 'oik', 'tik', 'uik', 'url']);
const isProtocol = (h: string) => h.startsWith('Число ');

/** The role of a protocol line, found by hand-written substrings independent of the preset's patterns. */
function role(h: string): 'registered' | 'early' | 'inside' | 'outside' | 'valid' | 'invalid' | 'other' {
  if (h.startsWith('Число избирателей, включенных') || h.startsWith('Число избирателей, внесенных'))
    return 'registered';
  if (h.startsWith('Число недействительных')) return 'invalid';
  if (h.startsWith('Число действительных')) return 'valid';
  if (!/бюллетеней, выданных/.test(h) || h.includes('открепительных')) return 'other';
  if (h.includes('досрочно')) return 'early';
  if (h.includes('вне помещени')) return 'outside';
  return 'inside';
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * Writes a file with the header of `year` and three stations. Station k (0, 1, 2) has registered 1000 + k, issued
 * early 10 + k, inside 500 + k, outside 20 + k; candidate j has 100 * (j + 1) + k votes; valid = the candidates' sum;
 * invalid 5 + k; any other protocol line 7. Returns the path and the expected columns.
 */
function writeYear(year: string, extraRows: string[] = []): { path: string; candidates: string[] } {
  const header = headers[year];
  const candidates = header.filter((h) => !ID_COLUMNS.has(h) && !isProtocol(h));
  const rows: string[] = [header.map(csvCell).join(',')];
  for (let k = 0; k < 3; k++) {
    const votes = candidates.map((_, j) => 100 * (j + 1) + k);
    const valid = votes.reduce((a, b) => a + b, 0);
    const cells = header.map((h) => {
      if (h === 'level') return 'ЦИК России';
      if (h === 'region') return 'Республика Адыгея (Адыгея)';
      if (h === 'oik') return 'ОИК №1';
      if (h === 'tik') return '1 Адыгейская';
      if (h === 'uik') return `УИК №${k + 1}`;
      if (h === 'url') return 'http://www.vybory.izbirkom.ru/region/izbirkom';
      const c = candidates.indexOf(h);
      if (c >= 0) return String(votes[c]);
      const r = role(h);
      const value = { registered: 1000, early: 10, inside: 500, outside: 20, valid, invalid: 5, other: 7 }[r];
      return String(r === 'valid' || r === 'other' ? value : value + k);
    });
    rows.push(cells.map(csvCell).join(','));
  }
  const path = join(dir, `${year}.csv`);
  writeFileSync(path, `${[...rows, ...extraRows].join('\n')}\n`);
  return { path, candidates };
}

for (const year of Object.keys(headers)) {
  test(`russia-cik reads the ${year} header`, async () => {
    const header = headers[year];
    // Each year's header has exactly one line per role, found by the hand-written rules above.
    for (const r of ['registered', 'early', 'inside', 'outside', 'valid', 'invalid'] as const)
      assert.equal(header.filter((h) => role(h) === r).length, 1, `${year}: one ${r} line`);
    const { path, candidates } = writeYear(year);
    const loaded = await loadTable(path, { preset: 'russia-cik' });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    const t = loaded.value.table;
    assert.deepEqual(
      loaded.value.issues.filter((i) => i.level === 'error'),
      [],
    );
    assert.equal(t.n, 3);
    assert.deepEqual(
      t.candidates.map((c) => c.name),
      candidates,
    );
    for (let k = 0; k < 3; k++) {
      const valid = candidates.reduce((s, _, j) => s + 100 * (j + 1) + k, 0);
      assert.equal(t.registered[k], 1000 + k);
      assert.equal(t.ballotsCast[k], 10 + k + 500 + k + 20 + k);
      assert.equal(t.valid[k], valid);
      assert.equal(t.invalid[k], 5 + k);
      assert.equal(t.ballotsFound[k], valid + 5 + k);
    }
    assert.deepEqual(
      t.regions.map((r) => r.name),
      header.includes('oik') ? ['country', 'region', 'oik', 'tik'] : ['country', 'region', 'tik'],
    );
  });
}

test('a 2024 file with empty rows (regions that published no data) loads; the rows are excluded as empty_row', async () => {
  // As in the real 2024 file: 2,268 stations of four regions with an id and every other cell empty.
  const width = headers['2024'].length;
  const empty = ['Донецкая Народная Республика,ТИК №1,УИК №910', 'Донецкая Народная Республика,ТИК №1,УИК №911'].map(
    (id) => id + ','.repeat(width - 3),
  );
  const { path } = writeYear('2024', empty);
  const loaded = await loadTable(path, { preset: 'russia-cik' });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
  assert.equal(loaded.value.rows, 5);
  assert.equal(loaded.value.table.n, 3);
  assert.equal(loaded.value.rowsExcluded, 2);
  const errors = loaded.value.issues.filter((i) => i.level === 'error');
  assert.deepEqual(
    errors.map((i) => [i.row, i.rule]),
    [
      [5, EMPTY_ROW_RULE],
      [6, EMPTY_ROW_RULE],
    ],
    'one issue per empty row, not one per empty cell',
  );
  const strict = applyRowPolicy(loaded.value);
  assert.deepEqual(strict.refused, [], 'empty rows never refuse the file');
  assert.deepEqual(strict.account, {
    file: path,
    rows: 5,
    analysed: 3,
    excluded: [{ reason: EMPTY_ROW_RULE, count: 2 }],
  });
});
