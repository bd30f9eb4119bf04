/** Totals, shares, turnout and margins of a table, overall and per region. Descriptive only. */
import { regionLevelIndex, type StationTable, shareDenominator } from './station_table.ts';

/** Totals for one group of stations. */
export interface GroupSummary {
  region: string;
  stations: number;
  /** Sum over the stations whose registered voters are known. */
  registered: number;
  /** Stations with no registered count (unknown roll), when there are any. */
  stationsWithoutRegistered?: number;
  ballotsCast: number;
  ballotsFound: number;
  valid: number;
  blank: number | null;
  invalid: number;
  /** ballotsCast / registered over the stations whose registered voters are known, in percent. */
  turnout: number | null;
  /** The denominator of `share` (the official one declared by the preset). */
  shareOf: 'valid' | 'ballots_found';
  /** Candidates by votes, descending; share in percent of `shareOf`. */
  candidates: { name: string; votes: number; share: number | null }[];
  /** share(first) - share(second) of the two leading candidates, in percentage points. */
  margin: { leader: string; runnerUp: string; points: number } | null;
}

/** Summary of the whole table and, when `by` names a region level, of each region at that level. */
export interface TableSummary extends GroupSummary {
  by?: string;
  regions?: GroupSummary[];
}

/** Summarises the whole table and optionally each region of a level. Returns undefined for an unknown level. */
export function summarize(table: StationTable, by?: string): TableSummary | undefined {
  const all = summarizeGroup(table, 'all', undefined);
  if (by === undefined) return all;
  const level = regionLevelIndex(table, by);
  if (level < 0) return undefined;
  const { codes, labels } = table.regions[level];
  const members: number[][] = labels.map(() => []);
  for (let i = 0; i < table.n; i++) members[codes[i]].push(i);
  const regions = members.map((idx, code) => summarizeGroup(table, regionPath(table, level, code, idx[0]), idx));
  return { ...all, by, regions };
}

/** The full path label ("La Paz > Murillo") of a region code at a level. */
export function regionPath(table: StationTable, level: number, code: number, station?: number): string {
  const first = station ?? table.regions[level].codes.indexOf(code);
  const parts: string[] = [];
  for (let l = 0; l <= level; l++) {
    const r = table.regions[l];
    if (l === 0 && level > 0 && r.labels.length === 1) continue;
    parts.push(r.labels[r.codes[first]]);
  }
  return parts.join(' > ');
}

function summarizeGroup(table: StationTable, region: string, members: readonly number[] | undefined): GroupSummary {
  const denomColumn = shareDenominator(table);
  let stations = 0;
  let registered = 0;
  let ballotsCast = 0;
  let ballotsFound = 0;
  let valid = 0;
  let blank = 0;
  let invalid = 0;
  let denominator = 0;
  // Turnout reads only the stations whose registered voters are known (an empty roll cell is NaN).
  let castWhereRegistered = 0;
  let withoutRegistered = 0;
  const votes = new Float64Array(table.candidates.length);
  const count = members ? members.length : table.n;
  for (let j = 0; j < count; j++) {
    const i = members ? members[j] : j;
    stations++;
    if (Number.isNaN(table.registered[i])) withoutRegistered++;
    else {
      registered += table.registered[i];
      castWhereRegistered += table.ballotsCast[i];
    }
    ballotsCast += table.ballotsCast[i];
    ballotsFound += table.ballotsFound[i];
    valid += table.valid[i];
    if (table.blank) blank += table.blank[i];
    invalid += table.invalid[i];
    denominator += denomColumn[i];
    for (let c = 0; c < votes.length; c++) votes[c] += table.candidates[c].votes[i];
  }
  const candidates = table.candidates
    .map((c, k) => ({ name: c.name, votes: votes[k], share: denominator > 0 ? (100 * votes[k]) / denominator : null }))
    .sort((a, b) => b.votes - a.votes || (a.name < b.name ? -1 : 1));
  const margin =
    candidates.length >= 2 && candidates[0].share !== null && candidates[1].share !== null
      ? { leader: candidates[0].name, runnerUp: candidates[1].name, points: candidates[0].share - candidates[1].share }
      : null;
  return {
    region,
    stations,
    registered,
    ballotsCast,
    ballotsFound,
    valid,
    blank: table.blank ? blank : null,
    invalid,
    turnout: registered > 0 ? (100 * castWhereRegistered) / registered : null,
    ...(withoutRegistered > 0 ? { stationsWithoutRegistered: withoutRegistered } : {}),
    shareOf: table.shareOf,
    candidates,
    margin,
  };
}
