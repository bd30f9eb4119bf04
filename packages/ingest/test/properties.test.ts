/**
 * Properties of ingest + summary: row order does not change any total or share; nothing mutates its inputs;
 * input rows = rows analysed + rows excluded, with every excluded row listed.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type StationTable, selectStations, summarize, type TableSummary } from '@tally/core';
import fc from 'fast-check';
import { loadTable } from '../src/index.ts';
import { fuzzDir } from './fuzz_harness.ts';

const MAP = join(import.meta.dirname, 'corpus', 'map.json');
const HEADER = 'station,region,registered,ballots,invalid,valid,A,B';

const rowArb = fc
  .record({
    region: fc.constantFrom('North', 'South', 'Potosí', 'Москва', 'a"b'),
    registered: fc.integer({ min: 0, max: 3000 }),
    invalid: fc.integer({ min: 0, max: 50 }),
    a: fc.integer({ min: 0, max: 1500 }),
    b: fc.integer({ min: 0, max: 1500 }),
    bad: fc.oneof(
      { weight: 9, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('-1', 'x', '') },
    ),
  })
  .map((r) => [r.region, r.registered, r.a + r.b + r.invalid, r.invalid, r.a + r.b, r.bad ?? r.a, r.b]);

/** A table of rows and a permutation of them. */
const tableArb = fc.array(rowArb, { minLength: 1, maxLength: 40 }).chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    order: fc.shuffledSubarray(
      rows.map((_, i) => i),
      { minLength: rows.length, maxLength: rows.length },
    ),
  }),
);

function csvOf(rows: (string | number)[][], order: number[]): string {
  const quote = (v: string | number) =>
    typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  return `${HEADER}\n${order.map((i) => [`S${i}`, ...rows[i]].map(quote).join(',')).join('\n')}\n`;
}

/** Summary with regions in a canonical order (first-seen order legitimately follows row order). */
function canonical(s: TableSummary | undefined): TableSummary {
  assert.ok(s);
  return { ...s, regions: [...(s.regions ?? [])].sort((x, y) => (x.region < y.region ? -1 : 1)) };
}

function snapshot(t: StationTable): unknown {
  return structuredClone({ ...t, meta: { ...t.meta } });
}

test('properties: permuting the rows of a file changes no total, share, margin or issue; rows = stations + excluded', async () => {
  const { dir, cleanup } = fuzzDir();
  try {
    await fc.assert(
      fc.asyncProperty(tableArb, async ({ rows, order }) => {
        const identity = rows.map((_, i) => i);
        writeFileSync(join(dir, 'a.csv'), csvOf(rows, identity));
        writeFileSync(join(dir, 'b.csv'), csvOf(rows, order));
        const a = await loadTable(join(dir, 'a.csv'), { map: MAP });
        const b = await loadTable(join(dir, 'b.csv'), { map: MAP });
        assert.ok(a.ok && b.ok);
        for (const l of [a.value, b.value]) {
          assert.equal(l.rows, rows.length);
          assert.equal(l.rows, l.table.n + l.rowsExcluded);
          const listed = new Set(l.issues.filter((i) => i.level === 'error').map((i) => i.row));
          assert.equal(listed.size, l.rowsExcluded);
        }
        const key = (l: typeof a.value) => l.issues.map((i) => `${i.level} ${i.rule} ${i.column ?? ''}`).sort();
        assert.deepEqual(key(b.value), key(a.value));
        if (a.value.table.n === 0) return;
        assert.deepEqual(canonical(summarize(b.value.table, 'region')), canonical(summarize(a.value.table, 'region')));
      }),
      { numRuns: 25, seed: 42 },
    );
  } finally {
    cleanup();
  }
});

test('properties: summarize does not mutate its input, and a permuted table has the same summary', async () => {
  const rows = fc.sample(fc.array(rowArb, { minLength: 30, maxLength: 30 }), { numRuns: 1, seed: 7 })[0];
  const { dir, cleanup } = fuzzDir();
  let table: StationTable;
  try {
    writeFileSync(
      join(dir, 'a.csv'),
      csvOf(
        rows,
        rows.map((_, i) => i),
      ),
    );
    const loaded = await loadTable(join(dir, 'a.csv'), { map: MAP });
    assert.ok(loaded.ok);
    table = loaded.value.table;
  } finally {
    cleanup();
  }
  const n = table.n;
  fc.assert(
    fc.property(
      fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
      fc.constantFrom(undefined, 'region'),
      (order, by) => {
        const before = snapshot(table);
        const permuted = selectStations(table, order);
        const permutedBefore = snapshot(permuted);
        const s1 = summarize(table, by);
        const s2 = summarize(permuted, by);
        assert.deepEqual(snapshot(table), before, 'summarize left the table as it was');
        assert.deepEqual(snapshot(permuted), permutedBefore);
        assert.deepEqual(canonical(s2), canonical(s1));
      },
    ),
    { numRuns: 200, seed: 43 },
  );
});
