/**
 * `--flagged-csv FILE` of run, audit and latecount: the stations behind a finding, listed by @tally/audit's
 * flagged_stations.ts and written atomically here.
 */
import {
  type AdjustedResult,
  allegedStations,
  type FlaggedStation,
  findingIdOf,
  flaggedStationsCsv,
  lateStations,
  wholePercentStations,
} from '@tally/audit';
import { buildCountView, type CutoffSpec, type StationTable } from '@tally/core';
import type { ResolvedAllegation } from '@tally/ingest';
import { type Lang, type ResultWithContext, translate } from '@tally/report';
import { commitOutputs } from './atomic_output.ts';
import { failure, UsageError } from './cli_io.ts';

/** What was written. */
export interface FlaggedWritten {
  readonly file: string;
  readonly rows: number;
}

async function write(file: string, rows: readonly FlaggedStation[]): Promise<FlaggedWritten> {
  await commitOutputs([{ path: file, data: flaggedStationsCsv(rows) }]);
  return { file, rows: rows.length };
}

/** The line that tells the user where the list went. */
export function flaggedLine(lang: Lang, rows: number, file: string): string {
  return translate(lang, 'cli.flagged.wrote', { n: { kind: 'count', value: rows }, file });
}

/**
 * `tally run`: the stations on whole percentages behind integer_percent's finding on all stations, for the candidate
 * the method ran on (its option, else the first of --candidates, else the leader).
 */
export async function writeRunFlagged(
  file: string,
  table: StationTable,
  results: readonly AdjustedResult[],
  integerPercentOptions: Record<string, unknown> | undefined,
  candidates: readonly string[] | undefined,
): Promise<FlaggedWritten> {
  const whole = results.find((r) => r.method === 'integer_percent' && r.region === undefined);
  if (whole === undefined)
    throw new UsageError(
      '--flagged-csv: no method of this run flags stations; add integer_percent to --methods (stations on whole percentages)',
    );
  const named = integerPercentOptions?.candidate;
  const candidate = typeof named === 'string' && named !== '' ? named : candidates?.[0];
  return write(file, wholePercentStations(table, findingIdOf(whole), candidate));
}

/** `tally latecount`: the stations not counted at the cutoff, under the late count's finding id. */
export async function writeLatecountFlagged(
  file: string,
  final: StationTable,
  cutoff: CutoffSpec,
  candidates: readonly string[] | undefined,
  cutoffLabel: string,
): Promise<FlaggedWritten> {
  const view = buildCountView(final, cutoff, candidates);
  if (!view.ok) throw failure(view.error);
  const id = `latecount:${view.value.pair.nameA} - ${view.value.pair.nameB}@${cutoffLabel}`;
  return write(file, lateStations(view.value, id));
}

/**
 * `tally audit`: the stations the allegation flags, under the ids of the findings computed on them (persistence, the
 * late count's analyses, the battery on the flagged stations), then the stations on whole percentages behind each
 * integer_percent finding on all stations.
 */
export async function writeAuditFlagged(
  file: string,
  resolved: ResolvedAllegation,
  results: readonly ResultWithContext[],
): Promise<FlaggedWritten> {
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
  return write(file, rows);
}
