/**
 * Files a user can download from a finished job: the HTML and JSON report, the findings as CSV and, as `tally run`
 * and `--flagged-csv` write them (the same @tally/audit functions), battery.xlsx of a run and flagged.csv of the
 * stations behind the findings.
 */
import { basename } from 'node:path';
import {
  type AdjustedResult,
  type BatteryRow,
  type BatteryWorkbookFacts,
  batteryRows,
  batteryWorkbook,
  FINDING_COLUMNS,
  findingsCsv,
  flaggedStationsCsv,
  runFlaggedStations,
} from '@tally/audit';
import { regionLevelIndex, type StationTable } from '@tally/core';
import { type LoadedTable, rowAccount } from '@tally/ingest';
import { type Lang, type Report, renderHtml, renderJson, translate } from '@tally/report';

/** What a finished job keeps to serve its downloads. */
export interface JobFiles {
  readonly report: Report;
  readonly reportJson: string;
  readonly html: string;
  /** The language the job was started in: the downloads' language when the request names none. */
  readonly lang: Lang;
  /** A run's battery table: its rows and what the workbook's sheet "about" says (built when asked for). */
  readonly battery?: {
    readonly facts: Omit<BatteryWorkbookFacts, 'wholeData'>;
    readonly rows: readonly BatteryRow[];
  };
  /** The stations behind the findings as CSV; absent when the job flags no station. */
  readonly flaggedCsv?: string;
}

/** Every file a job may offer, in the order the page lists them. */
export const JOB_FILES = ['report.html', 'report.json', 'findings.csv', 'battery.xlsx', 'flagged.csv'] as const;

/** The files this job offers. */
export function jobDownloads(files: JobFiles): string[] {
  return JOB_FILES.filter(
    (f) =>
      (f !== 'battery.xlsx' || files.battery !== undefined) && (f !== 'flagged.csv' || files.flaggedCsv !== undefined),
  );
}

/** What a run job computed, and on what. */
export interface RunJobInput {
  readonly loaded: LoadedTable;
  /** The table the methods ran on: the loaded one, or one region of it. */
  readonly table: StationTable;
  /** Which region, in a few words, when the table is one region of the file. */
  readonly scope: string | undefined;
  readonly report: Report;
  readonly results: readonly AdjustedResult[];
  /** The candidate the methods were asked to follow, if any (else each method's default, the leader). */
  readonly candidate: string | undefined;
  readonly seed: number;
  readonly lang: Lang;
  readonly version: string;
}

/** A run job's files: its report, its battery table and, when integer_percent ran, its stations on whole percentages. */
export async function runJobFiles(run: RunJobInput): Promise<JobFiles> {
  const flagged = runFlaggedStations(
    run.table,
    run.results,
    run.candidate === undefined ? undefined : { candidate: run.candidate },
    undefined,
  );
  const file = basename(run.loaded.file);
  return {
    report: run.report,
    reportJson: renderJson(run.report),
    html: await reportHtml(run.report, run.lang),
    lang: run.lang,
    battery: {
      // The file by its name only: an upload's server path is nobody's business.
      facts: {
        election: run.table.meta.name,
        input: file,
        sha256: run.loaded.sha256,
        version: run.version,
        seed: run.seed,
        replicates: 0,
        by: undefined,
        scope: run.scope,
        stations: run.table.n,
        rows: [{ ...rowAccount(run.loaded), file }],
      },
      rows: batteryRows(run.results),
    },
    flaggedCsv: flagged !== undefined && flagged.length > 0 ? flaggedStationsCsv(flagged) : undefined,
  };
}

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The region a run was restricted to, for the workbook: "department = La Paz (5,123 stations)". */
export function regionScope(
  table: StationTable,
  level: string | undefined,
  code: number | undefined,
  n: number,
): string {
  const l = level === undefined ? -1 : regionLevelIndex(table, level);
  const label = l >= 0 && code !== undefined ? table.regions[l].labels[code] : undefined;
  return `${level} = ${label ?? code} (${n} stations)`;
}

/** The self-contained HTML report in a language. */
export function reportHtml(report: Report, lang: Lang): Promise<string> {
  return renderHtml(report, lang);
}

/** A run's battery.xlsx, its whole-data unit named in `lang`; undefined for a job without a battery table. */
export async function jobWorkbook(files: JobFiles, lang: Lang): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (files.battery === undefined) return undefined;
  return batteryWorkbook(
    { ...files.battery.facts, wholeData: translate(lang, 'label.whole_data') },
    files.battery.rows,
  );
}

/** One row per finding: method, target, region, statistic, p-values, verdict (the columns of `tally batch merge`). */
export function reportCsv(report: Pick<Report, 'findings'>): string {
  return findingsCsv(report.findings, FINDING_COLUMNS);
}
