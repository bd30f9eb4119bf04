/**
 * Methods whose Monte Carlo splits into independent chunks. Each chunk is a pure function of a
 * plain payload and its chunk index, seeded with deriveSeed(seed, chunkIndex), so a run gives the
 * same numbers whether its chunks execute in this thread or in a pool of workers
 * (packages/parallel; see docs/decisions/0001-parallel-package.md).
 */
import type { BaseMethodOptions, ForensicMethod, MethodResult } from './method.ts';
import type { Result } from './result.ts';
import type { Rng } from './rng.ts';
import type { StationTable } from './station_table.ts';

/** A planned chunked computation: a structured-clonable payload, its chunk count, and the reduction. */
export interface ChunkedPlan {
  /** Plain data (numbers, strings, typed arrays) that a worker receives once. */
  readonly payload: unknown;
  readonly chunks: number;
  /** Combines the chunk outputs, given in chunk order, into the method's results. */
  finish(chunkOutputs: readonly unknown[]): Result<MethodResult[]>;
}

/** How a chunked method is planned and where its chunk function lives. */
export interface ChunkedSpec<O extends BaseMethodOptions> {
  /** URL of the module that exports the chunk function (the method file's import.meta.url). */
  readonly module: string;
  /** Name of the exported function `(payload, chunkIndex) => output`. */
  readonly exportName: string;
  /** Prepares the payload; reads the table and draws the base seed from `rng`. */
  plan(table: StationTable, options: O, rng: Rng): Result<ChunkedPlan>;
  /** The chunk function itself, for in-process execution. */
  chunk(payload: unknown, chunkIndex: number): unknown;
}

/** A forensic method that can also run its Monte Carlo chunk by chunk. */
export interface ChunkedForensicMethod<O extends BaseMethodOptions = BaseMethodOptions> extends ForensicMethod<O> {
  readonly chunked: ChunkedSpec<O>;
}

/** True when a method declares a chunked execution path. */
export function isChunkedMethod<O extends BaseMethodOptions>(
  method: ForensicMethod<O>,
): method is ChunkedForensicMethod<O> {
  return typeof (method as Partial<ChunkedForensicMethod<O>>).chunked === 'object';
}

/** Runs every chunk of a plan in this thread, in order, and reduces them. */
export function runPlanInProcess<O extends BaseMethodOptions>(
  spec: ChunkedSpec<O>,
  table: StationTable,
  options: O,
  rng: Rng,
): Result<MethodResult[]> {
  const planned = spec.plan(table, options, rng);
  if (!planned.ok) return planned;
  const outputs: unknown[] = [];
  for (let c = 0; c < planned.value.chunks; c++) outputs.push(spec.chunk(planned.value.payload, c));
  return planned.value.finish(outputs);
}
