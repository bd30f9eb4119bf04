/** File + mapping -> StationTable, with every validation problem listed. The entry point of ingest. */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Arrival, err, ok, type Result, type StationTable, type TallyError } from '@tally/core';
import { buildKeys, type LoadedKeys } from './build_keys.ts';
import { checkConsistency } from './consistency.ts';
import { type CountColumns, readCounts, readNumericColumns, readTextColumns } from './count_columns.ts';
import { dictionaryReader } from './dictionary_column.ts';
import { openDuckDb, quoteIdent } from './duckdb.ts';
import { cachedLoad } from './ingest_cache.ts';
import type { ValidationIssue } from './issues.ts';
import { keptRows, missingColumnError } from './kept_rows.ts';
import { loadRaw, type RawTable, readBytes } from './load_raw.ts';
import { loadMappingFile, loadPreset } from './mapping.ts';
import type { ColumnRef, CountSpec, Mapping, ResultsMapping } from './preset_schema.ts';
import { buildRegionLevels, type RegionSource } from './regions.ts';
import { countSpecRefs, findColumn, resolveAll } from './resolve_columns.ts';
import { parseArrivalTimes } from './times.ts';

/** Which mapping to use: a shipped preset id, or a mapping file path. */
export interface MappingChoice {
  preset?: string;
  map?: string;
}

/** A results file read into a table, with its problems. */
export interface LoadedTable {
  table: StationTable;
  issues: ValidationIssue[];
  file: string;
  sha256: string;
  /** Data rows in the file. */
  rows: number;
  /** Rows left out of `table` because of error-level problems (each is listed in `issues`). */
  rowsExcluded: number;
  mapping: ResultsMapping;
}

/** A keys file (station id -> attributes); built by build_keys.ts. */
export type { LoadedKeys };

/** Resolves a MappingChoice to a mapping. */
export function resolveMapping(choice: MappingChoice): Result<Mapping, TallyError> {
  if (choice.preset !== undefined && choice.map !== undefined) {
    return err({ kind: 'invalid_options', option: 'preset', message: 'give either --preset or --map, not both' });
  }
  if (choice.preset !== undefined) return loadPreset(choice.preset);
  if (choice.map !== undefined) return loadMappingFile(choice.map);
  return err({
    kind: 'invalid_options',
    option: 'preset',
    message: 'say how to read the columns: --preset NAME (see `tally presets`) or --map FILE',
  });
}

/** Reads a results file. Rows with error-level problems are left out of the table and listed. */
export async function loadTable(path: string, choice: MappingChoice): Promise<Result<LoadedTable, TallyError>> {
  const mapping = resolveMapping(choice);
  if (!mapping.ok) return mapping;
  if (mapping.value.kind === 'keys') {
    return err({
      kind: 'invalid_options',
      option: 'preset',
      message: `preset "${mapping.value.id}" describes a keys file (no votes); it cannot be summarised on its own`,
    });
  }
  const results = mapping.value;
  return withRaw(path, results, (conn, raw, sha256) => buildResults(conn, raw, results, path, sha256));
}

/** Reads a results file with a mapping already in hand (e.g. one `tally map` is about to suggest). */
export async function loadTableMapped(path: string, mapping: ResultsMapping): Promise<Result<LoadedTable, TallyError>> {
  return withRaw(path, mapping, (conn, raw, sha256) => buildResults(conn, raw, mapping, path, sha256));
}

/** Reads a keys file (e.g. arrival order, cross-election codes). */
export async function loadKeys(path: string, choice: MappingChoice): Promise<Result<LoadedKeys, TallyError>> {
  const mapping = resolveMapping(choice);
  if (!mapping.ok) return mapping;
  if (mapping.value.kind !== 'keys') {
    return err({
      kind: 'invalid_options',
      option: 'preset',
      message: `preset "${mapping.value.id}" is not a keys preset`,
    });
  }
  const keysMapping = mapping.value;
  return withRaw(path, keysMapping, (conn, raw, sha256) => buildKeys(conn, raw, keysMapping, path, sha256));
}

/** Reads the file's bytes and builds from them, or takes the build from the ingest cache when the bytes are known. */
async function withRaw<T>(
  path: string,
  mapping: Mapping,
  build: (conn: DuckDBConnection, raw: RawTable, sha256: string) => Promise<Result<T, TallyError>>,
): Promise<Result<T, TallyError>> {
  const bytes = readBytes(path);
  if (!bytes.ok) return bytes;
  const sha256 = createHash('sha256').update(bytes.value).digest('hex');
  const kind = mapping.kind === 'keys' ? 'keys' : 'results';
  return cachedLoad(
    { kind, path, inputSha256: sha256, mapping },
    () => buildFromBytes(path, bytes.value, sha256, build),
    (result) => result.ok,
  );
}

async function buildFromBytes<T>(
  path: string,
  bytes: Uint8Array,
  sha256: string,
  build: (conn: DuckDBConnection, raw: RawTable, sha256: string) => Promise<Result<T, TallyError>>,
): Promise<Result<T, TallyError>> {
  const opening = openDuckDb();
  try {
    const raw = await loadRaw(opening, path, bytes, 'raw');
    if (!raw.ok) return raw;
    const conn = await opening;
    if (raw.value.rows === 0) {
      const ragged = raw.value.issues.find((i) => i.level === 'error' && i.rule !== 'duplicate_column');
      return err({
        kind: 'parse_error',
        file: path,
        row: ragged?.row,
        rule: ragged ? ragged.rule : 'no_data_rows',
        message: ragged
          ? `${path}: no row could be read; first problem at row ${ragged.row}: ${ragged.message}`
          : `${path}: the file has a header but no data rows`,
      });
    }
    return await build(conn, raw.value, sha256);
  } finally {
    (await opening).closeSync();
  }
}

async function buildResults(
  conn: DuckDBConnection,
  raw: RawTable,
  mapping: ResultsMapping,
  path: string,
  sha256: string,
): Promise<Result<LoadedTable, TallyError>> {
  const header = raw.columns;
  const issues: ValidationIssue[] = [...raw.issues];
  const missing: ColumnRef[] = [];
  const station = resolveAll(mapping.station, header);
  for (const item of station.missing) missing.push(item);
  const one = (ref: ColumnRef | undefined): string | undefined => {
    if (ref === undefined) return undefined;
    const c = findColumn(ref, header);
    if (c === undefined) missing.push(ref);
    return c;
  };
  const countCols = (spec: CountSpec | undefined): string[] => {
    if (spec === undefined) return [];
    const r = resolveAll(countSpecRefs(spec), header);
    for (const item of r.missing) missing.push(item);
    return r.columns;
  };
  const registeredCols = countCols(mapping.registered);
  const validCols = mapping.valid === 'candidates' ? [] : countCols(mapping.valid);
  const blankCols = countCols(mapping.blank);
  const invalidCols = countCols(mapping.invalid);
  const castCols = mapping.ballotsCast === 'ballotsFound' ? [] : countCols(mapping.ballotsCast);
  const regionSpecs = (mapping.regions ?? [])
    .map((r) => ({ name: r.name, slice: r.slice, column: r.optional ? findColumn(r.column, header) : one(r.column) }))
    .filter((r): r is RegionSource => r.column !== undefined);
  const latCol = mapping.lat !== undefined ? one(mapping.lat) : undefined;
  const lonCol = mapping.lon !== undefined ? one(mapping.lon) : undefined;
  const arrivalCol = mapping.arrival ? one(mapping.arrival.column) : undefined;
  let candidateCols: string[];
  if ('columns' in mapping.candidates) {
    candidateCols = countCols({ sum: mapping.candidates.columns });
  } else {
    const used = new Set([
      ...station.columns,
      ...registeredCols,
      ...validCols,
      ...blankCols,
      ...invalidCols,
      ...castCols,
      ...regionSpecs.map((r) => r.column),
    ]);
    const exclude = [...(mapping.candidates.exclude ?? []), ...(mapping.ignore ?? [])];
    candidateCols = header.filter((h) => !used.has(h) && !exclude.some((ref) => findColumn(ref, [h]) === h));
  }
  if (missing.length > 0) return err(missingColumnError(path, missing, header));
  if (candidateCols.length === 0) {
    return err({ kind: 'missing_column', column: 'candidates', message: `${path}: no candidate columns found` });
  }

  const countColumns = [
    ...new Set([...registeredCols, ...validCols, ...blankCols, ...invalidCols, ...castCols, ...candidateCols]),
  ];
  const read = dictionaryReader(conn, raw.table, raw.rows);
  const counts = await readCounts(conn, raw.table, countColumns, raw.rows, path, raw.lineOf);
  if (mapping.registeredMayBeEmpty === true) {
    const warning = allowEmptyRegistered(counts, registeredCols, path, raw.lineOf);
    if (warning) issues.push(warning);
  }
  for (const item of counts.issues) issues.push(item);
  const kept = await keptRows(raw, read, station.columns, counts.badRowids, path);
  for (const item of kept.issues) issues.push(item);
  const { keep, ids } = kept;
  const n = keep.length;

  const otherNumeric = [latCol, lonCol].filter((c): c is string => c !== undefined);
  if (mapping.arrival && mapping.arrival.kind !== 'time' && arrivalCol) otherNumeric.push(arrivalCol);
  const otherValues = await readNumericColumns(conn, raw.table, otherNumeric, keep, raw.sniff?.decimalComma ?? false);
  const numericCols = [...countColumns, ...otherNumeric];
  const values = [...counts.values.map((v) => keptValues(v, keep)), ...otherValues];
  const byName = new Map(numericCols.map((c, i) => [c, values[i]]));
  const sumOf = (cols: string[]): Float64Array => {
    const out = new Float64Array(n);
    for (const c of cols) {
      const v = byName.get(c)!;
      for (let i = 0; i < n; i++) out[i] += v[i];
    }
    return out;
  };
  const candidates = candidateCols.map((name) => ({ name, votes: byName.get(name)! }));
  const candidateSum = sumOf(candidateCols);
  const valid = mapping.valid === 'candidates' ? candidateSum : sumOf(validCols);
  const blank = blankCols.length > 0 ? sumOf(blankCols) : undefined;
  const invalid = sumOf(invalidCols);
  const ballotsFound = new Float64Array(n);
  for (let i = 0; i < n; i++) ballotsFound[i] = valid[i] + (blank ? blank[i] : 0) + invalid[i];
  const ballotsCast = mapping.ballotsCast === 'ballotsFound' ? ballotsFound : sumOf(castCols);
  const registered = sumOf(registeredCols);
  const lineOfKept = (i: number) => raw.lineOf(keep[i]);
  issues.push(
    ...checkConsistency(
      {
        registered,
        valid,
        candidateSum,
        ballotsFound,
        ballotsCast,
        candidates,
        validIsColumn: mapping.valid !== 'candidates',
      },
      { file: path, lineOf: lineOfKept, registeredColumn: registeredCols.join(' + ') },
    ),
  );
  if (mapping.valid !== 'candidates' && invalidCols.length === 0 && blankCols.length === 0) {
    issues.push({
      level: 'warning',
      file: path,
      rule: 'no_blank_or_invalid',
      message:
        'the source has no blank or invalid ballot columns: ballots found = valid votes, so turnout is understated',
    });
  }

  const regions = await buildRegionLevels(
    read,
    regionSpecs,
    keep,
    { file: path, lineOf: raw.lineOf, issues },
    mapping.country,
  );

  let arrival: Arrival | undefined;
  if (mapping.arrival && arrivalCol) {
    if (mapping.arrival.kind === 'time') {
      const [texts] = await readTextColumns(conn, raw.table, [`trim(${quoteIdent(arrivalCol)})`], keep);
      const parsed = parseArrivalTimes(texts, mapping.arrival.timezone ?? mapping.arrival.utcOffset, {
        file: path,
        column: arrivalCol,
        lineOf: lineOfKept,
      });
      for (const item of parsed.issues) issues.push(item);
      arrival = { kind: 'time', column: arrivalCol, values: parsed.values };
    } else {
      arrival = { kind: mapping.arrival.kind, column: arrivalCol, values: byName.get(arrivalCol)! };
    }
  }

  const table: StationTable = {
    n,
    ids,
    regions,
    registered,
    ballotsCast,
    ballotsFound,
    valid,
    blank,
    invalid,
    candidates,
    shareOf: mapping.shareOf,
    arrival,
    lat: latCol ? byName.get(latCol) : undefined,
    lon: lonCol ? byName.get(lonCol) : undefined,
    meta: {
      // A user's mapping without a title names the election after the data file, never after the mapping's path.
      name:
        mapping.election?.name ?? mapping.title ?? (mapping.id.startsWith('mapping:') ? basename(path) : mapping.id),
      date: mapping.election?.date,
      country: mapping.election?.country,
      source: mapping.id,
    },
  };
  // Rows DuckDB rejected (ragged) are input rows too: rows = stations + rowsExcluded, each exclusion listed.
  const rows = raw.rows + raw.rejectedRows;
  return ok({ table, issues, file: path, sha256, rows, rowsExcluded: rows - n, mapping });
}

/**
 * Under `registeredMayBeEmpty`: rows whose only bad cells are empty registered cells are kept with registered = NaN
 * (unknown), and their issues become one warning that counts them and names the first rows.
 */
function allowEmptyRegistered(
  counts: CountColumns,
  registeredCols: readonly string[],
  file: string,
  lineOf: (rowid: number) => number,
): ValidationIssue | undefined {
  const onlyEmptyRegistered = new Map<number, boolean>();
  for (const i of counts.issues) {
    if (i.row === undefined) continue;
    const allowed = i.rule === 'missing_count' && i.column !== undefined && registeredCols.includes(i.column);
    onlyEmptyRegistered.set(i.row, (onlyEmptyRegistered.get(i.row) ?? true) && allowed);
  }
  const rows = [...onlyEmptyRegistered].filter(([, only]) => only).map(([row]) => row);
  if (rows.length === 0) return undefined;
  const kept = new Set(rows);
  counts.issues = counts.issues.filter((i) => i.row === undefined || !kept.has(i.row));
  for (const rowid of [...counts.badRowids]) if (kept.has(lineOf(rowid))) counts.badRowids.delete(rowid);
  const shown = rows.slice(0, 5).join(', ');
  return {
    level: 'warning',
    file,
    column: registeredCols.join(' + '),
    rule: 'missing_registered',
    message: `${rows.length} row(s) have no registered voters (kept; turnout is unknown there): rows ${shown}${rows.length > 5 ? ', ...' : ''}`,
  };
}

/** The values of the kept rows (rowids `keep`) of a column read for every raw row. */
function keptValues(all: Float64Array, keep: Int32Array): Float64Array {
  const out = new Float64Array(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = all[keep[i]];
  return out;
}
