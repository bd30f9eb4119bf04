/** Loads any supported file into a DuckDB table of VARCHAR columns, keeping each record's line number. */
import { Buffer } from 'node:buffer';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { err, ok, type Result, type TallyError } from '@tally/core';
import {
  countLineFeeds,
  csvReadFailure,
  duplicateHeaderName,
  headerFieldCount,
  isBlankText,
  MAX_LINE,
} from './csv_text.ts';
import { detectFormat, isGzip, MAX_TEXT_BYTES, sniffTextAsync, type TextSniff } from './detect.ts';
import { quoteIdent, quoteLiteral } from './duckdb.ts';
import type { ValidationIssue } from './issues.ts';
import { loadJson, loadParquet } from './load_structured.ts';
import { columnNames, countRows, firstLine, MAX_COLUMNS, MAX_ROWS, newTempDir, type RawTable } from './raw_table.ts';
import { hasMixedLineEndings, lineMaps, longLineAt, recordLines } from './record_lines.ts';
import { loadXlsxInto } from './xlsx.ts';
import { worksheetEntries, zipProblem } from './zip_check.ts';

export type { RawTable };

/** Rows in one of DuckDB's row groups, the unit its scans split among threads. */
const ROW_GROUP_ROWS = 122_880;

/**
 * Reads `path` into DuckDB table `table`. File-level problems (empty, unreadable) are errors. The connection may still
 * be opening: a text file is decompressed and sniffed meanwhile. For text under one row group, the connection's
 * database is set to one thread (its later queries too).
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
  // Under one row group DuckDB scans with one thread whatever the setting; a second thread then only passes tasks back
  // and forth (about a fifth of the CPU of the README audit's ingest, and no faster), and several files load at once.
  if (lines < ROW_GROUP_ROWS) await conn.run('SET threads = 1');
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
    return err(csvReadFailure(file, source, sniff, e));
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
