/**
 * Writes the broken-file corpus in test/corpus/ byte for byte (encodings, BOM, CRLF, gzip, xlsx, Parquet, JSON).
 * Run: `node --import tsx packages/ingest/test/make_corpus.ts`. The outputs are committed; the expected outcome of
 * each file is in corpus_cases.ts and corpus/README.md.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { openDuckDb, quoteLiteral } from '../src/duckdb.ts';
import { renderCorpusReadme } from './render_corpus_readme.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

/** The header every generic file uses; map.json maps it. */
const HEADER = ['station', 'region', 'registered', 'ballots', 'invalid', 'valid', 'A', 'B'];
const GOOD = [
  ['S1', 'North', '100', '80', '2', '78', '50', '28'],
  ['S2', 'North', '120', '90', '4', '86', '40', '46'],
  ['S3', 'South', '90', '60', '0', '60', '30', '30'],
  ['S4', 'South', '110', '70', '5', '65', '15', '50'],
];

function csv(rows: string[][], delimiter = ',', eol = '\n'): string {
  return rows.map((r) => r.join(delimiter)).join(eol) + eol;
}

/** GOOD with one cell replaced: row index (0-based data row), column name, new text. */
function withCell(row: number, column: string, value: string): string[][] {
  const rows = GOOD.map((r) => [...r]);
  rows[row][HEADER.indexOf(column)] = value;
  return [HEADER, ...rows];
}

function write(name: string, content: string | Uint8Array): void {
  writeFileSync(join(DIR, name), content);
}

/** Deterministic pseudo-random bytes (xorshift32), so the garbage file is reproducible. */
function garbage(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    if (c > 0xff) throw new Error(`not Latin-1: ${ch}`);
    return c;
  });
}

async function writeBinaryFormats(): Promise<void> {
  const conn = await openDuckDb();
  try {
    const rows = GOOD.map((r) => [...r]);
    rows[2][HEADER.indexOf('registered')] = '-90';
    await conn.run(
      `CREATE TABLE t AS SELECT * FROM (VALUES ${rows.map((r) => `(${r.map((v) => quoteLiteral(v)).join(', ')})`).join(', ')}) v(${HEADER.map((h) => `"${h}"`).join(', ')})`,
    );
    await conn.run(`COPY t TO ${quoteLiteral(join(DIR, 'negative_count.parquet'))} (FORMAT parquet)`);
    await conn.run(`UPDATE t SET registered = '90' WHERE station = 'S3'`);
    await conn.run(`UPDATE t SET A = 'unknown' WHERE station = 'S4'`);
    await conn.run(`COPY t TO ${quoteLiteral(join(DIR, 'text_in_count.json'))} (FORMAT json, ARRAY true)`);
  } finally {
    conn.closeSync();
  }
}

async function writeXlsx(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('mesas');
  ws.addRow(HEADER);
  GOOD.forEach((r, i) => {
    // Numbers as numbers, as a spreadsheet holds them; one count cell has a note instead of a number.
    const cells: (string | number)[] = r.map((v, k) => (k >= 2 ? Number(v) : v));
    if (i === 1) cells[HEADER.indexOf('B')] = 'see annex';
    ws.addRow(cells);
  });
  await wb.xlsx.writeFile(join(DIR, 'text_in_count.xlsx'));
  // The same workbook with 10 bytes of the worksheet's deflate stream flipped (this once stalled exceljs forever).
  const bytes = new Uint8Array(readFileSync(join(DIR, 'text_in_count.xlsx')));
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  let at = 0;
  while (!name.every((b, k) => bytes[at + k] === b)) at++;
  for (let k = 10; k < 20; k++) bytes[at + name.length + k] ^= 0x5a;
  write('damaged.xlsx', bytes);
}

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  write('.gitattributes', '* -text\n');
  write(
    'map.json',
    `${JSON.stringify(
      {
        id: 'corpus-map',
        station: ['station'],
        regions: [{ name: 'region', column: 'region' }],
        registered: 'registered',
        candidates: { columns: ['A', 'B'] },
        valid: 'valid',
        invalid: 'invalid',
        ballotsCast: 'ballots',
        shareOf: 'valid',
      },
      null,
      2,
    )}\n`,
  );
  write('map_bad_shape.json', '{ "station": "station", "registered": "registered" }\n');
  write('map_not_json.json', '{ "station": ["station"], \n');
  write(
    'map_wrong_types.json',
    `${JSON.stringify({ station: ['station'], registered: 'registered', candidates: 'A', valid: 'valid', ballotsCast: 'ballots', shareOf: 'valid' })}\n`,
  );

  write('ok_baseline.csv', csv([HEADER, ...GOOD]));
  write('truncated_row.csv', csv([HEADER, GOOD[0], GOOD[1].slice(0, 5), GOOD[2], GOOD[3]]));
  write('truncated_last_row.csv', `${csv([HEADER, ...GOOD.slice(0, 3)])}S4,South,110,7`);
  write('extra_fields.csv', csv([HEADER, GOOD[0], [...GOOD[1], '99'], GOOD[2], GOOD[3]]));
  write('semicolon.csv', csv([HEADER, ...GOOD], ';'));
  write('tab.tsv', csv([HEADER, ...GOOD], '\t'));
  write('semicolon_decimal_comma.csv', csv(withCell(2, 'valid', '60,5'), ';'));
  const acc = [HEADER, ...GOOD.map((r, i) => (i === 2 ? [r[0], 'Potosí', ...r.slice(2)] : r))];
  write('latin1.csv', latin1(csv(acc)));
  // Windows-1252 curly quotes (0x93/0x94) around a region name, and an en dash (0x96).
  const cp = csv([HEADER, GOOD[0]]);
  const tail = new Uint8Array([
    ...latin1('S2,'),
    0x93,
    ...latin1('Norte'),
    0x94,
    0x20,
    0x96,
    ...latin1(' 2,120,90,4,86,40,46\n'),
  ]);
  write('cp1252.csv', new Uint8Array([...latin1(cp), ...tail]));
  write('bom.csv', `\uFEFF${csv([HEADER, ...GOOD])}`);
  write('negative_count.csv', csv(withCell(1, 'A', '-40')));
  write('decimal_count.csv', csv(withCell(0, 'B', '28.5')));
  write('whole_decimal_count.csv', csv(withCell(0, 'B', '28.0')));
  write('text_in_count.csv', csv(withCell(3, 'registered', 'n/a')));
  write('thousands_separator.csv', csv(withCell(1, 'registered', '"1,120"')));
  write('thousands_dot.csv', csv(withCell(1, 'registered', '1.120')));
  write('thousands_zeros.csv', csv(withCell(1, 'registered', '1.000')));
  write('huge_number.csv', csv(withCell(2, 'registered', '99999999999999999999')));
  write('scientific_count.csv', csv(withCell(2, 'registered', '9e1')));
  write('tab_in_count.csv', csv(withCell(3, 'A', '\t15')));
  write('empty_count.csv', csv(withCell(0, 'invalid', '')));
  write('duplicate_ids.csv', csv([HEADER, ...GOOD, ['S2', 'South', '10', '5', '0', '5', '3', '2']]));
  write('empty_station_id.csv', csv(withCell(2, 'station', '  ')));
  write('empty.csv', '');
  write('header_only.csv', csv([HEADER]));
  write('whitespace_only.csv', '  \n\t\n   \r\n');
  write('missing_column.csv', csv([HEADER.filter((h) => h !== 'registered'), ...GOOD.map((r) => r.toSpliced(2, 1))]));
  write('duplicate_header.csv', csv([[...HEADER, 'region'], ...GOOD.map((r) => [...r, 'Elsewhere'])]));
  write('ok_gzip.csv.gz', gzipSync(Buffer.from(csv([HEADER, ...GOOD]))));
  const gz = gzipSync(Buffer.from(csv([HEADER, ...GOOD, ...GOOD.map((r) => [`${r[0]}x`, ...r.slice(1)])])));
  write('truncated.csv.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
  write('crlf.csv', csv([HEADER, ...GOOD.slice(0, 2), withCell(2, 'A', '-1')[3], GOOD[3]], ',', '\r\n'));
  write(
    'quoted_fields.csv',
    csv([
      HEADER,
      GOOD[0],
      ['S2', '"North, East"', ...GOOD[1].slice(2)],
      ['S3', '"South\nof the river"', ...GOOD[2].slice(2)],
      ['S4', '"He said ""no"""', '110', '70', '5', '65', 'x', '50'],
    ]),
  );
  write('unterminated_quote.csv', csv([HEADER, GOOD[0], ['S2', '"North', ...GOOD[1].slice(2)], GOOD[2], GOOD[3]]));
  write('stray_carriage_return.csv', csv(withCell(1, 'A', '4\r0')));
  write('stray_quote.csv', csv([HEADER, GOOD[0], GOOD[1], ['S3', '"South"ern', ...GOOD[2].slice(2)], GOOD[3]]));
  write(
    'mid_field_quote.csv',
    csv([HEADER, GOOD[0], ['S2', 'No"rth', ...GOOD[1].slice(2)], withCell(2, 'B', '-46')[3], GOOD[3]]),
  );
  write(
    'mixed_line_endings.csv',
    `${csv([HEADER, GOOD[0]])}${csv(withCell(1, 'B', '-46').slice(2, 3), ',', '\r\n')}${csv(GOOD.slice(2))}`,
  );
  write('ballots_exceed_registered.csv', csv(withCell(2, 'registered', '50')));
  write('votes_exceed_valid.csv', csv(withCell(0, 'valid', '40')));
  write('valid_sum_mismatch.csv', csv(withCell(3, 'valid', '66')));
  write('blank_lines.csv', `${csv([HEADER, GOOD[0]])}\n${csv([GOOD[1], withCell(2, 'A', '-3')[3]])}\n\n`);
  write('garbage.bin', garbage(4096, 20191020));
  write('not_really.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...garbage(200, 7)]));
  write('json_scalar.json', '42\n');
  write(
    'hostile_header.csv',
    csv([
      ['station', 'region', 'registered', 'ballots', 'invalid', 'valid', '"a""; DROP TABLE raw; --"', "'b'); --"],
      ...GOOD,
    ]),
  );
  write(
    'map_hostile.json',
    `${JSON.stringify({ id: 'hostile', station: ['station'], registered: 'registered', candidates: { columns: ['a"; DROP TABLE raw; --', "'b'); --"] }, valid: 'valid', invalid: 'invalid', ballotsCast: 'ballots', shareOf: 'valid' }, null, 2)}\n`,
  );
  mkdirSync(join(DIR, 'a_folder.csv'));
  write('a_folder.csv/.gitkeep', '');
  await writeBinaryFormats();
  await writeXlsx();
  write('README.md', renderCorpusReadme());
}

await main();
