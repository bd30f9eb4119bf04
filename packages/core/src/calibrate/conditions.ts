/**
 * Data conditions of a calibration (number of stations, station sizes), simulation settings that
 * resemble a given table, and the lookup of a method's measured size "under conditions like the
 * user's data": the calibration whose station count and median station size are closest on a log scale.
 */
import { quantile } from '../numeric/stats.ts';
import type { SimulationOptions } from '../simulate/options.ts';
import type { StationTable } from '../station_table.ts';
import type { CalibrationConditions } from './calibrate.ts';
import type { CalibrationSummary } from './calibration_summary.ts';
import { measuredCalibrations } from './measured.ts';

/** The two numbers calibrations are matched on. */
export interface ConditionsDescriptor {
  readonly stations: number;
  readonly medianRegistered: number;
}

/** Describes a table: its station count and median registered voters per station. */
export function describeTable(table: StationTable): ConditionsDescriptor {
  const positive: number[] = [];
  for (let i = 0; i < table.n; i++) if (table.registered[i] > 0) positive.push(table.registered[i]);
  return { stations: table.n, medianRegistered: positive.length > 0 ? quantile(positive, 0.5) : 0 };
}

/** Describes calibration conditions the same way (generator defaults where unset). */
export function describeConditions(c: CalibrationConditions): ConditionsDescriptor {
  const stations = c.simulation.stations ?? 2000;
  const size = c.simulation.size;
  if (!size) return { stations, medianRegistered: 500 };
  if (size.kind === 'lognormal') return { stations, medianRegistered: size.median };
  return { stations, medianRegistered: quantile(Array.from(size.values), 0.5) };
}

/**
 * Simulation settings like a real table: its number of stations, its registered column as the size
 * distribution, its national turnout and its candidates' national shares (largest first, at most
 * `maxCandidates`). Heterogeneity and noise keep the generator's defaults.
 */
export function simulationLike(table: StationTable, maxCandidates = 8): Partial<SimulationOptions> {
  const sizes: number[] = [];
  let reg = 0;
  let cast = 0;
  for (let i = 0; i < table.n; i++) {
    if (table.registered[i] >= 1) {
      sizes.push(Math.round(table.registered[i]));
      reg += table.registered[i];
      cast += Math.min(table.ballotsCast[i], table.registered[i]);
    }
  }
  const totals = table.candidates.map((c) => {
    let s = 0;
    for (let i = 0; i < c.votes.length; i++) s += c.votes[i] > 0 ? c.votes[i] : 0;
    return { name: c.name, s };
  });
  totals.sort((a, b) => b.s - a.s);
  const top = totals.slice(0, Math.max(1, Math.min(maxCandidates, totals.length)));
  const total = top.reduce((a, b) => a + b.s, 0);
  const raw = top.map((t) => (total > 0 ? Math.max(t.s / total, 1e-4) : 1 / top.length));
  const rawTotal = raw.reduce((a, b) => a + b, 0);
  const out: Partial<SimulationOptions> = {
    stations: Math.max(1, table.n),
    name: `Simulated like ${table.meta.name}`,
  };
  return {
    ...out,
    ...(sizes.length > 0 ? { size: { kind: 'empirical' as const, values: Float64Array.from(sizes) } } : {}),
    ...(reg > 0 && cast > 0 && cast < reg ? { turnout: cast / reg } : {}),
    ...(top.length > 0 && table.candidates.length > 0
      ? {
          candidates: top.length,
          shares: raw.map((x) => x / rawTotal),
          candidateNames: top.map((t) => t.name),
        }
      : {}),
  };
}

function distance(a: ConditionsDescriptor, b: ConditionsDescriptor): number {
  const ds = Math.log(Math.max(1, a.stations)) - Math.log(Math.max(1, b.stations));
  const dm = Math.log(Math.max(1, a.medianRegistered)) - Math.log(Math.max(1, b.medianRegistered));
  return ds * ds + dm * dm;
}

/** Diagnostic conditions (a method's own null holds there) that never stand in for a user's data. */
export const DIAGNOSTIC_CONDITIONS: readonly string[] = ['homogeneous'];

/**
 * The calibration of `methodId` measured under realistic conditions closest to `like`, or null when
 * none exists. Diagnostic conditions are skipped.
 */
export function lookupCalibration(
  records: readonly CalibrationSummary[],
  methodId: string,
  like: ConditionsDescriptor,
): CalibrationSummary | null {
  let best: CalibrationSummary | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const r of records) {
    if (r.method !== methodId || DIAGNOSTIC_CONDITIONS.includes(r.conditions.label)) continue;
    const d = distance(r.conditions, like);
    if (d < bestD) {
      bestD = d;
      best = r;
    }
  }
  return best;
}

/** The shipped measured calibration of a method under conditions closest to `table` (for reports), or null. */
export function measuredCalibrationFor(methodId: string, table: StationTable): CalibrationSummary | null {
  return lookupCalibration(measuredCalibrations, methodId, describeTable(table));
}
