/**
 * The audit's battery on worker threads gives the same results, byte for byte, as in the calling thread: each method
 * run carries its own seed, and the results come back in method order (structured clone keeps the plain data).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, simulateElection } from '@tally/core';
import type { AnalysisSpec, ResolvedAllegation } from '@tally/ingest';
import { ChunkPool } from '@tally/parallel';
import { auditBattery } from './audit_battery.ts';

test('the battery on two worker threads equals the battery in this thread', { timeout: 120_000 }, async () => {
  const { table } = simulateElection({ stations: 400 }, createRng(9));
  const flagged = new Uint8Array(table.n);
  for (let i = 0; i < table.n; i += 3) flagged[i] = 1;
  const resolved = {
    alleged: { table, names: { favoured: table.candidates[0].name } },
    flagged,
  } as unknown as ResolvedAllegation;
  const spec = {
    method: 'battery',
    exclude: ['finite_mixture', 'klimek_fraud_model', 'rozenas_spikes', 'no_such_method'],
  } as Extract<AnalysisSpec, { method: 'battery' }>;
  const inThread = await auditBattery(resolved, spec, 17, new ChunkPool(1));
  const pool = new ChunkPool(2);
  try {
    const onWorkers = await auditBattery(resolved, spec, 17, pool);
    assert.equal(JSON.stringify(onWorkers), JSON.stringify(inThread));
  } finally {
    await pool.close();
  }
  assert.ok(inThread.results.length >= 5, `${inThread.results.length} results`);
  assert.deepEqual(
    inThread.skipped.map((s) => s.method),
    ['no_such_method', 'finite_mixture', 'klimek_fraud_model', 'rozenas_spikes'],
  );
});
