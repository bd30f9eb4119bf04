/**
 * The second reading of a tally sheet, read from a table's attributes, and its own arithmetic: what makes a sheet
 * unusable before it is compared with the official figure (tally_sheet_agreement.ts). A sheet that fails is never
 * compared: it is excluded, counted by rule and named by station.
 */
import type { StationTable } from '../station_table.ts';

/** Why a station's second reading is not compared. */
export type SheetRule =
  | 'no_second_reading'
  | 'incomplete_reading'
  | 'negative_count'
  | 'non_integer_count'
  | 'missing_total'
  | 'sum_not_total'
  | 'above_cap';

/** What each rule means, for the excluded list and the docs. */
export const SHEET_RULE_TEXT: Readonly<Record<SheetRule, string>> = {
  no_second_reading: 'no second reading of this sheet',
  incomplete_reading: 'second reading incomplete (some party counts missing)',
  negative_count: 'second reading has a negative count',
  non_integer_count: 'second reading has a count that is not a whole number',
  missing_total: 'second reading has no grand total to check its sum against',
  sum_not_total: "second reading's party + blank + invalid votes differ from its grand total",
  above_cap: 'second reading has more votes than registered voters (or ballots received)',
};

/** The second reading's columns: one per candidate (same order as the table's), and the optional checks. */
export interface SecondReading {
  readonly candidates: readonly Float64Array[];
  readonly blank?: Float64Array;
  readonly invalid?: Float64Array;
  readonly total?: Float64Array;
  /** Most votes the sheet can hold (registered voters, or ballots delivered); NaN = not read. Without it, registered. */
  readonly cap?: Float64Array;
}

function numberAttribute(table: StationTable, name: string): Float64Array | undefined {
  const a = table.attributes?.find((x) => x.name === name);
  return a && a.kind === 'number' ? a.values : undefined;
}

/** The second reading named `<prefix><candidate>` etc.; the candidates that have none, when some lack one. */
export function readSecondReading(
  table: StationTable,
  prefix: string,
): { reading: SecondReading } | { missing: string[] } {
  const candidates: Float64Array[] = [];
  const missing: string[] = [];
  for (const c of table.candidates) {
    const v = numberAttribute(table, `${prefix}${c.name}`);
    if (v) candidates.push(v);
    else missing.push(`${prefix}${c.name}`);
  }
  if (missing.length > 0) return { missing };
  const opt = (s: string) => numberAttribute(table, `${prefix}${s}`);
  const [blank, invalid, total, cap] = [opt('blank'), opt('invalid'), opt('total'), opt('cap')];
  return {
    reading: {
      candidates,
      ...(blank ? { blank } : {}),
      ...(invalid ? { invalid } : {}),
      ...(total ? { total } : {}),
      ...(cap ? { cap } : {}),
    },
  };
}

/** The first rule station `i`'s second reading breaks, or null when it can be compared. */
export function sheetRuleBroken(table: StationTable, r: SecondReading, i: number): SheetRule | null {
  let present = 0;
  for (const v of r.candidates) if (Number.isFinite(v[i])) present++;
  if (present === 0) return 'no_second_reading';
  if (present < r.candidates.length) return 'incomplete_reading';
  const parts = [...r.candidates, ...(r.blank ? [r.blank] : []), ...(r.invalid ? [r.invalid] : [])];
  let sum = 0;
  for (const v of parts) {
    const x = v[i];
    if (!Number.isFinite(x)) continue; // blank or invalid may be unread; the total check then fails below
    if (x < 0) return 'negative_count';
    if (x !== Math.floor(x)) return 'non_integer_count';
    sum += x;
  }
  let held = sum;
  if (r.total) {
    const t = r.total[i];
    if (!Number.isFinite(t)) return 'missing_total';
    if (t < 0) return 'negative_count';
    if (t !== Math.floor(t)) return 'non_integer_count';
    const unread = (r.blank && !Number.isFinite(r.blank[i])) || (r.invalid && !Number.isFinite(r.invalid[i]));
    if (unread || sum !== t) return 'sum_not_total';
    held = t;
  }
  // A cap attribute left empty for a sheet means it was not read there: no cap check, rather than the table's own.
  const cap = r.cap ? r.cap[i] : table.registered[i];
  if (Number.isFinite(cap) && held > cap) return 'above_cap';
  return null;
}
