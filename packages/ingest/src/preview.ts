/** The first rows of any supported file, as text, so a user can see the columns before choosing a mapping. */
import { err, ok, type Result, type TallyError } from '@tally/core';
import { openDuckDb, quoteIdent } from './duckdb.ts';
import { loadRaw, readBytes } from './load_raw.ts';

/** Columns, the first `limit` rows (as text), the row count and file-level problems. */
export interface FilePreview {
  file: string;
  format: string;
  columns: string[];
  rows: (string | null)[][];
  totalRows: number;
  problems: string[];
}

/** Reads a file's header and first rows. */
export async function previewFile(path: string, limit = 10): Promise<Result<FilePreview, TallyError>> {
  const bytes = readBytes(path);
  if (!bytes.ok) return bytes;
  const conn = await openDuckDb();
  try {
    const raw = await loadRaw(conn, path, bytes.value, 'raw');
    if (!raw.ok) return raw;
    const reader = await conn.runAndReadAll(
      `SELECT ${raw.value.columns.map(quoteIdent).join(', ')} FROM raw ORDER BY rowid LIMIT ${Math.max(0, Math.floor(limit))}`,
    );
    const rows = reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
    return ok({
      file: path,
      format: raw.value.format,
      columns: raw.value.columns,
      rows,
      totalRows: raw.value.rows,
      problems: raw.value.issues.slice(0, 20).map((i) => `row ${i.row ?? '?'}: ${i.message}`),
    });
  } catch (e) {
    return err({
      kind: 'parse_error',
      file: path,
      rule: 'unreadable',
      message: `${path}: ${String(e).split('\n')[0]}`,
    });
  } finally {
    conn.closeSync();
  }
}
