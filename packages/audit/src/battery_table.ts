/**
 * The battery as a table people can take away, laid out like the Election Forensics Toolkit's output (Hicken & Mebane
 * 2017, "A guide to election forensics"; Kalinin & Mebane, EFToolkit R package): one row per unit (the whole data or
 * one region) x target x statistic, with the estimate, its bootstrap interval, the p-value, the Benjamini-Hochberg
 * adjusted p-value and the stations used. No number is computed here: each one is read from the method's result.
 */
import type { AdjustedResult } from './battery_run.ts';

/** One row of the take-away table. */
export interface BatteryRow {
  /** The region, or null for the whole data. */
  readonly unit: string | null;
  readonly target: string;
  readonly method: string;
  readonly statistic: string;
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly pValue: number | null;
  /** Adjusted across every cell of the run; null for a secondary statistic (not part of the correction). */
  readonly pAdjusted: number | null;
  readonly n: number;
  readonly warnings: readonly string[];
}

/** The columns of the table, in order (also the CSV header and the XLSX header). */
export const BATTERY_COLUMNS = [
  'unit',
  'target',
  'method',
  'statistic',
  'estimate',
  'ci_lower',
  'ci_upper',
  'p',
  'p_adjusted',
  'n',
  'warnings',
] as const;

interface Interval {
  lower: number | null;
  upper: number | null;
}

function finite(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/**
 * A statistic other than the cell's own that the method reports beside it (with an interval): its estimate and, when
 * the method tests it, its p-value. The details hold it under the statistic's camelCase name, as a number or as an
 * object with `statistic`/`mean` and `pValue`; the chi-square of the digit tests is named `chiSquare`.
 */
function secondary(details: Record<string, unknown>, name: string): { estimate: number | null; p: number | null } {
  const key = name === 'chi2' ? 'chiSquare' : name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const value = details[key];
  if (typeof value === 'number') return { estimate: finite(value), p: null };
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return { estimate: finite(o.statistic ?? o.mean), p: finite(o.pValue) };
  }
  return { estimate: null, p: null };
}

/** The rows of one result: its own statistic first, then each other statistic its bootstrap gave an interval for. */
export function batteryRowsOf(r: AdjustedResult): BatteryRow[] {
  const details = r.details as Record<string, unknown>;
  const intervals = (details.bootstrap as { intervals?: Record<string, Interval> } | undefined)?.intervals ?? {};
  // A method that reports its own per-region rows names the whole data's row region ''.
  const unit = r.region === undefined || r.region === '' ? null : r.region;
  const base = { unit, target: r.target ?? '', method: r.method, n: r.n, warnings: r.warnings };
  const own = intervals[r.statisticName];
  const rows: BatteryRow[] = [
    {
      ...base,
      statistic: r.statisticName,
      estimate: finite(r.statistic),
      lower: finite(own?.lower),
      upper: finite(own?.upper),
      pValue: r.pValue,
      pAdjusted: r.pAdjusted,
    },
  ];
  for (const [name, iv] of Object.entries(intervals)) {
    if (name === r.statisticName) continue;
    const s = secondary(details, name);
    rows.push({
      ...base,
      statistic: name,
      estimate: s.estimate,
      lower: finite(iv.lower),
      upper: finite(iv.upper),
      pValue: s.p,
      pAdjusted: null,
    });
  }
  return rows;
}

/** Every row of a run, in the run's order (whole data first, then each region). */
export function batteryRows(results: readonly AdjustedResult[]): BatteryRow[] {
  return results.flatMap(batteryRowsOf);
}

/** A row as the cells of BATTERY_COLUMNS (the unit's null becomes `wholeData`, warnings are joined by "; "). */
export function batteryRowCells(row: BatteryRow, wholeData: string): (string | number | null)[] {
  return [
    row.unit ?? wholeData,
    row.target,
    row.method,
    row.statistic,
    row.estimate,
    row.lower,
    row.upper,
    row.pValue,
    row.pAdjusted,
    row.n,
    row.warnings.join('; '),
  ];
}
