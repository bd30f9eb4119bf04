/** Checks on delimited text made in JS, before DuckDB reads it or after it failed to: header, blank text, why. */
import type { TallyError } from '@tally/core';
import type { TextSniff } from './detect.ts';
import { firstLine } from './raw_table.ts';
import { bareCarriageReturnLine, longLineAt, strayQuoteLine, unterminatedQuoteLine } from './record_lines.ts';

/** Longest line DuckDB is asked to read (its default, 2 MB, turned a long cell into an error on "line 1"). */
export const MAX_LINE = 16 * 2 ** 20;

/** Why DuckDB could not read CSV text `sniff` (read from `source`, named `file`): the first problem found here. */
export function csvReadFailure(file: string, source: string, sniff: TextSniff, e: unknown): TallyError {
  const { bytes, delimiter } = sniff;
  // In this order, each looked for only when the ones before it found nothing.
  const checks: { rule: string; rowOf: () => number | undefined; message: (row: number) => string }[] = [
    {
      rule: 'unterminated_quote',
      rowOf: () => unterminatedQuoteLine(bytes, delimiter),
      message: (row) => `row ${row}: a quoted field opens here and never closes, so no row after it can be read`,
    },
    {
      rule: 'line_too_long',
      rowOf: () => longLineAt(bytes, MAX_LINE),
      message: (row) => `row ${row} is longer than ${MAX_LINE / 2 ** 20} MiB; no election row is that long`,
    },
    {
      rule: 'stray_quote',
      rowOf: () => strayQuoteLine(bytes, delimiter),
      message: (row) => `row ${row}: text follows a closing quote inside a field (like "ab"c); quote the whole field`,
    },
    {
      rule: 'stray_carriage_return',
      rowOf: () => (bytes.includes(0x0a) ? bareCarriageReturnLine(bytes) : undefined),
      message: (row) => `row ${row}: a carriage return (\\r) inside the line splits it in two; remove it`,
    },
  ];
  for (const check of checks) {
    const row = check.rowOf();
    if (row !== undefined)
      return { kind: 'parse_error', file, row, rule: check.rule, message: `${file}: ${check.message(row)}` };
  }
  const why = firstLine(e).replaceAll(source, file);
  return { kind: 'parse_error', file, rule: 'unreadable_csv', message: `${file}: ${why}` };
}

/** Line feeds in the bytes, counting no further than `stopAfter`. */
export function countLineFeeds(bytes: Uint8Array, stopAfter: number): number {
  let n = 0;
  // indexOf is a native search, many times faster than a loop over the bytes.
  for (let i = bytes.indexOf(0x0a); i >= 0 && n <= stopAfter; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** True when the text holds nothing but ASCII white space (after a UTF-8 byte-order mark, if any). */
export function isBlankText(bytes: Uint8Array): boolean {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  for (let i = bom ? 3 : 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return true;
}

/** Fields in the first line, counting delimiters outside double quotes (a quoted header cell may hold one). */
export function headerFieldCount(text: string, delimiter: string): number {
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

export function duplicateHeaderName(text: string, delimiter: string): string | undefined {
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
