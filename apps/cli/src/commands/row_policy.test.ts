/**
 * The row policy is the same in the CLI and the web app (both call ingest's applyRowPolicy): on the same file, rows
 * whose counts are all empty are excluded with a reason, another error row refuses the file unless the user excludes
 * invalid rows, and both report the same row account (rows = analysed + excluded, by reason).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApp } from '@tally/web';
import type { Hono } from 'hono';
import { ensureBuilt } from '../../test/run_cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-rows-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const bin = fileURLToPath(new URL('../../bin/tally.js', import.meta.url));
const TOKEN = 'rows-token';
let app: Hono;

// A CIK file in the 2018 layout: three stations with counts, two with none (as 2024's regions without data), and,
// in the second file, one with a negative count.
const HEADER = [
  'region',
  'tik',
  'uik',
  '"Число избирателей, включенных в список избирателей"',
  '"Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно"',
  '"Число избирательных бюллетеней, выданных в помещении для голосования в день голосования"',
  '"Число избирательных бюллетеней, выданных вне помещения для голосования в день голосования"',
  'Число недействительных избирательных бюллетеней',
  'Число действительных избирательных бюллетеней',
  'Иванов',
  'Петров',
].join(',');
const GOOD = [
  'A,T1,1,1000,0,600,20,5,615,400,215',
  'A,T1,2,900,0,500,10,3,507,300,207',
  'B,T2,3,800,5,400,0,2,403,200,203',
];
const EMPTY = ['C,T3,4,,,,,,,,', 'C,T3,5,,,,,,,,'];
const NEGATIVE = 'B,T2,6,700,0,300,0,1,299,-1,300';
const emptyOnly = join(dir, 'empty_rows.csv');
const withBad = join(dir, 'bad_row.csv');

before(async () => {
  ensureBuilt();
  writeFileSync(emptyOnly, `${[HEADER, ...GOOD, ...EMPTY].join('\n')}\n`);
  writeFileSync(withBad, `${[HEADER, ...GOOD, ...EMPTY, NEGATIVE].join('\n')}\n`);
  ({ app } = await createApp({
    token: TOKEN,
    examplesDir: dir,
    roots: [dir],
    version: 'test',
    maxUploadBytes: 1 << 16,
  }));
});

function cli(argv: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

async function web(path: string, excludeInvalid?: boolean): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.request('/api/load', {
    method: 'POST',
    headers: { host: '127.0.0.1:8737', 'x-tally-token': TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify({ path, preset: 'russia-cik', excludeInvalid }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type Account = { file: string; rows: number; analysed: number; excluded: { reason: string; count: number }[] };
const withoutFile = (a: Account) => ({ ...a, file: basename(a.file) });

test('empty rows are excluded with a count and a reason, in the CLI and the web app alike', async () => {
  const r = cli(['summary', emptyOnly, '--preset', 'russia-cik', '--json']);
  assert.equal(r.code, 0, r.err);
  const cliAccount = (JSON.parse(r.out) as { rowAccounting: Account[] }).rowAccounting[0];
  assert.deepEqual(withoutFile(cliAccount), {
    file: 'empty_rows.csv',
    rows: 5,
    analysed: 3,
    excluded: [{ reason: 'empty_row', count: 2 }],
  });
  const w = await web(emptyOnly);
  assert.equal(w.status, 200, JSON.stringify(w.body));
  assert.deepEqual((w.body.rowAccounting as Account[])[0], withoutFile(cliAccount));
  const text = cli(['summary', emptyOnly, '--preset', 'russia-cik']);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /5 rows = 3 analysed \+ 2 excluded \(empty_row: 2\)/);
});

test('another error row refuses the file in both, unless invalid rows are excluded; then both count it', async () => {
  const refused = cli(['summary', withBad, '--preset', 'russia-cik']);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /1 row\(s\) with error-level problems.*--exclude-invalid/);
  assert.match(refused.err, /bad_row\.csv:7: column "Иванов": negative count "-1" \[negative_count\]/);
  assert.doesNotMatch(refused.err, /empty_row/, 'empty rows are not among the refusals');
  const wRefused = await web(withBad);
  assert.equal(wRefused.status, 400);
  assert.match(String(wRefused.body.error), /1 row\(s\) with error-level problems.*excludeInvalid/);
  assert.match(String(wRefused.body.error), /negative_count/);

  const r = cli(['summary', withBad, '--preset', 'russia-cik', '--json', '--exclude-invalid']);
  assert.equal(r.code, 0, r.err);
  const cliAccount = (JSON.parse(r.out) as { rowAccounting: Account[] }).rowAccounting[0];
  assert.deepEqual(withoutFile(cliAccount), {
    file: 'bad_row.csv',
    rows: 6,
    analysed: 3,
    excluded: [
      { reason: 'empty_row', count: 2 },
      { reason: 'negative_count', count: 1 },
    ],
  });
  const w = await web(withBad, true);
  assert.equal(w.status, 200, JSON.stringify(w.body));
  assert.deepEqual((w.body.rowAccounting as Account[])[0], withoutFile(cliAccount));
  assert.equal((await web(withBad, 'yes' as unknown as boolean)).status, 400, 'excludeInvalid must be a boolean');
});

test('tally validate follows the same policy: exit 0 with only empty rows, 1 with a refused row', () => {
  assert.equal(cli(['validate', emptyOnly, '--preset', 'russia-cik']).code, 0);
  const bad = cli(['validate', withBad, '--preset', 'russia-cik', '--json']);
  assert.equal(bad.code, 1);
  assert.equal((JSON.parse(bad.out) as { refused: number }).refused, 1);
  assert.equal(cli(['validate', withBad, '--preset', 'russia-cik', '--exclude-invalid']).code, 0);
});

test('tally run on a CIK file with empty rows runs, and its text and JSON say how many rows were excluded and why', () => {
  const rows = [HEADER];
  for (let i = 0; i < 300; i++) {
    const a = 150 + ((i * 37) % 211);
    const b = 90 + ((i * 53) % 157);
    const invalid = i % 7;
    rows.push(
      `R${i % 5},T${i % 11},${i},${a + b + invalid + 40 + (i % 13)},${i % 3},${a + b + invalid - (i % 3)},0,${invalid},${a + b},${a},${b}`,
    );
  }
  const file = join(dir, 'cik_run.csv');
  writeFileSync(file, `${[...rows, ...EMPTY].join('\n')}\n`);
  const args = ['run', file, '--preset', 'russia-cik', '--methods', 'c05s,last_digit', '--bootstrap', '0'];
  const text = cli(args);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /cik_run\.csv: 302 rows = 300 analysed \+ 2 excluded \(empty_row: 2\)/);
  const json = cli([...args, '--json']);
  assert.equal(json.code, 0, json.err);
  const account = (JSON.parse(json.out) as { rowAccounting: Account[] }).rowAccounting[0];
  assert.deepEqual(withoutFile(account), {
    file: 'cik_run.csv',
    rows: 302,
    analysed: 300,
    excluded: [{ reason: 'empty_row', count: 2 }],
  });
});
