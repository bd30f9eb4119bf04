/**
 * File line numbers of CSV records. DuckDB numbers rejected records by record (a quoted field with newlines counts
 * once, an empty line counts once) and gives no number for accepted ones, so the lines are found here, in one pass.
 */

/** Physical records of a delimited text: where each starts, and which are empty lines (DuckDB skips those). */
export interface RecordLines {
  /** 1-based file line where record j starts (record 0 is the header). */
  startLine: Int32Array;
  /** 1 when record j is an empty line. */
  blank: Uint8Array;
  count: number;
}

/** Delimited text as UTF-8 bytes (what ingest holds), or a string (encoded first; convenient in tests). */
export type CsvText = Uint8Array | string;

function asBytes(text: CsvText): Uint8Array {
  return typeof text === 'string' ? new TextEncoder().encode(text) : text;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Walks UTF-8 `bytes` as CSV: a double quote opens a quoted field only at the start of a field (as DuckDB reads it; a
 * quote inside an unquoted field is a literal), "" inside quotes is a quote. Calls `onRecordEnd(index)` at every
 * newline outside quotes; returns the line where a still-open quoted field started, or 0. Quotes, delimiters and line
 * breaks are ASCII, and no byte of a multi-byte UTF-8 character is, so bytes can be walked without decoding. With
 * `skipPlainLines`, a line that starts outside quotes and holds no quote is passed over with native searches (about 30
 * times faster than stepping through it, and it cannot change the walk's state).
 */
function walk(
  bytes: Uint8Array,
  delimiter: string,
  onRecordEnd: (newlineIndex: number, nextLine: number) => void,
  skipPlainLines = true,
): { open: number; badClose: number } {
  const delim = delimiter.charCodeAt(0);
  const n = bytes.length;
  let line = 1;
  let inQuotes = false;
  let openedAt = 0;
  let badClose = 0;
  let nextQuote = -1;
  let i = 0;
  while (i < n) {
    if (skipPlainLines && !inQuotes) {
      if (nextQuote < i) {
        nextQuote = bytes.indexOf(QUOTE, i);
        if (nextQuote < 0) nextQuote = n;
      }
      const newline = bytes.indexOf(LF, i);
      const lineEnd = newline < 0 ? n : newline;
      if (nextQuote >= lineEnd) {
        if (newline < 0) break;
        line++;
        onRecordEnd(newline, line);
        i = newline + 1;
        continue;
      }
    }
    // Step through one record (it ends at the first newline outside quotes).
    let atFieldStart = true;
    let k = i;
    for (; k < n; k++) {
      const ch = bytes[k];
      if (inQuotes) {
        if (ch === QUOTE) {
          if (k + 1 < n && bytes[k + 1] === QUOTE) k++;
          else {
            inQuotes = false;
            const next = k + 1 < n ? bytes[k + 1] : LF;
            if (badClose === 0 && next !== delim && next !== LF && next !== CR) badClose = line;
          }
        } else if (ch === LF) line++;
        continue;
      }
      if (ch === LF) {
        line++;
        onRecordEnd(k, line);
        break;
      }
      if (ch === delim) atFieldStart = true;
      else if (ch === QUOTE && atFieldStart) {
        inQuotes = true;
        openedAt = line;
        atFieldStart = false;
      } else if (ch !== CR) atFieldStart = false;
    }
    i = k + 1;
  }
  return { open: inQuotes ? openedAt : 0, badClose };
}

/** Splits `text` into records at newlines outside quoted fields. */
export function recordLines(text: CsvText, delimiter = ','): RecordLines {
  return collectRecords(asBytes(text), delimiter, true);
}

/** recordLines stepping through every byte (the reference the fast path is tested against). */
export function recordLinesByWalk(text: CsvText, delimiter = ','): RecordLines {
  return collectRecords(asBytes(text), delimiter, false);
}

function collectRecords(bytes: Uint8Array, delimiter: string, skipPlainLines: boolean): RecordLines {
  let cap = 1024;
  let startLine = new Int32Array(cap);
  let blank = new Uint8Array(cap);
  let count = 0;
  let recordStart = 0;
  let recordLine = 1;
  const push = (end: number) => {
    if (count === cap) {
      cap *= 2;
      const s = new Int32Array(cap);
      s.set(startLine);
      startLine = s;
      const b = new Uint8Array(cap);
      b.set(blank);
      blank = b;
    }
    let e = end;
    if (e > recordStart && bytes[e - 1] === CR) e--;
    startLine[count] = recordLine;
    blank[count] = e === recordStart ? 1 : 0;
    count++;
  };
  walk(
    bytes,
    delimiter,
    (i, nextLine) => {
      push(i);
      recordStart = i + 1;
      recordLine = nextLine;
    },
    skipPlainLines,
  );
  if (recordStart < bytes.length) push(bytes.length);
  return { startLine, blank, count };
}

/**
 * Maps table rows and DuckDB's reject "line" numbers to file lines. Returns undefined when the records found here do
 * not add up to DuckDB's (then the caller falls back to one line per record and says so).
 */
export function lineMaps(
  lines: RecordLines,
  tableRows: number,
  rejectedDuckLines: readonly number[],
): { lineOf: (rowid: number) => number; rejectLine: (duckLine: number) => number } | undefined {
  const rejected = new Set<number>();
  for (const l of rejectedDuckLines) rejected.add(l - 1);
  const rowLines = new Int32Array(tableRows);
  let r = 0;
  for (let j = 1; j < lines.count; j++) {
    if (lines.blank[j] === 1 || rejected.has(j)) continue;
    if (r === tableRows) return undefined;
    rowLines[r++] = lines.startLine[j];
  }
  if (r !== tableRows) return undefined;
  for (const j of rejected) if (j < 1 || j >= lines.count || lines.blank[j] === 1) return undefined;
  return {
    lineOf: (rowid) => rowLines[rowid],
    rejectLine: (duckLine) => lines.startLine[duckLine - 1],
  };
}

/** The line where a quoted field opens and never closes, or undefined when every quoted field closes. */
export function unterminatedQuoteLine(text: CsvText, delimiter = ','): number | undefined {
  const { open } = walk(asBytes(text), delimiter, () => {});
  return open > 0 ? open : undefined;
}

/** The first line where text follows a closing quote before the delimiter (`"ab"c`), or undefined. */
export function strayQuoteLine(text: CsvText, delimiter = ','): number | undefined {
  const { badClose } = walk(asBytes(text), delimiter, () => {});
  return badClose > 0 ? badClose : undefined;
}

/** True when some lines end in CRLF and others in a bare LF. */
export function hasMixedLineEndings(text: CsvText): boolean {
  const bytes = asBytes(text);
  let newline = bytes.indexOf(LF);
  if (newline < 0 || bytes.indexOf(CR) < 0) return false;
  const firstIsCrlf = newline > 0 && bytes[newline - 1] === CR;
  for (; newline >= 0; newline = bytes.indexOf(LF, newline + 1)) {
    if ((newline > 0 && bytes[newline - 1] === CR) !== firstIsCrlf) return true;
  }
  return false;
}

/** The first line longer than `max` bytes, or undefined. */
export function longLineAt(text: CsvText, max: number): number | undefined {
  const bytes = asBytes(text);
  let line = 1;
  let start = 0;
  for (let i = bytes.indexOf(LF); ; i = bytes.indexOf(LF, i + 1)) {
    const end = i < 0 ? bytes.length : i;
    if (end - start > max) return line;
    if (i < 0) return undefined;
    line++;
    start = i + 1;
  }
}

/** The line of the first carriage return not followed by a line feed (DuckDB takes it for a line break), or undefined. */
export function bareCarriageReturnLine(text: CsvText): number | undefined {
  const bytes = asBytes(text);
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) {
    if (bytes[i + 1] !== LF) {
      let line = 1;
      for (let j = bytes.indexOf(LF); j >= 0 && j < i; j = bytes.indexOf(LF, j + 1)) line++;
      return line;
    }
  }
  return undefined;
}
