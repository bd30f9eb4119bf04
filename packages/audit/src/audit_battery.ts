/**
 * The audit's battery: the registry's single-table methods on the stations the allegation names. The runs go to the
 * worker pool as two chunks (each run with its own seed, so the results do not depend on the threads), and run beside
 * the late count on the calling thread; with a one-thread pool they run here.
 */
import {
  deriveSeed,
  type MethodResult,
  methodRegistry,
  type RegistryRun,
  type Result,
  registryRunsChunk,
  registryRunsInOrder,
  registryRunsModule,
  runOne,
  selectStations,
} from '@tally/core';
import type { AnalysisSpec, ResolvedAllegation } from '@tally/ingest';
import type { ChunkFunction, ChunkPool } from '@tally/parallel';
import { calibrationsLike, type ResultWithContext } from '@tally/report';
import type { AnalysisOutcome, SkippedAnalysis } from './analysis_outcome.ts';
import { batteryPlot } from './battery_plots.ts';

// Two chunks of runs, one per worker: a worker that finished its chunk waits for the calling thread to hand it the
// next one, and that thread is busy with the late count, so each worker takes all its runs at once.
const CHUNKS = 2;

/** Runs the battery an allegation asks for on `pool` (seeded by `seed`). */
export async function auditBattery(
  resolved: ResolvedAllegation,
  spec: Extract<AnalysisSpec, { method: 'battery' }>,
  seed: number,
  pool: ChunkPool,
): Promise<AnalysisOutcome> {
  const results: ResultWithContext[] = [];
  const skipped: SkippedAnalysis[] = [];
  // The battery looks at the stations the allegation names (all of them for `whole: true`).
  const all = resolved.alleged.table;
  const picked: number[] = [];
  for (let i = 0; i < all.n; i++) if (resolved.flagged[i]) picked.push(i);
  const subset = picked.length < all.n;
  const table = subset ? selectStations(all, picked) : all;
  const wanted = spec.methods;
  const methods = methodRegistry
    .filter((m) => (wanted ? wanted.includes(m.id) : true))
    .filter((m) => wanted !== undefined || !['late_count', 'persistence'].includes(m.family))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const id of [...(wanted ?? []), ...(spec.exclude ?? [])]) {
    if (!methodRegistry.some((m) => m.id === id))
      skipped.push({ method: id, reason: 'no such method in the registry', message: { key: 'skip.unknown_method' } });
  }
  const excluded = new Set(spec.exclude ?? []);
  const runs: RegistryRun[] = methods
    .filter((m) => !excluded.has(m.id))
    .map((m) => {
      // Seeds follow the method id, not its position, so adding a method changes no other result.
      let h = 0;
      for (let k = 0; k < m.id.length; k++) h = (Math.imul(h, 31) + m.id.charCodeAt(k)) >>> 0;
      return { id: m.id, options: { candidate: resolved.alleged.names.favoured }, seed: deriveSeed(seed, h) };
    });
  const chunks = Math.min(CHUNKS, runs.length);
  const payload = { table, runs, chunks };
  const outputs =
    chunks > 1 && pool.threads > 1
      ? ((await pool.run(
          registryRunsModule,
          'registryRunsChunk',
          payload,
          chunks,
          registryRunsChunk as ChunkFunction,
        )) as Result<MethodResult[]>[][])
      : [runs.map((run) => runOne(table, run))];
  const byId = new Map<string, Result<MethodResult[]>>();
  registryRunsInOrder(outputs, runs.length).forEach((r, k) => {
    byId.set(runs[k].id, r);
  });
  for (const m of methods) {
    const r = byId.get(m.id);
    if (r === undefined) {
      skipped.push({ method: m.id, reason: 'excluded by the allegation file', message: { key: 'skip.excluded' } });
      continue;
    }
    if (!r.ok) {
      skipped.push({ method: m.id, reason: r.error.message });
      continue;
    }
    // Whole-set results only: per-region splits of a method belong to `tally run`, not to the audit's tests.
    for (const result of r.value) {
      if (result.region) continue;
      const scoped = subset ? { ...result, region: 'flagged stations' } : result;
      const plot = batteryPlot(result, table, resolved.alleged.names.favoured);
      const messages = subset ? { region: { key: 'label.flagged_stations' } as const } : {};
      results.push({
        result: scoped,
        // A screen: a general check of the flagged stations, not the allegation's own prediction. Its measured
        // false-positive rate on clean simulated elections like these data decides whether a rejection can count.
        context: {
          methodTitle: m.title,
          order: 3,
          role: 'screen',
          messages,
          calibration: calibrationsLike(table, [m.id])[m.id],
          ...(plot ? { plot } : {}),
        },
      });
    }
  }
  return { results, skipped };
}
