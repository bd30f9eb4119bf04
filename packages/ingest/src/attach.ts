/**
 * Attaching a keys file to a results table: arrival (a rank, a percentile or a time with its zone), extra region
 * levels, covariates (numbers, categories, instants) and named station lists (a membership flag per list).
 * docs/data-model.md describes the manifest shape.
 */
import {
  err,
  ok,
  type RegionLevel,
  type Result,
  type StationAttribute,
  type StationTable,
  type TallyError,
} from '@tally/core';
import type { ValidationIssue } from './issues.ts';
import type { LoadedKeys } from './load_table.ts';
import { parseArrivalTimes } from './times.ts';

/** How a keys dataset enriches a results dataset, matched on station id (or on `on`). */
export interface AttachSpec {
  dataset: string;
  /**
   * Match key rows on this region level or category attribute of the table (attached earlier, e.g. a municipality
   * code from a crosswalk) instead of the station id.
   */
  on?: string;
  /** `timezone` (an IANA name or an offset) is required for kind `time` when the times carry no offset. */
  arrival?: { attribute: string; kind: 'rank' | 'percentile' | 'time'; timezone?: string };
  regions?: { name: string; attribute: string }[];
  /** Covariates; `kind` defaults to `number` for numeric key attributes and `category` for text ones. */
  attributes?: { name?: string; attribute: string; kind?: 'number' | 'category' | 'time'; timezone?: string }[];
  /**
   * A long file of named station lists (one row per list and station): `list` names the list attribute, `station`
   * the station id attribute. Every list becomes a membership attribute named after it. A station id not in the
   * table is refused unless `allowUnknown`, which lists every unknown one in a warning.
   */
  lists?: { list: string; station: string; allowUnknown?: boolean };
}

/** A table with a keys file attached, and what was noticed on the way. */
export interface Attached {
  table: StationTable;
  issues: ValidationIssue[];
}

const LISTED = 20;

/** Adds arrival, region levels, attributes and list memberships from a keys table. Refuses unusable keys. */
export function attachKeys(table: StationTable, keys: LoadedKeys, spec: AttachSpec): Result<Attached, TallyError> {
  if (spec.lists) return attachLists(table, keys, spec.lists);
  const matchValues = valuesToMatch(table, spec.on);
  if (!matchValues.ok) return matchValues;
  const index = new Map<string, number>();
  for (let i = 0; i < keys.ids.length; i++) index.set(keys.ids[i], i);
  const rows = new Int32Array(table.n);
  const issues: ValidationIssue[] = [];
  const unmatched: number[] = [];
  for (let i = 0; i < table.n; i++) {
    const k = index.get(matchValues.value[i]);
    rows[i] = k ?? -1;
    if (k === undefined) unmatched.push(i);
  }
  for (const i of unmatched.slice(0, LISTED)) {
    const via = spec.on === undefined ? '' : ` (matched on its ${spec.on} "${matchValues.value[i]}")`;
    issues.push({
      level: 'warning',
      file: keys.file,
      rule: 'unmatched_key',
      message: `station "${table.ids[i]}"${via} has no row in the keys file`,
    });
  }
  if (unmatched.length > LISTED) {
    issues.push({
      level: 'warning',
      file: keys.file,
      rule: 'unmatched_key',
      message: `${unmatched.length - LISTED} more stations unmatched`,
    });
  }

  let arrival = table.arrival;
  if (spec.arrival) {
    const a = spec.arrival;
    const values =
      a.kind === 'time'
        ? stationTimes(table, keys, rows, a.attribute, a.timezone, issues)
        : stationNumbers(table, keys, rows, a.attribute);
    if (!values.ok) return values;
    arrival = { kind: a.kind, column: a.attribute, values: values.value };
  }

  const regions: RegionLevel[] = [...table.regions];
  for (const r of spec.regions ?? []) {
    const source = keyAttribute(keys, r.attribute);
    if (!source.ok) return source;
    regions.push({ name: r.name, ...categories(table.n, rows, source.value) });
  }

  const attributes: StationAttribute[] = [...(table.attributes ?? [])];
  for (const a of spec.attributes ?? []) {
    const name = a.name ?? a.attribute;
    const source = keyAttribute(keys, a.attribute);
    if (!source.ok) return source;
    const kind = a.kind ?? (source.value instanceof Float64Array ? 'number' : 'category');
    if (kind === 'category') {
      attributes.push({ name, kind, column: a.attribute, ...categories(table.n, rows, source.value) });
      continue;
    }
    const values =
      kind === 'time'
        ? stationTimes(table, keys, rows, a.attribute, a.timezone, issues)
        : stationNumbers(table, keys, rows, a.attribute);
    if (!values.ok) return values;
    attributes.push({ name, kind, column: a.attribute, values: values.value });
  }
  const attached: StationTable = { ...table, arrival, regions };
  return ok({ table: spec.attributes ? { ...attached, attributes } : attached, issues });
}

/** The value each station is matched on: its id, or the label of a region level / category attribute. */
function valuesToMatch(table: StationTable, on: string | undefined): Result<readonly string[], TallyError> {
  if (on === undefined) return ok(table.ids);
  const level =
    table.regions.find((r) => r.name === on) ??
    table.attributes?.find(
      (a): a is Extract<StationAttribute, { kind: 'category' }> => a.name === on && a.kind === 'category',
    );
  if (!level) {
    const have = [...table.regions.map((r) => r.name), ...(table.attributes ?? []).map((a) => a.name)].join(', ');
    return err({
      kind: 'parse_error',
      rule: 'invalid_manifest',
      message: `attach "on": "${on}" is not a region level or category attribute of the table (it has: ${have}); attach the file that provides it first`,
    });
  }
  return ok(Array.from(level.codes, (c) => level.labels[c]));
}

function keyAttribute(keys: LoadedKeys, name: string): Result<string[] | Float64Array, TallyError> {
  const source = keys.attributes[name];
  if (source !== undefined) return ok(source);
  return err({
    kind: 'parse_error',
    file: keys.file,
    rule: 'invalid_manifest',
    message: `${keys.file}: the keys preset has no attribute "${name}" (it has: ${Object.keys(keys.attributes).join(', ')})`,
  });
}

function categories(
  n: number,
  rows: Int32Array,
  source: string[] | Float64Array,
): { labels: string[]; codes: Int32Array } {
  const labels: string[] = [];
  const codeOf = new Map<string, number>();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const value = rows[i] < 0 ? '(unmatched)' : String(source[rows[i]]);
    const label = value === '' ? '(missing)' : value;
    let c = codeOf.get(label);
    if (c === undefined) {
      c = labels.length;
      codeOf.set(label, c);
      labels.push(label);
    }
    codes[i] = c;
  }
  return { labels, codes };
}

function stationNumbers(
  table: StationTable,
  keys: LoadedKeys,
  rows: Int32Array,
  attribute: string,
): Result<Float64Array, TallyError> {
  const source = keyAttribute(keys, attribute);
  if (!source.ok) return source;
  if (!(source.value instanceof Float64Array)) {
    return err({
      kind: 'parse_error',
      file: keys.file,
      column: keys.columns[attribute],
      rule: 'invalid_manifest',
      message: `${keys.file}: attribute "${attribute}" is text; declare it "type": "number" in the keys preset`,
    });
  }
  const values = new Float64Array(table.n);
  for (let i = 0; i < table.n; i++) values[i] = rows[i] < 0 ? Number.NaN : source.value[rows[i]];
  return ok(values);
}

/**
 * Instants per station from a text attribute. A time that cannot be read, or has no offset while no zone is
 * declared, refuses the file (naming its row and column); an empty cell leaves that station without a time, and
 * every such station is counted and the first ones named in a warning.
 */
function stationTimes(
  table: StationTable,
  keys: LoadedKeys,
  rows: Int32Array,
  attribute: string,
  timezone: string | undefined,
  issues: ValidationIssue[],
): Result<Float64Array, TallyError> {
  const source = keyAttribute(keys, attribute);
  if (!source.ok) return source;
  const column = keys.columns[attribute] ?? attribute;
  if (source.value instanceof Float64Array) {
    return err({
      kind: 'parse_error',
      file: keys.file,
      column,
      rule: 'invalid_manifest',
      message: `${keys.file}: attribute "${attribute}" holds times; declare it "type": "string" in the keys preset`,
    });
  }
  const parsed = parseArrivalTimes(
    source.value,
    timezone,
    { file: keys.file, column, lineOf: (k) => keys.lines[k] },
    true,
  );
  const refused = parsed.issues.find((x) => x.level === 'error');
  if (refused) {
    const more = parsed.issues.length > 1 ? ` (${parsed.issues.length} such rows)` : '';
    const at = refused.row === undefined ? '' : ` row ${refused.row},`;
    return err({
      kind: 'parse_error',
      file: keys.file,
      row: refused.row,
      column,
      rule: refused.rule,
      message: `${keys.file}:${at} column "${column}": ${refused.message}${more}`,
    });
  }
  const values = new Float64Array(table.n);
  const without: string[] = [];
  for (let i = 0; i < table.n; i++) {
    values[i] = rows[i] < 0 ? Number.NaN : parsed.values[rows[i]];
    if (rows[i] >= 0 && Number.isNaN(values[i])) without.push(table.ids[i]);
  }
  if (without.length > 0) {
    const shown = without.slice(0, LISTED).join(', ');
    issues.push({
      level: 'warning',
      file: keys.file,
      column,
      rule: 'no_time',
      message: `${without.length} stations have no ${attribute} (kept, with no time): ${shown}${without.length > LISTED ? ', …' : ''}`,
    });
  }
  return ok(values);
}

function attachLists(
  table: StationTable,
  keys: LoadedKeys,
  spec: NonNullable<AttachSpec['lists']>,
): Result<Attached, TallyError> {
  const lists = keyAttribute(keys, spec.list);
  if (!lists.ok) return lists;
  const stations = keyAttribute(keys, spec.station);
  if (!stations.ok) return stations;
  const stationColumn = keys.columns[spec.station] ?? spec.station;
  const index = new Map<string, number>();
  for (let i = 0; i < table.n; i++) index.set(table.ids[i], i);
  const members = new Map<string, Uint8Array>();
  const unknown: { list: string; station: string; row: number }[] = [];
  for (let k = 0; k < keys.ids.length; k++) {
    const list = String(lists.value[k]);
    const station = String(stations.value[k]);
    let flags = members.get(list);
    if (!flags) {
      flags = new Uint8Array(table.n);
      members.set(list, flags);
    }
    const i = index.get(station);
    if (i === undefined) unknown.push({ list, station, row: keys.lines[k] });
    else flags[i] = 1;
  }
  const issues: ValidationIssue[] = [];
  if (unknown.length > 0) {
    const first = unknown[0];
    if (!spec.allowUnknown) {
      return err({
        kind: 'parse_error',
        file: keys.file,
        row: first.row,
        column: stationColumn,
        rule: 'unknown_station',
        message: `${keys.file}: row ${first.row}, column "${stationColumn}": list "${first.list}" names station "${first.station}", which is not in the dataset (${unknown.length} unknown in all); if the published list really names it, set "allowUnknown": true to keep the list with a warning`,
      });
    }
    issues.push({
      level: 'warning',
      file: keys.file,
      column: stationColumn,
      rule: 'unknown_station',
      message: `${unknown.length} list entries name stations not in the dataset (kept out of the memberships): ${unknown.map((u) => `${u.list} ${u.station} (row ${u.row})`).join(', ')}`,
    });
  }
  const attributes: StationAttribute[] = [...(table.attributes ?? [])];
  for (const [name, values] of members) attributes.push({ name, kind: 'membership', column: spec.list, values });
  return ok({ table: { ...table, attributes }, issues });
}
