/**
 * A pass over JSON bytes before DuckDB reads them. DuckDB's JSON reader recurses once per nesting level: 10,000
 * nested arrays (a 20 KB file) overflow its stack and kill the process, and a few thousand nested objects make it run
 * for minutes. Election records are flat, so nesting is limited here, in a loop that cannot overflow, and the
 * records are counted so that a file with too many is refused before it is loaded.
 */

/** Deepest nesting accepted: a record is an object in an array (2); 64 leaves room for any real export. */
export const MAX_JSON_DEPTH = 64;

/** What the scan found: records (objects or arrays at the top level or inside a top-level array), or the problem. */
export type JsonScan =
  | { ok: true; records: number }
  | { ok: false; rule: 'json_too_deep'; line: number; depth: number }
  | { ok: false; rule: 'too_many_rows'; line: number; records: number };

/** Scans the bytes once, tracking strings (and escapes inside them) so that brackets in text are not counted. */
export function scanJson(bytes: Uint8Array, maxRecords: number, maxDepth = MAX_JSON_DEPTH): JsonScan {
  let depth = 0;
  let line = 1;
  let inString = false;
  let records = 0;
  let topLevelArray = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (inString) {
      if (b === 0x5c)
        i++; // backslash: the next byte is escaped (an escaped line feed is not valid JSON anyway)
      else if (b === 0x22) inString = false;
      continue;
    }
    if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (depth === 0) topLevelArray = b === 0x5b;
      depth++;
      if (depth > maxDepth) return { ok: false, rule: 'json_too_deep', line, depth };
      if (depth === 1 ? !topLevelArray : depth === 2 && topLevelArray) {
        records++;
        if (records > maxRecords) return { ok: false, rule: 'too_many_rows', line, records };
      }
    } else if (b === 0x7d || b === 0x5d) {
      if (depth > 0) depth--;
    }
  }
  return { ok: true, records };
}
