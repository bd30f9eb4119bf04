/**
 * An earlier election attached to the stations of a later one through their shared recinto code: the earlier votes
 * are summed per recinto and repeated on every later station of that recinto (as CEPR's 2016 match is), so a
 * difference in differences can compare the two. Used for the 2014 election in escobari_hoover_did.
 */
import { err, ok, type Result, type StationAttribute, type StationTable } from '@tally/core';
import { candidateVotes, type ReplayTable } from './replay_data.ts';

/** The earlier election's table, its two sides (the later leader's side first) and its recinto level. */
export interface EarlierElection extends ReplayTable {
  readonly name: string;
  readonly leaderSide: string;
  readonly otherSide: string;
  /** Region level of both tables holding the shared recinto code (default recinto_code). */
  readonly recinto?: string;
  /** Least share of the later stations that must find their recinto in the earlier election (default 0.5). */
  readonly minimumShare?: number;
}

/** Attribute names the earlier election is attached under: `<prefix>_leader`, `_other`, `_valid`. */
export function earlierAttributeNames(prefix: string) {
  return { leaderSide: `${prefix}_leader`, otherSide: `${prefix}_other`, valid: `${prefix}_valid` };
}

const UNMATCHED = new Set(['', '(missing)', '(unmatched)']);

/** The later table with the earlier election's recinto totals attached as numeric attributes (NaN where none). */
export function attachEarlierByRecinto(
  later: ReplayTable,
  earlier: EarlierElection,
  prefix: string,
): Result<StationTable> {
  const levelName = earlier.recinto ?? 'recinto_code';
  const laterLevel = later.table.regions.find((r) => r.name === levelName);
  if (laterLevel === undefined)
    return err({
      kind: 'missing_column',
      column: levelName,
      message: `${later.file}: column "${levelName}" is not a region level of the table`,
    });
  const earlierLevel = earlier.table.regions.find((r) => r.name === levelName);
  if (earlierLevel === undefined)
    return err({
      kind: 'missing_column',
      column: levelName,
      message: `${earlier.file}: column "${levelName}" is not a region level of the table`,
    });
  const side = candidateVotes(earlier, earlier.leaderSide);
  if (!side.ok) return side;
  const other = candidateVotes(earlier, earlier.otherSide);
  if (!other.ok) return other;
  const totals = new Map<string, [number, number, number]>();
  for (let i = 0; i < earlier.table.n; i++) {
    const label = earlierLevel.labels[earlierLevel.codes[i]];
    if (UNMATCHED.has(label)) continue;
    const t = totals.get(label) ?? [0, 0, 0];
    t[0] += side.value[i];
    t[1] += other.value[i];
    t[2] += earlier.table.valid[i];
    totals.set(label, t);
  }
  const n = later.table.n;
  const columns = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  let joined = 0;
  for (let i = 0; i < n; i++) {
    const t = totals.get(laterLevel.labels[laterLevel.codes[i]]);
    for (let k = 0; k < 3; k++) columns[k][i] = t === undefined ? Number.NaN : t[k];
    if (t !== undefined) joined++;
  }
  const minimum = earlier.minimumShare ?? 0.5;
  if (joined < minimum * n)
    return err({
      kind: 'missing_column',
      column: levelName,
      message: `${earlier.file}: the ${earlier.name} does not join ${later.file} on column "${levelName}": ${joined} of ${n} stations find their recinto (at least ${Math.round(minimum * 100)}% needed)`,
    });
  const names = earlierAttributeNames(prefix);
  const added: StationAttribute[] = [names.leaderSide, names.otherSide, names.valid].map((name, k) => ({
    name,
    kind: 'number',
    column: `${earlier.file}:${name}`,
    values: columns[k],
  }));
  return ok({ ...later.table, attributes: [...(later.table.attributes ?? []), ...added] });
}
