/**
 * Arrival times: ISO 8601 local times with their own UTC offset, or with a declared zone (a fixed offset such as
 * "-04:00", or an IANA name such as "America/La_Paz"), parsed to instants. Never text-sorted.
 */
import type { ValidationIssue } from './issues.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const FIXED_OFFSET = /^(Z|[+-]\d{2}:?\d{2})$/;

/** A declared zone, ready to turn local wall-clock times into instants. */
export interface TimeZone {
  /** The zone as declared ("-04:00", "America/La_Paz"). */
  name: string;
  /** Minutes east of UTC at the local wall-clock time `localAsUtcMs` (the local time read as if it were UTC). */
  offsetAt(localAsUtcMs: number): number;
}

/** Reads a declared zone: a fixed offset ("Z", "-04:00", "+0530") or an IANA name; undefined if it is neither. */
export function readTimeZone(name: string): TimeZone | undefined {
  if (FIXED_OFFSET.test(name)) {
    const minutes = offsetMinutes(name);
    return { name, offsetAt: () => minutes };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const offsetOfInstant = (instant: number): number => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
  };
  const byHour = new Map<number, number>();
  return {
    name,
    offsetAt(localAsUtcMs: number): number {
      const hour = Math.floor(localAsUtcMs / 3_600_000);
      const cached = byHour.get(hour);
      if (cached !== undefined) return cached;
      // The offset of the instant the local time would be under the offset in force one step earlier; two steps
      // settle every local time except the skipped hour of a spring-forward change, which takes the later offset.
      const first = offsetOfInstant(localAsUtcMs);
      const second = offsetOfInstant(localAsUtcMs - first * 60_000);
      byHour.set(hour, second);
      return second;
    },
  };
}

/**
 * Parses ISO timestamps into ms since the epoch (UTC). A value's own offset wins; a value without one takes the
 * declared `zone` (an offset or an IANA name); a value with neither is refused (`time_without_zone`). With
 * `emptyIsMissing`, an empty cell is NaN and counted in `empty` rather than refused.
 */
export function parseArrivalTimes(
  texts: readonly string[],
  zone: string | undefined,
  where: { file: string; column: string; lineOf: (i: number) => number },
  emptyIsMissing = false,
): { values: Float64Array; issues: ValidationIssue[]; empty: number[] } {
  const values = new Float64Array(texts.length);
  const issues: ValidationIssue[] = [];
  const empty: number[] = [];
  const declared = zone === undefined ? undefined : readTimeZone(zone);
  if (zone !== undefined && declared === undefined) {
    values.fill(Number.NaN);
    issues.push({
      level: 'error',
      file: where.file,
      column: where.column,
      rule: 'unknown_time_zone',
      message: `time zone ${JSON.stringify(zone)} is neither a UTC offset ("-04:00") nor an IANA zone name ("America/La_Paz")`,
    });
    return { values, issues, empty };
  }
  for (let i = 0; i < texts.length; i++) {
    if (emptyIsMissing && texts[i] === '') {
      values[i] = Number.NaN;
      empty.push(i);
      continue;
    }
    const m = ISO.exec(texts[i]);
    if (!m || (m[8] === undefined && declared === undefined)) {
      values[i] = Number.NaN;
      issues.push({
        level: 'error',
        file: where.file,
        row: where.lineOf(i),
        column: where.column,
        rule: m ? 'time_without_zone' : 'unparseable_time',
        message: m
          ? `time ${JSON.stringify(texts[i])} has no UTC offset and no time zone is declared (add "timezone", e.g. "America/La_Paz" or "-04:00")`
          : `cannot read ${JSON.stringify(texts[i])} as an ISO 8601 time (YYYY-MM-DDTHH:MM:SS)`,
      });
      continue;
    }
    const [, y, mo, d, h, mi, s, ms] = m;
    const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0, ms ? +ms.padEnd(3, '0') : 0);
    // Date.UTC rolls an impossible date over ("2025-11-31" would become 1 December): refuse it instead.
    if (new Date(local).getUTCDate() !== +d || +h > 23 || +mi > 59 || (s !== undefined && +s > 59)) {
      values[i] = Number.NaN;
      issues.push({
        level: 'error',
        file: where.file,
        row: where.lineOf(i),
        column: where.column,
        rule: 'unparseable_time',
        message: `${JSON.stringify(texts[i])} is not a calendar date and time`,
      });
      continue;
    }
    const minutes = m[8] !== undefined ? offsetMinutes(m[8]) : declared!.offsetAt(local);
    values[i] = local - minutes * 60_000;
  }
  return { values, issues, empty };
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}
