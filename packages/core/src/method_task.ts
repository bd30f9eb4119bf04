/// <reference path="./import_meta.d.ts" />
/**
 * A whole method run as one task, so that methods without a chunked Monte Carlo can run side by side on the worker
 * pool (packages/parallel). Each task carries the seed its random source starts from, so a method draws the same
 * numbers on any thread and in any order: results are identical to running the methods one after another.
 */
import type { MethodResult } from './method.ts';
import { methodRegistry } from './methods/registry.ts';
import type { Result } from './result.ts';
import { createRng } from './rng.ts';
import type { StationTable } from './station_table.ts';

/** One method on the payload's table: its id, its options and the seed of its random source. */
export interface MethodTask {
  readonly methodId: string;
  readonly options: Record<string, unknown>;
  readonly seed: number;
}

/** What each worker receives once: the table and every task. */
export interface MethodTaskPayload {
  readonly table: StationTable;
  readonly tasks: readonly MethodTask[];
}

/** This module's URL, for the pool. */
export const methodTaskModule: string = import.meta.url;

/** Runs task `index` of the payload: `method.run(table, options, createRng(seed))`. */
export function methodTaskChunk(payload: MethodTaskPayload, index: number): Result<MethodResult[]> {
  const task = payload.tasks[index];
  const method = methodRegistry.find((m) => m.id === task.methodId);
  if (method === undefined) throw new Error(`internal error: no registered method "${task.methodId}"`);
  return method.run(payload.table, task.options, createRng(task.seed));
}
