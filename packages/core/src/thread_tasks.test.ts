/**
 * Thread tasks split into chunks (what each worker thread receives) give the same outputs, in task order, as running
 * each task in one thread: the audit's battery does not depend on the thread count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from './rng.ts';
import { simulateElection } from './simulate/generate.ts';
import {
  type ClaimedOutputs,
  claimedInOrder,
  newClaimCounter,
  runThreadTask,
  type ThreadTask,
  threadTasksChunk,
  threadTasksClaimChunk,
  threadTasksInOrder,
} from './thread_tasks.ts';

test('chunked thread tasks equal the tasks run one by one, whatever the assignment to chunks', () => {
  const tables = [simulateElection({ stations: 600 }, createRng(5)).table];
  const tasks: ThreadTask[] = ['c05s', 'p05s', 'skew_kurtosis', 'second_digit_benford', 'sobyanin_sukhovolsky'].map(
    (id, k) => ({ kind: 'method', table: 0, id, options: {}, seed: 100 + k }),
  );
  const oneByOne = JSON.stringify(tasks.map((t) => runThreadTask(tables, t)));
  for (const chunkOf of [
    [0, 0, 0, 0, 0],
    [0, 1, 0, 1, 0],
    [1, 1, 0, 2, 0],
  ]) {
    const payload = { tables, tasks, chunkOf };
    const chunks = Math.max(...chunkOf) + 1;
    const outputs = Array.from({ length: chunks }, (_, c) => threadTasksChunk(payload, c));
    assert.deepEqual(
      outputs.map((o) => o.length),
      Array.from({ length: chunks }, (_, c) => chunkOf.filter((x) => x === c).length),
    );
    assert.equal(JSON.stringify(threadTasksInOrder(payload, outputs)), oneByOne, chunkOf.join(','));
  }
  assert.throws(
    () => runThreadTask(tables, { kind: 'method', table: 0, id: 'no_such_method', options: {}, seed: 1 }),
    /unknown registry method/,
  );
});

test('claimed thread tasks, read back in task order, equal the tasks run one by one, whoever claimed which', () => {
  const tables = [simulateElection({ stations: 600 }, createRng(6)).table];
  const tasks: ThreadTask[] = ['c05s', 'p05s', 'skew_kurtosis', 'second_digit_benford', 'last_digit'].map((id, k) => ({
    kind: 'method',
    table: 0,
    id,
    options: {},
    seed: 200 + k,
  }));
  const oneByOne = JSON.stringify(tasks.map((t) => runThreadTask(tables, t)));
  // One thread claims everything from the counter.
  const payload = { tables, tasks, chunkOf: [], claim: newClaimCounter() };
  const all = threadTasksClaimChunk(payload, 0);
  assert.deepEqual(all.claimed, [0, 1, 2, 3, 4]);
  assert.equal(JSON.stringify(claimedInOrder(payload, [all, threadTasksClaimChunk(payload, 1)])), oneByOne);
  // Claims interleaved between three threads, in any order of arrival.
  const claims = [[3, 0], [4], [1, 2]];
  const chunks: ClaimedOutputs[] = claims.map((claimed) => ({
    claimed,
    outputs: claimed.map((k) => runThreadTask(tables, tasks[k])),
  }));
  assert.equal(JSON.stringify(claimedInOrder(payload, chunks)), oneByOne);
  assert.throws(() => claimedInOrder(payload, chunks.slice(1)), /was not run/);
});
