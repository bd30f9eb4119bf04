/**
 * The audit's heavy independent work on worker threads: the battery's method runs and the late count's parts (its
 * analysis with the 1,000-draw projection, the parts of its power study, the rows of its sensitivity table) go to the
 * pool as one job, posted before this thread takes the analyses that stay here (persistence, replays). Each worker
 * claims the next task from a shared counter, without waiting for this thread (which is busy) to hand it one, so both
 * cores stay busy until the list is done. Each task has its own seed and the outputs are read back in task order: the
 * report is the same on any number of threads. With a one-thread pool every task runs here.
 */
import {
  type ClaimedOutputs,
  claimedInOrder,
  type LateCountPowerPart,
  type LateCountPowerPartOutput,
  type LateCountReport,
  lateCountPowerFromParts,
  lateCountPowerParts,
  type MethodResult,
  newClaimCounter,
  type Result,
  runThreadTask,
  type SensitivityJumpPart,
  type SensitivityProjectionPart,
  type StationTable,
  sensitivityFromParts,
  sensitivityRowCount,
  type ThreadTask,
  type ThreadTaskOutput,
  type ThreadTasksPayload,
  threadTasksClaimChunk,
  threadTasksModule,
} from '@tally/core';
import type { ChunkFunction, ChunkPool } from '@tally/parallel';
import type { BatteryPlan } from './audit_battery.ts';
import type { LateCountComputed, LateCountPlan } from './latecount_plan.ts';

/** The promised results: each battery plan's run results (in run order), and each late count's computed parts. */
export interface ThreadWork {
  readonly batteries: readonly Promise<Result<MethodResult[]>[]>[];
  readonly lateCounts: readonly Promise<LateCountComputed>[];
}

/** Where a late count's tasks are in the list. */
interface LateCountSlots {
  run: number;
  readonly powerParts: readonly LateCountPowerPart[];
  readonly power: number[];
  readonly rows: number[];
  jumps: number;
}

/** The late counts' outputs, put back together. */
function lateCountComputed(
  plan: LateCountPlan,
  slots: LateCountSlots,
  all: readonly ThreadTaskOutput[],
): LateCountComputed {
  const { power, sensitivity } = plan;
  return {
    run: all[slots.run] as Result<LateCountReport>,
    power:
      power === null
        ? null
        : lateCountPowerFromParts(
            power,
            slots.powerParts,
            slots.power.map((k) => all[k] as Result<LateCountPowerPartOutput>),
          ),
    sensitivity:
      sensitivity === null
        ? null
        : sensitivityFromParts(
            sensitivity,
            slots.rows.map((k) => all[k] as SensitivityProjectionPart),
            all[slots.jumps] as Result<SensitivityJumpPart[]>,
          ),
  };
}

/** Starts the batteries' runs and the late counts' parts on `pool`; the job is posted once the caller yields. */
export function startThreadWork(
  pool: ChunkPool,
  batteries: readonly BatteryPlan[],
  lateCounts: readonly LateCountPlan[],
): ThreadWork {
  const tables: StationTable[] = [];
  const tasks: ThreadTask[] = [];
  const first: number[] = [];
  // The long tasks first (the battery has the slowest single runs; then the projection and the power study's
  // projection part), the short ones last, so that no thread is left with a long task while the other waits.
  for (const plan of batteries) {
    let t = tables.indexOf(plan.table);
    if (t < 0) t = tables.push(plan.table) - 1;
    first.push(tasks.length);
    for (const run of plan.runs) tasks.push({ kind: 'method', table: t, ...run });
  }
  const add = (task: ThreadTask) => tasks.push(task) - 1;
  const slots = lateCounts.map(
    (plan): LateCountSlots => ({
      run: -1,
      powerParts: plan.power === null ? [] : lateCountPowerParts(plan.power),
      power: [],
      rows: [],
      jumps: -1,
    }),
  );
  lateCounts.forEach((plan, k) => {
    const s = slots[k];
    // The power study's projection part (its 1,000 draws and 400 injections), then the analysis.
    for (const part of s.powerParts.slice(0, 1)) s.power.push(add({ kind: 'latecount_power_part', part }));
    s.run = add(plan.run);
  });
  lateCounts.forEach((plan, k) => {
    const input = plan.sensitivity;
    if (input === null) return;
    slots[k].jumps = add({ kind: 'sensitivity', input, part: 'jumps' });
    for (let row = 0; row < sensitivityRowCount(input); row++)
      slots[k].rows.push(add({ kind: 'sensitivity', input, part: row }));
  });
  // The jump's injections, a few fits each, last.
  for (const s of slots)
    for (const part of s.powerParts.slice(1)) s.power.push(add({ kind: 'latecount_power_part', part }));
  const threads = Math.min(Math.floor(pool.threads), tasks.length);
  const payload: ThreadTasksPayload = { tables, tasks, chunkOf: [], claim: newClaimCounter() };
  const outputs: Promise<ThreadTaskOutput[]> =
    threads > 1
      ? pool
          .run(threadTasksModule, 'threadTasksClaimChunk', payload, threads, threadTasksClaimChunk as ChunkFunction)
          .then((chunks) => claimedInOrder(payload, chunks as ClaimedOutputs[]))
      : Promise.resolve().then(() => tasks.map((task) => runThreadTask(tables, task)));
  return {
    batteries: batteries.map((plan, b) =>
      outputs.then((all) => all.slice(first[b], first[b] + plan.runs.length) as Result<MethodResult[]>[]),
    ),
    lateCounts: lateCounts.map((plan, k) => outputs.then((all) => lateCountComputed(plan, slots[k], all))),
  };
}
