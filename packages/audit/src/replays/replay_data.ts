/**
 * Reading the columns a replay needs from a StationTable, with errors that name the file and the column, and the
 * vote arithmetic the projection and difference-in-differences replays share (issue #15).
 */
import { err, type Factor, ok, type Result, type StationTable } from '@tally/core';

/** A table and the file it was read from (named in every error). */
export interface ReplayTable {
  readonly table: StationTable;
  readonly file: string;
}

function missing(source: ReplayTable, column: string, what: string): Result<never> {
  return err({ kind: 'missing_column', column, message: `${source.file}: column "${column}" ${what}` });
}

/** Votes of the named candidate. */
export function candidateVotes(source: ReplayTable, name: string): Result<Float64Array> {
  const column = source.table.candidates.find((c) => c.name === name);
  if (column === undefined) return missing(source, name, 'is not among the candidate columns');
  return ok(column.votes);
}

/** A numeric attribute (NaN where a station has none). */
export function numberAttribute(source: ReplayTable, name: string): Result<Float64Array> {
  const a = source.table.attributes?.find((x) => x.name === name);
  if (a === undefined) return missing(source, name, 'is not attached to the stations');
  if (a.kind !== 'number') return missing(source, name, `is a ${a.kind} attribute, not a number`);
  return ok(a.values);
}

/** A category attribute as a factor (unmatched and missing stations are their own labels). */
export function categoryFactor(source: ReplayTable, name: string): Result<Factor & { labels: readonly string[] }> {
  const a = source.table.attributes?.find((x) => x.name === name);
  if (a === undefined) return missing(source, name, 'is not attached to the stations');
  if (a.kind !== 'category') return missing(source, name, `is a ${a.kind} attribute, not a category`);
  return ok({ name, codes: a.codes, count: a.labels.length, labels: a.labels });
}

/** A region level as a factor. */
export function regionFactor(source: ReplayTable, name: string): Result<Factor> {
  const level = source.table.regions.find((r) => r.name === name);
  if (level === undefined) return missing(source, name, 'is not a region level of the table');
  return ok({ name, codes: level.codes, count: level.labels.length });
}

/**
 * 1 for each station on any of the named lists: the actas left out of the TREP announcement at the halt
 * (e.g. `trep_final_not_in_194057` and `computo_not_in_trep`).
 */
export function listMembers(source: ReplayTable, lists: readonly string[]): Result<Uint8Array> {
  const out = new Uint8Array(source.table.n);
  for (const name of lists) {
    const a = source.table.attributes?.find((x) => x.name === name);
    if (a === undefined) return missing(source, name, 'is not attached to the stations (a named acta list)');
    if (a.kind !== 'membership') return missing(source, name, `is a ${a.kind} attribute, not a station list`);
    for (let i = 0; i < out.length; i++) if (a.values[i] === 1) out[i] = 1;
  }
  return ok(out);
}

/** National margin of `leader` over `runnerUp` in points of valid votes over the stations with mask[i] === keep. */
export function marginPoints(
  leader: Float64Array,
  runnerUp: Float64Array,
  valid: Float64Array,
  mask?: Uint8Array,
  keep = 1,
): number {
  let difference = 0;
  let total = 0;
  for (let i = 0; i < valid.length; i++) {
    if (mask !== undefined && mask[i] !== keep) continue;
    difference += leader[i] - runnerUp[i];
    total += valid[i];
  }
  return (100 * difference) / total;
}

/** Linear-interpolated quantile of an unsorted sample (R's type 7). */
export function sampleQuantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

/** Rounds for reports: JSON stays short and byte-stable. */
export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The inputs every Bolivia 2019 replay of the two leading candidates and the late actas reads. */
export interface LeadersAndLateInput extends ReplayTable {
  /** Default 'MAS - IPSP'. */
  readonly leader?: string;
  /** Default 'CC'. */
  readonly runnerUp?: string;
  /** The station lists whose members were counted late (default: not in the 19:40:57 TREP, or never in the TREP). */
  readonly lateLists?: readonly string[];
}

/** The actas missing from the TREP announcement at 19:40:57: those published later, and those never in the TREP. */
export const LATE_LISTS_2019 = ['trep_final_not_in_194057', 'computo_not_in_trep'] as const;

/** Votes of the leader and the runner-up, and 1 for each station on a late list. */
export function leadersAndLate(
  input: LeadersAndLateInput,
): Result<{ leader: Float64Array; runnerUp: Float64Array; late: Uint8Array }> {
  const leader = candidateVotes(input, input.leader ?? 'MAS - IPSP');
  if (!leader.ok) return leader;
  const runnerUp = candidateVotes(input, input.runnerUp ?? 'CC');
  if (!runnerUp.ok) return runnerUp;
  const late = listMembers(input, input.lateLists ?? LATE_LISTS_2019);
  if (!late.ok) return late;
  return ok({ leader: leader.value, runnerUp: runnerUp.value, late: late.value });
}
