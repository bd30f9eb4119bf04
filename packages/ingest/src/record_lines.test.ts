/** Row numbers are file lines: checked by hand and against DuckDB on generated files with quoted newlines and blanks. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeWindows1252 } from './detect.ts';
import { openDuckDb } from './duckdb.ts';
import { loadRaw } from './load_raw.ts';
import {
  hasMixedLineEndings,
  lineMaps,
  longLineAt,
  recordLines,
  recordLinesByWalk,
  unterminatedQuoteLine,
} from './record_lines.ts';

test('recordLines: quoted newlines, empty lines, CRLF, no final newline', () => {
  const text = 'h1,h2\r\n1,"a\r\nb"\r\n\r\n2,x\n"q""\nq",3';
  const r = recordLines(text);
  assert.equal(r.count, 5);
  assert.deepEqual([...r.startLine.subarray(0, r.count)], [1, 2, 4, 5, 6]);
  assert.deepEqual([...r.blank.subarray(0, r.count)], [0, 0, 1, 0, 0]);
  const maps = lineMaps(r, 3, []);
  assert.ok(maps);
  assert.deepEqual([0, 1, 2].map(maps.lineOf), [2, 5, 6]);
  assert.equal(lineMaps(r, 4, []), undefined, 'a count that does not add up is refused, not guessed');
});

test('unterminatedQuoteLine and hasMixedLineEndings', () => {
  assert.equal(unterminatedQuoteLine('a,b\n1,"x""y"\n2,"open\n3,4\n'), 3);
  assert.equal(unterminatedQuoteLine('a,b\n1,"x\ny"\n'), undefined);
  assert.equal(unterminatedQuoteLine('a,b\n1,No"rth\n2,3\n'), undefined, 'a quote inside a field is a literal');
  assert.equal(unterminatedQuoteLine('a;b\n1;"x\n', ';'), 2);
  assert.equal(hasMixedLineEndings('a\r\nb\r\n'), false);
  assert.equal(hasMixedLineEndings('a\nb\n'), false);
  assert.equal(hasMixedLineEndings('a\r\nb\nc'), true);
});

test('longLineAt names the first line over the limit', () => {
  assert.equal(longLineAt('ab\nabcdef\nabcdefgh', 5), 2);
  assert.equal(longLineAt('ab\nabc\nabcdefgh', 5), 3);
  assert.equal(longLineAt('ab\nabc\n', 5), undefined);
});

test('decodeWindows1252: the C1 range maps to the code page, not to control characters', () => {
  assert.equal(decodeWindows1252(Uint8Array.of(0x93, 0x41, 0x94, 0x20, 0x96, 0x80, 0xe9, 0x81)), '“A” –€é\ufffd');
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const text = decodeWindows1252(all);
  assert.equal(text.length, 256);
  for (let i = 0; i < 256; i++) if (i < 0x80 || i > 0x9f) assert.equal(text.charCodeAt(i), i);
});

const field = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('x', '12', '', 'a b', 'mid"quote', 'x""y') },
  { weight: 1, arbitrary: fc.constantFrom('"multi\nline"', '"two\r\nlines"', '"with ""quotes"""', '"a,b"', '"\n\n"') },
);

test('lineOf agrees with where each record was written (DuckDB reads 60 generated files)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-lines-'));
  const conn = await openDuckDb();
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.array(field, { minLength: 2, maxLength: 2 }), fc.nat({ max: 2 }), fc.boolean()), {
          minLength: 1,
          maxLength: 15,
        }),
        fc.constantFrom('\n', '\r\n'),
        async (records, eol) => {
          let text = `id,f1,f2${eol}`;
          let line = 2;
          const expected = new Map<string, number>();
          records.forEach(([fields, blanks, ragged], k) => {
            for (let b = 0; b < blanks; b++) {
              text += eol;
              line++;
            }
            const id = `r${k}`;
            expected.set(id, line);
            const body = [id, ...(ragged ? fields.slice(0, 1) : fields)].join(',');
            text += body + eol;
            line += (body.match(/\n/g) ?? []).length + 1;
          });
          const path = join(dir, 'f.csv');
          writeFileSync(path, text);
          await conn.run('DROP TABLE IF EXISTS raw');
          const raw = await loadRaw(conn, path, new TextEncoder().encode(text), 'raw');
          assert.ok(raw.ok, raw.ok ? '' : raw.error.message);
          assert.equal(raw.value.issues.filter((i) => i.rule === 'row_numbers_approximate').length, 0);
          const rows = (await conn.runAndReadAll('SELECT rowid::INTEGER, id FROM raw ORDER BY rowid')).getRows();
          for (const [rowid, id] of rows) assert.equal(raw.value.lineOf(Number(rowid)), expected.get(String(id)));
          const ragged = raw.value.issues.filter((i) => i.rule === 'ragged_row');
          assert.equal(raw.value.rejectedRows, ragged.length);
          assert.equal(raw.value.rows + raw.value.rejectedRows, records.length);
          const raggedLines = records.flatMap(([, , r], k) => (r ? [expected.get(`r${k}`)] : []));
          assert.deepEqual(
            ragged.map((i) => i.row),
            raggedLines,
          );
        },
      ),
      { numRuns: 60, seed: 1234 },
    );
  } finally {
    conn.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('skipping quoteless lines finds the same records as stepping through every byte', () => {
  const trim = (r: ReturnType<typeof recordLines>) => ({
    count: r.count,
    startLine: Array.from(r.startLine.slice(0, r.count)),
    blank: Array.from(r.blank.slice(0, r.count)),
  });
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '""', '\n', '\r\n', '\r', 'é'), maxLength: 60 }),
      fc.constantFrom('h1,h2\n', '"h,1",h2\n', 'h1,"h\n2"\r\n'),
      (body, header) => {
        const text = header + body;
        assert.deepEqual(trim(recordLines(text)), trim(recordLinesByWalk(text)));
      },
    ),
    { numRuns: 2000, seed: 7 },
  );
});
