/**
 * What `tally run --out DIR` writes: report.json and report.html (a report built from the run's results, with no
 * allegation), findings.csv and battery.xlsx (the battery as a table per unit, in the Election Forensics Toolkit's
 * layout). The four files are committed together (atomic_output.ts): a reader finds all the new ones or none.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type AdjustedResult,
  BATTERY_COLUMNS,
  type BatteryRow,
  batteryRowCells,
  batteryRows,
  type RowAccount,
} from '@tally/audit';
import type { StationTable } from '@tally/core';
import type { LoadedTable } from '@tally/ingest';
import {
  buildReport,
  calibrationsLike,
  csvCell,
  type Lang,
  type Report,
  renderHtml,
  renderJson,
  translate,
} from '@tally/report';
import type ExcelJs from 'exceljs';
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

/** The battery rows as CSV (header first), every cell neutralised against formula injection. */
export function batteryCsv(rows: readonly BatteryRow[], wholeData: string): string {
  const lines = [BATTERY_COLUMNS.map(csvCell).join(',')];
  for (const row of rows) lines.push(batteryRowCells(row, wholeData).map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const requireCjs = createRequire(import.meta.url);

/**
 * The workbook: sheet "battery" holds one row per unit x target x statistic (the same rows as findings.csv), sheet
 * "by unit" one row per unit x target with each test's estimate and interval side by side (EFToolkit's table), sheet
 * "about" the input, seed, replicates and row account.
 */
export async function batteryWorkbook(input: RunOutputInput, rows: readonly BatteryRow[]): Promise<Uint8Array> {
  const excel = requireCjs('exceljs') as typeof ExcelJs;
  const wholeData = translate(input.lang, 'label.whole_data');
  const book = new excel.Workbook();
  book.creator = `tally ${TALLY_VERSION}`;
  // A fixed date keeps the bytes of the workbook the same for the same run.
  book.created = new Date(0);
  book.modified = new Date(0);
  const long = book.addWorksheet('battery');
  long.addRow([...BATTERY_COLUMNS]);
  for (const row of rows) long.addRow(batteryRowCells(row, wholeData));
  long.getRow(1).font = { bold: true };
  long.views = [{ state: 'frozen', ySplit: 1 }];

  const wide = book.addWorksheet('by unit');
  const tests = [...new Set(rows.map((r) => `${r.method}: ${r.statistic}`))];
  wide.addRow(['unit', 'target', 'n', ...tests.flatMap((t) => [t, `${t} lower`, `${t} upper`, `${t} p_adjusted`])]);
  const units = new Map<string, BatteryRow[]>();
  for (const row of rows) {
    const key = `${row.unit ?? ''}\u0000${row.target}`;
    units.set(key, [...(units.get(key) ?? []), row]);
  }
  for (const group of units.values()) {
    const cells = tests.flatMap((t) => {
      const r = group.find((x) => `${x.method}: ${x.statistic}` === t);
      return r ? [r.estimate, r.lower, r.upper, r.pAdjusted] : [null, null, null, null];
    });
    wide.addRow([group[0].unit ?? wholeData, group[0].target, Math.max(...group.map((r) => r.n)), ...cells]);
  }
  wide.getRow(1).font = { bold: true };
  wide.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];

  const about = book.addWorksheet('about');
  const account = input.rows[0];
  const facts: [string, string | number][] = [
    ['election', input.table.meta.name],
    ['input', input.loaded.file],
    ['sha256', input.loaded.sha256],
    ['tally', TALLY_VERSION],
    ['seed', input.seed],
    ['bootstrap replicates', input.replicates],
    ['interval', '95% percentile bootstrap'],
    ['p_adjusted', 'Benjamini-Hochberg across every cell with a p-value; empty for a secondary statistic'],
    ['regions', input.by ?? '(none)'],
    ['rows in file', account?.rows ?? input.table.n],
    ['rows analysed', account?.analysed ?? input.table.n],
    ...(account?.excluded ?? []).map((e): [string, number] => [`rows excluded: ${e.reason}`, e.count]),
  ];
  for (const f of facts) about.addRow(f);
  about.getColumn(1).font = { bold: true };
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
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
    'battery.xlsx': await batteryWorkbook(input, rows),
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
