/**
 * A first mapping from a file's header, for `tally map`: which columns look like the station id, the region levels,
 * registered voters, ballots, valid/blank/invalid votes and the candidates, by common names in English, Spanish and
 * Russian. It is a suggestion for a person to check, never used silently: the command prints it with its reasons.
 */
import { stringify } from 'yaml';
import type { ColumnRef, CountSpec, ResultsMapping } from './preset_schema.ts';

/** The suggested mapping, and one note per decision a person should check. */
export interface MappingSuggestion {
  mapping: ResultsMapping;
  notes: string[];
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
  const notes: string[] = [];
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
    notes.push(`station id: "${uniqueId}" (its name says it identifies a station on its own)`);
  } else if (localId !== undefined) {
    station = [...levels.map((l) => l.c), localId];
    notes.push(`station id: "${localId}" within ${levels.length > 0 ? 'its regions' : 'the file'}, joined with " / "`);
  } else {
    station = [columns[0]];
    notes.push(`station id: no column is named like one; "${columns[0]}", the first column, is a guess`);
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
      ? 'registered voters: no column is named like it; replace the placeholder'
      : `registered voters: "${registered[0]}"`,
  );
  notes.push(
    cast.length === 0
      ? 'ballots cast: no column; turnout uses ballots found (valid + blank + invalid)'
      : `ballots cast: ${cast.map((c) => `"${c}"`).join(' + ')}`,
  );
  notes.push(valid[0] === undefined ? 'valid votes: the sum of the candidates' : `valid votes: "${valid[0]}"`);
  notes.push(`candidates: ${candidates.length} count column(s) not used for anything else`);
  if (ignored.length > 0) notes.push(`ignored: ${ignored.length} column(s) of text or other protocol lines`);
  notes.push(
    mapping.shareOf === 'valid'
      ? 'shares: of valid votes ("shareOf": "valid"); use "ballots_found" where the authority divides by all ballots'
      : 'shares: of ballots found (valid + invalid), as the CIK publishes them; use "valid" for shares of valid votes',
  );
  return { mapping, notes };
}

function sumOrOne(cols: string[]): CountSpec {
  return cols.length === 1 ? cols[0] : { sum: cols };
}

/** The suggestion as a YAML mapping file, its notes as comments above it (`tally validate FILE --map` reads it). */
export function suggestionYaml(s: MappingSuggestion, source: string): string {
  const { id: _id, ...mapping } = s.mapping;
  const comments = [
    `Suggested by \`tally map\` from the header of ${source}. Check every role before use.`,
    ...s.notes,
  ];
  const safe = comments.map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`).join('\n');
  return `${safe}\n${stringify(mapping, { lineWidth: 0 })}`;
}
