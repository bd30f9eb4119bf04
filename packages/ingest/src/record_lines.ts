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

/** Splits `text` into records at newlines outside double quotes ("" inside quotes is a quote). */
export function recordLines(text: string): RecordLines {
  let cap = 1024;
  let startLine = new Int32Array(cap);
  let blank = new Uint8Array(cap);
  let count = 0;
  let line = 1;
  let recordStart = 0;
  let recordLine = 1;
  let inQuotes = false;
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
    if (e > recordStart && text.charCodeAt(e - 1) === 13) e--;
    startLine[count] = recordLine;
    blank[count] = e === recordStart ? 1 : 0;
    count++;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) inQuotes = !inQuotes;
    else if (ch === 10) {
      line++;
      if (!inQuotes) {
        push(i);
        recordStart = i + 1;
        recordLine = line;
      }
    }
  }
  if (recordStart < n) push(n);
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

/** The line where a double-quoted field opens and never closes, or undefined when every quote closes. */
export function unterminatedQuoteLine(text: string): number | undefined {
  let inQuotes = false;
  let line = 1;
  let openedAt = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) {
      inQuotes = !inQuotes;
      if (inQuotes) openedAt = line;
    } else if (ch === 10) line++;
  }
  return inQuotes ? openedAt : undefined;
}

/** True when some lines end in CRLF and others in a bare LF. */
export function hasMixedLineEndings(text: string): boolean {
  const crlf = text.indexOf('\r\n');
  if (crlf < 0) return false;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i === 0 || text.charCodeAt(i - 1) !== 13) return true;
  }
  return false;
}
