/// <reference path="./import_meta.d.ts" />
/**
 * Work the audit hands to worker threads (packages/parallel's pool imports this module by URL): registry method runs
 * on a table, and the late count's parts (its analysis with the 1,000-draw projection, the parts of its power study,
 * the rows of its sensitivity table). The parent sends the tables and the task list once; chunk c runs the tasks
 * assigned to it, in list order (threadTasksChunk), or each thread claims the next task not yet taken from a shared
 * counter (threadTasksClaimChunk). Every task carries its own seed, so the results do not depend on which thread ran
 * what. A table packed by packStationTable reaches every worker as one shared copy (shared_table.ts).
 */

import type { CutoffSpec } from './latecount/count_view.ts';
import type { InjectionPowerResult } from './latecount/power.ts';
import {
  type LateCountPowerPart,
  type LateCountPowerPartOutput,
  type LateCountPowerTask,
  measureLateCountPower,
  runLateCountPowerPart,
} from './latecount/power_at_size.ts';
import { type LateCountOptions, type LateCountReport, runLateCount } from './latecount/run_late_count.ts';
import {
  type SensitivityInput,
  type SensitivityJumpPart,
  type SensitivityProjectionPart,
  sensitivityJumps,
  sensitivityProjectionRow,
} from './latecount/sensitivity.ts';
import type { MethodResult } from './method.ts';
import { findMethod } from './methods/registry.ts';
import type { Result } from './result.ts';
import { createRng } from './rng.ts';
import { type TableForThreads, tableFromThreads } from './shared_table.ts';
import type { StationTable } from './station_table.ts';

/** One registry method run on tables[table]: its id, its options and the seed of its random numbers. */
export interface MethodTask {
  readonly kind: 'method';
  readonly table: number;
  readonly id: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly seed: number;
}

/** The late-count power study (latecount/power_at_size.ts). */
export interface LateCountPowerThreadTask {
  readonly kind: 'latecount_power';
  readonly task: LateCountPowerTask;
}

/** The whole late-count analysis (runLateCount) of `final` at `cutoff`, its random numbers seeded by `seed`. */
export interface LateCountRunThreadTask {
  readonly kind: 'latecount_run';
  readonly final: StationTable;
  readonly cutoff: CutoffSpec;
  readonly options: LateCountOptions;
  readonly seed: number;
}

/** One part of the late-count power study (latecount/power_at_size.ts). */
export interface LateCountPowerPartThreadTask {
  readonly kind: 'latecount_power_part';
  readonly part: LateCountPowerPart;
}

/** The projection of one row of a sensitivity table, or the discontinuities of all its rows (latecount/sensitivity.ts). */
export interface SensitivityThreadTask {
  readonly kind: 'sensitivity';
  readonly input: SensitivityInput;
  /** A row's projection, or 'jumps'. */
  readonly part: number | 'jumps';
}

/** A task for a worker thread. */
export type ThreadTask =
  | MethodTask
  | LateCountPowerThreadTask
  | LateCountRunThreadTask
  | LateCountPowerPartThreadTask
  | SensitivityThreadTask;

/** What a task gives back. */
export type ThreadTaskOutput =
  | Result<MethodResult[]>
  | Result<InjectionPowerResult>
  | Result<LateCountReport>
  | Result<LateCountPowerPartOutput>
  | SensitivityProjectionPart
  | Result<SensitivityJumpPart[]>;

/** What the parent sends: the tables the method tasks run on, the tasks, and the chunk each task belongs to. */
export interface ThreadTasksPayload {
  readonly tables: readonly TableForThreads[];
  readonly tasks: readonly ThreadTask[];
  readonly chunkOf: readonly number[];
  /**
   * For threadTasksClaimChunk: element 0 is the next task not yet taken (an Int32Array on a SharedArrayBuffer, 0 at
   * the start, so every thread of the job sees the same counter).
   */
  readonly claim?: Int32Array;
}

/** What threadTasksClaimChunk gives back: the tasks this chunk took, and their outputs in the same order. */
export interface ClaimedOutputs {
  readonly claimed: readonly number[];
  readonly outputs: readonly ThreadTaskOutput[];
}

/** This module's URL, for the worker pool. */
export const threadTasksModule: string = import.meta.url;

/** Runs the tasks of chunk `c`, in list order. */
export function threadTasksChunk(payload: ThreadTasksPayload, c: number): ThreadTaskOutput[] {
  const out: ThreadTaskOutput[] = [];
  payload.tasks.forEach((task, k) => {
    if (payload.chunkOf[k] === c) out.push(runThreadTask(payload.tables, task));
  });
  return out;
}

/**
 * Takes tasks from the payload's shared counter until none is left, in this thread: threads that share a counter
 * split the list between them as they go, so one long task does not hold back the tasks queued behind it.
 */
export function threadTasksClaimChunk(payload: ThreadTasksPayload, _c: number): ClaimedOutputs {
  const claim = payload.claim;
  if (claim === undefined) throw new Error('internal error: threadTasksClaimChunk needs a claim counter');
  const claimed: number[] = [];
  const outputs: ThreadTaskOutput[] = [];
  for (let k = Atomics.add(claim, 0, 1); k < payload.tasks.length; k = Atomics.add(claim, 0, 1)) {
    claimed.push(k);
    outputs.push(runThreadTask(payload.tables, payload.tasks[k]));
  }
  return { claimed, outputs };
}

/** The tasks' outputs in task order, from the chunk outputs of threadTasksClaimChunk. */
export function claimedInOrder(payload: ThreadTasksPayload, chunks: readonly ClaimedOutputs[]): ThreadTaskOutput[] {
  const out = new Array<ThreadTaskOutput>(payload.tasks.length);
  const seen = new Uint8Array(payload.tasks.length);
  for (const chunk of chunks)
    chunk.claimed.forEach((k, j) => {
      out[k] = chunk.outputs[j];
      seen[k] = 1;
    });
  if (seen.includes(0)) throw new Error('internal error: a thread task was not run');
  return out;
}

/** A claim counter for threadTasksClaimChunk, shared between threads. */
export function newClaimCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** One task, in this thread. */
export function runThreadTask(tables: readonly TableForThreads[], task: ThreadTask): ThreadTaskOutput {
  if (task.kind === 'latecount_power') return measureLateCountPower(task.task);
  if (task.kind === 'latecount_run') return runLateCount(task.final, task.cutoff, task.options, createRng(task.seed));
  if (task.kind === 'latecount_power_part') return runLateCountPowerPart(task.part);
  if (task.kind === 'sensitivity')
    return task.part === 'jumps' ? sensitivityJumps(task.input) : sensitivityProjectionRow(task.input, task.part);
  const m = findMethod(task.id);
  if (m === undefined) throw new Error(`internal error: unknown registry method ${task.id}`);
  return m.run(tableFromThreads(tables[task.table]), task.options, createRng(task.seed));
}

/** The tasks' outputs in task order, from the chunk outputs of threadTasksChunk. */
export function threadTasksInOrder(
  payload: ThreadTasksPayload,
  outputs: readonly ThreadTaskOutput[][],
): ThreadTaskOutput[] {
  const next = outputs.map(() => 0);
  return payload.chunkOf.map((c) => outputs[c][next[c]++]);
}
