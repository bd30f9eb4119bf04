/**
 * Snapshot diff: every station present in two states of a count (e.g. the preliminary TREP and the
 * final cómputo) whose numbers changed, and the total change per candidate.
 *
 * Detects: figures altered between two publications of the same station. Changes are normal in
 * small numbers (transcription errors corrected, tally sheets re-examined); what matters is their
 * size and direction, which the per-candidate totals show.
 * Null hypothesis: none (an audit listing, not a test).
 * Assumptions: station ids mean the same station in both tables; candidates are matched by name.
 * Citation: OAS (2019), "Electoral Integrity Analysis, Bolivia" (TREP vs cómputo comparison);
 * Johnston & Rosnick (2019), CEPR.
 * Two tables in, so it is a plain function and not in the single-table method registry.
 */
import { err, ok, type Result } from '../result.ts';
import type { StationTable } from '../station_table.ts';

/** One station whose figures differ between the two snapshots (after minus before). */
export interface StationChange {
  readonly id: string;
  /** Per candidate present in both tables, in the order of `candidates`. */
  readonly votes: number[];
  readonly valid: number;
  readonly registered: number;
}

/** The diff of two snapshots. */
export interface SnapshotDiff {
  readonly candidates: string[];
  readonly common: number;
  readonly onlyBefore: number;
  readonly onlyAfter: number;
  readonly changedStations: number;
  /** Total change per candidate over the common stations (after minus before). */
  readonly totals: Record<string, number>;
  readonly totalValid: number;
  readonly totalRegistered: number;
  readonly changes: StationChange[];
  readonly warnings: string[];
}

/** Compares two snapshots station by station (stations matched by id, candidates by name). */
export function snapshotDiff(before: StationTable, after: StationTable): Result<SnapshotDiff> {
  if (before.n === 0 || after.n === 0)
    return err({ kind: 'insufficient_data', message: 'both snapshots need stations', needed: 1, got: 0 });
  const names: string[] = [];
  const ib: number[] = [];
  const ia: number[] = [];
  const warnings: string[] = [];
  before.candidates.forEach((c, k) => {
    const j = after.candidates.findIndex((d) => d.name === c.name);
    if (j < 0) warnings.push(`candidate "${c.name}" is only in the first snapshot`);
    else {
      names.push(c.name);
      ib.push(k);
      ia.push(j);
    }
  });
  for (const d of after.candidates)
    if (!before.candidates.some((c) => c.name === d.name))
      warnings.push(`candidate "${d.name}" is only in the second snapshot`);
  if (names.length === 0)
    return err({ kind: 'missing_column', column: 'candidates', message: 'no candidate in common' });
  const pos = new Map<string, number>();
  for (let j = 0; j < after.n; j++) pos.set(after.ids[j], j);
  const totals = new Float64Array(names.length);
  let totalValid = 0;
  let totalRegistered = 0;
  let common = 0;
  const changes: StationChange[] = [];
  const seen = new Uint8Array(after.n);
  for (let i = 0; i < before.n; i++) {
    const j = pos.get(before.ids[i]);
    if (j === undefined) continue;
    seen[j] = 1;
    common++;
    const votes = names.map((_, k) => after.candidates[ia[k]].votes[j] - before.candidates[ib[k]].votes[i]);
    const dv = after.valid[j] - before.valid[i];
    const dr = after.registered[j] - before.registered[i];
    if (dv !== 0 || dr !== 0 || votes.some((v) => v !== 0)) {
      changes.push({ id: before.ids[i], votes, valid: dv, registered: dr });
      for (let k = 0; k < names.length; k++) totals[k] += votes[k];
      totalValid += dv;
      totalRegistered += dr;
    }
  }
  let onlyAfter = 0;
  for (let j = 0; j < after.n; j++) if (seen[j] === 0) onlyAfter++;
  const totalsByName: Record<string, number> = {};
  names.forEach((name, k) => {
    totalsByName[name] = totals[k];
  });
  return ok({
    candidates: names,
    common,
    onlyBefore: before.n - common,
    onlyAfter,
    changedStations: changes.length,
    totals: totalsByName,
    totalValid,
    totalRegistered,
    changes,
    warnings,
  });
}
