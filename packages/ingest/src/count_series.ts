/**
 * Reads a count series (aggregate snapshots per region, e.g. a results website's totals per department scraped over
 * the count) from a keys dataset of a folder: attributes `time`, `region`, `units`, `units_total` and one
 * `votes:<candidate>` per candidate. A row that cannot be used (a time that does not parse, a missing vote count) is
 * left out, counted and named by its line, never silently.
 */
import { join } from 'node:path';
import type { CountSeries, SeriesState, TallyError } from '@tally/core';
import { err, ok, type Result } from '@tally/core';
import { loadKeys } from './load_table.ts';
import { readManifest } from './manifest.ts';
import { parseArrivalTimes } from './times.ts';

/** A series and the rows it left out. */
export interface LoadedCountSeries {
  readonly series: CountSeries;
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  /** Rows left out, each with its line in the file and the reason. */
  readonly leftOut: readonly { readonly line: number; readonly reason: string }[];
}

/** Loads dataset `id` of folder `dir` as a count series; `national` names rows to leave out (national totals). */
export async function loadCountSeries(
  dir: string,
  id: string,
  options: { timezone?: string; national?: string },
): Promise<Result<LoadedCountSeries, TallyError>> {
  const manifest = readManifest(dir);
  if (!manifest.ok) return manifest;
  const entry = manifest.value.datasets.find((d) => d.id === id);
  if (!entry) return err({ kind: 'invalid_options', option: 'dataset', message: `${dir}: no dataset "${id}"` });
  const file = join(dir, entry.file);
  const keys = await loadKeys(file, { preset: entry.preset });
  if (!keys.ok) return keys;
  const k = keys.value;
  const need = ['time', 'region', 'units', 'units_total'];
  const missing = need.filter((a) => !(a in k.attributes));
  const candidates = Object.keys(k.attributes)
    .filter((a) => a.startsWith('votes:'))
    .map((a) => a.slice('votes:'.length));
  if (missing.length > 0 || candidates.length < 2)
    return err({
      kind: 'invalid_options',
      option: 'preset',
      message: `${file}: preset "${entry.preset}" must declare attributes ${need.join(', ')} and votes:<candidate> for two or more candidates`,
    });
  const text = (a: string) => k.attributes[a] as string[];
  const num = (a: string) => k.attributes[a] as Float64Array;
  const times = parseArrivalTimes(
    text('time'),
    options.timezone,
    {
      file,
      column: k.columns.time,
      lineOf: (i) => k.lines[i],
    },
    true,
  );
  const badTime = new Set(times.issues.flatMap((x) => (x.row === undefined ? [] : [x.row])));
  const leftOut: { line: number; reason: string }[] = [];
  const states: SeriesState[] = [];
  for (let i = 0; i < k.ids.length; i++) {
    const region = text('region')[i];
    if (options.national !== undefined && region === options.national) continue;
    const line = k.lines[i];
    const t = times.values[i];
    if (badTime.has(line) || !Number.isFinite(t)) {
      leftOut.push({ line, reason: `time "${text('time')[i]}" is not a valid instant` });
      continue;
    }
    const votes = candidates.map((c) => num(`votes:${c}`)[i]);
    if (votes.some((v) => !Number.isFinite(v) || v < 0)) {
      leftOut.push({ line, reason: 'a vote count is missing or negative' });
      continue;
    }
    states.push({ time: t, region, units: num('units')[i], unitsTotal: num('units_total')[i], votes });
  }
  return ok({ series: { candidates, states }, file, sha256: k.sha256, rows: k.rows, leftOut });
}
