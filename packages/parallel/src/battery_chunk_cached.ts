/**
 * The battery's chunk function for worker threads, preparing once per worker: core's batteryChunk prepares the table
 * for every chunk it runs. A worker receives its payload once, so the runner is kept for as long as the same payload
 * object comes back.
 */
import { type BatteryChunkOutput, type BatteryChunkPayload, chunkRunnerFor } from '@tally/core';

/** This module's URL, for runChunked. */
export const cachedBatteryChunkModule: string = import.meta.url;

let prepared: { payload: BatteryChunkPayload; run: (chunk: number) => BatteryChunkOutput } | undefined;

/** Runs region chunk `c` of the battery that `payload` describes (same output as core's batteryChunk). */
export function cachedBatteryChunk(payload: BatteryChunkPayload, c: number): BatteryChunkOutput {
  if (prepared?.payload !== payload) prepared = { payload, run: chunkRunnerFor(payload) };
  return prepared.run(c);
}
