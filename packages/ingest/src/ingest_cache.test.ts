/**
 * The ingest cache with real loads (DuckDB, validation): a warm load equals the cold one, issues included; a changed
 * file, another mapping or another build misses; a damaged, truncated or foreign entry is refused and rebuilt.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, beforeEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { encodeEntry } from './cache_codec.ts';
import { cacheStats, clearIngestCache, ingestCacheDir, listCacheEntries, useIngestCache } from './ingest_cache.ts';
import { loadTable } from './load_table.ts';
import { loadManifest } from './manifest.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(HERE, '..', 'test', 'corpus');
const MAP = join(CORPUS, 'map.json');
const WITH_WARNINGS = join(CORPUS, 'ballots_exceed_registered.csv');
const WITH_ERRORS = join(CORPUS, 'negative_count.csv');
const work = mkdtempSync(join(tmpdir(), 'tally-ingest-cache-test-'));
let dir = '';
let round = 0;

beforeEach(() => {
  dir = join(work, `cache-${round++}`);
  useIngestCache({ dir, version: 'test-1' });
  for (const k of Object.keys(cacheStats) as (keyof typeof cacheStats)[]) cacheStats[k] = 0;
});
after(() => {
  useIngestCache(undefined);
  rmSync(work, { recursive: true, force: true });
});

function onlyEntry(): string {
  const entries = listCacheEntries(dir);
  assert.equal(entries.length, 1);
  return join(dir, entries[0].name);
}

test('a warm load returns what the cold load returned: table, issues (warnings and errors), row account', async () => {
  for (const file of [WITH_WARNINGS, WITH_ERRORS]) {
    const cold = await loadTable(file, { map: MAP });
    const warm = await loadTable(file, { map: MAP });
    assert.ok(cold.ok && warm.ok);
    assert.ok(cold.value.issues.length > 0, 'the fixture has validation issues to cache');
    assert.deepStrictEqual(warm.value, cold.value);
  }
  assert.deepStrictEqual(cacheStats, { hits: 2, misses: 2, rejected: 0, written: 2 });
});

test('with the cache off nothing is written and every load reads the file', async () => {
  useIngestCache(undefined);
  const a = await loadTable(WITH_WARNINGS, { map: MAP });
  assert.ok(a.ok);
  assert.deepStrictEqual(listCacheEntries(dir), []);
  assert.equal(cacheStats.hits + cacheStats.misses, 0);
});

test('a changed source file, another mapping or another build is a miss, never the old entry', async () => {
  const file = join(work, 'changing.csv');
  copyFileSync(WITH_WARNINGS, file);
  const first = await loadTable(file, { map: MAP });
  writeFileSync(file, readFileSync(file, 'utf8').replace('S1,North,100', 'S1,North,101'));
  const changed = await loadTable(file, { map: MAP });
  assert.ok(first.ok && changed.ok);
  assert.equal(first.value.table.registered[0], 100);
  assert.equal(changed.value.table.registered[0], 101);
  const map2 = join(work, 'map2.json');
  writeFileSync(map2, readFileSync(MAP, 'utf8').replace('"corpus-map"', '"corpus-map-2"'));
  const other = await loadTable(file, { map: map2 });
  assert.ok(other.ok);
  assert.equal(other.value.mapping.id, 'corpus-map-2');
  useIngestCache({ dir, version: 'test-2' });
  assert.ok((await loadTable(file, { map: MAP })).ok);
  assert.deepStrictEqual(cacheStats, { hits: 0, misses: 4, rejected: 0, written: 4 });
});

test('a damaged entry (one flipped byte) is detected, removed and rebuilt, never read', async () => {
  const cold = await loadTable(WITH_WARNINGS, { map: MAP });
  const entry = onlyEntry();
  const bytes = readFileSync(entry);
  bytes[bytes.length - 3] ^= 0x40;
  writeFileSync(entry, bytes);
  const again = await loadTable(WITH_WARNINGS, { map: MAP });
  assert.deepStrictEqual(again, cold);
  assert.equal(cacheStats.rejected, 1);
  assert.equal(cacheStats.hits, 0);
  assert.equal(cacheStats.written, 2, 'the rebuilt load is written again');
  const warm = await loadTable(WITH_WARNINGS, { map: MAP });
  assert.deepStrictEqual(warm, cold);
  assert.equal(cacheStats.hits, 1);
});

test('a truncated entry (a writer killed half-way, a full disk) is detected and rebuilt', async () => {
  const cold = await loadTable(WITH_ERRORS, { map: MAP });
  const entry = onlyEntry();
  truncateSync(entry, Math.floor(readFileSync(entry).length / 2));
  assert.deepStrictEqual(await loadTable(WITH_ERRORS, { map: MAP }), cold);
  truncateSync(onlyEntry(), 0);
  assert.deepStrictEqual(await loadTable(WITH_ERRORS, { map: MAP }), cold);
  assert.deepStrictEqual([cacheStats.rejected, cacheStats.hits], [2, 0]);
});

test('a stale entry (intact, but made for another key) under the expected name is refused and rebuilt', async () => {
  const cold = await loadTable(WITH_WARNINGS, { map: MAP });
  const entry = onlyEntry();
  const forged = { ...(cold.ok ? cold.value : {}), rows: 999 };
  writeFileSync(entry, encodeEntry('some other key', { ok: true, value: forged }));
  const again = await loadTable(WITH_WARNINGS, { map: MAP });
  assert.deepStrictEqual(again, cold);
  assert.equal(cacheStats.rejected, 1);
});

test('concurrent loads of the same file leave one complete entry and no temporary file', async () => {
  const loads = await Promise.all(Array.from({ length: 4 }, () => loadTable(WITH_WARNINGS, { map: MAP })));
  for (const l of loads) assert.deepStrictEqual(l, loads[0]);
  assert.deepStrictEqual(
    readdirSync(dir).filter((n) => !n.endsWith('.tcache')),
    [],
  );
  const warm = await loadTable(WITH_WARNINGS, { map: MAP });
  assert.deepStrictEqual(warm, loads[0]);
  assert.ok(cacheStats.hits >= 1);
});

test('a dataset folder caches each file it loads (results and keys files)', async () => {
  const example = join(HERE, '..', '..', '..', 'examples', 'bolivia-2020');
  const cold = await loadManifest(example);
  assert.ok(cold.ok);
  const loads = cacheStats.hits + cacheStats.misses;
  assert.ok(cacheStats.written >= 2, `every file of the folder is cached (${cacheStats.written} written)`);
  // The folder names one results file twice (with and without an attachment): its second load is already warm.
  assert.equal(cacheStats.written, cacheStats.misses);
  const hitsBefore = cacheStats.hits;
  const warm = await loadManifest(example);
  assert.ok(warm.ok);
  assert.equal(cacheStats.hits - hitsBefore, loads, 'every load of the second pass comes from the cache');
  assert.deepStrictEqual(warm.value.datasets, cold.value.datasets);
  assert.deepStrictEqual(warm.value.keys, cold.value.keys);
});

test('clear removes every entry; the folder follows TALLY_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', async () => {
  await loadTable(WITH_WARNINGS, { map: MAP });
  await loadTable(WITH_ERRORS, { map: MAP });
  const removed = clearIngestCache(dir);
  assert.equal(removed.entries, 2);
  assert.ok(removed.bytes > 0);
  assert.deepStrictEqual(listCacheEntries(dir), []);
  assert.equal(ingestCacheDir({ TALLY_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/z' }), '/x/y');
  assert.equal(ingestCacheDir({ XDG_CACHE_HOME: '/z' }), '/z/tally');
  assert.ok(ingestCacheDir({ XDG_CACHE_HOME: 'relative' }).endsWith(join('.cache', 'tally')));
  assert.ok(ingestCacheDir({}).endsWith(join('.cache', 'tally')));
});
