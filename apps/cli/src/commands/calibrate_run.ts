/**
 * Runs calibrations over worker threads: each method's reps are cut into chunks; workers pull chunks
 * and return plain tallies that are merged per method. Results do not depend on the number of workers
 * (rep r always uses deriveSeed(seed, r)).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type CalibratableMethod,
  type CalibrationCounts,
  type CalibrationPlan,
  calibrationCounts,
  emptyCounts,
  estimateOnlyPlan,
  type InjectionSpec,
  type MethodCalibration,
  mergeCounts,
  methodRegistry,
  persistence,
  probeEstimateOnly,
  summarizeCalibration,
} from '@tally/core';
import { bundledEntry } from '@tally/parallel/bundle_location';

/** Every method calibration can run: the registry's single-table methods and the paired ones. */
export function calibratableMethods(): CalibratableMethod[] {
  const list: CalibratableMethod[] = [...methodRegistry];
  if (!list.some((m) => m.id === persistence.id)) list.push(persistence);
  return list;
}

/** Where a method's default calibration is cut to keep `tally calibrate` within minutes. */
export interface CalibrationBudget {
  readonly reps: number;
  readonly powerReps: number;
  readonly methodOptions?: Record<string, unknown>;
  /** Scenarios that concern the method (the rest are skipped for it). */
  readonly scenarios?: readonly InjectionSpec[];
}

/**
 * Budgets of expensive methods, applied unless --reps is given. rozenas_spikes fits a beta-binomial
 * mixture by EM for every run (seconds per run), so it gets fewer reps (a wide interval), 99
 * replicates (an exact Monte Carlo level at alpha 0.05) and only the manipulations it targets.
 */
export const calibrationBudgets: Readonly<Record<string, CalibrationBudget>> = {
  rozenas_spikes: {
    reps: 60,
    powerReps: 10,
    methodOptions: { replicates: 99 },
    scenarios: [
      { kind: 'rounding', fraction: 0.2 },
      { kind: 'extreme', fraction: 0.05 },
    ],
  },
};

/** The plan for one method: the shared plan, cut to the method's budget unless `explicitReps`. */
export function planFor(methodId: string, plan: CalibrationPlan, explicitReps: boolean): CalibrationPlan {
  const budget = calibrationBudgets[methodId];
  if (!budget || explicitReps) return plan;
  return {
    ...plan,
    reps: Math.min(plan.reps, budget.reps),
    powerReps: Math.min(plan.powerReps ?? plan.reps, budget.powerReps),
    methodOptions: { ...budget.methodOptions, ...plan.methodOptions },
    scenarios: budget.scenarios ?? plan.scenarios,
  };
}

/** A chunk of work for a worker. */
export interface CalibrationJob {
  readonly methodId: string;
  readonly plan: CalibrationPlan;
  readonly from: number;
  readonly to: number;
}

/** Runs one job in this thread. */
export function runJob(job: CalibrationJob): CalibrationCounts {
  const method = calibratableMethods().find((m) => m.id === job.methodId);
  if (!method) throw new Error(`internal error: unknown method ${job.methodId}`);
  return calibrationCounts(method, job.plan, job.from, job.to);
}

/** Default worker count: the machine's parallelism, at most 4. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Calibrates methods with `workers` threads (1 = in this thread); `onDone` is called as each method completes. */
export async function calibrateAll(
  methods: readonly CalibratableMethod[],
  planOf: CalibrationPlan | ((methodId: string) => CalibrationPlan),
  workers: number,
  onDone?: (c: MethodCalibration, seconds: number) => void,
): Promise<MethodCalibration[]> {
  const plans = new Map(methods.map((m) => [m.id, typeof planOf === 'function' ? planOf(m.id) : planOf]));
  const results = new Map<string, MethodCalibration>();
  // Estimates (no p-value) are recognised on one clean rep and not run further: nothing to calibrate.
  for (const m of methods) {
    const t0 = performance.now();
    const estimate = probeEstimateOnly(m, plans.get(m.id)!);
    if (!estimate) continue;
    const result = summarizeCalibration(m, estimateOnlyPlan(plans.get(m.id)!), estimate);
    results.set(m.id, result);
    onDone?.(result, (performance.now() - t0) / 1000);
  }
  const jobs: CalibrationJob[] = [];
  // Costly (budgeted) methods first, so that the cheap ones fill the other workers meanwhile.
  const order = [...methods].sort((a, b) => Number(b.id in calibrationBudgets) - Number(a.id in calibrationBudgets));
  for (const m of order) {
    if (results.has(m.id)) continue;
    const plan = plans.get(m.id)!;
    const chunk = m.id in calibrationBudgets ? 2 : Math.max(1, Math.ceil(plan.reps / Math.max(4, workers * 4)));
    for (let from = 0; from < plan.reps; from += chunk)
      jobs.push({ methodId: m.id, plan, from, to: Math.min(plan.reps, from + chunk) });
  }
  const counts = new Map<string, CalibrationCounts>(methods.map((m) => [m.id, emptyCounts(plans.get(m.id)!)]));
  const pending = new Map<string, number>(methods.map((m) => [m.id, jobs.filter((j) => j.methodId === m.id).length]));
  const started = new Map<string, number>();
  const finish = (job: CalibrationJob, c: CalibrationCounts): void => {
    mergeCounts(counts.get(job.methodId)!, c);
    const left = pending.get(job.methodId)! - 1;
    pending.set(job.methodId, left);
    if (left === 0) {
      const method = methods.find((m) => m.id === job.methodId)!;
      const result = summarizeCalibration(method, plans.get(job.methodId)!, counts.get(job.methodId)!);
      results.set(job.methodId, result);
      onDone?.(result, (performance.now() - started.get(job.methodId)!) / 1000);
    }
  };
  let next = 0;
  const take = (): CalibrationJob | undefined => {
    const job = jobs[next++];
    if (job && !started.has(job.methodId)) started.set(job.methodId, performance.now());
    return job;
  };
  if (workers <= 1) {
    for (let job = take(); job; job = take()) finish(job, runJob(job));
  } else {
    await Promise.all(
      Array.from({ length: Math.min(workers, jobs.length) }, async () => {
        const worker = startWorker();
        try {
          for (let job = take(); job; job = take()) finish(job, await ask(worker, job));
        } finally {
          await worker.terminate();
        }
      }),
    );
  }
  return methods.map((m) => results.get(m.id)!);
}

/**
 * Starts a worker: from the bundled CLI, its calibrate_worker.mjs entry; under tsx, one that registers the
 * TypeScript loader (as bin/tally.js does) before loading the worker module.
 */
function startWorker(): Worker {
  const bundled = bundledEntry('calibrate_worker.mjs');
  if (bundled !== undefined) return new Worker(bundled);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./calibrate_worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

function ask(worker: Worker, job: CalibrationJob): Promise<CalibrationCounts> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { ok: true; counts: CalibrationCounts } | { ok: false; message: string }): void => {
      cleanup();
      if (msg.ok) resolve(msg.counts);
      else reject(new Error(msg.message));
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job);
  });
}
