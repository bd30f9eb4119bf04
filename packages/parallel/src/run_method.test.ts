import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, integerPercentMethod, simulateElection } from '@tally/core';
import { ChunkPool, runChunked } from './run_chunked.ts';
import { runMethod } from './run_method.ts';

const sim = simulateElection({ stations: 1500, regions: 4, noise: 'binomial' }, createRng(3));
const table = { ...sim.table, shareOf: 'ballots_found' as const };

test('integer_percent gives identical JSON on 1 and 2 threads, and equals method.run', async () => {
  const options = { replicates: 120 };
  const one = await runMethod(integerPercentMethod, table, options, createRng(9), { threads: 1 });
  const two = await runMethod(integerPercentMethod, table, options, createRng(9), { threads: 2 });
  const direct = integerPercentMethod.run(table, options, createRng(9));
  assert.ok(one.ok && two.ok && direct.ok);
  assert.equal(JSON.stringify(two), JSON.stringify(one));
  assert.equal(JSON.stringify(direct), JSON.stringify(one));
});

test('integer_percent with several exact-probability chunks gives the same JSON on workers as in process', async () => {
  const big = simulateElection({ stations: 20_000, regions: 3, noise: 'binomial' }, createRng(4)).table;
  const options = { replicates: 50 };
  const two = await runMethod(integerPercentMethod, big, options, createRng(2), { threads: 2 });
  const direct = integerPercentMethod.run(big, options, createRng(2));
  assert.ok(two.ok && direct.ok);
  assert.equal(JSON.stringify(two), JSON.stringify(direct));
});

test('errors from planning come back as Results, not throws', async () => {
  const r = await runMethod(integerPercentMethod, { ...table, n: 0 }, {}, createRng(1), { threads: 2 });
  assert.ok(!r.ok && r.error.kind === 'insufficient_data');
});

test('runChunked returns outputs in chunk order and reports a failing chunk function', async () => {
  const url = new URL('../test/chunk_fixture.ts', import.meta.url).href;
  const expected = Array.from({ length: 7 }, (_, c) => Float64Array.of(10 + c * c));
  assert.deepEqual(await runChunked(url, 'squareChunk', { offset: 10 }, 7, 3), expected);
  assert.deepEqual(await runChunked(url, 'squareChunk', { offset: 10 }, 7, 1), expected);
  await assert.rejects(runChunked(url, 'throwingChunk', null, 6, 2), /chunk 3 failed on purpose/);
  await assert.rejects(runChunked(url, 'noSuchExport', null, 2, 2), /does not export/);
});

test('a ChunkPool serves job after job on the same workers, and recovers after a failing job', async () => {
  const url = new URL('../test/chunk_fixture.ts', import.meta.url).href;
  const squares = (offset: number, n: number) => Array.from({ length: n }, (_, c) => Float64Array.of(offset + c * c));
  const pool = new ChunkPool(2);
  try {
    assert.deepEqual(await pool.run(url, 'squareChunk', { offset: 10 }, 7), squares(10, 7));
    assert.deepEqual(await pool.run(url, 'squareChunk', { offset: 20 }, 5), squares(20, 5));
    await assert.rejects(pool.run(url, 'throwingChunk', null, 6), /chunk 3 failed on purpose/);
    assert.deepEqual(await pool.run(url, 'squareChunk', { offset: 30 }, 3), squares(30, 3));
    const options = { replicates: 120 };
    const pooled = await runMethod(integerPercentMethod, table, options, createRng(9), { pool });
    const direct = integerPercentMethod.run(table, options, createRng(9));
    assert.equal(JSON.stringify(pooled), JSON.stringify(direct));
  } finally {
    await pool.close();
  }
});

test('runOnWorkers puts each chunk on a worker of its own, even one chunk, and no more workers than the pool has', async () => {
  const url = new URL('../test/chunk_fixture.ts', import.meta.url).href;
  const pool = new ChunkPool(2);
  try {
    const inThisThread = (await pool.run(url, 'threadChunk', null, 1)) as { chunk: number; thread: number }[];
    assert.deepEqual(inThisThread, [{ chunk: 0, thread: 0 }]);
    const one = (await pool.runOnWorkers(url, 'threadChunk', null, 1)) as { chunk: number; thread: number }[];
    assert.equal(one.length, 1);
    assert.notEqual(one[0].thread, 0);
    const capped = (await pool.runOnWorkers(url, 'threadChunk', null, 5)) as { chunk: number; thread: number }[];
    assert.deepEqual(
      capped.map((x) => x.chunk),
      [0, 1],
    );
    assert.ok(capped.every((x) => x.thread !== 0));
    assert.equal(new Set(capped.map((x) => x.thread)).size, 2);
  } finally {
    await pool.close();
  }
});
