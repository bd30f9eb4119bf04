/// <reference path="./import_meta.d.ts" />
/**
 * Work the audit hands to worker threads (packages/parallel's pool imports this module by URL): registry method runs
 * on a table, and the late-count power study. The parent sends the tables and the task list once; chunk c runs the
 * tasks assigned to it, in list order. Every task carries its own seed, so the results do not depend on which thread
 * ran what.
 */

import type { InjectionPowerResult } from './latecount/power.ts';
import { type LateCountPowerTask, measureLateCountPower } from './latecount/power_at_size.ts';
import type { MethodResult } from './method.ts';
import { findMethod } from './methods/registry.ts';
import type { Result } from './result.ts';
import { createRng } from './rng.ts';
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

/** A task for a worker thread. */
export type ThreadTask = MethodTask | LateCountPowerThreadTask;

/** What a task gives back. */
export type ThreadTaskOutput = Result<MethodResult[]> | Result<InjectionPowerResult>;

/** What the parent sends: the tables the method tasks run on, the tasks, and the chunk each task belongs to. */
export interface ThreadTasksPayload {
  readonly tables: readonly StationTable[];
  readonly tasks: readonly ThreadTask[];
  readonly chunkOf: readonly number[];
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

/** One task, in this thread. */
export function runThreadTask(tables: readonly StationTable[], task: ThreadTask): ThreadTaskOutput {
  if (task.kind === 'latecount_power') return measureLateCountPower(task.task);
  const m = findMethod(task.id);
  if (m === undefined) throw new Error(`internal error: unknown registry method ${task.id}`);
  return m.run(tables[task.table], task.options, createRng(task.seed));
}

/** The tasks' outputs in task order, from the chunk outputs of threadTasksChunk. */
export function threadTasksInOrder(
  payload: ThreadTasksPayload,
  outputs: readonly ThreadTaskOutput[][],
): ThreadTaskOutput[] {
  const next = outputs.map(() => 0);
  return payload.chunkOf.map((c) => outputs[c][next[c]++]);
}
