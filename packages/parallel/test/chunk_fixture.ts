/** Chunk functions for the runChunked tests. */
import { threadId } from 'node:worker_threads';

/** Returns offset + chunkIndex^2 as a one-element Float64Array (exercises buffer transfer). */
export function squareChunk(payload: { offset: number }, chunkIndex: number): Float64Array {
  return Float64Array.of(payload.offset + chunkIndex * chunkIndex);
}

/** Throws on chunk 3. */
export function throwingChunk(_payload: unknown, chunkIndex: number): number {
  if (chunkIndex === 3) throw new Error('chunk 3 failed on purpose');
  return chunkIndex;
}

/** The chunk index and the thread that ran it (0: the main thread). */
export function threadChunk(_payload: unknown, chunkIndex: number): { chunk: number; thread: number } {
  return { chunk: chunkIndex, thread: threadId };
}
