/**
 * What `tally run --out DIR` writes: report.json and report.html (a report built from the run's results, with no
 * allegation), findings.csv and battery.xlsx (the battery as a table per unit, in the Election Forensics Toolkit's
 * layout; both built by @tally/audit's battery_workbook.ts, which the web app's downloads use too). The four files
 * are committed together (atomic_output.ts): a reader finds all the new ones or none.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AdjustedResult,
  type BatteryWorkbookFacts,
  batteryCsv,
  batteryRows,
  batteryWorkbook,
  type RowAccount,
} from '@tally/audit';
import type { StationTable } from '@tally/core';
import type { LoadedTable } from '@tally/ingest';
import {
  buildReport,
  calibrationsLike,
  type Lang,
  type Report,
  renderHtml,
  renderJson,
  translate,
} from '@tally/report';
import { commitOutputs } from './atomic_output.ts';
import { DataError } from './cli_io.ts';
import { TALLY_VERSION } from './version.ts';

/** The files `--out` writes, in the order they are listed to the user. */
export const RUN_OUTPUT_FILES = ['report.html', 'report.json', 'findings.csv', 'battery.xlsx'] as const;

/** What the take-away files are made from. */
export interface RunOutputInput {
  readonly loaded: LoadedTable;
  readonly table: StationTable;
  readonly results: readonly AdjustedResult[];
  readonly methodIds: readonly string[];
  readonly by: string | undefined;
  readonly seed: number;
  readonly replicates: number;
  readonly rows: readonly RowAccount[];
  readonly lang: Lang;
}

/**
 * The run as a report: every cell is a finding (so the report's Benjamini-Hochberg correction runs over the same
 * p-values as the run's, and gives the same adjusted values), in English with message keys, like the audit's.
 */
export function runReport(input: RunOutputInput): Report {
  const whole = input.results.filter((r) => r.region === undefined).length;
  const regional = input.results.length - whole;
  const built = buildReport({
    title: input.table.meta.name,
    lang: 'en',
    // No allegation: every finding is worded as a departure from the clean-election model, never as support.
    results: input.results.map(({ pAdjusted: _, ...result }) => ({ result, context: { role: 'explore' as const } })),
    validationIssues: input.loaded.issues,
    inputs: [{ path: input.loaded.file, sha256: input.loaded.sha256 }],
    rows: input.rows,
    seed: input.seed,
    version: TALLY_VERSION,
    calibration: calibrationsLike(input.table, input.methodIds),
    notes:
      regional > 0
        ? [
            {
              key: 'note.run_regions_elsewhere',
              params: { shown: { kind: 'count', value: whole }, other: { kind: 'count', value: regional } },
            },
          ]
        : [],
  });
  if (!built.ok) throw new DataError(built.error.message);
  return built.value;
}

/** What the workbook's sheet "about" says of this run. */
function workbookFacts(input: RunOutputInput): BatteryWorkbookFacts {
  return {
    election: input.table.meta.name,
    input: input.loaded.file,
    sha256: input.loaded.sha256,
    version: TALLY_VERSION,
    seed: input.seed,
    replicates: input.replicates,
    by: input.by,
    stations: input.table.n,
    rows: input.rows,
    wholeData: translate(input.lang, 'label.whole_data'),
  };
}

/** Builds the four files and commits them together under `dir`; returns their paths. */
export async function writeRunOutputs(dir: string, input: RunOutputInput): Promise<string[]> {
  const report = runReport(input);
  const rows = batteryRows(input.results);
  const shown: Report = { ...report, findings: report.findings.filter((f) => f.region === '') };
  const files = {
    'report.html': await renderHtml(shown, input.lang),
    'report.json': renderJson(report),
    'findings.csv': batteryCsv(rows, translate(input.lang, 'label.whole_data')),
    'battery.xlsx': await batteryWorkbook(workbookFacts(input), rows),
  };
  const paths = RUN_OUTPUT_FILES.map((name) => join(dir, name));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new DataError(`cannot create ${dir}: ${(e as Error).message}`);
  }
  await commitOutputs(RUN_OUTPUT_FILES.map((name, k) => ({ path: paths[k], data: files[name] })));
  return paths;
}
