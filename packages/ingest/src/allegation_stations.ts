/**
 * Which stations an allegation names: the values a station filter reads, the filter itself, and the stations a
 * cutoff leaves uncounted. Used by allegation.ts when it resolves the alleged election.
 */
import {
  candidateIndex,
  err,
  ok,
  type Result,
  regionLevelIndex,
  type StationTable,
  shareDenominator,
  type TallyError,
} from '@tally/core';
import type { Allegation, CutoffInput, StationFilter } from './allegation_schema.ts';

/** An error about the allegation file. */
export function problem(file: string, message: string): { ok: false; error: TallyError } {
  return err({ kind: 'parse_error', file, rule: 'invalid_allegation', message: `${file}: ${message}` });
}

/** The values of an allegation filter's column for every station (a number or a label per station). */
export function columnValues(table: StationTable, column: string): Result<number[] | string[], string> {
  if (column === 'id') return ok([...table.ids]);
  const den = shareDenominator(table);
  const simple: Record<string, Float64Array> = {
    registered: table.registered,
    ballotsCast: table.ballotsCast,
    valid: table.valid,
  };
  if (simple[column]) return ok(Array.from(simple[column]));
  if (column === 'turnout') return ok(Array.from(table.ballotsCast, (b, i) => b / table.registered[i]));
  if (column.startsWith('share:')) {
    const c = candidateIndex(table, column.slice(6));
    if (c < 0) return err(`candidate "${column.slice(6)}" is not in the data`);
    return ok(Array.from(table.candidates[c].votes, (v, i) => v / den[i]));
  }
  if (column.startsWith('region:')) {
    const l = regionLevelIndex(table, column.slice(7));
    if (l < 0) return err(`region level "${column.slice(7)}" is not in the data`);
    const level = table.regions[l];
    return ok(Array.from(level.codes, (c) => level.labels[c]));
  }
  return err(
    `unknown column "${column}" (use id, turnout, registered, ballotsCast, valid, share:<candidate>, region:<level>)`,
  );
}

/** Clears mask[i] for every station whose value fails the filter. */
export function applyFilter(values: number[] | string[], f: StationFilter, mask: Uint8Array): void {
  const wanted = new Set((Array.isArray(f.value) ? f.value : [f.value]).map(String));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = f.value as number;
    let keep: boolean;
    switch (f.op) {
      case '<':
        keep = (v as number) < t;
        break;
      case '<=':
        keep = (v as number) <= t;
        break;
      case '>':
        keep = (v as number) > t;
        break;
      case '>=':
        keep = (v as number) >= t;
        break;
      case '==':
        keep = String(v) === String(f.value);
        break;
      case '!=':
        keep = String(v) !== String(f.value);
        break;
      case 'in':
        keep = wanted.has(String(v));
        break;
    }
    if (!keep) mask[i] = 0;
  }
}

/** 1 for each station the cutoff leaves uncounted (late), from the snapshot or the arrival order. */
export function cutoffLate(
  a: Allegation,
  table: StationTable,
  cutoff: CutoffInput,
  snapshot: StationTable | undefined,
): Result<Uint8Array, TallyError> {
  const late = new Uint8Array(table.n);
  if (cutoff.kind === 'snapshot') {
    const counted = new Set(snapshot?.ids ?? []);
    for (let i = 0; i < table.n; i++) late[i] = counted.has(table.ids[i]) ? 0 : 1;
    return ok(late);
  }
  const arrival = table.arrival;
  if (!arrival) {
    return problem(
      a.file,
      `alleged.cutoff: election ${a.alleged.election} has no arrival order (no time or rank column)`,
    );
  }
  if (cutoff.kind === 'time' && arrival.kind !== 'time') {
    return problem(
      a.file,
      `alleged.cutoff.time: the arrival of ${a.alleged.election} is a ${arrival.kind}, not a time`,
    );
  }
  if (cutoff.kind === 'percentile' && arrival.kind !== 'percentile') {
    return problem(a.file, `alleged.cutoff.percentile: the arrival of ${a.alleged.election} is a ${arrival.kind}`);
  }
  const limit = cutoff.kind === 'time' ? cutoff.ms : cutoff.value;
  for (let i = 0; i < table.n; i++) {
    const v = arrival.values[i];
    // No arrival value (e.g. a mesa never verified in the TREP): not counted by the cutoff, so late, as in the
    // late-count view; resolveAllegation counts these stations in a warning.
    late[i] = Number.isNaN(v) || v > limit ? 1 : 0;
  }
  return ok(late);
}
