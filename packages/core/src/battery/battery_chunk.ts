/// <reference path="../import_meta.d.ts" />
/**
 * Worker entry for running the battery's chunks (the whole table, then ranges of regions) on other threads (packages/parallel's
 * runChunked imports this module by URL). The payload is plain data: the table, the options with methods by id, and
 * the parent's chunk spec; each worker prepares the table (deterministic) and runs the chunks it is given.
 */
import type { StationTable } from '../station_table.ts';
import { findBatteryMethod } from './battery_methods.ts';
import {
  type BatteryChunkOutput,
  type BatteryChunkSpec,
  type BatteryOptions,
  batteryChunkRunner,
  planBattery,
} from './run_battery.ts';

/** What the parent sends to each worker. */
export interface BatteryChunkPayload {
  readonly table: StationTable;
  readonly methodIds: readonly string[];
  readonly options: Omit<BatteryOptions, 'methods'>;
  readonly chunks: number;
  /** The parent's plan of the chunks; without it each worker plans again (the same spec, from the same table). */
  readonly spec?: BatteryChunkSpec;
}

/**
 * The part of a table the battery reads (counts, candidates, region levels, the share denominator), for a payload
 * that is copied to every worker: the station ids (a string per station: most of the copying), coordinates,
 * attributes and arrival times are left out. Only battery code may read the result.
 */
export function batteryTable(table: StationTable): StationTable {
  const { arrival: _arrival, attributes: _attributes, lat: _lat, lon: _lon, ...kept } = table;
  return { ...kept, ids: [] };
}

/** This module's URL, for runChunked. */
export const batteryChunkModule: string = import.meta.url;

// A worker receives its payload once and then runs several chunks of it: the runner is kept while the same payload
// object comes back, so the table is prepared once per worker, not once per chunk.
let lastRunner: { payload: BatteryChunkPayload; run: (chunk: number) => BatteryChunkOutput } | undefined;

/** Runs chunk `c` of the planned battery. */
export function batteryChunk(payload: BatteryChunkPayload, c: number): BatteryChunkOutput {
  if (lastRunner?.payload !== payload) lastRunner = { payload, run: chunkRunnerFor(payload) };
  return lastRunner.run(c);
}

/** The chunk runner a payload describes: from the parent's spec when it sent one, else by planning again. */
export function chunkRunnerFor(payload: BatteryChunkPayload): (chunk: number) => BatteryChunkOutput {
  const methods = payload.methodIds.map((id) => {
    const m = findBatteryMethod(id);
    if (!m) throw new Error(`internal error: unknown battery method ${id}`);
    return m;
  });
  const options = { ...payload.options, methods };
  if (payload.spec !== undefined) {
    const runner = batteryChunkRunner(payload.table, options, payload.spec);
    if (!runner.ok) throw new Error(`internal error: a chunk could not prepare: ${runner.error.message}`);
    return runner.value;
  }
  const plan = planBattery(payload.table, options, payload.chunks);
  if (!plan.ok) throw new Error(`internal error: a chunk could not re-plan: ${plan.error.message}`);
  return plan.value.runChunk;
}
