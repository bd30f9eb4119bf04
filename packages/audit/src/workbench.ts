/**
 * The analyses the web workbench runs outside an allegation: the registry's methods on one table, built into a report,
 * and the plot data to explore a table.
 */
import {
  createRng,
  deriveSeed,
  type MethodDescription,
  type MethodResult,
  methodRegistry,
  regionLevelIndex,
  type StationTable,
  selectStations,
  summarize,
} from '@tally/core';
import type { LoadedTable } from '@tally/ingest';
import {
  buildReport,
  calibrationsLike,
  type FingerprintPlot,
  histogram2d,
  type Report,
  type StationMapPlot,
  thinIndices,
} from '@tally/report';
import { type AdjustedResult, withAdjustedP } from './battery_run.ts';

/** How a long run reports progress and lets its caller stop it between steps. */
export interface StepControl {
  progress(done: number, total: number, label: string): void;
  /** Throws (the caller's own error) to stop the run; awaited between steps. */
  checkpoint(): Promise<void>;
}

/** Methods the UI offers: what each declares about itself (id, title, summary, reference, family, question). */
export function listMethods(): MethodDescription[] {
  return methodRegistry.map((m) => ({
    id: m.id,
    title: m.title,
    summary: m.summary,
    reference: m.reference,
    family: m.family,
    question: m.question,
  }));
}

/** Restricts a table to one region (level + code), or returns it whole. */
export function filterTable(table: StationTable, level?: string, code?: number): StationTable {
  if (level === undefined || code === undefined) return table;
  const l = regionLevelIndex(table, level);
  if (l < 0) return table;
  const codes = table.regions[l].codes;
  const idx: number[] = [];
  for (let i = 0; i < table.n; i++) if (codes[i] === code) idx.push(i);
  return selectStations(table, idx);
}

/** Summary, fingerprint and map data for the explore view. */
export function exploreData(table: StationTable, by?: string) {
  const summary = summarize(table, by);
  const leader = summary?.candidates[0]?.name;
  const k = table.candidates.findIndex((c) => c.name === leader);
  // Counts, not fractions, so the histogram bins exactly; values above 100% are drawn in the 100% row.
  const cast: number[] = [];
  const registered: number[] = [];
  const votes: number[] = [];
  const totals: number[] = [];
  const denom = table.shareOf === 'valid' ? table.valid : table.ballotsFound;
  for (let i = 0; i < table.n; i++) {
    if (table.registered[i] <= 0 || denom[i] <= 0 || k < 0) continue;
    registered.push(table.registered[i]);
    cast.push(Math.min(table.registered[i], table.ballotsCast[i]));
    totals.push(denom[i]);
    votes.push(Math.min(denom[i], table.candidates[k].votes[i]));
  }
  const nx = 100;
  const counts = histogram2d(cast, registered, votes, totals, nx, nx);
  const fingerprint: FingerprintPlot = { kind: 'fingerprint', nx, ny: nx, counts };
  let map: StationMapPlot | undefined;
  if (table.lat && table.lon) {
    const keep = thinIndices(table.n, 5000).filter(
      (i) => Number.isFinite(table.lat![i]) && Number.isFinite(table.lon![i]),
    );
    map = {
      kind: 'station_map',
      lon: keep.map((i) => table.lon![i]),
      lat: keep.map((i) => table.lat![i]),
      flagged: keep.map(() => false),
    };
  }
  const levels = table.regions.map((r) => ({ name: r.name, count: r.labels.length }));
  return { summary, leader, fingerprint, map, levels };
}

/**
 * Runs the chosen methods on a table and builds a report (statistics, corrected p-values, neutral verdict wording);
 * the results come back with their adjusted p-values for the battery table.
 */
export async function runMethods(
  loaded: LoadedTable,
  table: StationTable,
  options: { methods: string[]; seed: number; candidate?: string; lang: 'en' | 'es' | 'ru'; version: string },
  ctx: StepControl,
): Promise<{ report: Report; results: AdjustedResult[]; failures: { method: string; error: string }[] }> {
  const chosen = methodRegistry.filter((m) => options.methods.includes(m.id));
  const results: MethodResult[] = [];
  const failures: { method: string; error: string }[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const method = chosen[k];
    ctx.progress(k, chosen.length, method.title);
    await ctx.checkpoint();
    const methodOptions = options.candidate ? { candidate: options.candidate } : {};
    const out = method.run(table, methodOptions, createRng(deriveSeed(options.seed, methodRegistry.indexOf(method))));
    if (out.ok) for (const item of out.value) results.push(item);
    else failures.push({ method: method.id, error: out.error.message });
  }
  ctx.progress(chosen.length, chosen.length, 'report');
  const built = buildReport({
    title: table.meta.name,
    lang: options.lang,
    // No allegation: every finding is worded as a departure from the clean-election model, never as support for a
    // claim (the role `tally run --out` gives its findings too).
    results: results.map((result) => ({ result, context: { role: 'explore' as const } })),
    validationIssues: loaded.issues,
    inputs: [{ path: loaded.file, sha256: loaded.sha256 }],
    seed: options.seed,
    version: options.version,
    // Each method's measured false-positive rate on simulated elections like this table, shown beside its finding.
    calibration: calibrationsLike(
      table,
      chosen.map((m) => m.id),
    ),
  });
  if (!built.ok) throw new Error(built.error.message);
  // The same Benjamini-Hochberg adjustment as the report's (over the same p-values), for the battery table's rows.
  return { report: built.value, results: withAdjustedP(results), failures };
}
