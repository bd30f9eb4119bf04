import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type ExcelJs from 'exceljs';
import { runCli } from '../../test/run_cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-run-out-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF), enough to read back what the CLI wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

interface Finding {
  method: string;
  target: string;
  region: string;
  statisticName: string;
  statistic: number;
  pValue: number | null;
  adjustedPValue: number | null;
  n: number;
  details: { bootstrap?: { intervals: Record<string, { lower: number | null; upper: number | null }> } };
}

test('tally run examples/russia-2018 --by region --out DIR writes the four files, and the XLSX agrees with report.json', async () => {
  const out = join(dir, 'russia-2018');
  const r = await runCli([
    'run',
    'examples/russia-2018',
    '--by',
    'region',
    '--bootstrap',
    '4',
    '--threads',
    '1',
    '--out',
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  for (const f of ['report.html', 'report.json', 'findings.csv', 'battery.xlsx']) assert.match(r.stdout, new RegExp(f));

  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { findings: Finding[] };
  const excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJs;
  const book = new excel.Workbook();
  await book.xlsx.readFile(join(out, 'battery.xlsx'));
  assert.deepEqual(
    book.worksheets.map((s) => s.name),
    ['battery', 'by unit', 'about'],
  );
  const sheet = book.getWorksheet('battery')!;
  const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
  const header = values(1) as string[];
  assert.deepEqual(header, [
    'unit',
    'target',
    'method',
    'statistic',
    'estimate',
    'ci_lower',
    'ci_upper',
    'p',
    'p_adjusted',
    'n',
    'warnings',
  ]);
  const col = (name: string) => header.indexOf(name);
  const byKey = new Map<string, unknown[]>();
  for (let i = 2; i <= sheet.rowCount; i++) {
    const v = values(i);
    byKey.set([v[col('unit')], v[col('target')], v[col('method')], v[col('statistic')]].join('|'), v);
  }
  // Every finding of report.json (every cell of the run, all stations and each region) is a row of the workbook with
  // the same estimate, interval, p-values and n: the XLSX is read back as numbers, so equality is exact.
  assert.ok(report.findings.length > 1000, `${report.findings.length} findings`);
  assert.ok(report.findings.some((f) => f.region !== ''));
  for (const f of report.findings) {
    const key = [f.region === '' ? 'all stations' : f.region, f.target, f.method, f.statisticName].join('|');
    const row = byKey.get(key);
    assert.ok(row, `no workbook row for ${key}`);
    const empty = (x: unknown) => (x === undefined || x === null ? null : x);
    assert.equal(row[col('estimate')], f.statistic, key);
    assert.equal(empty(row[col('p')]), f.pValue, key);
    assert.equal(empty(row[col('p_adjusted')]), f.adjustedPValue, key);
    assert.equal(row[col('n')], f.n, key);
    const iv = f.details.bootstrap?.intervals[f.statisticName];
    if (iv) {
      assert.equal(empty(row[col('ci_lower')]), iv.lower, key);
      assert.equal(empty(row[col('ci_upper')]), iv.upper, key);
    }
  }
  // findings.csv holds the same rows as the "battery" sheet, in the same order.
  const csv = parseCsv(readFileSync(join(out, 'findings.csv'), 'utf8'));
  assert.deepEqual(csv[0], header);
  assert.equal(csv.length, sheet.rowCount);
  for (let i = 2; i <= sheet.rowCount; i += 97) {
    const fromCsv = csv[i - 1];
    // Array.from turns the holes exceljs leaves for empty cells into undefined.
    const fromXlsx = Array.from(values(i), (x) => (x === undefined || x === null ? '' : String(x)));
    while (fromXlsx.length < header.length) fromXlsx.push('');
    assert.deepEqual(fromCsv, fromXlsx, `row ${i}`);
  }
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(html, /<html/);
  assert.match(html, /per-region findings are in report\.json, findings\.csv and battery\.xlsx/);
  // No allegation was stated: no finding may be labelled as supporting one.
  assert.doesNotMatch(html, /Consistent with the allegation|fraud detected/i);
  assert.match(html, /Departs from the clean-election model/);
  assert.ok(report.findings.every((f) => (f as Finding & { role: string }).role === 'explore'));
});

test('tally run --flagged-csv lists the stations on whole percentages; without integer_percent it is a usage error', async () => {
  const csvIn = join(dir, 'sim.csv');
  const sim = await runCli(['simulate', '--stations', '600', '--seed', '4', '--out', csvIn]);
  assert.equal(sim.code, 0, sim.stderr);
  const file = join(dir, 'flagged.csv');
  const base = ['run', csvIn, '--preset', 'tally-simulated', '--bootstrap', '0', '--threads', '1'];
  const r = await runCli([...base, '--methods', 'integer_percent', '--flagged-csv', file, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const whole = JSON.parse(r.stdout).results.find(
    (x: { method: string; region?: string }) => x.method === 'integer_percent' && x.region === undefined,
  );
  const rows = parseCsv(readFileSync(file, 'utf8'));
  assert.deepEqual(rows[0].slice(0, 4), ['finding_id', 'station_id', 'region_path', 'reason']);
  // The list is the method's own observed count of stations on a whole percentage (turnout or leader share).
  assert.equal(rows.length - 1, whole.details.observed.either);
  assert.ok(rows.slice(1).every((x) => x[0] === `integer_percent:${whole.target}`));
  const none = await runCli([...base, '--methods', 'c05s', '--flagged-csv', file]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /integer_percent/);
});
