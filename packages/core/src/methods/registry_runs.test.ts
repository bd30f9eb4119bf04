/**
 * Registry runs split into chunks (what a worker thread receives) give the same results, in run order, as running
 * each method in one thread with its own seed: the battery of `tally audit` does not depend on the thread count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import { simulateElection } from '../simulate/generate.ts';
import { registryRunsChunk, registryRunsInOrder, runOne } from './registry_runs.ts';

test('chunked registry runs equal the runs one by one, whatever the number of chunks', () => {
  const table = simulateElection({ stations: 600 }, createRng(5)).table;
  const runs = ['c05s', 'p05s', 'skew_kurtosis', 'second_digit_benford', 'sobyanin_sukhovolsky'].map((id, k) => ({
    id,
    options: {},
    seed: 100 + k,
  }));
  const oneByOne = JSON.stringify(runs.map((r) => runOne(table, r)));
  for (const chunks of [1, 2, 3, 5]) {
    const payload = { table, runs, chunks };
    const outputs = Array.from({ length: chunks }, (_, c) => registryRunsChunk(payload, c));
    assert.deepEqual(
      outputs.map((o) => o.length),
      Array.from({ length: chunks }, (_, c) => Math.ceil((runs.length - c) / chunks)),
    );
    assert.equal(JSON.stringify(registryRunsInOrder(outputs, runs.length)), oneByOne, `${chunks} chunks`);
  }
  assert.throws(() => runOne(table, { id: 'no_such_method', options: {}, seed: 1 }), /unknown registry method/);
});
