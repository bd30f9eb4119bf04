/** Runs any registry method, fanning a chunked method's Monte Carlo out over worker threads. */
import {
  type BaseMethodOptions,
  type ChunkedPlan,
  type ForensicMethod,
  isChunkedMethod,
  isChunkedStage,
  type MethodResult,
  type Result,
  type Rng,
  type StationTable,
} from '@tally/core';
import { ChunkPool } from './run_chunked.ts';

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
  const { module, exportName, chunk } = method.chunked;
  const pool = runOptions.pool ?? new ChunkPool(threads);
  try {
    let step = method.chunked.plan(table, options, rng);
    for (;;) {
      if (!step.ok) return step;
      const stage = step.value;
      if (!isChunkedStage(stage)) break;
      step = stage.next(await pool.run(module, exportName, stage.payload, stage.chunks, chunk));
    }
    const { payload, chunks, finish } = step.value as ChunkedPlan;
    return finish(await pool.run(module, exportName, payload, chunks, chunk));
  } finally {
    if (runOptions.pool === undefined) await pool.close();
  }
}
