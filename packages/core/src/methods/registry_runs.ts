/// <reference path="../import_meta.d.ts" />
/**
 * Registry methods run as chunks on other threads (packages/parallel's pool imports this module by URL): the audit's
 * battery sends the flagged stations and a list of (method, options, seed) once, and each chunk runs its share of the
 * list. Every run has its own seed, so the results do not depend on which thread ran what.
 */
import type { MethodResult } from '../method.ts';
import type { Result } from '../result.ts';
import { createRng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { findMethod } from './registry.ts';

/** One method run: its registry id, its options and the seed of its random numbers. */
export interface RegistryRun {
  readonly id: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly seed: number;
}

/** What the parent sends: the table, every run, and how many chunks share them (run k goes to chunk k % chunks). */
export interface RegistryRunsPayload {
  readonly table: StationTable;
  readonly runs: readonly RegistryRun[];
  readonly chunks: number;
}

/** This module's URL, for the worker pool. */
export const registryRunsModule: string = import.meta.url;

/** Runs the runs of chunk `c` (runs c, c + chunks, ...), in order. */
export function registryRunsChunk(payload: RegistryRunsPayload, c: number): Result<MethodResult[]>[] {
  const out: Result<MethodResult[]>[] = [];
  for (let k = c; k < payload.runs.length; k += payload.chunks) out.push(runOne(payload.table, payload.runs[k]));
  return out;
}

/** One run, in this thread. */
export function runOne(table: StationTable, run: RegistryRun): Result<MethodResult[]> {
  const m = findMethod(run.id);
  if (m === undefined) throw new Error(`internal error: unknown registry method ${run.id}`);
  return m.run(table, run.options, createRng(run.seed));
}

/** The runs' results in run order, from the chunk outputs of registryRunsChunk. */
export function registryRunsInOrder(
  outputs: readonly Result<MethodResult[]>[][],
  runs: number,
): Result<MethodResult[]>[] {
  const chunks = outputs.length;
  return Array.from({ length: runs }, (_, k) => outputs[k % chunks][Math.floor(k / chunks)]);
}
