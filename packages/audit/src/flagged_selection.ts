/**
 * Which stations a run's or an audit's flagged-stations list holds, chosen once for both apps: the CLI's --flagged-csv
 * writes flaggedStationsCsv of these rows, the web app offers the same text as flagged.csv.
 */
import type { MethodResult, StationTable } from '@tally/core';
import type { ResolvedAllegation } from '@tally/ingest';
import type { ResultWithContext } from '@tally/report';
import { findingIdOf } from './bottom_line.ts';
import { allegedStations, type FlaggedStation, wholePercentStations } from './flagged_stations.ts';

/**
 * A run's list: the stations on whole percentages behind integer_percent's finding on all stations, for the candidate
 * the method ran on (its option, else the first of `candidates`, else the leader). Undefined when the run has no such
 * finding (no method of the run flags stations).
 */
export function runFlaggedStations(
  table: StationTable,
  results: readonly MethodResult[],
  integerPercentOptions: Record<string, unknown> | undefined,
  candidates: readonly string[] | undefined,
): FlaggedStation[] | undefined {
  // The finding on all stations has no region ('' when a method reports its own per-region rows beside it).
  const whole = results.find((r) => r.method === 'integer_percent' && (r.region ?? '') === '');
  if (whole === undefined) return undefined;
  const named = integerPercentOptions?.candidate;
  const candidate = typeof named === 'string' && named !== '' ? named : candidates?.[0];
  return wholePercentStations(table, findingIdOf(whole), candidate);
}

/**
 * An audit's list: the stations the allegation flags, under the ids of the findings computed on them (persistence, the
 * late count's analyses, the battery on the flagged stations), then the stations on whole percentages behind each
 * integer_percent finding on all stations.
 */
export function auditFlaggedStations(
  resolved: ResolvedAllegation,
  results: readonly ResultWithContext[],
): FlaggedStation[] {
  const a = resolved.alleged;
  const onFlagged = results
    .map((r) => r.result)
    .filter((r) => r.method !== 'integer_percent' || r.region === 'flagged stations')
    .map(findingIdOf);
  const names = [a.names.favoured, a.names.rival].filter((n): n is string => n !== undefined);
  const rows = allegedStations(a.table, resolved.flagged, [...new Set(onFlagged)], 'flagged by the allegation', names);
  for (const r of results) {
    if (r.result.method !== 'integer_percent' || (r.result.region ?? '') !== '') continue;
    rows.push(...wholePercentStations(a.table, findingIdOf(r.result), r.result.target));
  }
  return rows;
}
