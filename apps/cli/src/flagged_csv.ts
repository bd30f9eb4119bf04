/**
 * `--flagged-csv FILE` of run, audit and latecount: the stations behind a finding, listed by @tally/audit's
 * flagged_stations.ts and written atomically here.
 */
import {
  type AdjustedResult,
  auditFlaggedStations,
  type FlaggedStation,
  flaggedStationsCsv,
  lateStations,
  runFlaggedStations,
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
 * `tally run`: the stations on whole percentages behind integer_percent's finding on all stations (audit's
 * runFlaggedStations, which the web app's flagged.csv uses too).
 */
export async function writeRunFlagged(
  file: string,
  table: StationTable,
  results: readonly AdjustedResult[],
  integerPercentOptions: Record<string, unknown> | undefined,
  candidates: readonly string[] | undefined,
): Promise<FlaggedWritten> {
  const rows = runFlaggedStations(table, results, integerPercentOptions, candidates);
  if (rows === undefined)
    throw new UsageError(
      '--flagged-csv: no method of this run flags stations; add integer_percent to --methods (stations on whole percentages)',
    );
  return write(file, rows);
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

/** `tally audit`: the stations the allegation flags, then those behind its integer_percent findings (audit's list). */
export async function writeAuditFlagged(
  file: string,
  resolved: ResolvedAllegation,
  results: readonly ResultWithContext[],
): Promise<FlaggedWritten> {
  return write(file, auditFlaggedStations(resolved, results));
}
