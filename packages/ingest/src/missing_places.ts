/**
 * The file of places where stations are missing from a collected subset (alleged.announced.missing,
 * docs/allegation.md): a header `path,stations`, then one row per place, the region labels from the widest level down
 * joined by " > " (as deep as known) and how many stations are missing there. Every problem names the file, row and
 * column; nothing is skipped silently.
 */
import { err, type MissingPlace, ok, type Result, type StationTable, type TallyError } from '@tally/core';
import { readSmallText } from './safe_read.ts';

/** Most rows a places file may hold. */
const MAX_PLACES = 1_000_000;

function bad(file: string, row: number, column: string, message: string): { ok: false; error: TallyError } {
  return err({
    kind: 'parse_error',
    file,
    row,
    column,
    rule: 'invalid_missing_places',
    message: `${file}: row ${row}, column "${column}": ${message}`,
  });
}

/** Reads and checks a places file against the table's region labels. */
export function readMissingPlaces(file: string, table: StationTable): Result<MissingPlace[], TallyError> {
  const text = readSmallText(file, 'the missing places file');
  if (!text.ok) return text;
  const lines = text.value.split(/\r?\n/);
  if (lines[0]?.replace(/^\uFEFF/, '') !== 'path,stations')
    return bad(file, 1, 'path', 'the header must be exactly "path,stations"');
  const known = table.regions.map((r) => new Set(r.labels));
  const places: MissingPlace[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    if (line.trim() === '') continue;
    const row = k + 1;
    if (places.length >= MAX_PLACES) return bad(file, row, 'path', `more than ${MAX_PLACES} rows`);
    const cut = line.lastIndexOf(',');
    if (cut < 0) return bad(file, row, 'stations', 'two fields expected: path,stations');
    const path =
      line.slice(0, cut).trim() === ''
        ? []
        : line
            .slice(0, cut)
            .split(' > ')
            .map((x) => x.trim());
    const count = line.slice(cut + 1).trim();
    if (!/^[0-9]{1,7}$/.test(count)) return bad(file, row, 'stations', `"${count.slice(0, 20)}" is not a count`);
    if (path.length > known.length)
      return bad(file, row, 'path', `${path.length} levels, the data have ${known.length}`);
    const unknown = path.findIndex((label, d) => !known[d].has(label));
    if (unknown >= 0)
      return bad(file, row, 'path', `no ${table.regions[unknown].name} is labelled "${path[unknown].slice(0, 60)}"`);
    places.push({ path, stations: Number(count) });
  }
  return ok(places);
}
