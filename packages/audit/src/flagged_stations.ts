/**
 * The stations behind a finding, as a list people can check one by one: the late stations of a late count, the
 * stations whose turnout or leader share is a whole percentage (Kobak, Shpilkin & Pshenichnikov 2016), the stations an
 * allegation flags. Each row names the station, its region path, the figures that put it on the list and the finding
 * it belongs to. The CLI's --flagged-csv and the web app's download share these functions.
 */
import {
  type CountView,
  candidateOrLeaderIndex,
  integerPercentInclusion,
  isIntegerPercent,
  type StationTable,
} from '@tally/core';
import { csvCell } from '@tally/report';

/** One station on a finding's list. */
export interface FlaggedStation {
  readonly findingId: string;
  readonly stationId: string;
  /** Region labels from the widest level to the narrowest, joined by " / "; "" when the table has no regions. */
  readonly regionPath: string;
  /** Why the station is on the list, in a few words. */
  readonly reason: string;
  /** The figures that put it there, by name, in a stable order. */
  readonly values: Readonly<Record<string, number | string>>;
}

/** The station's region labels, widest level first (the table's own level order). */
export function regionPath(table: StationTable, i: number): string {
  return table.regions
    .map((level) => (level.codes[i] >= 0 ? level.labels[level.codes[i]] : ''))
    .filter((label) => label !== '')
    .join(' / ');
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/**
 * Stations whose turnout (ballots issued / registered) or leader share (leader votes / ballots found) is a whole
 * percentage within 0.05 points, among the stations integer_percent analyses (the same inclusion rules and the same
 * test as the method, so the count here equals the method's observed count).
 */
export function wholePercentStations(table: StationTable, findingId: string, candidate?: string): FlaggedStation[] {
  const k = candidateOrLeaderIndex(table, candidate);
  if (k < 0) return [];
  const leader = table.candidates[k];
  const out: FlaggedStation[] = [];
  for (const i of integerPercentInclusion(table, leader.votes).keep) {
    const v = table.registered[i];
    const g = table.ballotsCast[i];
    const r = table.ballotsFound[i];
    const l = leader.votes[i];
    const turnout = isIntegerPercent(g, v);
    const share = isIntegerPercent(l, r);
    if (!turnout && !share) continue;
    out.push({
      findingId,
      stationId: table.ids[i],
      regionPath: regionPath(table, i),
      reason: turnout && share ? 'turnout and leader share' : turnout ? 'turnout' : 'leader share',
      values: {
        registered: v,
        ballots_issued: g,
        turnout_pct: round((100 * g) / v, 4),
        ballots_found: r,
        leader: leader.name,
        leader_votes: l,
        leader_share_pct: round((100 * l) / r, 4),
      },
    });
  }
  return out;
}

/**
 * Stations not counted at the cutoff of a late count (the "late" ones), with their final figures for the two
 * candidates followed and, when the table has arrival, their arrival position. `view` is the count view the late
 * count was computed on (core's buildCountView), so the list is the one the analysis used.
 */
export function lateStations(view: CountView, findingId: string): FlaggedStation[] {
  const t = view.final;
  const a = t.candidates[view.pair.a].votes;
  const b = t.candidates[view.pair.b].votes;
  const out: FlaggedStation[] = [];
  for (let i = 0; i < t.n; i++) {
    if (view.counted[i] === 1) continue;
    out.push({
      findingId,
      stationId: t.ids[i],
      regionPath: regionPath(t, i),
      reason: `not counted at ${view.cutoffLabel}`,
      values: {
        registered: t.registered[i],
        [view.pair.nameA]: a[i],
        [view.pair.nameB]: b[i],
        ...(view.position ? { arrival_pct: round(view.position[i], 4) } : {}),
      },
    });
  }
  return out;
}

/** The stations an allegation flags (1 in `flagged`), with the favoured and rival candidates' votes. */
export function allegedStations(
  table: StationTable,
  flagged: Uint8Array,
  findingIds: readonly string[],
  reason: string,
  names: readonly string[],
): FlaggedStation[] {
  const columns = names.map((n) => table.candidates.find((c) => c.name === n)).filter((c) => c !== undefined);
  const out: FlaggedStation[] = [];
  for (let i = 0; i < table.n; i++) {
    if (flagged[i] !== 1) continue;
    const values: Record<string, number> = { registered: table.registered[i], ballots_cast: table.ballotsCast[i] };
    for (const c of columns) values[c.name] = c.votes[i];
    out.push({
      findingId: findingIds.join(' '),
      stationId: table.ids[i],
      regionPath: regionPath(table, i),
      reason,
      values,
    });
  }
  return out;
}

/**
 * The rows as CSV: finding_id, station_id, region_path, reason, then one column per value name (in order of first
 * appearance; empty where a row has no such value). Every cell is neutralised against formula injection (OWASP).
 */
export function flaggedStationsCsv(rows: readonly FlaggedStation[]): string {
  const names: string[] = [];
  for (const r of rows) for (const name of Object.keys(r.values)) if (!names.includes(name)) names.push(name);
  const lines = [['finding_id', 'station_id', 'region_path', 'reason', ...names].map(csvCell).join(',')];
  for (const r of rows) {
    const cells = [r.findingId, r.stationId, r.regionPath, r.reason, ...names.map((n) => r.values[n])];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
