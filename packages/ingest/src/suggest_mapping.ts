/**
 * A first mapping from a file's header, for `tally map`: which columns look like the station id, the region levels,
 * registered voters, ballots, valid/blank/invalid votes and the candidates, by common names in English, Spanish and
 * Russian. It is a suggestion for a person to check, never used silently: the command prints it with its reasons.
 * The reasons are message keys with their column names and numbers, not text: the caller words them in its language
 * (this package does not depend on the report package's catalogues).
 */
import { stringify } from 'yaml';
import type { ColumnRef, CountSpec, ResultsMapping } from './preset_schema.ts';

/** What a note says; the command line words key K as its message `cli.map.suggest.K`. */
export type MappingNoteKey =
  | 'station_named'
  | 'station_within_regions'
  | 'station_within_file'
  | 'station_guess'
  | 'registered_none'
  | 'registered'
  | 'ballots_none'
  | 'ballots'
  | 'valid_candidates'
  | 'valid'
  | 'candidates'
  | 'ignored'
  | 'shares_valid'
  | 'shares_found';

/** One decision a person should check: a key and its parameters (column names, lists of them, and counts). */
export interface MappingNote {
  key: MappingNoteKey;
  params: Readonly<Record<string, string | number | readonly string[]>>;
}

/** The suggested mapping, and one note per decision a person should check. */
export interface MappingSuggestion {
  mapping: ResultsMapping;
  notes: MappingNote[];
}

/** Lower case, no accents, separators as spaces: "Número_Mesa" -> "numero mesa". */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1') // Latin accents only: Cyrillic й and ё keep their marks
    .normalize('NFC')
    .toLowerCase()
    .replace(/[_\-.:/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const REGISTERED =
  /(registered|electors|eligible|voters on|inscrit|habilitad|^hab$|electores|padron|избирателей, (включенных|внесенных))/;
const INVALID = /(invalid|spoil|rejected|^nulos?$|votos nulos|недействительн)/;
const BLANK = /(blank|blancos?$|en blanco|votos blancos)/;
const VALID = /(^valid|valid votes|validos|votos validos|^число действительн)/;
const CAST = /(ballots cast|votes cast|total votes|emitidos|votantes|ballots issued|бюллетеней, выданных)/;
const PROTOCOL_OTHER = /^число /;
/** A station id that is unique on its own. */
const UNIQUE_ID = /^(id|station id|polling station id|code|codigo|cod mesa|codigo mesa|id mesa|mesa id|acta|id acta)$/;
/** A station number that restarts within its parent region (so the id needs the regions before it). */
const LOCAL_ID =
  /^(station|polling station|precinct|mesa|numero mesa|nro mesa|n mesa|jrv|casilla|uik|уик|участок|избирательный участок)$/;
/** Region levels, widest first: [rank, pattern]. */
const LEVELS: readonly [number, RegExp][] = [
  [0, /^(country|pais|страна)$/],
  [1, /^(region|state|departamento|department|estado|регион|субъект|субъект рф|oblast|область)$/],
  [2, /^(province|provincia|oik|оик|округ|constituency|circunscripcion)$/],
  [3, /^(municipality|municipio|district|distrito|county|tik|тик|район|city|ciudad)$/],
  [4, /^(locality|localidad|zona|zone|ward|parish|parroquia)$/],
  [5, /^(recinto|site|polling place|centro|centro de votacion|school|escuela)$/],
];

/** True when every non-empty sample cell of column `k` is a whole number (a count). */
function isCountColumn(rows: readonly (string | null)[][], k: number): boolean {
  let seen = 0;
  for (const row of rows) {
    const v = row[k]?.trim() ?? '';
    if (v === '') continue;
    if (!/^\d+(\.0+)?$/.test(v)) return false;
    seen++;
  }
  return seen > 0;
}

/** Suggests a mapping from a header and a few sample rows (as text). `title` names the election. */
export function suggestMapping(
  columns: readonly string[],
  rows: readonly (string | null)[][],
  title: string,
): MappingSuggestion {
  const notes: MappingNote[] = [];
  const used = new Set<string>();
  const norm = columns.map(normalizeHeader);
  const pick = (re: RegExp, exclude?: RegExp): string[] =>
    columns.filter((c, k) => !used.has(c) && re.test(norm[k]) && !exclude?.test(norm[k]));
  const take = (names: string[]) => {
    for (const n of names) used.add(n);
    return names;
  };

  const registered = take(pick(REGISTERED).slice(0, 1));
  const invalid = take(pick(INVALID));
  const blank = take(pick(BLANK));
  const valid = take(pick(VALID, INVALID).slice(0, 1));
  const cast = take(pick(CAST));
  const uniqueId = columns.find((_, k) => UNIQUE_ID.test(norm[k]));
  const localId = columns.find((_, k) => LOCAL_ID.test(norm[k]));
  const levels = columns
    .map((c, k) => ({ c, rank: LEVELS.find(([, re]) => re.test(norm[k]))?.[0] }))
    .filter((x): x is { c: string; rank: number } => x.rank !== undefined && x.c !== uniqueId && x.c !== localId)
    .sort((a, b) => a.rank - b.rank);
  for (const l of levels) used.add(l.c);
  const lat = take(pick(/^(lat|latitude|latitud)$/).slice(0, 1));
  const lon = take(pick(/^(lon|lng|long|longitude|longitud)$/).slice(0, 1));
  const ignored = columns.filter((c, k) => !used.has(c) && (PROTOCOL_OTHER.test(norm[k]) || !isCountColumn(rows, k)));
  for (const c of ignored) used.add(c);

  let station: ColumnRef[];
  if (uniqueId !== undefined) {
    station = [uniqueId];
    notes.push({ key: 'station_named', params: { column: uniqueId } });
  } else if (localId !== undefined) {
    station = [...levels.map((l) => l.c), localId];
    notes.push({
      key: levels.length > 0 ? 'station_within_regions' : 'station_within_file',
      params: { column: localId },
    });
  } else {
    station = [columns[0]];
    notes.push({ key: 'station_guess', params: { column: columns[0] } });
  }
  for (const c of station) used.add(c as string);
  const candidates = columns.filter((c) => !used.has(c));

  const mapping: ResultsMapping = {
    id: `mapping:${title}`,
    title,
    election: { name: title },
    station,
    registered: registered[0] ?? 'REPLACE with the registered-voters column',
    candidates: { columns: candidates },
    valid: valid[0] ?? 'candidates',
    ballotsCast: cast.length === 0 ? 'ballotsFound' : sumOrOne(cast),
    shareOf: norm.some((n) => PROTOCOL_OTHER.test(n)) ? 'ballots_found' : 'valid',
  };
  if (lat.length > 0 && lon.length > 0) {
    mapping.lat = lat[0];
    mapping.lon = lon[0];
  }
  if (invalid.length > 0) mapping.invalid = sumOrOne(invalid);
  if (blank.length > 0) mapping.blank = sumOrOne(blank);
  if (levels.length > 0) mapping.regions = levels.map((l) => ({ name: l.c, column: l.c }));
  if (ignored.length > 0) mapping.ignore = ignored;

  notes.push(
    registered[0] === undefined
      ? { key: 'registered_none', params: {} }
      : { key: 'registered', params: { column: registered[0] } },
  );
  notes.push(cast.length === 0 ? { key: 'ballots_none', params: {} } : { key: 'ballots', params: { columns: cast } });
  notes.push(
    valid[0] === undefined ? { key: 'valid_candidates', params: {} } : { key: 'valid', params: { column: valid[0] } },
  );
  notes.push({ key: 'candidates', params: { n: candidates.length } });
  if (ignored.length > 0) notes.push({ key: 'ignored', params: { n: ignored.length } });
  notes.push({ key: mapping.shareOf === 'valid' ? 'shares_valid' : 'shares_found', params: {} });
  return { mapping, notes };
}

function sumOrOne(cols: string[]): CountSpec {
  return cols.length === 1 ? cols[0] : { sum: cols };
}

/**
 * A mapping as a YAML mapping file, with `comments` (the caller's words, in its language) above it
 * (`tally validate FILE --map` reads it). A line break inside a comment, e.g. from a column name, becomes a space.
 */
export function suggestionYaml(suggested: ResultsMapping, comments: readonly string[]): string {
  const { id: _id, ...mapping } = suggested;
  const safe = comments.map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`).join('\n');
  return `${safe}\n${stringify(mapping, { lineWidth: 0 })}`;
}
