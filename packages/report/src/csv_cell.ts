/**
 * One CSV cell, safe to open in a spreadsheet. OWASP's rule against formula injection: a cell that starts with
 * = + - @ tab or carriage return is prefixed with a single quote (so the spreadsheet shows it as text), unless the
 * whole cell is a plain number (-1.5 stays a number; -1+HYPERLINK(...) does not). Cells holding the delimiter, a
 * quote or a line break are quoted.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The cell's text, neutralised and quoted as needed. */
export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}
