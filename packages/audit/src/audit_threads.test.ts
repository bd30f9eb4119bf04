/**
 * The audit's thread work (the battery's runs and the late count's parts: its analysis, the parts of its power study,
 * the rows of its sensitivity table) on two worker threads gives the same results, byte for byte, as in the calling
 * thread, and as the late count's functions called whole: each task carries its own seed, and the results come back
 * in task order (structured clone keeps the plain data).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createRng,
  lateCountSensitivity,
  measureLateCountPower,
  runLateCount,
  type SensitivityInput,
} from '@tally/core';
import type { AnalysisSpec, LoadedElection, ResolvedAllegation } from '@tally/ingest';
import { ChunkPool } from '@tally/parallel';
import { simulateLateCount } from '../../core/test/latecount_sim.ts';
import { batteryOutcome, planAuditBattery } from './audit_battery.ts';
import { startThreadWork } from './audit_threads.ts';
import { planLateCount } from './latecount_plan.ts';

test(
  'battery runs and the late-count parts on two worker threads equal the same work in this thread',
  {
    timeout: 300_000,
  },
  async () => {
    const { table } = simulateLateCount(9, { departments: 3, municipalitiesPerDepartment: 4, sitesPerMunicipality: 5 });
    const flagged = new Uint8Array(table.n);
    for (let i = 0; i < table.n; i += 3) flagged[i] = 1;
    const favoured = 'A';
    const resolved = { alleged: { table, names: { favoured } }, flagged } as unknown as ResolvedAllegation;
    const spec = {
      method: 'battery',
      exclude: ['finite_mixture', 'klimek_fraud_model', 'rozenas_spikes', 'no_such_method'],
    } as Extract<AnalysisSpec, { method: 'battery' }>;
    const plan = planAuditBattery(resolved, spec, 17);
    const election = { spec: { id: 'sim' }, table, names: { favoured, rival: 'B' } } as unknown as LoadedElection;
    const lateSpec = {
      method: 'latecount',
      threshold: 0,
      simulations: 300,
      trendBreakCutoff: { kind: 'percentile', value: 75 },
    } as Extract<AnalysisSpec, { method: 'latecount' }>;
    const late = planLateCount(election, { kind: 'percentile', value: 80 }, lateSpec, 11, null, 150);
    assert.ok(late.power !== null && late.sensitivity !== null);
    const run = async (pool: ChunkPool) => {
      try {
        const work = startThreadWork(pool, [plan], [late]);
        const battery = batteryOutcome(plan, await work.batteries[0], favoured);
        return JSON.stringify({ battery, late: await work.lateCounts[0] });
      } finally {
        await pool.close();
      }
    };
    const inThread = await run(new ChunkPool(1));
    assert.equal(await run(new ChunkPool(2)), inThread);
    // The parts, put back together, are the late count's functions called whole.
    const input: SensitivityInput = late.sensitivity;
    const whole = {
      run: runLateCount(late.run.final, late.run.cutoff, late.run.options, createRng(late.run.seed)),
      power: measureLateCountPower(late.power),
      sensitivity: lateCountSensitivity(input.final, input.cutoff, input.options),
    };
    const parsed = JSON.parse(inThread) as {
      battery: { results: unknown[]; skipped: { method: string }[] };
      late: { run: { ok: boolean }; power: { ok: boolean; value: { rows: { test: string }[] } } };
    };
    assert.equal(JSON.stringify(parsed.late), JSON.stringify(whole));
    assert.ok(parsed.battery.results.length >= 5, `${parsed.battery.results.length} results`);
    assert.deepEqual(
      parsed.battery.skipped.map((s) => s.method),
      ['no_such_method', 'finite_mixture', 'klimek_fraud_model', 'rozenas_spikes'],
    );
    assert.ok(parsed.late.run.ok);
    const tests = new Set(parsed.late.power.value.rows.map((r) => r.test));
    assert.ok(parsed.late.power.ok && tests.has('projection_gap') && tests.has('jump'), [...tests].join(','));
  },
);
