/** The station groups of a battery run: the whole table and/or each region of one level. */
import { err, ok, type Result } from '../result.ts';
import { regionLevelIndex, type StationTable } from '../station_table.ts';
import type { Group } from './cell_bootstrap.ts';

/** The whole table (when `overall` or no level is given), then every non-empty region of level `by`. */
export function makeGroups(table: StationTable, by: string | undefined, overall: boolean): Result<Group[]> {
  const groups: Group[] = [];
  if (overall || by === undefined) {
    const all = new Int32Array(table.n);
    for (let i = 0; i < table.n; i++) all[i] = i;
    groups.push({ stations: all });
  }
  if (by === undefined) return ok(groups);
  const li = regionLevelIndex(table, by);
  if (li < 0) {
    const known = table.regions.map((r) => r.name).join(', ') || '(none)';
    return err({ kind: 'missing_column', message: `no region level "${by}"; levels: ${known}`, column: by });
  }
  const level = table.regions[li];
  const sizes = new Int32Array(level.labels.length);
  for (let i = 0; i < table.n; i++) if (level.codes[i] >= 0) sizes[level.codes[i]]++;
  const members = Array.from(sizes, (s) => new Int32Array(s));
  const fill = new Int32Array(level.labels.length);
  for (let i = 0; i < table.n; i++) {
    const c = level.codes[i];
    if (c >= 0) members[c][fill[c]++] = i;
  }
  level.labels.forEach((label, c) => {
    if (sizes[c] > 0) groups.push({ region: label, stations: members[c] });
  });
  return ok(groups);
}
