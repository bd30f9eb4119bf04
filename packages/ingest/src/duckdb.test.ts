/** quoteIdent / quoteLiteral against DuckDB itself: hostile names round-trip verbatim and never run as SQL. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { openDuckDb, quoteIdent, quoteLiteral } from './duckdb.ts';

const HOSTILE = [
  'a"; DROP TABLE t; --',
  "'); DROP TABLE t; --",
  '"',
  '""',
  "'",
  ';',
  'Число избирателей, включенных в список',
  'MAS - IPSP',
  'Número Mesa',
  '名前 🗳️',
  'back\\slash',
  'new\nline',
  'tab\tcol',
  ' lead and trail ',
  'select',
  'rowid',
  '$1',
  '?',
  '/* c */',
];

test('quoteIdent: hostile column names create, select and come back verbatim', async () => {
  const conn = await openDuckDb();
  try {
    const cols = HOSTILE.map((h, i) => `${quoteIdent(h)} INTEGER DEFAULT ${i}`).join(', ');
    await conn.run(`CREATE TABLE t (${cols})`);
    await conn.run(`INSERT INTO t DEFAULT VALUES`);
    const reader = await conn.runAndReadAll(`SELECT ${HOSTILE.map((h) => quoteIdent(h)).join(', ')} FROM t`);
    assert.deepEqual(reader.columnNames(), HOSTILE);
    assert.deepEqual(
      reader.getRows()[0].map((v) => Number(v)),
      HOSTILE.map((_, i) => i),
    );
    const tables = await conn.runAndReadAll('SELECT count(*)::INTEGER FROM duckdb_tables()');
    assert.equal(tables.getRows()[0][0], 1, 'the table is still there and nothing else was created');
  } finally {
    conn.closeSync();
  }
});

test('quoteLiteral: hostile strings come back verbatim (fast-check, 200 strings)', async () => {
  const conn = await openDuckDb();
  try {
    for (const s of HOSTILE) {
      const r = await conn.runAndReadAll(`SELECT ${quoteLiteral(s)} AS v`);
      assert.equal(r.getRows()[0][0], s);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 10 }),
        async (xs) => {
          const clean = xs.map((x) => x.replaceAll('\u0000', ''));
          const r = await conn.runAndReadAll(`SELECT ${clean.map((x) => quoteLiteral(x)).join(', ')}`);
          assert.deepEqual(r.getRows()[0], clean);
          const q = await conn.runAndReadAll(`SELECT 1 AS ${quoteIdent(clean[0] || 'x')}`);
          assert.deepEqual(q.columnNames(), [clean[0] || 'x']);
        },
      ),
      { numRuns: 200, seed: 20191020 },
    );
  } finally {
    conn.closeSync();
  }
});

test('quoteLiteral refuses NUL (a programmer error, never user data reaching SQL)', () => {
  assert.throws(() => quoteLiteral('a\u0000b'));
});
