/**
 * findings.csv, written by this one function wherever Tally offers it: the web app's download of a job (the report's
 * findings), `tally batch merge` (the same columns, each row led by its job) and `tally run --out` (the battery table,
 * the same rows as the sheet "battery" of battery.xlsx). RFC 4180: a header line, CRLF line ends, and every cell
 * neutralised against spreadsheet formulas by csvCell.
 */
import { csvCell } from '@tally/report';

/** What a cell may hold; null and undefined are written as an empty cell. */
export type CsvValue = string | number | null | undefined;

/** The columns of a CSV and how a row fills them, in the same order. */
export interface CsvColumns<Row> {
  readonly names: readonly string[];
  readonly cells: (row: Row) => readonly CsvValue[];
}

/** A finding as findings.csv lists it: a report's finding, or a result of `tally run` read back from run.json. */
export interface FindingCsvRow {
  readonly method: string;
  readonly target: string | null;
  readonly region: string | null;
  readonly statisticName: string;
  readonly statistic: number | null;
  readonly pValue: number | null;
  readonly adjustedPValue: number | null;
  readonly n: number | null;
  /** The verdict on the allegation; empty for a result of `tally run`, which judges none. */
  readonly verdict: string;
}

/** The columns of a list of findings: method, target, region, statistic, p-values, n and verdict. */
export const FINDING_COLUMNS: CsvColumns<FindingCsvRow> = {
  names: ['method', 'target', 'region', 'statistic_name', 'statistic', 'p_value', 'adjusted_p_value', 'n', 'verdict'],
  cells: (f) => [
    f.method,
    f.target,
    f.region,
    f.statisticName,
    f.statistic,
    f.pValue,
    f.adjustedPValue,
    f.n,
    f.verdict,
  ],
};

/** Options of findingsCsv. */
export interface FindingsCsvOptions<Row> {
  /** Columns written before `columns` on every line (the batch's job, kind and finding id). */
  readonly leading?: CsvColumns<Row>;
}

/** The rows as findings.csv: the header, then one line per row. */
export function findingsCsv<Row>(
  rows: readonly Row[],
  columns: CsvColumns<Row>,
  options: FindingsCsvOptions<Row> = {},
): string {
  const { leading } = options;
  const line = (cells: readonly CsvValue[]) => cells.map(csvCell).join(',');
  const lines = [line([...(leading?.names ?? []), ...columns.names])];
  for (const row of rows) lines.push(line([...(leading?.cells(row) ?? []), ...columns.cells(row)]));
  return `${lines.join('\r\n')}\r\n`;
}
