/**
 * Calibration of forensic methods on simulated elections: the rejection rate at alpha on clean
 * elections (the method's real size under realistic heterogeneity) and the detection rate for each
 * injected fraud type and size (power). Rep r uses seed deriveSeed(seed, r); the clean election of a
 * rep is shared by all fraud scenarios of that rep (common random numbers).
 */
import type { BaseMethodOptions, ForensicMethod, MethodResult, PairedForensicMethod } from '../method.ts';
import { createRng, deriveSeed } from '../rng.ts';
import { type SwingOptions, simulateElection, simulateElectionPair } from '../simulate/generate.ts';
import type { SimulatedElection } from '../simulate/ground_truth.ts';
import { defaultIntensity, type InjectionSpec, injectFraud } from '../simulate/inject.ts';
import type { SimulationOptions } from '../simulate/options.ts';
import type { StationTable } from '../station_table.ts';
import { clopperPearson, type RateEstimate, SIZE_FLAG_THRESHOLD } from './intervals.ts';

/** What calibration needs of a method on one table: the part of the ForensicMethod contract it calls. */
export type SingleTableMethod = Pick<ForensicMethod, 'id' | 'options' | 'run'>;

/** What calibration needs of a method on two elections and a flagged set of A's stations (e.g. persistence). */
export type PairedMethod = Pick<PairedForensicMethod, 'id' | 'options' | 'runPair'>;

/** Any method calibration can run. */
export type CalibratableMethod = SingleTableMethod | PairedMethod;

/** Whether a method compares two elections. */
export function isPairedMethod(m: CalibratableMethod): m is PairedMethod {
  return typeof (m as PairedMethod).runPair === 'function';
}

/** The simulated data a calibration runs on. */
export interface CalibrationConditions {
  /** A short label, e.g. "default" or "like bolivia-2019". */
  readonly label: string;
  /** Generator options (stations, sizes, heterogeneity, noise). */
  readonly simulation: Partial<SimulationOptions>;
  /** Swing between the two elections, for paired methods. */
  readonly swing?: Partial<SwingOptions>;
  /** Paired methods: the latest fraction of A's stations by arrival is flagged. */
  readonly flaggedFraction: number;
}

/** What a calibration run does. */
export interface CalibrationPlan {
  readonly reps: number;
  /** Reps on which the fraud scenarios run (the first powerReps reps); default: all. */
  readonly powerReps?: number;
  readonly seed: number;
  readonly alpha: number;
  readonly conditions: CalibrationConditions;
  /** Fraud scenarios for the power table. */
  readonly scenarios: readonly InjectionSpec[];
  /** Options passed to the method; Monte Carlo replicates are capped at CALIBRATION_REPLICATES. */
  readonly methodOptions?: Record<string, unknown>;
}

/** Detection rate of one fraud scenario. */
export interface PowerEntry {
  readonly kind: InjectionSpec['kind'];
  readonly fraction: number;
  readonly intensity: number;
  readonly detectionRate: RateEstimate;
}

/** A method's measured size and power. */
export interface MethodCalibration {
  readonly method: string;
  readonly paired: boolean;
  readonly alpha: number;
  readonly reps: number;
  readonly powerReps: number;
  readonly seed: number;
  readonly conditions: CalibrationConditions;
  readonly methodOptions: Record<string, unknown>;
  /** Rejection rate at alpha on clean elections (of each run's primary result, see primaryResult). */
  readonly falsePositiveRate: RateEstimate;
  /** True when the measured size exceeds SIZE_FLAG_THRESHOLD (0.08 at nominal 0.05). */
  readonly sizeExceedsThreshold: boolean;
  /** Rejection rate on clean elections per whole-table result ("target|statistic"), for multi-result methods. */
  readonly byResult: Record<string, RateEstimate>;
  /** Clean runs that returned an error, by error kind (not counted as rejections). */
  readonly errors: Record<string, number>;
  /** Clean runs with no result carrying a p-value. */
  readonly noTest: number;
  readonly power: readonly PowerEntry[];
}

/**
 * The late segment of the count in calibration: the latest 20 % of stations by arrival are flagged (paired
 * methods) and manipulated (late_count), matching the late-count methods' default cutoff (80th percentile).
 */
export const LATE_FRACTION = 0.2;

/** Default fraud scenarios: each kind in 5 % and 20 % of stations (extreme: 1 % and 5 %; late_count: the latest 20 % at two intensities). */
export const defaultScenarios: readonly InjectionSpec[] = [
  { kind: 'ballot_stuffing', fraction: 0.05 },
  { kind: 'ballot_stuffing', fraction: 0.2 },
  { kind: 'vote_switching', fraction: 0.05 },
  { kind: 'vote_switching', fraction: 0.2 },
  { kind: 'rounding', fraction: 0.05 },
  { kind: 'rounding', fraction: 0.2 },
  { kind: 'fabricated_digits', fraction: 0.05 },
  { kind: 'fabricated_digits', fraction: 0.2 },
  { kind: 'late_count', fraction: LATE_FRACTION, intensity: 0.05 },
  { kind: 'late_count', fraction: LATE_FRACTION, intensity: 0.15 },
  { kind: 'extreme', fraction: 0.01 },
  { kind: 'extreme', fraction: 0.05 },
];

/** Default data conditions: the generator's defaults (2,000 stations, lognormal sizes around 500). */
export const defaultConditions: CalibrationConditions = {
  label: 'default',
  simulation: {},
  flaggedFraction: LATE_FRACTION,
};

/**
 * Named data conditions. `homogeneous` removes every regional, district and station effect and uses
 * binomial noise: a method's own null holds there, so a size far from alpha under `default` but not
 * under `homogeneous` comes from heterogeneity (an innocent explanation), not from a wrong p-value.
 */
export const namedConditions: Readonly<Record<string, CalibrationConditions>> = {
  default: defaultConditions,
  homogeneous: {
    label: 'homogeneous',
    flaggedFraction: LATE_FRACTION,
    simulation: {
      turnoutRegionSd: 0,
      turnoutDistrictSd: 0,
      turnoutStationSd: 0,
      supportRegionSd: 0,
      supportDistrictSd: 0,
      supportStationSd: 0,
      remoteTurnoutEffect: 0,
      remoteLeaderEffect: 0,
      remoteSizeEffect: 0,
      noise: 'binomial',
    },
    swing: { regionSwingSd: 0, districtSwingSd: 0, stationSwingSd: 0, turnoutRegionSwingSd: 0 },
  },
  small: {
    label: 'small',
    flaggedFraction: LATE_FRACTION,
    simulation: { stations: 300, size: { kind: 'lognormal', median: 200, sdLog: 0.45, min: 20, max: 1000 } },
  },
  large: {
    label: 'large',
    flaggedFraction: LATE_FRACTION,
    simulation: { stations: 20000, size: { kind: 'lognormal', median: 1000, sdLog: 0.5, min: 50, max: 5000 } },
  },
};

/**
 * Cap on the replicates of Monte Carlo / permutation methods during calibration. A Monte Carlo p-value
 * (1 + #{T* >= T}) / (B + 1) gives an exact level-alpha test for any B with alpha (B + 1) an integer,
 * so B = 199 measures the same size as a larger default B at a fraction of the cost (power is a little
 * lower). A method whose default is smaller (e.g. 0 = no bootstrap) keeps its default.
 */
export const CALIBRATION_REPLICATES = 199;

/** The options a method runs with during calibration: its defaults, replicates capped, then the plan's. */
export function calibrationOptions(method: CalibratableMethod, plan: CalibrationPlan): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  const spec = method.options.find((o) => o.name === 'replicates');
  if (spec && typeof spec.default === 'number' && spec.default > CALIBRATION_REPLICATES)
    base.replicates = CALIBRATION_REPLICATES;
  return { ...base, ...(plan.methodOptions ?? {}) };
}

/**
 * The result calibration judges: among whole-table results with a p-value (per-region results are
 * left out), the one about `leader` (the candidate injections favour) when there is one, else the first.
 */
export function primaryResult(results: readonly MethodResult[], leader?: string): MethodResult | undefined {
  const whole = results.filter((r) => r.pValue !== null && !r.region);
  return whole.find((r) => r.target === leader) ?? whole[0];
}

function lateFlags(table: StationTable, fraction: number): Uint8Array {
  const flagged = new Uint8Array(table.n);
  const arrival = table.arrival?.values;
  if (!arrival) return flagged;
  const m = Math.round(fraction * table.n);
  const order = Array.from({ length: table.n }, (_, i) => i).sort((x, y) => arrival[y] - arrival[x] || y - x);
  for (let k = 0; k < m; k++) flagged[order[k]] = 1;
  return flagged;
}

function resultKey(r: MethodResult): string {
  return `${r.target ?? ''}|${r.statisticName}`;
}

/** One simulated rep: A (possibly with fraud), B for paired methods, and the flagged set. */
interface RepData {
  a: SimulatedElection;
  b: SimulatedElection | null;
  flagged: Uint8Array | null;
}

function runOnce(method: CalibratableMethod, data: RepData, planned: Record<string, unknown>, seed: number) {
  const rng = createRng(seed);
  // The plan's options come from the method's own option specs and the calibration plan; each method validates them.
  const options = planned as BaseMethodOptions;
  if (isPairedMethod(method)) {
    return method.runPair(data.a.table, data.b!.table, data.flagged!, options, rng);
  }
  return method.run(data.a.table, options, rng);
}

/** Raw tallies of a range of reps: plain data, so that ranges run in parallel can be merged. */
export interface CalibrationCounts {
  rejections: number;
  runs: number;
  noTest: number;
  errors: Record<string, number>;
  byResult: Record<string, { count: number; runs: number }>;
  hits: number[];
  tries: number[];
}

/** Empty tallies for a plan. */
export function emptyCounts(plan: CalibrationPlan): CalibrationCounts {
  const s = plan.scenarios.length;
  return {
    rejections: 0,
    runs: 0,
    noTest: 0,
    errors: {},
    byResult: {},
    hits: new Array(s).fill(0),
    tries: new Array(s).fill(0),
  };
}

/** Adds tallies `b` into `a`. */
export function mergeCounts(a: CalibrationCounts, b: CalibrationCounts): CalibrationCounts {
  a.rejections += b.rejections;
  a.runs += b.runs;
  a.noTest += b.noTest;
  for (const [k, v] of Object.entries(b.errors)) a.errors[k] = (a.errors[k] ?? 0) + v;
  for (const [k, v] of Object.entries(b.byResult)) {
    const e = a.byResult[k] ?? { count: 0, runs: 0 };
    a.byResult[k] = { count: e.count + v.count, runs: e.runs + v.runs };
  }
  for (let s = 0; s < a.hits.length; s++) {
    a.hits[s] += b.hits[s];
    a.tries[s] += b.tries[s];
  }
  return a;
}

/**
 * Runs reps [from, to) of a plan. Fraud scenarios run on the first `plan.powerReps` reps only
 * (default: all), since power needs less precision than size.
 */
export function calibrationCounts(
  method: CalibratableMethod,
  plan: CalibrationPlan,
  from: number,
  to: number,
  onRep?: (rep: number) => void,
): CalibrationCounts {
  const paired = isPairedMethod(method);
  const options = calibrationOptions(method, plan);
  const cond = plan.conditions;
  const powerReps = plan.powerReps ?? plan.reps;
  const c = emptyCounts(plan);
  for (let rep = from; rep < to; rep++) {
    const repSeed = deriveSeed(plan.seed, rep);
    const simRng = createRng(deriveSeed(repSeed, 0));
    let clean: RepData;
    if (paired) {
      const pair = simulateElectionPair(cond.simulation, simRng, cond.swing);
      clean = { a: pair.second, b: pair.first, flagged: lateFlags(pair.second.table, cond.flaggedFraction) };
    } else {
      clean = { a: simulateElection(cond.simulation, simRng), b: null, flagged: null };
    }
    const methodSeed = deriveSeed(repSeed, 1);
    const res = runOnce(method, clean, options, methodSeed);
    if (!res.ok) {
      c.errors[res.error.kind] = (c.errors[res.error.kind] ?? 0) + 1;
    } else {
      const first = primaryResult(res.value, clean.a.truth.leader);
      if (!first || first.pValue === null) c.noTest++;
      else {
        c.runs++;
        if (first.pValue <= plan.alpha) c.rejections++;
      }
      for (const r of res.value) {
        if (r.pValue === null || r.region) continue;
        const key = resultKey(r);
        const e = c.byResult[key] ?? { count: 0, runs: 0 };
        e.runs++;
        if (r.pValue <= plan.alpha) e.count++;
        c.byResult[key] = e;
      }
    }
    if (rep < powerReps) {
      for (let s = 0; s < plan.scenarios.length; s++) {
        const injected = injectFraud(clean.a, plan.scenarios[s], createRng(deriveSeed(repSeed, 2 + s)));
        const fr = runOnce(method, { ...clean, a: injected }, options, methodSeed);
        const primary = fr.ok ? primaryResult(fr.value, clean.a.truth.leader) : undefined;
        if (!primary || primary.pValue === null) continue;
        c.tries[s]++;
        if (primary.pValue <= plan.alpha) c.hits[s]++;
      }
    }
    onRep?.(rep);
  }
  return c;
}

/** Turns tallies into the reported calibration (rates with Clopper-Pearson intervals, size flag). */
export function summarizeCalibration(
  method: CalibratableMethod,
  plan: CalibrationPlan,
  c: CalibrationCounts,
): MethodCalibration {
  const falsePositiveRate = clopperPearson(c.rejections, c.runs);
  const byResult: Record<string, RateEstimate> = {};
  for (const key of Object.keys(c.byResult).sort())
    byResult[key] = clopperPearson(c.byResult[key].count, c.byResult[key].runs);
  return {
    method: method.id,
    paired: isPairedMethod(method),
    alpha: plan.alpha,
    reps: plan.reps,
    powerReps: Math.min(plan.reps, plan.powerReps ?? plan.reps),
    seed: plan.seed,
    conditions: plan.conditions,
    methodOptions: calibrationOptions(method, plan),
    falsePositiveRate,
    sizeExceedsThreshold: falsePositiveRate.rate !== null && falsePositiveRate.rate > SIZE_FLAG_THRESHOLD,
    byResult,
    errors: c.errors,
    noTest: c.noTest,
    power: plan.scenarios.map((spec, s) => ({
      kind: spec.kind,
      fraction: spec.fraction,
      intensity: spec.intensity ?? defaultIntensity[spec.kind],
      detectionRate: clopperPearson(c.hits[s], c.tries[s]),
    })),
  };
}

/** The plan recorded for a method that gives no p-value: the one probe rep, no power scenarios. */
export function estimateOnlyPlan(plan: CalibrationPlan): CalibrationPlan {
  return { ...plan, reps: 1, powerReps: 0, scenarios: [] };
}

/**
 * Runs the first clean rep only. When the method returned results but none with a p-value (an
 * estimate, not a test), there is no size or power to measure: returns those tallies; else null.
 */
export function probeEstimateOnly(method: CalibratableMethod, plan: CalibrationPlan): CalibrationCounts | null {
  const probe = estimateOnlyPlan(plan);
  const c = calibrationCounts(method, probe, 0, 1);
  return c.noTest === 1 && c.runs === 0 && Object.keys(c.errors).length === 0 ? c : null;
}

/** Calibrates one method: clean rejection rate and detection rate per scenario. Pure and deterministic. */
export function calibrateMethod(
  method: CalibratableMethod,
  plan: CalibrationPlan,
  onRep?: (rep: number) => void,
): MethodCalibration {
  const estimate = probeEstimateOnly(method, plan);
  if (estimate) return summarizeCalibration(method, estimateOnlyPlan(plan), estimate);
  return summarizeCalibration(method, plan, calibrationCounts(method, plan, 0, plan.reps, onRep));
}
