/**
 * The battery's chunk function for worker threads, planning once per worker: core's batteryChunk re-plans (about
 * 0.3 s on 100k stations, the whole-table cells included) for every chunk it runs. A worker receives its payload once,
 * so the plan is kept for as long as the same payload object comes back.
 */
import {
  type BatteryChunkOutput,
  type BatteryChunkPayload,
  type BatteryPlan,
  findBatteryMethod,
  planBattery,
} from '@tally/core';

/** This module's URL, for runChunked. */
export const cachedBatteryChunkModule: string = import.meta.url;

let planned: { payload: BatteryChunkPayload; plan: BatteryPlan } | undefined;

/** Runs region chunk `c` of the battery that `payload` describes (same output as core's batteryChunk). */
export function cachedBatteryChunk(payload: BatteryChunkPayload, c: number): BatteryChunkOutput {
  if (planned?.payload !== payload) {
    const methods = payload.methodIds.map((id) => {
      const m = findBatteryMethod(id);
      if (!m) throw new Error(`internal error: unknown battery method ${id}`);
      return m;
    });
    const plan = planBattery(payload.table, { ...payload.options, methods }, payload.chunks);
    if (!plan.ok) throw new Error(`internal error: a chunk could not re-plan: ${plan.error.message}`);
    planned = { payload, plan: plan.value };
  }
  return planned.plan.runChunk(c);
}
