/**
 * Timestamps to instants (milliseconds since the epoch, UTC) with explicit time-zone handling.
 * Sorting time strings as text put "9:59 PM" after "10:00 PM" in a dataset behind the most-cited
 * Bolivia 2019 analysis (see docs/methods/margin_curve.md); every time in Tally goes through here
 * before anything is ordered by it. Values that cannot be read, or that could mean two instants
 * (03/04/2019 with no day-first rule), are errors that name their rows, never a silent guess.
 */
import { err, ok, type Result } from '../result.ts';

/** How to read timestamps. */
export interface ParseInstantOptions {
  /**
   * UTC offset applied to values that carry none, as "Z", "+HH:MM" or "-HH:MM" (Bolivia: "-04:00").
   * Without it, a value with no offset is an error: a local time is not an instant.
   */
  readonly defaultOffset?: string;
  /**
   * For numeric dates with separators (03/04/2019, 03.04.2019): true = day first, false = month first.
   * Undefined = decide per value when one part exceeds 12, otherwise the value is ambiguous.
   */
  readonly dayFirst?: boolean;
}

/** Why one value could not be read. */
export type InstantProblemReason = 'unparseable' | 'ambiguous' | 'out_of_range' | 'missing_offset';

/** One value that could not be read, with its 1-based row (as the data file counts rows after the header). */
export interface InstantProblem {
  readonly row: number;
  readonly value: string;
  readonly reason: InstantProblemReason;
  readonly message: string;
}

/** Outcome of reading one value: an instant, or why not. */
export type InstantParse = { ok: true; ms: number } | { ok: false; reason: InstantProblemReason; message: string };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap])?\.?\s*(?:m\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET = /^(Z|UTC|GMT)$|^([+-])(\d{2})(?::?(\d{2}))?$/i;

/** Parses a UTC offset ("Z", "+05:30", "-0400", "-04") into minutes east of UTC, or null. */
export function parseOffset(text: string): number | null {
  const m = OFFSET.exec(text.trim());
  if (m === null) return null;
  if (m[1] !== undefined) return 0;
  const hours = Number(m[3]);
  const minutes = m[4] === undefined ? 0 : Number(m[4]);
  if (hours > 14 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return m[2] === '-' ? -total : total;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function fail(reason: InstantProblemReason, message: string): InstantParse {
  return { ok: false, reason, message };
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string | undefined,
  offsetText: string | undefined,
  options: ParseInstantOptions,
): InstantParse {
  if (month < 1 || month > 12) return fail('out_of_range', `month ${month} is not 1-12`);
  if (day < 1 || day > daysInMonth(year, month))
    return fail('out_of_range', `day ${day} does not exist in ${year}-${month}`);
  if (hour > 23 || minute > 59 || second > 59)
    return fail('out_of_range', `time ${hour}:${minute}:${second} is out of range`);
  let offset: number | null;
  if (offsetText !== undefined) {
    offset = parseOffset(offsetText);
    if (offset === null) return fail('unparseable', `offset "${offsetText}" is not Z or ±HH:MM`);
  } else if (options.defaultOffset !== undefined) {
    offset = parseOffset(options.defaultOffset);
    if (offset === null) return fail('unparseable', `default offset "${options.defaultOffset}" is not Z or ±HH:MM`);
  } else {
    return fail('missing_offset', 'no UTC offset in the value and no default offset given');
  }
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return { ok: true, ms: Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60000 };
}

/** Reads one timestamp into an instant (ms since the epoch, UTC). */
export function parseInstant(text: string, options: ParseInstantOptions = {}): InstantParse {
  const value = text.trim();
  if (value === '') return fail('unparseable', 'empty value');
  const iso = ISO.exec(value);
  if (iso !== null) {
    return build(
      Number(iso[1]),
      Number(iso[2]),
      Number(iso[3]),
      iso[4] === undefined ? 0 : Number(iso[4]),
      iso[5] === undefined ? 0 : Number(iso[5]),
      iso[6] === undefined ? 0 : Number(iso[6]),
      iso[7],
      iso[8],
      options,
    );
  }
  const num = NUMERIC.exec(value);
  if (num === null) return fail('unparseable', `"${value}" is not a recognised date-time`);
  const a = Number(num[1]);
  const b = Number(num[3]);
  let dayFirst = options.dayFirst;
  if (dayFirst === undefined) {
    if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) dayFirst = false;
    else if (a === b) dayFirst = true;
    else return fail('ambiguous', `"${value}": day and month could be either way round; set day-first`);
  }
  const day = dayFirst ? a : b;
  const month = dayFirst ? b : a;
  let hour = num[5] === undefined ? 0 : Number(num[5]);
  const meridiem = num[9]?.toLowerCase();
  if (meridiem !== undefined) {
    if (num[5] === undefined) return fail('unparseable', `"${value}": AM/PM without a time`);
    if (hour < 1 || hour > 12) return fail('out_of_range', `"${value}": hour ${hour} on a 12-hour clock`);
    if (meridiem === 'a') hour = hour === 12 ? 0 : hour;
    else hour = hour === 12 ? 12 : hour + 12;
  }
  return build(
    Number(num[4]),
    month,
    day,
    hour,
    num[6] === undefined ? 0 : Number(num[6]),
    num[7] === undefined ? 0 : Number(num[7]),
    num[8],
    num[10],
    options,
  );
}

/** Instants of a whole column, or every problem with its row. */
export interface ParsedInstants {
  /** One instant per value (ms since the epoch, UTC); NaN where a problem is listed. */
  readonly instants: Float64Array;
  readonly problems: readonly InstantProblem[];
}

/**
 * Reads a column of timestamps. Rows are numbered from `firstRow` (default 1). When `dayFirst` is not
 * set, the column decides: a value whose first part exceeds 12 makes it day-first, a second part over
 * 12 month-first; a column with both is an error, and so is one where no value settles it.
 */
export function parseInstantColumn(
  values: readonly string[],
  options: ParseInstantOptions = {},
  firstRow = 1,
): ParsedInstants {
  let dayFirst = options.dayFirst;
  let mixed = false;
  if (dayFirst === undefined) {
    let sawDayFirst = false;
    let sawMonthFirst = false;
    for (let i = 0; i < values.length; i++) {
      const m = NUMERIC.exec(values[i].trim());
      if (m === null) continue;
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && b <= 12) sawDayFirst = true;
      if (b > 12 && a <= 12) sawMonthFirst = true;
    }
    if (sawDayFirst !== sawMonthFirst) dayFirst = sawDayFirst;
    mixed = sawDayFirst && sawMonthFirst;
  }
  const instants = new Float64Array(values.length);
  const problems: InstantProblem[] = [];
  const resolved: ParseInstantOptions = { ...options, dayFirst };
  for (let i = 0; i < values.length; i++) {
    if (mixed && NUMERIC.test(values[i].trim())) {
      instants[i] = Number.NaN;
      const message = 'the column mixes day-first and month-first dates';
      problems.push({ row: firstRow + i, value: values[i], reason: 'ambiguous', message });
      continue;
    }
    const parsed = parseInstant(values[i], resolved);
    if (parsed.ok) instants[i] = parsed.ms;
    else {
      instants[i] = Number.NaN;
      problems.push({ row: firstRow + i, value: values[i], reason: parsed.reason, message: parsed.message });
    }
  }
  return { instants, problems };
}

/** Reads a column of timestamps; any problem is a parse_error naming the rows (up to 20, then a count). */
export function parseInstants(
  values: readonly string[],
  options: ParseInstantOptions = {},
  column?: string,
): Result<Float64Array> {
  const { instants, problems } = parseInstantColumn(values, options);
  if (problems.length === 0) return ok(instants);
  const shown = problems
    .slice(0, 20)
    .map((p) => `row ${p.row} "${p.value}" (${p.reason})`)
    .join('; ');
  const more = problems.length > 20 ? `; and ${problems.length - 20} more` : '';
  return err({
    kind: 'parse_error',
    message: `${problems.length} time value(s) could not be read as instants${column ? ` in ${column}` : ''}: ${shown}${more}`,
    row: problems[0].row,
    column,
    rule: problems[0].reason === 'ambiguous' ? 'ambiguous_time' : 'unparseable_time',
  });
}
