/** Arrival times in presets: ISO 8601 local times plus a declared UTC offset, parsed to instants. Never text-sorted. */
import type { ValidationIssue } from './issues.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses ISO timestamps into ms since the epoch (UTC); a value without an offset takes `utcOffset`. */
export function parseArrivalTimes(
  texts: readonly string[],
  utcOffset: string | undefined,
  where: { file: string; column: string; lineOf: (i: number) => number },
): { values: Float64Array; issues: ValidationIssue[] } {
  const values = new Float64Array(texts.length);
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < texts.length; i++) {
    const m = ISO.exec(texts[i]);
    const offset = m?.[8] ?? utcOffset;
    if (!m || offset === undefined) {
      values[i] = Number.NaN;
      issues.push({
        level: 'error',
        file: where.file,
        row: where.lineOf(i),
        column: where.column,
        rule: m ? 'time_without_zone' : 'unparseable_time',
        message: m
          ? `time ${JSON.stringify(texts[i])} has no UTC offset and the mapping declares none`
          : `cannot read ${JSON.stringify(texts[i])} as an ISO 8601 time (YYYY-MM-DDTHH:MM:SS)`,
      });
      continue;
    }
    const [, y, mo, d, h, mi, s, ms] = m;
    const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0, ms ? +ms.padEnd(3, '0') : 0);
    values[i] = utc - offsetMinutes(offset) * 60_000;
  }
  return { values, issues };
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}
