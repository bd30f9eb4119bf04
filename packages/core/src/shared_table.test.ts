/**
 * A table on shared memory, and packed for workers, reads the same as the table it came from; method tasks on a packed
 * table, claimed by several threads, give the same outputs as the tasks run one by one on the table itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from './rng.ts';
import { packStationTable, shareStationTable, tableFromThreads } from './shared_table.ts';
import { simulateElection } from './simulate/generate.ts';
import type { StationTable } from './station_table.ts';
import {
  claimedInOrder,
  newClaimCounter,
  runThreadTask,
  type ThreadTask,
  threadTasksClaimChunk,
} from './thread_tasks.ts';

function typedArrays(table: StationTable): ArrayBufferView[] {
  return [
    table.registered,
    table.ballotsCast,
    table.ballotsFound,
    table.valid,
    table.invalid,
    ...table.candidates.map((c) => c.votes),
    ...table.regions.map((r) => r.codes),
    ...(table.arrival ? [table.arrival.values] : []),
  ];
}

test('a shared table holds the same values on shared memory, and sharing it again copies nothing', () => {
  const table = simulateElection({ stations: 300 }, createRng(7)).table;
  const shared = shareStationTable(table);
  for (const a of typedArrays(shared)) assert.ok(a.buffer instanceof SharedArrayBuffer);
  assert.deepEqual(
    typedArrays(shared).map((a) => Array.from(a as Float64Array)),
    typedArrays(table).map((a) => Array.from(a as Float64Array)),
  );
  assert.deepEqual(Object.keys(shared), Object.keys(table));
  assert.equal(shared.ids, table.ids);
  const again = shareStationTable(shared);
  const before = typedArrays(shared);
  for (const [i, a] of typedArrays(again).entries()) assert.equal(a, before[i]);
});

test('a packed table gives back the same ids, however odd, and the same columns', () => {
  const base = simulateElection({ stations: 6 }, createRng(8)).table;
  const ids = ['', 'Ω-1', '😀 2', 'a\u0000b', 'lone \ud800 surrogate', 'x'.repeat(40)];
  const table: StationTable = { ...base, ids };
  const packed = packStationTable(table);
  assert.equal(packStationTable(table), packed, 'packed once per table');
  assert.ok(!('ids' in packed.columns));
  const unpacked = tableFromThreads(structuredClone(packed));
  assert.deepEqual(unpacked.ids, ids);
  assert.equal(unpacked.ids, unpacked.ids, 'cut apart once');
  assert.deepEqual(Array.from(unpacked.valid), Array.from(table.valid));
  assert.equal(tableFromThreads(table), table);
});

test('tasks claimed from a shared counter on a packed table, by two takers, equal the tasks run one by one', () => {
  const table = simulateElection({ stations: 600 }, createRng(5)).table;
  const ids = ['c05s', 'p05s', 'skew_kurtosis', 'second_digit_benford', 'sobyanin_sukhovolsky'];
  const tasks: ThreadTask[] = ids.map((id, k) => ({ kind: 'method', table: 0, id, options: {}, seed: 100 + k }));
  const oneByOne = JSON.stringify(tasks.map((t) => runThreadTask([table], t)));
  const payload = { tables: [packStationTable(table)], tasks, chunkOf: [], claim: newClaimCounter() };
  // This thread claims two tasks; a "worker" (a structured clone of the payload, sharing its counter) the rest.
  Atomics.add(payload.claim, 0, 2);
  const mine = { claimed: [0, 1], outputs: [0, 1].map((k) => runThreadTask(payload.tables, tasks[k])) };
  const theirs = threadTasksClaimChunk(structuredClone(payload), 0);
  assert.deepEqual(theirs.claimed, [2, 3, 4]);
  assert.equal(JSON.stringify(claimedInOrder(payload, [mine, theirs])), oneByOne);
});
