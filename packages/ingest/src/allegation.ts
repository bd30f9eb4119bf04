/**
 * Reads an allegation file and resolves it against the data: loads every election, checks candidate
 * names, station ids, the cutoff and the region, and computes the flagged stations of the alleged
 * election. Every problem is an error that names the key and the value at fault.
 */

import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  candidateIndex,
  err,
  type MissingPlace,
  ok,
  type Result,
  regionLevelIndex,
  type StationTable,
  type TallyError,
} from '@tally/core';
import { parseDocument } from 'yaml';
import { datasetFiles, namedFiles, sha256File } from './allegation_inputs.ts';
import { type Allegation, type CandidateNames, checkAllegation, type ElectionSpec } from './allegation_schema.ts';
import { applyFilter, columnValues, cutoffLate, problem } from './allegation_stations.ts';
import { isInside } from './contain.ts';
import { type LoadedCountSeries, loadCountSeries } from './count_series.ts';
import type { ValidationIssue } from './issues.ts';
import { checkJoin, joinTarget } from './join_check.ts';
import { type LoadedTable, loadTable } from './load_table.ts';
import { entryMapping, loadManifestDataset, readManifest } from './manifest.ts';
import { readMissingPlaces } from './missing_places.ts';
import { type RowPolicy, refuseByPolicy } from './row_policy.ts';
import { readSmallText } from './safe_read.ts';

export * from './allegation_schema.ts';

/** One loaded election of an allegation. */
export interface LoadedElection {
  readonly spec: ElectionSpec;
  readonly loaded: LoadedTable;
  readonly table: StationTable;
  /** Candidate names as they appear in this election's data. */
  readonly names: CandidateNames;
}

/** An input file and its SHA-256; `path` is relative to the allegation file's folder. */
export interface InputHash {
  readonly path: string;
  readonly sha256: string;
}

/** An allegation with its data loaded and its flagged stations computed. */
export interface ResolvedAllegation {
  readonly allegation: Allegation;
  readonly elections: ReadonlyMap<string, LoadedElection>;
  readonly alleged: LoadedElection;
  /** 1 for each flagged station of the alleged election's table. */
  readonly flagged: Uint8Array;
  readonly flaggedCount: number;
  /** The cutoff's snapshot table, when the cutoff is a snapshot. */
  readonly snapshot?: { readonly id: string; readonly table: StationTable; readonly loaded?: LoadedTable };
  readonly inputs: readonly InputHash[];
  readonly issues: readonly ValidationIssue[];
  /** Where collected stations are known to be missing (alleged.announced.missing), checked against the data. */
  readonly missingPlaces?: readonly MissingPlace[];
  /** The count series each `count_series` analysis reads, by the analysis's position in the list. */
  readonly countSeries?: ReadonlyMap<number, LoadedCountSeries>;
}

/** Options for reading an allegation. */
export interface ReadAllegationOptions {
  /**
   * When given (the web server), every file the allegation names (data, map, station list) must lie inside one of
   * these folders after following symbolic links; anything else is refused before it is opened.
   */
  readonly roots?: readonly string[];
  /** What follows "is outside" when a file lies outside `roots` (default: the web server's wording). */
  readonly outsideWhat?: string;
}

/** Reads and checks an allegation file (YAML or JSON; JSON is valid YAML). */
export function readAllegation(path: string, options: ReadAllegationOptions = {}): Result<Allegation, TallyError> {
  if (!existsSync(path)) return err({ kind: 'io_error', file: path, message: `allegation file not found: ${path}` });
  if (statSync(path).isDirectory()) {
    return err({ kind: 'io_error', file: path, message: `${path} is a folder; give the allegation file itself` });
  }
  const read = readSmallText(path, 'the allegation file');
  if (!read.ok) return read;
  const doc = parseDocument(read.value, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0];
    const where = line ? `line ${line.line}, column ${line.col}: ` : '';
    return err({
      kind: 'parse_error',
      file: path,
      row: line?.line,
      rule: 'invalid_yaml',
      message: `${path}: ${where}${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
    });
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (e) {
    // The yaml library refuses documents whose aliases would expand exponentially ("billion laughs").
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return err({ kind: 'parse_error', file: path, rule: 'yaml_alias_bomb', message: `${path}: ${why}` });
  }
  const checked = checkAllegation(value, path);
  if (!checked.ok || options.roots === undefined) return checked;
  const outside = namedFiles(checked.value).find((f) => existsSync(f.path) && !isInside(f.path, options.roots ?? []));
  if (outside !== undefined) {
    return problem(
      path,
      `${outside.key}: ${outside.path} is outside ${options.outsideWhat ?? 'the folders this server may read; name a file in the example or a --root folder'}`,
    );
  }
  return checked;
}

/**
 * An election whose dataset declares a `join` to a folder that another election of the allegation reads must join
 * that election's stations (docs/data-model.md, "Earlier elections"); one that does not is refused.
 */
function checkDeclaredJoins(allegation: Allegation, elections: Map<string, LoadedElection>): Result<void, TallyError> {
  for (const election of elections.values()) {
    const dir = election.spec.data;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    const m = readManifest(dir);
    if (!m.ok) continue;
    const entry = m.value.datasets.find((d) => d.id === (election.spec.dataset ?? m.value.default));
    if (!entry?.join) continue;
    const target = joinTarget(dir, entry.join);
    for (const other of elections.values()) {
      if (other === election || resolve(other.spec.data) !== target.dir) continue;
      const joined = checkJoin(election.loaded, other.table, entry.join);
      if (!joined.ok) {
        const message = `${allegation.file}: elections.${election.spec.id}: ${joined.error.message}`;
        return err({ ...joined.error, message } as TallyError);
      }
    }
  }
  return ok(undefined);
}

/**
 * Loads a snapshot dataset of a folder WITHOUT its attachments: the cutoff needs only which stations it
 * holds and their figures (arrival comes from the final table), and the keys file is large.
 */
async function loadSnapshot(dir: string, id: string): Promise<Result<LoadedTable, TallyError>> {
  const m = readManifest(dir);
  if (!m.ok) return m;
  const entry = m.value.datasets.find((d) => d.id === id);
  if (!entry) {
    const ids = m.value.datasets.map((d) => d.id).join(', ');
    return err({ kind: 'invalid_options', option: 'dataset', message: `${dir}: no dataset "${id}" (has: ${ids})` });
  }
  return loadTable(join(dir, entry.file), entryMapping(dir, entry));
}

async function loadElection(
  allegation: Allegation,
  spec: ElectionSpec,
  files: Set<string>,
  policy: RowPolicy,
): Promise<Result<LoadedElection, TallyError>> {
  const where = `elections.${spec.id}.data`;
  if (!existsSync(spec.data)) return problem(allegation.file, `${where}: no such file or folder: ${spec.data}`);
  let loaded: Result<LoadedTable, TallyError>;
  if (statSync(spec.data).isDirectory()) {
    loaded = await loadManifestDataset(spec.data, spec.dataset);
    for (const f of datasetFiles(spec.data, spec.dataset)) files.add(f);
  } else {
    if (spec.preset === undefined && spec.map === undefined) {
      return problem(allegation.file, `elections.${spec.id}: a data file needs a preset or a map`);
    }
    loaded = await loadTable(spec.data, { preset: spec.preset, map: spec.map });
    files.add(spec.data);
    if (spec.map) files.add(spec.map);
  }
  if (!loaded.ok) {
    return err({ ...loaded.error, message: `elections.${spec.id}: ${loaded.error.message}` } as TallyError);
  }
  const refusal = refuseByPolicy(loaded.value, policy);
  if (refusal) return err({ ...refusal, message: `elections.${spec.id}: ${refusal.message}` });
  const table = loaded.value.table;
  const names: CandidateNames = {
    favoured: spec.candidates?.favoured ?? allegation.candidates.favoured,
    rival: spec.candidates?.rival ?? allegation.candidates.rival,
  };
  for (const [role, name] of [
    ['favoured', names.favoured],
    ['rival', names.rival],
  ] as const) {
    if (name !== undefined && candidateIndex(table, name) < 0) {
      const have = table.candidates.map((c) => `"${c.name}"`).join(', ');
      return problem(
        allegation.file,
        `candidates.${role}: "${name}" is not a candidate in election ${spec.id} (candidates: ${have}); set elections.${spec.id}.candidates.${role} if the name differs there`,
      );
    }
  }
  return ok({ spec, loaded: loaded.value, table, names });
}

function listSome(ids: readonly string[]): string {
  const shown = ids.slice(0, 10).map((x) => `"${x}"`);
  return ids.length > 10 ? `${shown.join(', ')} and ${ids.length - 10} more` : shown.join(', ');
}

/** A warning counting the alleged election's stations with no arrival value, when the cutoff reads arrival. */
function noArrivalIssue(allegation: Allegation, alleged: LoadedElection): ValidationIssue | undefined {
  const cutoff = allegation.alleged.cutoff;
  const arrival = alleged.table.arrival;
  if (!cutoff || cutoff.kind === 'snapshot' || !arrival) return undefined;
  let missing = 0;
  for (const v of arrival.values) if (Number.isNaN(v)) missing++;
  if (missing === 0) return undefined;
  return {
    level: 'warning',
    file: alleged.loaded.file,
    column: arrival.column,
    rule: 'no_arrival',
    message: `${missing} stations of election ${alleged.spec.id} have no arrival value (${arrival.column}): they were not counted by the cutoff and are flagged as late`,
  };
}

/** Loads the data of a checked allegation and computes its flagged stations. */
export async function resolveAllegation(
  allegation: Allegation,
  policy: RowPolicy = {},
): Promise<Result<ResolvedAllegation, TallyError>> {
  const files = new Set<string>([allegation.file]);
  const elections = new Map<string, LoadedElection>();
  // Files load concurrently (DuckDB works off the main thread); errors are reported in file order.
  const cutoff = allegation.alleged.cutoff;
  const allegedSpec = allegation.elections.find((e) => e.id === allegation.alleged.election)!;
  const snapshotLoad =
    cutoff?.kind === 'snapshot' && existsSync(allegedSpec.data) && statSync(allegedSpec.data).isDirectory()
      ? loadSnapshot(allegedSpec.data, cutoff.snapshot)
      : undefined;
  const loads = await Promise.all(allegation.elections.map((spec) => loadElection(allegation, spec, files, policy)));
  for (const loaded of loads) {
    if (!loaded.ok) return loaded;
    elections.set(loaded.value.spec.id, loaded.value);
  }
  const joins = checkDeclaredJoins(allegation, elections);
  if (!joins.ok) return joins;
  const alleged = elections.get(allegation.alleged.election)!;
  const table = alleged.table;
  const flagged = new Uint8Array(table.n).fill(1);
  const spec = allegation.alleged;
  let snapshot: ResolvedAllegation['snapshot'];
  if (spec.cutoff) {
    if (spec.cutoff.kind === 'snapshot') {
      const id = spec.cutoff.snapshot;
      if (!statSync(alleged.spec.data).isDirectory()) {
        return problem(allegation.file, `alleged.cutoff.snapshot: needs a dataset folder for ${spec.election}`);
      }
      const snap = await (snapshotLoad ?? loadSnapshot(alleged.spec.data, id));
      if (!snap.ok) return problem(allegation.file, `alleged.cutoff.snapshot: ${snap.error.message}`);
      const refusal = refuseByPolicy(snap.value, policy);
      if (refusal) return err({ ...refusal, message: `alleged.cutoff.snapshot: ${refusal.message}` });
      files.add(join(alleged.spec.data, 'manifest.json'));
      files.add(snap.value.file);
      snapshot = { id, table: snap.value.table, loaded: snap.value };
    }
    const late = cutoffLate(allegation, table, spec.cutoff, snapshot?.table);
    if (!late.ok) return late;
    for (let i = 0; i < table.n; i++) flagged[i] &= late.value[i];
  }
  if (spec.region) {
    const l = regionLevelIndex(table, spec.region.level);
    if (l < 0) {
      const have = table.regions.map((r) => r.name).join(', ');
      return problem(allegation.file, `alleged.region.level: "${spec.region.level}" is not a region level (${have})`);
    }
    const level = table.regions[l];
    let any = false;
    for (let i = 0; i < table.n; i++) {
      const inside = level.labels[level.codes[i]] === spec.region.label;
      any ||= inside;
      if (!inside) flagged[i] = 0;
    }
    if (!any) {
      return problem(allegation.file, `alleged.region.label: no ${spec.region.level} is named "${spec.region.label}"`);
    }
  }
  if (spec.stations) {
    const sel = spec.stations;
    if (sel.kind === 'filter') {
      const mask = new Uint8Array(table.n).fill(1);
      for (const [k, f] of sel.filters.entries()) {
        const values = columnValues(table, f.column);
        if (!values.ok) return problem(allegation.file, `alleged.stations.filter[${k}].column: ${values.error}`);
        applyFilter(values.value, f, mask);
      }
      for (let i = 0; i < table.n; i++) flagged[i] &= mask[i];
    } else {
      let ids: string[];
      if (sel.kind === 'file') {
        if (!existsSync(sel.file))
          return problem(allegation.file, `alleged.stations.file: file not found: ${sel.file}`);
        files.add(sel.file);
        const text = readSmallText(sel.file, 'the station list');
        if (!text.ok) return text;
        ids = text.value
          .split(/\r?\n/)
          .map((x) => x.trim())
          .filter((x) => x !== '' && !x.startsWith('#'));
      } else {
        ids = [...sel.ids];
      }
      const index = new Map(table.ids.map((id, i) => [id, i]));
      const unknown = ids.filter((id) => !index.has(id));
      if (unknown.length > 0) {
        return problem(
          allegation.file,
          `alleged.stations: ${unknown.length} station id(s) are not in election ${spec.election}: ${listSome(unknown)}`,
        );
      }
      const mask = new Uint8Array(table.n);
      for (const id of ids) mask[index.get(id)!] = 1;
      for (let i = 0; i < table.n; i++) flagged[i] &= mask[i];
    }
  }
  let missingPlaces: MissingPlace[] | undefined;
  const missingFile = spec.announced?.missing;
  if (missingFile !== undefined) {
    if (!existsSync(missingFile))
      return problem(allegation.file, `alleged.announced.missing: file not found: ${missingFile}`);
    files.add(missingFile);
    const places = readMissingPlaces(missingFile, table);
    if (!places.ok) return places;
    missingPlaces = places.value;
  }
  let flaggedCount = 0;
  for (let i = 0; i < table.n; i++) flaggedCount += flagged[i];
  if (flaggedCount === 0) return problem(allegation.file, 'alleged: the selectors given flag no station');
  const countSeries = new Map<number, LoadedCountSeries>();
  for (const [k, spec] of allegation.analyses.entries()) {
    if (spec.method !== 'count_series') continue;
    const where = `analyses[${k}].dataset`;
    if (!existsSync(allegedSpec.data) || !statSync(allegedSpec.data).isDirectory())
      return problem(
        allegation.file,
        `${where}: a count series is read from a dataset folder; ${allegedSpec.data} is not one`,
      );
    const series = await loadCountSeries(allegedSpec.data, spec.dataset, spec);
    if (!series.ok) return problem(allegation.file, `${where}: ${series.error.message}`);
    files.add(series.value.file);
    countSeries.set(k, series.value);
  }
  const base = dirname(allegation.file);
  const inputs = [...files]
    .map((f) => ({ path: relative(base, resolve(f)).split('\\').join('/'), sha256: sha256File(f) }))
    .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  const issues = [...elections.values()].flatMap((e) => e.loaded.issues);
  const noArrival = noArrivalIssue(allegation, alleged);
  if (noArrival) issues.push(noArrival);
  return ok({
    allegation,
    elections,
    alleged,
    flagged,
    flaggedCount,
    snapshot,
    inputs,
    issues,
    countSeries,
    ...(missingPlaces ? { missingPlaces } : {}),
  });
}
