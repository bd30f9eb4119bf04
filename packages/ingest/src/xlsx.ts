/** .xlsx input: the first worksheet, streamed with exceljs and appended into DuckDB as text. */
import { createRequire } from 'node:module';
import type { DuckDBConnection } from '@duckdb/node-api';
import { err, ok, type Result, type TallyError } from '@tally/core';
import type ExcelJs from 'exceljs';
import { quoteIdent } from './duckdb.ts';

// Loaded on first use: exceljs takes about 0.2 s to load, and only .xlsx inputs need it.
const requireCjs = createRequire(import.meta.url);
let excel: typeof ExcelJs | undefined;

/** Loads the first worksheet of an .xlsx file into `table` (all VARCHAR); row 1 is the header. */
export async function loadXlsxInto(
  conn: DuckDBConnection,
  path: string,
  table: string,
  limits: { maxRows: number; maxColumns: number },
): Promise<Result<{ columns: string[]; rows: number; lineOf: (rowid: number) => number }, TallyError>> {
  let header: string[] | undefined;
  const sheetRows: number[] = [];
  let appender: Awaited<ReturnType<DuckDBConnection['createAppender']>> | undefined;
  try {
    excel ??= requireCjs('exceljs') as typeof ExcelJs;
    const reader = new excel.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1);
        if (header === undefined) {
          if (values.length > limits.maxColumns) {
            const message = `${path}: row ${row.number} has ${values.length} columns (more than ${limits.maxColumns}); no election table is that wide`;
            return err({ kind: 'parse_error', file: path, row: row.number, rule: 'too_many_columns', message });
          }
          header = values.map((v, i) => (cellText(v) ?? '').trim() || `column${i + 1}`);
          const cols = header.map((h) => `${quoteIdent(h)} VARCHAR`).join(', ');
          await conn.run(`CREATE TABLE ${quoteIdent(table)} (${cols})`);
          appender = await conn.createAppender(table);
          continue;
        }
        if (appender === undefined) continue;
        if (sheetRows.length >= limits.maxRows) {
          const message = `${path}: the sheet has more than ${limits.maxRows.toLocaleString('en')} rows; no election table is that long`;
          return err({ kind: 'parse_error', file: path, row: row.number, rule: 'too_many_rows', message });
        }
        for (let i = 0; i < header.length; i++) {
          const text = cellText(values[i]);
          if (text === undefined) appender.appendNull();
          else appender.appendVarchar(text);
        }
        appender.endRow();
        sheetRows.push(row.number);
      }
      break; // first worksheet only
    }
    appender?.flushSync();
    appender?.closeSync();
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return err({ kind: 'parse_error', file: path, rule: 'unreadable_xlsx', message: `${path}: ${message}` });
  }
  if (header === undefined) {
    return err({ kind: 'parse_error', file: path, rule: 'empty_file', message: `${path}: the workbook has no rows` });
  }
  return ok({ columns: header, rows: sheetRows.length, lineOf: (rowid: number) => sheetRows[rowid] ?? rowid + 2 });
}

function cellText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: string };
    if (o.error !== undefined) return String(o.error);
    if (o.result !== undefined) return cellText(o.result);
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
  }
  return String(v);
}
