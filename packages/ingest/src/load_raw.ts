/** Loads any supported file into a DuckDB table of VARCHAR columns, keeping each record's line number. */
import { Buffer } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { err, ok, type Result, type TallyError } from '@tally/core';
import { detectFormat, isGzip, MAX_TEXT_BYTES, sniffTextAsync, type TextSniff } from './detect.ts';
import { quoteIdent, quoteLiteral } from './duckdb.ts';
import type { ValidationIssue } from './issues.ts';
import { MAX_JSON_DEPTH, scanJson } from './json_scan.ts';
import {
  bareCarriageReturnLine,
  hasMixedLineEndings,
  lineMaps,
  longLineAt,
  recordLines,
  strayQuoteLine,
  unterminatedQuoteLine,
} from './record_lines.ts';
import { sweepDeadEntries } from './temp_sweep.ts';
import { loadXlsxInto } from './xlsx.ts';
import { worksheetEntries, zipProblem } from './zip_check.ts';

/** A loaded raw table: all columns as text, plus `lineOf(rowid)` mapping a table row to the file's line. */
export interface RawTable {
  table: string;
  columns: string[];
  rows: number;
  /** Records DuckDB could not read (ragged rows): not in the table, each listed in `issues`. */
  rejectedRows: number;
  lineOf: (rowid: number) => number;
  issues: ValidationIssue[];
  sniff?: Omit<TextSniff, 'bytes' | 'head'>;
  format: string;
}

/** Longest line DuckDB is asked to read (its default, 2 MB, turned a long cell into an error on "line 1"). */
const MAX_LINE = 16 * 2 ** 20;
/**
 * Widest header read. Election tables have at most hundreds of columns; the count checks build one SQL expression
 * per column, and at 10,000 columns they took 5.6 minutes.
 */
export const MAX_COLUMNS = 2_000;
/** Most records read from any file: the largest national election tables have about 100,000 stations. */
export const MAX_ROWS = 5_000_000;
/** Largest JSON text read (decompressed): DuckDB's JSON reader holds several times the text in memory. */
export const MAX_JSON_BYTES = 128 * 2 ** 20;

/**
 * Reads `path` into DuckDB table `table`. File-level problems (empty, unreadable) are errors. The connection may still
 * be opening: a text file is decompressed and sniffed meanwhile.
 */
export async function loadRaw(
  connection: DuckDBConnection | Promise<DuckDBConnection>,
  path: string,
  bytes: Uint8Array,
  table: string,
): Promise<Result<RawTable, TallyError>> {
  const file = path;
  if (bytes.length === 0) {
    return err({ kind: 'parse_error', file, rule: 'empty_file', message: `${file}: the file is empty (0 bytes)` });
  }
  const format = detectFormat(bytes, basename(path));
  const issues: ValidationIssue[] = [];
  const t = quoteIdent(table);
  if (format === 'xlsx') {
    const problem = zipProblem(bytes);
    if (problem !== undefined) {
      const what = problem.rule === 'xlsx_too_large' ? 'the .xlsx is too large' : 'not a readable .xlsx';
      return err({ kind: 'parse_error', file, rule: problem.rule, message: `${file}: ${what}: ${problem.message}` });
    }
    const sheets = worksheetEntries(bytes);
    if (sheets.length > 1) {
      issues.push({
        level: 'warning',
        file,
        rule: 'other_sheets_ignored',
        message: `the workbook has ${sheets.length} worksheets; only the first was read (save each sheet as its own file to read the others)`,
      });
    }
    const loaded = await loadXlsxInto(await connection, path, table, { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS });
    if (!loaded.ok) return loaded;
    return ok({
      ...loaded.value,
      table,
      issues,
      format,
      rejectedRows: 0,
      lineOf: (rowid: number) => loaded.value.lineOf(rowid),
    });
  }
  if (format === 'parquet') return loadParquet(await connection, file, table);
  if (format === 'json') return loadJson(await connection, file, bytes, table);

  let sniff: TextSniff;
  try {
    sniff = await sniffTextAsync(bytes);
  } catch (e) {
    // Only decompression or size can throw here: a truncated or corrupt gzip stream, or a gzip bomb.
    if (e instanceof RangeError) {
      const what = isGzip(bytes) ? 'once decompressed, the file is' : 'the file is';
      const message = `${file}: ${what} larger than ${MAX_TEXT_BYTES / 2 ** 20} MiB of text`;
      return err({ kind: 'parse_error', file, rule: 'file_too_large', message });
    }
    return err({ kind: 'parse_error', file, rule: 'unreadable_gzip', message: `${file}: gzip data: ${firstLine(e)}` });
  }
  if (isBlankText(sniff.bytes)) {
    return err({ kind: 'parse_error', file, rule: 'empty_file', message: `${file}: the file has no text` });
  }
  if (sniff.utf16) {
    const message = `${file}: the file is UTF-16 text; save it as UTF-8 (in a spreadsheet program: "CSV UTF-8")`;
    return err({ kind: 'parse_error', file, row: 1, rule: 'utf16_text', message });
  }
  if (sniff.mixedEncoding) {
    const { utf8Line, otherLine } = sniff.mixedEncoding;
    return err({
      kind: 'parse_error',
      file,
      row: otherLine,
      rule: 'mixed_encoding',
      message: `${file}: row ${otherLine} is not UTF-8 but row ${utf8Line} is: the file mixes two encodings; convert it to one (UTF-8)`,
    });
  }
  const firstLineFeed = sniff.head.indexOf('\n');
  const firstReturn = sniff.head.indexOf('\r');
  if (firstReturn >= 0 && (firstLineFeed < 0 || firstReturn < firstLineFeed - 1)) {
    // Carriage returns alone end the lines (classic Mac OS): read as one line, the header swallows the whole file.
    const message = `${file}: row 1 ends with a carriage return (\\r) alone, not a line feed: the file uses old Mac line endings; save it with Windows (CRLF) or Unix (LF) line endings`;
    return err({ kind: 'parse_error', file, row: 1, rule: 'cr_line_endings', message });
  }
  const fields = headerFieldCount(sniff.head, sniff.delimiter);
  if (fields > MAX_COLUMNS) {
    const message = `${file}: row 1 has ${fields} columns (more than ${MAX_COLUMNS}); no election table is that wide`;
    return err({ kind: 'parse_error', file, row: 1, rule: 'too_many_columns', message });
  }
  // Checked before DuckDB: given a line over its limit, DuckDB took more than a minute to fail on 130 MiB.
  const long = longLineAt(sniff.bytes, MAX_LINE);
  if (long !== undefined) {
    const message = `${file}: row ${long} is longer than ${MAX_LINE / 2 ** 20} MiB; no election row is that long`;
    return err({ kind: 'parse_error', file, row: long, rule: 'line_too_long', message });
  }
  const lines = countLineFeeds(sniff.bytes, MAX_ROWS);
  if (lines > MAX_ROWS) {
    const message = `${file}: the file has more than ${MAX_ROWS.toLocaleString('en')} lines; no election table is that long`;
    return err({ kind: 'parse_error', file, rule: 'too_many_rows', message });
  }
  if (sniff.encoding !== 'utf-8') {
    issues.push({
      level: 'warning',
      file,
      rule: 'not_utf8',
      message: 'the file is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented names.',
    });
  }
  const duplicate = duplicateHeaderName(sniff.head, sniff.delimiter);
  if (duplicate !== undefined) {
    issues.push({
      level: 'error',
      file,
      row: 1,
      column: duplicate,
      rule: 'duplicate_column',
      message: `the header names column "${duplicate}" more than once`,
    });
  }
  const conn = await connection;
  let source = path;
  let tempDir: string | undefined;
  // DuckDB cannot read mixed CRLF/LF line endings (its dialect sniffer gives up), so they are made uniform first.
  const mixedEol = hasMixedLineEndings(sniff.bytes);
  if (sniff.encoding !== 'utf-8' || mixedEol) {
    tempDir = newTempDir();
    source = join(tempDir, 'transcoded.csv');
    const text = Buffer.from(sniff.bytes.buffer, sniff.bytes.byteOffset, sniff.bytes.length)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    writeFileSync(source, mixedEol ? text.replaceAll('\r\n', '\n') : text);
  } else if (sniff.gzip) {
    // The text is already decompressed here; DuckDB reads a plain file on all its threads, a gzip stream on one.
    tempDir = newTempDir();
    source = join(tempDir, 'decompressed.csv');
    writeFileSync(source, sniff.bytes);
  }
  try {
    await conn.run(
      `CREATE TABLE ${t} AS SELECT * FROM read_csv(${quoteLiteral(source)}, header = true, all_varchar = true,
        delim = ${quoteLiteral(sniff.delimiter)}, quote = '"', escape = '"', compression = 'none',
        store_rejects = true, strict_mode = true, null_padding = false, sample_size = -1, max_line_size = ${MAX_LINE})`,
    );
  } catch (e) {
    const quote = unterminatedQuoteLine(sniff.bytes, sniff.delimiter);
    if (quote !== undefined) {
      return err({
        kind: 'parse_error',
        file,
        row: quote,
        rule: 'unterminated_quote',
        message: `${file}: row ${quote}: a quoted field opens here and never closes, so no row after it can be read`,
      });
    }
    const long = longLineAt(sniff.bytes, MAX_LINE);
    if (long !== undefined) {
      return err({
        kind: 'parse_error',
        file,
        row: long,
        rule: 'line_too_long',
        message: `${file}: row ${long} is longer than ${MAX_LINE / 2 ** 20} MiB; no election row is that long`,
      });
    }
    const stray = strayQuoteLine(sniff.bytes, sniff.delimiter);
    if (stray !== undefined) {
      return err({
        kind: 'parse_error',
        file,
        row: stray,
        rule: 'stray_quote',
        message: `${file}: row ${stray}: text follows a closing quote inside a field (like "ab"c); quote the whole field`,
      });
    }
    const cr = sniff.bytes.includes(0x0a) ? bareCarriageReturnLine(sniff.bytes) : undefined;
    if (cr !== undefined) {
      return err({
        kind: 'parse_error',
        file,
        row: cr,
        rule: 'stray_carriage_return',
        message: `${file}: row ${cr}: a carriage return (\\r) inside the line splits it in two; remove it`,
      });
    }
    const why = firstLine(e).replaceAll(source, file);
    return err({ kind: 'parse_error', file, rule: 'unreadable_csv', message: `${file}: ${why}` });
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
  const rejects = await readRejects(conn);
  const columns = await columnNames(conn, table);
  const rows = await countRows(conn, table);
  const rejectedLines = [...new Set(rejects.map((r) => r.line))].sort((a, b) => a - b);
  const maps = lineMaps(recordLines(sniff.bytes, sniff.delimiter), rows, rejectedLines);
  if (maps === undefined) {
    issues.push({
      level: 'warning',
      file,
      rule: 'row_numbers_approximate',
      message: 'could not match records to file lines; row numbers count records, not lines',
    });
  }
  const seen = new Set<number>();
  for (const r of rejects) {
    if (seen.has(r.line)) continue; // DuckDB reports one problem per missing column: one per row is enough.
    seen.add(r.line);
    issues.push({ ...r.issue, file, row: maps ? maps.rejectLine(r.line) : r.line });
  }
  const { bytes: _bytes, head: _head, ...sniffInfo } = sniff;
  return ok({
    table,
    columns,
    rows,
    rejectedRows: rejectedLines.length,
    lineOf: maps ? maps.lineOf : lineMapper(rejectedLines),
    issues,
    sniff: sniffInfo,
    format: 'csv',
  });
}

/** Loads a Parquet file after checking its row and column counts in the file's metadata (nothing else is read). */
async function loadParquet(conn: DuckDBConnection, file: string, table: string): Promise<Result<RawTable, TallyError>> {
  const source = quoteLiteral(file);
  try {
    const meta = await conn.runAndReadAll(
      `SELECT coalesce(sum(num_rows), 0)::DOUBLE FROM parquet_file_metadata(${source})`,
    );
    const rows = Number(meta.getRows()[0][0]);
    if (rows > MAX_ROWS) {
      const message = `${file}: the Parquet metadata declares ${rows.toLocaleString('en')} rows, more than ${MAX_ROWS.toLocaleString('en')}; no election table is that long`;
      return err({ kind: 'parse_error', file, rule: 'too_many_rows', message });
    }
    const schema = await conn.runAndReadAll(`SELECT count(*)::DOUBLE FROM parquet_schema(${source})`);
    const columns = Number(schema.getRows()[0][0]) - 1; // the schema's root is one entry
    if (columns > MAX_COLUMNS) {
      const message = `${file}: the Parquet file has ${columns} columns (more than ${MAX_COLUMNS}); no election table is that wide`;
      return err({ kind: 'parse_error', file, row: 1, rule: 'too_many_columns', message });
    }
    await conn.run(`CREATE TABLE ${quoteIdent(table)} AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${source})`);
  } catch (e) {
    return err({ kind: 'parse_error', file, rule: 'unreadable_parquet', message: `${file}: ${firstLine(e)}` });
  }
  return finishStructured(conn, file, table, 'parquet');
}

/**
 * Loads JSON (an array of records, or one record per line), gzip-compressed or not. The text is decompressed here
 * under a limit and scanned for nesting depth and record count before DuckDB sees it (see json_scan.ts).
 */
async function loadJson(
  conn: DuckDBConnection,
  file: string,
  bytes: Uint8Array,
  table: string,
): Promise<Result<RawTable, TallyError>> {
  const gzip = isGzip(bytes);
  let text: Uint8Array;
  try {
    text = gzip ? gunzipSync(bytes, { maxOutputLength: MAX_JSON_BYTES + 1 }) : bytes;
  } catch (e) {
    if (e instanceof RangeError) return err(jsonTooLarge(file, gzip));
    return err({ kind: 'parse_error', file, rule: 'unreadable_gzip', message: `${file}: gzip data: ${firstLine(e)}` });
  }
  if (text.length > MAX_JSON_BYTES) return err(jsonTooLarge(file, gzip));
  const scan = scanJson(text, MAX_ROWS);
  if (!scan.ok && scan.rule === 'json_too_deep') {
    const message = `${file}: row ${scan.line}: JSON nested more than ${MAX_JSON_DEPTH} levels deep; election records are flat`;
    return err({ kind: 'parse_error', file, row: scan.line, rule: 'json_too_deep', message });
  }
  if (!scan.ok) {
    const message = `${file}: more than ${MAX_ROWS.toLocaleString('en')} JSON records; no election table is that long`;
    return err({ kind: 'parse_error', file, row: scan.line, rule: 'too_many_rows', message });
  }
  // DuckDB is given the plain text, so that it never decompresses anything itself (its inflation has no limit here).
  const tempDir = gzip ? newTempDir() : undefined;
  const source = tempDir === undefined ? file : join(tempDir, 'decompressed.json');
  try {
    if (tempDir !== undefined) writeFileSync(source, text);
    await conn.run(
      `CREATE TABLE ${quoteIdent(table)} AS SELECT COLUMNS(*)::VARCHAR FROM read_json_auto(${quoteLiteral(source)}, maximum_depth = ${MAX_JSON_DEPTH})`,
    );
  } catch (e) {
    const why = firstLine(e).replaceAll(source, file);
    return err({ kind: 'parse_error', file, rule: 'unreadable_json', message: `${file}: ${why}` });
  } finally {
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  }
  return finishStructured(conn, file, table, 'json');
}

function jsonTooLarge(file: string, gzip: boolean): TallyError {
  const what = gzip ? 'once decompressed, the file is' : 'the file is';
  return {
    kind: 'parse_error',
    file,
    rule: 'file_too_large',
    message: `${file}: ${what} larger than ${MAX_JSON_BYTES / 2 ** 20} MiB of JSON`,
  };
}

/** Column names and row count of a table loaded from Parquet or JSON, whose rows are records (1-based). */
async function finishStructured(
  conn: DuckDBConnection,
  file: string,
  table: string,
  format: string,
): Promise<Result<RawTable, TallyError>> {
  const columns = await columnNames(conn, table);
  if (columns.length > MAX_COLUMNS) {
    const message = `${file}: the records have ${columns.length} fields (more than ${MAX_COLUMNS}); no election table is that wide`;
    return err({ kind: 'parse_error', file, row: 1, rule: 'too_many_columns', message });
  }
  const rows = await countRows(conn, table);
  return ok({ table, columns, rows, rejectedRows: 0, lineOf: (rowid) => rowid + 1, issues: [], format });
}

/** Prefix of the temporary folders the loader makes (decompressed or transcoded text). */
const TEMP_PREFIX = 'tally-read-';
let swept = false;

/** A fresh temporary folder for this process; the first call removes those that killed runs left behind. */
function newTempDir(): string {
  if (!swept) {
    swept = true;
    sweepDeadEntries(tmpdir(), TEMP_PREFIX);
  }
  return mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
}

/** Line feeds in the bytes, counting no further than `stopAfter`. */
function countLineFeeds(bytes: Uint8Array, stopAfter: number): number {
  let n = 0;
  // indexOf is a native search, many times faster than a loop over the bytes.
  for (let i = bytes.indexOf(0x0a); i >= 0 && n <= stopAfter; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Reads a file's bytes, or a clean io_error. */
export function readBytes(path: string): Result<Uint8Array, TallyError> {
  try {
    // A FIFO or device (/dev/zero, a pipe with no writer) would block or never end: only regular files are read.
    const stat = statSync(path);
    if (!stat.isDirectory() && !stat.isFile()) {
      return err({ kind: 'io_error', file: path, message: `${path}: not a regular file (a device or pipe)` });
    }
    if (stat.size > MAX_TEXT_BYTES) {
      const message = `${path}: the file is ${stat.size} bytes, more than the limit of ${MAX_TEXT_BYTES / 2 ** 20} MiB`;
      return err({ kind: 'parse_error', file: path, rule: 'file_too_large', message });
    }
    return ok(new Uint8Array(readFileSync(path)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : firstLine(e);
    return err({ kind: 'io_error', file: path, message: `${path}: ${why}` });
  }
}

/** DuckDB's rejected records; `line` is DuckDB's record number (header = 1), not yet a file line. */
async function readRejects(
  conn: DuckDBConnection,
): Promise<{ line: number; issue: Omit<ValidationIssue, 'file' | 'row'> }[]> {
  const reader = await conn.runAndReadAll(
    'SELECT line::DOUBLE AS line, error_type, error_message, column_name FROM reject_errors ORDER BY line, column_idx',
  );
  const out: { line: number; issue: Omit<ValidationIssue, 'file' | 'row'> }[] = [];
  for (const [line, type, message, column] of reader.getRows()) {
    const rule = String(type).toLowerCase().replaceAll(' ', '_');
    out.push({
      line: Number(line),
      issue: {
        level: 'error',
        column: column === null ? undefined : String(column),
        rule: rule === 'missing_columns' || rule === 'too_many_columns' ? 'ragged_row' : `csv_${rule}`,
        message: String(message),
      },
    });
  }
  await conn.run('DELETE FROM reject_errors; DELETE FROM reject_scans;');
  return out;
}

/** Table rowid -> file line, skipping the header (line 1) and any rejected lines. */
function lineMapper(rejected: number[]): (rowid: number) => number {
  if (rejected.length === 0) return (rowid) => rowid + 2;
  return (rowid) => {
    let line = rowid + 2;
    for (const r of rejected) {
      if (r <= line) line++;
      else break;
    }
    return line;
  };
}

/** True when the text holds nothing but ASCII white space (after a UTF-8 byte-order mark, if any). */
function isBlankText(bytes: Uint8Array): boolean {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  for (let i = bom ? 3 : 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return true;
}

/** Fields in the first line, counting delimiters outside double quotes (a quoted header cell may hold one). */
function headerFieldCount(text: string, delimiter: string): number {
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  let inQuotes = false;
  let fields = 1;
  for (let i = 0; i < end; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) fields++;
  }
  return fields;
}

function duplicateHeaderName(text: string, delimiter: string): string | undefined {
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '').replace(/^\uFEFF/, '');
  const seen = new Set<string>();
  for (const raw of splitCsvLine(header, delimiter)) {
    const name = raw.trim();
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/** Column names of a table, in order. */
export async function columnNames(conn: DuckDBConnection, table: string): Promise<string[]> {
  const reader = await conn.runAndReadAll(`SELECT * FROM ${quoteIdent(table)} LIMIT 0`);
  return reader.columnNames();
}

async function countRows(conn: DuckDBConnection, table: string): Promise<number> {
  const reader = await conn.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${quoteIdent(table)}`);
  return Number(reader.getRows()[0][0]);
}

/** The first line of an error's message, without DuckDB's stack noise. */
export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0];
}

/** Splits one CSV line into fields, honouring double quotes ("" inside quotes is a quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
