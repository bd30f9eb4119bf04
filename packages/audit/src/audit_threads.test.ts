/**
 * The audit's thread work (the battery's runs and the late-count power study) on two worker threads gives the same
 * results, byte for byte, as in the calling thread: each task carries its own seed, and the results come back in task
 * order (structured clone keeps the plain data).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, type LateCountPowerTask, simulateElection } from '@tally/core';
import type { AnalysisSpec, ResolvedAllegation } from '@tally/ingest';
import { ChunkPool } from '@tally/parallel';
import { batteryOutcome, planAuditBattery } from './audit_battery.ts';
import { startThreadWork } from './audit_threads.ts';

test(
  'battery runs and the power study on two worker threads equal the same work in this thread',
  {
    timeout: 180_000,
  },
  async () => {
    const { table } = simulateElection({ stations: 400, regions: 3, districtsPerRegion: 4 }, createRng(9));
    const flagged = new Uint8Array(table.n);
    for (let i = 0; i < table.n; i += 3) flagged[i] = 1;
    const favoured = table.candidates[0].name;
    const resolved = { alleged: { table, names: { favoured } }, flagged } as unknown as ResolvedAllegation;
    const spec = {
      method: 'battery',
      exclude: ['finite_mixture', 'klimek_fraud_model', 'rozenas_spikes', 'no_such_method'],
    } as Extract<AnalysisSpec, { method: 'battery' }>;
    const plan = planAuditBattery(resolved, spec, 17);
    const power: LateCountPowerTask = {
      final: table,
      cutoff: { kind: 'percentile', value: 80 },
      names: [table.candidates[0].name, table.candidates[1].name],
      threshold: 10,
      votes: 500,
      seed: 3,
    };
    const run = async (pool: ChunkPool) => {
      try {
        const work = startThreadWork(pool, [plan], power);
        const battery = batteryOutcome(plan, await work.batteries[0], favoured);
        return JSON.stringify({ battery, power: await work.power });
      } finally {
        await pool.close();
      }
    };
    const inThread = await run(new ChunkPool(1));
    assert.equal(await run(new ChunkPool(2)), inThread);
    const parsed = JSON.parse(inThread) as {
      battery: { results: unknown[]; skipped: { method: string }[] };
      power: { ok: boolean; value: { rows: { test: string }[] } };
    };
    assert.ok(parsed.battery.results.length >= 5, `${parsed.battery.results.length} results`);
    assert.deepEqual(
      parsed.battery.skipped.map((s) => s.method),
      ['no_such_method', 'finite_mixture', 'klimek_fraud_model', 'rozenas_spikes'],
    );
    assert.ok(parsed.power.ok && parsed.power.value.rows.some((r) => r.test === 'projection_gap'));
  },
);
