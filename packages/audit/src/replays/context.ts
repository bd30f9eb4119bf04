/**
 * What a replay reads: the allegation's 2019 table with its count times, covariates and list memberships, the other
 * elections the allegation names, the candidates and the seed. Lookups fail with an error that names the dataset
 * and the column a replay needs, so a replay run on data without TREP times says what is missing.
 */
import { err, ok, type Result, type StationAttribute, type StationTable } from '@tally/core';
import type { AnalysisSpec, LoadedElection, ResolvedAllegation } from '@tally/ingest';

/** A per-station input a replay could not find, named by file, dataset and column. */
export class MissingInput extends Error {}

/** One election of the context: its table, where it came from and its candidate names. */
export interface ReplayElection {
  readonly id: string;
  /** The data file and dataset, for error messages. */
  readonly source: string;
  readonly table: StationTable;
  readonly favoured: string;
  readonly rival: string | undefined;
}

export interface ReplayContext {
  /** The 2019 table with the per-acta count times (the replays' `election`, default the alleged one). */
  readonly timed: ReplayElection;
  /** The later election the replays compare with (`against`), when the allegation names one. */
  readonly against: ReplayElection | null;
  /** Every election of the allegation, by id. */
  readonly elections: ReadonlyMap<string, ReplayElection>;
  /** 1 for each station of `timed` that the allegation flags (matched by station id). */
  readonly flagged: Uint8Array;
  readonly seed: number;
}

function describe(e: LoadedElection): ReplayElection {
  const dataset = e.spec.dataset ? ` (dataset ${e.spec.dataset})` : '';
  return {
    id: e.spec.id,
    source: `${e.loaded.file}${dataset}`,
    table: e.table,
    favoured: e.names.favoured,
    rival: e.names.rival,
  };
}

/** Builds the context of a `replays` analysis of a resolved allegation. */
export function replayContext(
  resolved: ResolvedAllegation,
  spec: Extract<AnalysisSpec, { method: 'replays' }>,
  seed: number,
): Result<ReplayContext> {
  const elections = new Map<string, ReplayElection>();
  for (const [id, e] of resolved.elections) elections.set(id, describe(e));
  const timed = elections.get(spec.election ?? resolved.alleged.spec.id)!;
  const against = spec.against === undefined ? null : elections.get(spec.against)!;
  if (timed.rival === undefined) {
    return err({ kind: 'invalid_options', message: `replays: name the rival candidate of election ${timed.id}` });
  }
  // The alleged stations, carried over to the timed table by station id (both read the same count).
  const position = new Map<string, number>();
  resolved.alleged.table.ids.forEach((id, i) => {
    position.set(id, i);
  });
  const flagged = new Uint8Array(timed.table.n);
  for (let i = 0; i < timed.table.n; i++) {
    const k = position.get(timed.table.ids[i]);
    flagged[i] = k === undefined ? 0 : resolved.flagged[k];
  }
  return ok({ timed, against, elections, flagged, seed });
}

/** The count time of every station (ms since epoch, NaN where none); throws MissingInput when there is none. */
export function countTimes(e: ReplayElection): Float64Array {
  const a = e.table.arrival;
  if (!a || a.kind !== 'time') {
    const have = a ? `its arrival is a ${a.kind} (${a.column})` : 'it has no arrival column';
    throw new MissingInput(
      `${e.source}: this replay needs each station's count time (arrival of kind "time", e.g. trep_verified_at with its time zone); ${have}`,
    );
  }
  return a.values;
}

/** Codes and labels of a region level; throws MissingInput naming the level when absent. */
export function regionLevel(e: ReplayElection, name: string): { codes: Int32Array; labels: readonly string[] } {
  const level = e.table.regions.find((r) => r.name === name);
  if (!level) {
    const have = e.table.regions.map((r) => r.name).join(', ');
    throw new MissingInput(`${e.source}: this replay needs the region level "${name}" (the table has: ${have})`);
  }
  return level;
}

function attribute(e: ReplayElection, name: string): StationAttribute {
  const found = e.table.attributes?.find((a) => a.name === name);
  if (!found) {
    const have = (e.table.attributes ?? []).map((a) => a.name).join(', ') || 'none';
    throw new MissingInput(`${e.source}: this replay needs the attribute "${name}" (attached: ${have})`);
  }
  return found;
}

/** A category attribute (e.g. urban_rural). */
export function categoryAttribute(e: ReplayElection, name: string): { codes: Int32Array; labels: readonly string[] } {
  const a = attribute(e, name);
  if (a.kind !== 'category') throw new MissingInput(`${e.source}: attribute "${name}" is a ${a.kind}, not a category`);
  return a;
}

/** A station-list membership attribute (e.g. oas_226_multiple_filler). */
export function membership(e: ReplayElection, name: string): Uint8Array {
  const a = attribute(e, name);
  if (a.kind !== 'membership') {
    throw new MissingInput(`${e.source}: attribute "${name}" is a ${a.kind}, not a station-list membership`);
  }
  return a.values;
}

/** Votes of a named candidate; throws MissingInput naming the candidates present. */
export function candidateVotes(e: ReplayElection, name: string): Float64Array {
  const c = e.table.candidates.find((x) => x.name === name);
  if (!c) {
    const have = e.table.candidates.map((x) => x.name).join(', ');
    throw new MissingInput(`${e.source}: no candidate column "${name}" (candidates: ${have})`);
  }
  return c.votes;
}
