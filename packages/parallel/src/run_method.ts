/** Runs any registry method, fanning a chunked method's Monte Carlo out over worker threads. */
import {
  type BaseMethodOptions,
  type ForensicMethod,
  isChunkedMethod,
  type MethodResult,
  type Result,
  type Rng,
  type StationTable,
} from '@tally/core';
import { type ChunkPool, runChunked } from './run_chunked.ts';

/** Options of runMethod. */
export interface RunMethodOptions {
  /**
   * Worker threads for chunked methods; 1 (the default) runs in this thread. A worker costs about 0.1 s to start
   * from the bundled CLI and about 1.5 s under tsx, so pass defaultThreads() for runs that repay it.
   */
  threads?: number;
  /** A pool to run on instead of one started for this call (its size then sets the threads). */
  pool?: ChunkPool;
}

/**
 * Runs `method` on `table`. A chunked method with threads > 1 plans in this thread, runs its chunks on
 * workers and reduces here; the results are identical to `method.run` with the same rng state.
 */
export async function runMethod<O extends BaseMethodOptions>(
  method: ForensicMethod<O>,
  table: StationTable,
  options: O,
  rng: Rng,
  runOptions: RunMethodOptions = {},
): Promise<Result<MethodResult[]>> {
  const threads = runOptions.pool?.threads ?? runOptions.threads ?? 1;
  if (!isChunkedMethod(method) || threads <= 1) return method.run(table, options, rng);
  const planned = method.chunked.plan(table, options, rng);
  if (!planned.ok) return planned;
  const { payload, chunks, finish } = planned.value;
  const { module, exportName, chunk } = method.chunked;
  const outputs = runOptions.pool
    ? await runOptions.pool.run(module, exportName, payload, chunks, chunk)
    : await runChunked(module, exportName, payload, chunks, threads, chunk);
  return finish(outputs);
}
