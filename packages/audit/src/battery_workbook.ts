/**
 * The battery's take-away files: findings.csv of `tally run --out` (the rows of battery_table.ts as CSV) and
 * battery.xlsx, shared with the web app's downloads (the same rows, a table per unit in the Election Forensics
 * Toolkit's layout, and what the run was made from).
 */
import { createRequire } from 'node:module';
import type { RowAccount } from '@tally/ingest';
import type ExcelJs from 'exceljs';
import { BATTERY_COLUMNS, type BatteryRow, batteryRowCells } from './battery_table.ts';
import { findingsCsv } from './findings_csv.ts';

/** What the workbook's sheet "about" says of the run. */
export interface BatteryWorkbookFacts {
  readonly election: string;
  /** The input file as the user knows it (the web app gives its name only, never a server path). */
  readonly input: string;
  readonly sha256: string;
  /** The Tally version that made the file. */
  readonly version: string;
  readonly seed: number;
  /** Bootstrap replicates behind the intervals (0: no intervals). */
  readonly replicates: number;
  /** The region level every method was repeated in, if any. */
  readonly by: string | undefined;
  /** When the run covered part of the file only (the web app's region filter): which part, in a few words. */
  readonly scope?: string;
  /** Stations of the table, for a run with no row account. */
  readonly stations: number;
  readonly rows: readonly RowAccount[];
  /** The label of the whole data's unit, in the user's language. */
  readonly wholeData: string;
}

/** The battery rows as findings.csv (`tally run --out`): the columns of the sheet "battery", the same rows. */
export function batteryCsv(rows: readonly BatteryRow[], wholeData: string): string {
  return findingsCsv(rows, { names: BATTERY_COLUMNS, cells: (row) => batteryRowCells(row, wholeData) });
}

const requireCjs = createRequire(import.meta.url);

/**
 * The time stamped on every entry of the workbook's zip container: the DOS epoch (1980-01-01 UTC, the earliest a zip
 * entry can hold), so the same run gives the same bytes.
 */
const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * exceljs, with the zip library it writes through (jszip, as exceljs itself resolves it) set to date every new entry
 * ZIP_ENTRY_DATE: exceljs adds entries with no date, and jszip then stamps the current time. Reading a zip is
 * unaffected (its entries carry their own dates).
 */
function loadExcel(): typeof ExcelJs {
  const excel = requireCjs('exceljs') as typeof ExcelJs;
  const jszip = createRequire(requireCjs.resolve('exceljs'))('jszip') as { defaults: { date: Date | null } };
  jszip.defaults.date = ZIP_ENTRY_DATE;
  return excel;
}

/**
 * The workbook: sheet "battery" holds one row per unit x target x statistic (the same rows as findings.csv), sheet
 * "by unit" one row per unit x target with each test's estimate and interval side by side (EFToolkit's table), sheet
 * "about" the input, seed, replicates and row account.
 */
export async function batteryWorkbook(
  facts: BatteryWorkbookFacts,
  rows: readonly BatteryRow[],
): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on first use: exceljs takes about 0.2 s to load.
  const excel = loadExcel();
  const { wholeData } = facts;
  const book = new excel.Workbook();
  book.creator = `tally ${facts.version}`;
  // A fixed date keeps the workbook's document properties the same for the same run (and loadExcel the zip's dates).
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
  const account = facts.rows[0];
  const aboutRows: [string, string | number][] = [
    ['election', facts.election],
    ['input', facts.input],
    ['sha256', facts.sha256],
    ['tally', facts.version],
    ['seed', facts.seed],
    ['bootstrap replicates', facts.replicates],
    ['interval', facts.replicates > 0 ? '95% percentile bootstrap' : 'none (no bootstrap)'],
    ['p_adjusted', 'Benjamini-Hochberg across every cell with a p-value; empty for a secondary statistic'],
    ['regions', facts.by ?? '(none)'],
    ...(facts.scope === undefined ? [] : [['stations analysed', facts.scope] as [string, string]]),
    ['rows in file', account?.rows ?? facts.stations],
    ['rows analysed', account?.analysed ?? facts.stations],
    ...(account?.excluded ?? []).map((e): [string, number] => [`rows excluded: ${e.reason}`, e.count]),
  ];
  for (const f of aboutRows) about.addRow(f);
  about.getColumn(1).font = { bold: true };
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
