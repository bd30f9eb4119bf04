/**
 * The audit's heavy independent work on worker threads: the battery's method runs and the late-count power study go
 * to the pool as one job of two chunks (the power study alone on one, the battery on the other), posted before the
 * late count takes the calling thread. A worker that finished its chunk would wait for the calling thread to hand it
 * another, and that thread is busy, so each worker takes all its tasks at once. Each task has its own seed: the
 * report is the same on any number of threads. With a one-thread pool every task runs here.
 */
import {
  type InjectionPowerResult,
  type LateCountPowerTask,
  type MethodResult,
  type Result,
  runThreadTask,
  type StationTable,
  type ThreadTask,
  type ThreadTaskOutput,
  type ThreadTasksPayload,
  threadTasksChunk,
  threadTasksInOrder,
  threadTasksModule,
} from '@tally/core';
import type { ChunkFunction, ChunkPool } from '@tally/parallel';
import type { BatteryPlan } from './audit_battery.ts';

/** The promised results: each battery plan's run results (in run order), and the power study's when asked. */
export interface ThreadWork {
  readonly batteries: readonly Promise<Result<MethodResult[]>[]>[];
  readonly power: Promise<Result<InjectionPowerResult>> | null;
}

const CHUNKS = 2;

/** Starts the batteries' runs and the power study on `pool`; the jobs are posted once the caller yields. */
export function startThreadWork(
  pool: ChunkPool,
  batteries: readonly BatteryPlan[],
  power: LateCountPowerTask | null,
): ThreadWork {
  const tables: StationTable[] = [];
  const tasks: ThreadTask[] = [];
  const chunkOf: number[] = [];
  if (power !== null) {
    tasks.push({ kind: 'latecount_power', task: power });
    chunkOf.push(0);
  }
  const first: number[] = [];
  for (const plan of batteries) {
    let t = tables.indexOf(plan.table);
    if (t < 0) t = tables.push(plan.table) - 1;
    first.push(tasks.length);
    for (const run of plan.runs) {
      tasks.push({ kind: 'method', table: t, ...run });
      // With the power study on chunk 0 the battery takes chunk 1; without it the runs alternate.
      chunkOf.push(power !== null ? 1 : chunkOf.length % CHUNKS);
    }
  }
  const payload: ThreadTasksPayload = { tables, tasks, chunkOf };
  const used = new Set(chunkOf).size;
  const outputs: Promise<ThreadTaskOutput[]> =
    used > 1 && pool.threads > 1
      ? pool
          .run(threadTasksModule, 'threadTasksChunk', payload, CHUNKS, threadTasksChunk as ChunkFunction)
          .then((chunks) => threadTasksInOrder(payload, chunks as ThreadTaskOutput[][]))
      : Promise.resolve().then(() => tasks.map((task) => runThreadTask(tables, task)));
  return {
    batteries: batteries.map((plan, b) =>
      outputs.then((all) => all.slice(first[b], first[b] + plan.runs.length) as Result<MethodResult[]>[]),
    ),
    power: power === null ? null : outputs.then((all) => all[0] as Result<InjectionPowerResult>),
  };
}
