/**
 * The whole-table runs of `tally run`'s registry methods as whole tasks side by side: the pool's workers and this
 * thread claim them one at a time, the longest first, from a counter in shared memory (core's thread_tasks.ts), so
 * every thread stays busy until none is left and this thread, which would otherwise only wait, takes its share. The
 * workers read the table from one shared copy (core's shared_table.ts), with the ids left packed unless a method reads
 * them. Each task's random source starts from the seed the sequential loop would give it, so every result is the same
 * as in one thread.
 */
import {
  type ClaimedOutputs,
  claimedInOrder,
  type ForensicMethod,
  type MethodResult,
  methodRegistry,
  newClaimCounter,
  packStationTable,
  type Result,
  type StationTable,
  type ThreadTask,
  type ThreadTasksPayload,
  threadTasksClaimChunk,
  threadTasksModule,
} from '@tally/core';
import type { ChunkPool } from '@tally/parallel';

/**
 * One-thread CPU seconds of the methods that take long, on the 1,000,000-station `tally simulate` table of the scale
 * ladder (each method alone, `--threads 1`, 7 Dec 2026), only to take the longest first: the order never changes a
 * result. A method not listed counts as quick and goes after these, in the order given.
 */
const SECONDS_PER_MILLION_STATIONS: Readonly<Record<string, number>> = {
  klimek_fraud_model: 33,
  rozenas_spikes: 13,
  finite_mixture: 12.5,
  integer_percent: 10,
  counterfactual_projection: 8.5,
  clean_peak_excess: 4.8,
  discontinuity: 3,
  margin_curve: 2.5,
  composition_decomposition: 1,
};

/** The whole-table runs under way, by method index; results() has this thread take its share, then waits for all. */
export interface SideBySide {
  results(): Promise<Map<number, Result<MethodResult[]>>>;
}

/** Lets the event loop run: the pool posts the workers' job. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Starts the whole-table runs of the registered methods on the pool's workers (all but one thread: this one takes
 * tasks too once results() is called), or gives undefined when the pool has one thread or fewer than two such
 * methods run. Resolves once the workers' job is posted (the pool must have no other job under way), so that the
 * caller may then keep this thread busy with other work. `seedOf(k, 0)` is method k's seed on the whole table.
 */
export async function startSideBySide(
  table: StationTable,
  methods: readonly ForensicMethod[],
  optionsOf: (m: ForensicMethod) => Record<string, unknown>,
  seedOf: (k: number, group: number) => number,
  pool: ChunkPool,
): Promise<SideBySide | undefined> {
  // Only registered methods: a worker finds a task's method by id in the registry.
  const runs = [...methods.entries()].filter(([, m]) => methodRegistry.includes(m));
  if (pool.threads <= 1 || runs.length < 2) return undefined;
  const cost = (run: (typeof runs)[number]) => SECONDS_PER_MILLION_STATIONS[run[1].id] ?? 0;
  // The longest first: tasks are claimed in list order.
  const ordered = runs
    .map((run, i) => ({ run, i }))
    .sort((a, b) => cost(b.run) - cost(a.run) || a.i - b.i)
    .map((x) => x.run);
  const tasks: ThreadTask[] = ordered.map(([k, m]) => ({
    kind: 'method',
    table: 0,
    id: m.id,
    options: optionsOf(m),
    seed: seedOf(k, 0),
  }));
  const payload: ThreadTasksPayload = {
    tables: [packStationTable(table)],
    tasks,
    chunkOf: [],
    claim: newClaimCounter(),
  };
  const workers = pool.runOnWorkers(threadTasksModule, 'threadTasksClaimChunk', payload, pool.threads - 1);
  // Awaited in results(); handled here too, so that a failure there while this thread runs a task is not unhandled.
  workers.catch(() => undefined);
  await yieldToEventLoop();
  return {
    async results() {
      // This thread runs on its own table (the same numbers as the packed one).
      const mine = threadTasksClaimChunk({ ...payload, tables: [table] }, 0);
      const outputs = claimedInOrder(payload, [mine, ...((await workers) as ClaimedOutputs[])]);
      return new Map(ordered.map(([k], i) => [k, outputs[i] as Result<MethodResult[]>]));
    },
  };
}
