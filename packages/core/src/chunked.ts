/**
 * Methods whose Monte Carlo splits into independent chunks. Each chunk is a pure function of a
 * plain payload and its chunk index, seeded with deriveSeed(seed, chunkIndex), so a run gives the
 * same numbers whether its chunks execute in this thread or in a pool of workers
 * (packages/parallel; see docs/decisions/0001-parallel-package.md).
 */
import {
  type BaseMethodOptions,
  type ChunkedPlan,
  type ChunkedSpec,
  type ForensicMethod,
  isChunkedStage,
  type MethodDetails,
  type MethodResult,
} from './method.ts';
import type { Result } from './result.ts';
import type { Rng } from './rng.ts';
import type { StationTable } from './station_table.ts';

export type { ChunkedPlan, ChunkedSpec, ChunkedStage } from './method.ts';
export { isChunkedStage } from './method.ts';

/** A forensic method that has the `chunked` capability. */
export type ChunkedForensicMethod<
  O extends BaseMethodOptions = BaseMethodOptions,
  Details extends object = MethodDetails,
> = ForensicMethod<O, Details> & {
  readonly chunked: ChunkedSpec<O, Details>;
};

/** True when a method declares a chunked execution path. */
export function isChunkedMethod<O extends BaseMethodOptions>(
  method: ForensicMethod<O>,
): method is ChunkedForensicMethod<O> {
  return typeof method.chunked === 'object';
}

/** Runs every chunk of a plan in this thread, in order, and reduces them. */
export function runPlanInProcess<O extends BaseMethodOptions, Details extends object = MethodDetails>(
  spec: ChunkedSpec<O, Details>,
  table: StationTable,
  options: O,
  rng: Rng,
): Result<MethodResult<Details>[]> {
  let step = spec.plan(table, options, rng);
  for (;;) {
    if (!step.ok) return step;
    const stage = step.value;
    if (!isChunkedStage(stage)) break;
    step = stage.next(Array.from({ length: stage.chunks }, (_, c) => spec.chunk(stage.payload, c)));
  }
  const plan = step.value as ChunkedPlan<Details>;
  const outputs: unknown[] = [];
  for (let c = 0; c < plan.chunks; c++) outputs.push(spec.chunk(plan.payload, c));
  return plan.finish(outputs);
}
