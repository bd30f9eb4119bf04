/**
 * Worker entry for running the battery's region chunks on other threads (packages/parallel's
 * runChunked imports this module by URL). The payload is plain data: the table and the options,
 * with methods by id; each worker re-plans (deterministic) and runs the chunk it is given.
 */
import type { StationTable } from '../station_table.ts';
import { findBatteryMethod } from './battery_methods.ts';
import { type BatteryChunkOutput, type BatteryOptions, planBattery } from './run_battery.ts';

/** What the parent sends to each worker. */
export interface BatteryChunkPayload {
  readonly table: StationTable;
  readonly methodIds: readonly string[];
  readonly options: Omit<BatteryOptions, 'methods'>;
  readonly chunks: number;
}

/** This module's URL, for runChunked. */
export const batteryChunkModule: string = import.meta.url;

/** Runs region chunk `c` of the planned battery. */
export function batteryChunk(payload: BatteryChunkPayload, c: number): BatteryChunkOutput {
  const methods = payload.methodIds.map((id) => {
    const m = findBatteryMethod(id);
    if (!m) throw new Error(`internal error: unknown battery method ${id}`);
    return m;
  });
  const plan = planBattery(payload.table, { ...payload.options, methods }, payload.chunks);
  if (!plan.ok) throw new Error(`internal error: a chunk could not re-plan: ${plan.error.message}`);
  return plan.value.runChunk(c);
}
