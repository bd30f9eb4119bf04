/**
 * The audit's battery: the registry's single-table methods on the stations the allegation names, planned here (one
 * seeded run per method) and run by audit_threads.ts, on worker threads beside the late count or in this thread.
 */
import {
  deriveSeed,
  type ForensicMethod,
  type InjectionKind,
  type MethodResult,
  methodRegistry,
  type Result,
  type StationTable,
  selectStations,
} from '@tally/core';
import type { AnalysisSpec, ResolvedAllegation } from '@tally/ingest';
import { calibrationsLike, type ResultWithContext } from '@tally/report';
import type { AnalysisOutcome, SkippedAnalysis } from './analysis_outcome.ts';
import { batteryPlot } from './battery_plots.ts';

/** The battery an allegation asks for, planned: its table, its methods and one seeded run per method not excluded. */
export interface BatteryPlan {
  readonly table: StationTable;
  readonly subset: boolean;
  readonly methods: readonly ForensicMethod[];
  readonly runs: readonly { readonly id: string; readonly options: Record<string, unknown>; readonly seed: number }[];
  readonly unknown: readonly SkippedAnalysis[];
  /** The battery answers a counter-claim of fabricated sheets: power is read for that fabrication. */
  readonly fabrication: boolean;
}

/** Plans the battery of `spec` on the stations the allegation names (all of them for `whole: true`), seeded by `seed`. */
export function planAuditBattery(
  resolved: ResolvedAllegation,
  spec: Extract<AnalysisSpec, { method: 'battery' }>,
  seed: number,
): BatteryPlan {
  const all = resolved.alleged.table;
  const picked: number[] = [];
  for (let i = 0; i < all.n; i++) if (spec.stations === 'all' || resolved.flagged[i]) picked.push(i);
  const subset = picked.length < all.n;
  const table = subset ? selectStations(all, picked) : all;
  const wanted = spec.methods;
  const methods = methodRegistry
    .filter((m) => (wanted ? wanted.includes(m.id) : true))
    .filter(
      (m) =>
        wanted !== undefined || !['late_count', 'persistence', 'announced_totals', 'tally_sheets'].includes(m.family),
    )
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const unknown: SkippedAnalysis[] = [];
  for (const id of [...(wanted ?? []), ...(spec.exclude ?? [])]) {
    if (!methodRegistry.some((m) => m.id === id))
      unknown.push({ method: id, reason: 'no such method in the registry', message: { key: 'skip.unknown_method' } });
  }
  const excluded = new Set(spec.exclude ?? []);
  const runs = methods
    .filter((m) => !excluded.has(m.id))
    .map((m) => {
      // Seeds follow the method id, not its position, so adding a method changes no other result.
      let h = 0;
      for (let k = 0; k < m.id.length; k++) h = (Math.imul(h, 31) + m.id.charCodeAt(k)) >>> 0;
      return { id: m.id, options: { candidate: resolved.alleged.names.favoured }, seed: deriveSeed(seed, h) };
    });
  return { table, subset, methods, runs, unknown, fabrication: spec.fabrication === true };
}

/** The battery's findings from its runs' results (in the plan's run order). */
export function batteryOutcome(
  plan: BatteryPlan,
  results: readonly Result<MethodResult[]>[],
  favoured: string,
): AnalysisOutcome {
  const out: ResultWithContext[] = [];
  const skipped: SkippedAnalysis[] = [...plan.unknown];
  const byId = new Map<string, Result<MethodResult[]>>();
  plan.runs.forEach((run, k) => {
    byId.set(run.id, results[k]);
  });
  const { table, subset } = plan;
  for (const m of plan.methods) {
    const r = byId.get(m.id);
    if (r === undefined) {
      skipped.push({ method: m.id, reason: 'excluded by the allegation file', message: { key: 'skip.excluded' } });
      continue;
    }
    if (!r.ok) {
      skipped.push({ method: m.id, reason: r.error.message });
      continue;
    }
    // Whole-set results only: per-region splits of a method belong to `tally run`, not to the audit's tests.
    for (const result of r.value) {
      if (result.region) continue;
      const scoped = subset ? { ...result, region: 'flagged stations' } : result;
      const plot = batteryPlot(result, table, favoured);
      const messages = subset ? { region: { key: 'label.flagged_stations' } as const } : {};
      out.push({
        result: scoped,
        // A screen: a general check of the flagged stations, not the allegation's own prediction. Its measured
        // false-positive rate on clean simulated elections like these data decides whether a rejection can count.
        context: {
          methodTitle: m.title,
          order: 3,
          role: 'screen',
          messages,
          calibration: calibrationsLike(table, [m.id], plan.fabrication ? fabricationKind(m.family) : undefined)[m.id],
          ...(plot ? { plot } : {}),
        },
      });
    }
  }
  return { results: out, skipped };
}

/** The simulated fabrication a battery method's power is read for, under a counter-claim of fabricated sheets. */
export function fabricationKind(family: string): InjectionKind | undefined {
  if (family === 'digits') return 'fabricated_digits';
  if (family === 'integer_percent') return 'rounding';
  return undefined;
}
