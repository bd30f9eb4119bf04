/**
 * The audit: runs every analysis a resolved allegation asks for (late count, persistence, battery),
 * each with its own seed derived from the run's seed, and turns the results into a Report input.
 * Statistics come from core; verdicts and wording from report; this file only wires them.
 */
import { dirname, relative } from 'node:path';
import {
  type CutoffSpec,
  candidateIndex,
  deriveSeed,
  methodRegistry,
  persistence,
  type StationTable,
  shareDenominator,
} from '@tally/core';
import type { ResolvedAllegation } from '@tally/ingest';
import { ChunkPool } from '@tally/parallel';
import type {
  BottomLineAnswerInput,
  BottomLineInput,
  Message,
  MessageParam,
  ReplayInput,
  ReportInput,
  ResultWithContext,
} from '@tally/report';
import type { AnalysisOutcome, SkippedAnalysis } from './analysis_outcome.ts';
import { announcedTotalsRun, fabricationAnswer } from './announced_totals.ts';
import { type BatteryPlan, batteryOutcome, fabricationKind, planAuditBattery } from './audit_battery.ts';
import { startThreadWork } from './audit_threads.ts';
import { defaultRunThreads } from './battery_run.ts';
import { findingIdOf, flaggedDifferAnswer } from './bottom_line.ts';
import { countSeriesRun } from './count_series_run.ts';
import { lateCountResults, otherElectionFor } from './latecount_findings.ts';
import { type LateCountPlan, planLateCount } from './latecount_plan.ts';
import { persistenceRun } from './persistence_run.ts';
import { noProgress, type OnProgress } from './progress.ts';
import { runReplays } from './replays/run_replays.ts';
import { rowAccount } from './row_account.ts';

/** `file` relative to the folder of `allegationFile`, with forward slashes. */
function relativeTo(allegationFile: string, file: string): string {
  return relative(dirname(allegationFile), file).split('\\').join('/');
}

/** What the audit computed, before the report's decisions. */
export interface AuditRun {
  readonly input: ReportInput;
  readonly skipped: readonly SkippedAnalysis[];
}

/** Total votes of a named candidate minus a rival, in points of the official denominator. */
function marginPoints(t: StationTable, a: string, b: string): number {
  const ia = candidateIndex(t, a);
  const ib = candidateIndex(t, b);
  const den = shareDenominator(t);
  let va = 0;
  let vb = 0;
  let vd = 0;
  for (let i = 0; i < t.n; i++) {
    va += t.candidates[ia].votes[i];
    vb += t.candidates[ib].votes[i];
    vd += den[i];
  }
  return (100 * (va - vb)) / vd;
}

/**
 * Votes that would have to be switched from the rival to the favoured candidate for the margin to have
 * been pushed past `threshold` (each switched vote moves the margin by two votes): the alleged size
 * when the allegation names a threshold but no count of votes.
 */
export function votesAboveThreshold(t: StationTable, favoured: string, rival: string, threshold: number): number {
  const den = shareDenominator(t);
  let total = 0;
  for (let i = 0; i < t.n; i++) total += den[i];
  const excess = marginPoints(t, favoured, rival) - threshold;
  return excess > 0 ? Math.ceil(((excess / 100) * total) / 2) : 0;
}

/** Settings of runAudit beyond the seed. */
export interface RunAuditOptions {
  /** Worker threads for the battery and the late count's heavy parts (default: defaultRunThreads()). */
  readonly threads?: number;
  /** Told when each analysis starts (the CLI's progress display). */
  readonly onProgress?: OnProgress;
}

/**
 * Runs the audit of a resolved allegation with `seed`; `version` is written into the report. The battery's methods and
 * the late count's heavy parts (its analysis, power study and sensitivity table) run on worker threads while this
 * thread computes the rest; the results do not depend on the thread count.
 */
export async function runAudit(
  resolved: ResolvedAllegation,
  seed: number,
  version: string,
  options: RunAuditOptions = {},
): Promise<AuditRun> {
  const pool = new ChunkPool(options.threads ?? defaultRunThreads());
  // The workers start (load the bundle) while this thread plans the work they will take.
  pool.warm();
  try {
    return await runAuditOn(pool, resolved, seed, version, options.onProgress ?? noProgress);
  } finally {
    await pool.close();
  }
}

async function runAuditOn(
  pool: ChunkPool,
  resolved: ResolvedAllegation,
  seed: number,
  version: string,
  onProgress: OnProgress,
): Promise<AuditRun> {
  const al = resolved.allegation;
  const a = resolved.alleged;
  const size = al.alleged.size;
  let allegedVotes = size?.votes;
  if (allegedVotes === undefined && size?.threshold !== undefined && a.names.rival !== undefined) {
    allegedVotes = votesAboveThreshold(a.table, a.names.favoured, a.names.rival, size.threshold);
  }
  const results: ResultWithContext[] = [];
  const skipped: SkippedAnalysis[] = [];
  const replays: ReplayInput[] = [];

  const answers: BottomLineAnswerInput[] = [];
  let sensitivity: BottomLineInput['sensitivity'] = null;
  // The batteries and the late counts' heavy parts go to the pool's workers first; their job is posted before this
  // thread takes the other analyses.
  const cutoff: CutoffSpec | undefined = cutoffOf(resolved);
  const other = cutoff && al.analyses.some((x) => x.method === 'latecount') ? otherElectionFor(resolved) : null;
  const plans = new Map<number, BatteryPlan>();
  const lateCounts = new Map<number, LateCountPlan>();
  al.analyses.forEach((spec, k) => {
    if (spec.method === 'battery') plans.set(k, planAuditBattery(resolved, spec, deriveSeed(seed, k)));
    // The threshold is the analysis's own, else the alleged size's, else 0 (who is ahead): never a default borrowed
    // from one country's rules.
    if (spec.method === 'latecount' && cutoff) {
      const threshold = spec.threshold ?? size?.threshold ?? 0;
      lateCounts.set(k, planLateCount(a, cutoff, { ...spec, threshold }, deriveSeed(seed, k), other, allegedVotes));
    }
  });
  const work = startThreadWork(pool, [...plans.values()], [...lateCounts.values()]);
  const batteries = new Map([...plans.keys()].map((k, b) => [k, work.batteries[b]] as const));
  const computed = new Map([...lateCounts.keys()].map((k, i) => [k, work.lateCounts[i]] as const));
  await new Promise((resolve) => setImmediate(resolve));
  let started = 0;
  const progress = (label: string) =>
    onProgress({ phase: 'analysis', label, done: started++, total: al.analyses.length });
  // This thread's own analyses run while the workers run theirs; the findings are then put in the allegation's order.
  const outcomes = new Map<number, AnalysisOutcome>();
  const replayRuns = new Map<number, ReturnType<typeof runReplays>>();
  for (const [k, spec] of al.analyses.entries()) {
    const s = deriveSeed(seed, k);
    if (spec.method === 'battery' || (spec.method === 'latecount' && cutoff)) continue;
    progress(spec.method);
    if (spec.method === 'replays') replayRuns.set(k, runReplays(resolved, spec, s));
    else if (spec.method === 'count_series') outcomes.set(k, countSeriesRun(resolved, spec, k, s, allegedVotes));
    else if (spec.method === 'persistence') outcomes.set(k, persistenceRun(resolved, spec, s, allegedVotes));
    else if (spec.method === 'announced_totals') outcomes.set(k, announcedTotalsRun(resolved, spec, s));
    else
      outcomes.set(k, {
        results: [],
        skipped: [{ method: 'latecount', reason: 'the allegation has no cutoff', message: { key: 'skip.no_cutoff' } }],
      });
  }
  for (const [k, spec] of al.analyses.entries()) {
    const s = deriveSeed(seed, k);
    if (spec.method === 'battery') {
      progress(spec.method);
      const out = batteryOutcome(plans.get(k)!, await batteries.get(k)!, resolved.alleged.names.favoured);
      if (spec.fabrication) {
        const screens = out.results.filter((x) =>
          fabricationKind(methodRegistry.find((m) => m.id === x.result.method)?.family ?? ''),
        );
        const powers = screens.flatMap((x) =>
          x.context?.calibration?.power === undefined ? [] : [x.context.calibration.power],
        );
        out.answers = [
          fabricationAnswer(
            screens.map((x) => findingIdOf(x.result)),
            resolved.flaggedCount,
            powers,
          ),
        ];
      }
      outcomes.set(k, out);
    } else if (spec.method === 'latecount' && lateCounts.has(k)) {
      progress(spec.method);
      const threshold = spec.threshold ?? size?.threshold ?? 0;
      const parts = await computed.get(k)!;
      outcomes.set(
        k,
        lateCountResults(a, { ...spec, threshold }, s, parts, lateCounts.get(k)!.trendBreak, allegedVotes),
      );
    }
  }
  for (const k of al.analyses.keys()) {
    const r = replayRuns.get(k);
    if (r) {
      replays.push(...r.replays);
      skipped.push(...r.skipped);
      continue;
    }
    const out = outcomes.get(k)!;
    for (const item of out.results) results.push(item);
    for (const item of out.skipped) skipped.push(item);
    for (const item of out.answers ?? []) answers.push(item);
    sensitivity = out.sensitivity ?? sensitivity;
  }
  // The bottom line answers the late-count claim's questions; without a late-count analysis there is none.
  const hasLateCount = al.analyses.some((x) => x.method === 'latecount');
  if (hasLateCount && !answers.some((x) => x.id === 'flagged_differ')) answers.push(flaggedDifferAnswer(null));
  const scope = describeScope(resolved);
  return {
    input: {
      title: `Audit: ${al.claim.by}, ${al.claim.date}`,
      titleMessage: { key: 'audit.title', params: { by: al.claim.by, date: al.claim.date } },
      allegation: {
        claim: al.claim.text,
        claimant: al.claim.by,
        date: al.claim.date,
        scope,
        scopeMessage: scopeMessage(resolved),
      },
      results,
      replays,

      ...(hasLateCount || answers.length > 0 ? { bottomLine: { answers, sensitivity } } : {}),
      // Paths relative to the allegation file, so the report does not depend on where the repository lives.
      validationIssues: resolved.issues.map((i) => ({ ...i, file: relativeTo(al.file, i.file) })),
      inputs: resolved.inputs,
      rows: [...resolved.elections.values()]
        .map((e) => e.loaded)
        .concat(resolved.snapshot?.loaded ? [resolved.snapshot.loaded] : [])
        .map((l) => ({ ...rowAccount(l), file: relativeTo(al.file, l.file) })),
      seed,
      version,
      methods: methodNotes(results),
      notes: [
        ...(allegedVotes !== undefined && size?.votes === undefined
          ? [
              {
                key: 'note.alleged_size',
                params: {
                  votes: { kind: 'count', value: allegedVotes },
                  rival: a.names.rival ?? '',
                  favoured: a.names.favoured,
                  threshold: size?.threshold ?? 0,
                },
              } satisfies Message,
            ]
          : []),
        ...skipped.map(
          (x): Message => ({
            key: 'note.not_run',
            params: { method: x.method, reason: x.message ? { kind: 'message', message: x.message } : x.reason },
          }),
        ),
      ],
    },
    skipped,
  };
}

function cutoffOf(resolved: ResolvedAllegation): CutoffSpec | undefined {
  const c = resolved.allegation.alleged.cutoff;
  if (!c) return undefined;
  if (c.kind === 'snapshot') {
    return { kind: 'snapshot', snapshot: resolved.snapshot!.table, label: c.snapshot };
  }
  if (c.kind === 'percentile') return { kind: 'percentile', value: c.value };
  return { kind: 'time', ms: c.ms, label: c.iso };
}

function describeScope(resolved: ResolvedAllegation): string {
  const s = resolved.allegation.alleged;
  const parts: string[] = [];
  if (s.cutoff) {
    const c = s.cutoff;
    const what = c.kind === 'snapshot' ? `snapshot ${c.snapshot}` : c.kind === 'time' ? c.iso : `percentile ${c.value}`;
    parts.push(`stations counted after ${what}`);
  }
  if (s.region) parts.push(`in ${s.region.level} ${s.region.label}`);
  if (s.stations) parts.push(s.stations.kind === 'filter' ? 'stations matching a filter' : 'listed stations');
  if (s.whole) parts.push('the whole election');
  return `${parts.join(', ')} of ${s.election}: ${resolved.flaggedCount} of ${resolved.alleged.table.n} stations`;
}

/** describeScope as a catalogue message, so the report can show it in any language. */
function scopeMessage(resolved: ResolvedAllegation): Message {
  const s = resolved.allegation.alleged;
  const parts: MessageParam[] = [];
  const msg = (key: Message['key'], params?: Message['params']): MessageParam => ({
    kind: 'message',
    message: params ? { key, params } : { key },
  });
  if (s.cutoff) {
    const c = s.cutoff;
    const what: MessageParam =
      c.kind === 'snapshot'
        ? msg('scope.snapshot', { id: c.snapshot })
        : c.kind === 'time'
          ? c.iso
          : msg('scope.percentile', { value: c.value });
    parts.push(msg('scope.after_cutoff', { cutoff: what }));
  }
  if (s.region) parts.push(msg('scope.in_region', { level: s.region.level, label: s.region.label }));
  if (s.stations) parts.push(msg(s.stations.kind === 'filter' ? 'scope.filter' : 'scope.listed'));
  if (s.whole) parts.push(msg('scope.whole'));
  return {
    key: 'scope.summary',
    params: {
      what: { kind: 'list', items: parts },
      election: s.election,
      flagged: { kind: 'count', value: resolved.flaggedCount },
      n: { kind: 'count', value: resolved.alleged.table.n },
    },
  };
}

function methodNotes(results: readonly ResultWithContext[]): ReportInput['methods'] {
  const ids = [...new Set(results.map((r) => r.result.method))].sort();
  const notes: { id: string; title: string; reference: string; summary: string }[] = [];
  for (const id of ids) {
    const m = id === 'persistence' ? persistence : methodRegistry.find((x) => x.id === id);
    if (m) notes.push({ id, title: m.title, reference: m.reference, summary: m.summary });
  }
  return notes;
}
