/** Every file in the broken-file corpus gives its documented outcome (corpus_cases.ts = corpus/README.md). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadTable } from '../src/index.ts';
import { CORPUS } from './corpus_cases.ts';
import { renderCorpusReadme } from './render_corpus_readme.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

test('corpus/README.md is the rendered case table, and the corpus covers at least 25 files', () => {
  assert.equal(readFileSync(join(DIR, 'README.md'), 'utf8'), renderCorpusReadme());
  assert.ok(new Set(CORPUS.map((c) => c.file)).size >= 25);
});

for (const c of CORPUS) {
  test(`corpus: ${c.file}${c.map ? ` with ${c.map}` : ''}: ${c.wrong}`, async () => {
    const path = join(DIR, c.file);
    const result = await loadTable(path, { map: join(DIR, c.map ?? 'map.json') });
    if ('fails' in c) {
      assert.equal(result.ok, false, 'expected a tagged error');
      if (result.ok) return;
      assert.equal(result.error.kind, c.fails.kind, result.error.message);
      if (c.fails.rule !== undefined) assert.equal((result.error as { rule?: string }).rule, c.fails.rule);
      assert.equal((result.error as { row?: number }).row, c.fails.row, 'the row named, if any');
      const named = c.map && c.fails.rule === 'invalid_mapping' ? join(DIR, c.map) : path;
      assert.ok(result.error.message.includes(named), `message names the file: ${result.error.message}`);
      assert.ok(!/\n\s+at /.test(result.error.message), 'no stack trace in the message');
      return;
    }
    assert.equal(result.ok, true, result.ok ? '' : result.error.message);
    if (!result.ok) return;
    const loaded = result.value;
    const got = loaded.issues.map((i) => ({ level: i.level, rule: i.rule, row: i.row, column: i.column }));
    assert.deepEqual(got, c.loads.issues);
    for (const i of loaded.issues) assert.equal(i.file, path);
    assert.equal(loaded.rows, c.loads.rows, 'data rows in the file');
    assert.equal(loaded.table.n, c.loads.stations, 'stations read');
    assert.equal(loaded.rowsExcluded, c.loads.excluded, 'rows excluded');
    // No row is dropped unlisted: input rows = analysed + excluded, and every excluded row has an error naming it.
    assert.equal(loaded.rows, loaded.table.n + loaded.rowsExcluded);
    const errorRows = new Set(
      loaded.issues.filter((i) => i.level === 'error' && i.rule !== 'duplicate_column').map((i) => i.row),
    );
    assert.equal(errorRows.size, loaded.rowsExcluded);
    if (c.loads.labels) assert.deepEqual(loaded.table.regions[0].labels, c.loads.labels);
  });
}

test('corpus: ok files carry the same numbers whatever the container or encoding', async () => {
  const reference = await loadTable(join(DIR, 'ok_baseline.csv'), { map: join(DIR, 'map.json') });
  assert.ok(reference.ok);
  for (const f of ['semicolon.csv', 'tab.tsv', 'bom.csv', 'ok_gzip.csv.gz', 'latin1.csv']) {
    const other = await loadTable(join(DIR, f), { map: join(DIR, 'map.json') });
    assert.ok(other.ok, f);
    assert.deepEqual(other.value.table.ids, reference.value.table.ids, f);
    assert.deepEqual(other.value.table.registered, reference.value.table.registered, f);
    assert.deepEqual(other.value.table.candidates, reference.value.table.candidates, f);
    assert.deepEqual(other.value.table.invalid, reference.value.table.invalid, f);
  }
});

test('corpus: hostile column names reach the table verbatim', async () => {
  const r = await loadTable(join(DIR, 'hostile_header.csv'), { map: join(DIR, 'map_hostile.json') });
  assert.ok(r.ok);
  assert.deepEqual(
    r.value.table.candidates.map((c) => c.name),
    ['a"; DROP TABLE raw; --', "'b'); --"],
  );
  assert.deepEqual([...r.value.table.candidates[0].votes], [50, 40, 30, 15]);
});

test('keys files: ragged and duplicate rows are counted and listed (rows = ids + excluded)', async () => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { loadKeys } = await import('../src/index.ts');
  const dir = mkdtempSync(join(tmpdir(), 'tally-keys-'));
  try {
    const map = join(dir, 'keys.json');
    writeFileSync(
      map,
      JSON.stringify({ kind: 'keys', station: ['id'], attributes: { rank: { column: 'rank', type: 'number' } } }),
    );
    const file = join(dir, 'keys.csv');
    writeFileSync(file, 'id,rank\nA,1\nB\nC,3\nA,4\n,5\n');
    const r = await loadKeys(file, { map });
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.value.rows, 5);
    assert.deepEqual(r.value.ids, ['A', 'C']);
    assert.equal(r.value.rows, r.value.ids.length + r.value.rowsExcluded);
    assert.deepEqual(
      r.value.issues.map((i) => [i.rule, i.row]),
      [
        ['ragged_row', 3],
        ['missing_station_id', 6],
        ['duplicate_station_id', 5],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a device or pipe is refused, not read forever', async () => {
  const r = await loadTable('/dev/zero', { map: join(DIR, 'map.json') });
  assert.ok(!r.ok);
  assert.equal(r.error.kind, 'io_error');
  assert.match(r.error.message, /not a regular file/);
});
