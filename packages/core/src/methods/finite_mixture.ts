/**
 * Finite-mixture fraud model: no-fraud, incremental-fraud and extreme-fraud stations.
 *
 * Detects: a class of stations whose turnout and winner votes are both inflated, as if a share m of
 * the non-voters had been turned into winner votes ("manufactured") and a share s of the opposition
 * votes moved to the winner ("stolen"): incremental fraud with m, s below 0.7, extreme fraud above.
 * Null model: every station is clean: turnout ~ Beta, winner share ~ Beta (independent), counts
 * binomial given them; the estimate is the share pi_1 + pi_2 of stations in the fraud classes.
 * Assumptions: clean turnout and clean support are independent within a covariate group (by default
 * the narrowest region level with a median of >= 20 stations per region, so regional differences are
 * not read as fraud; regions under 10 stations are pooled); fraud magnitudes are shared by all stations of a class; stations independent.
 * Innocent reasons for a large fraud share: turnout and support that rise together for real reasons
 * inside a group (mobilisation of the winner's strongholds, small closed communities, institutions
 * such as barracks or hospitals voting en bloc); a clean distribution the Beta family fits badly.
 * With group-level clean distributions, fraud that covers a whole group is absorbed into that
 * group's clean distribution and not counted (use regionLevel = none to compare).
 * The result is an estimate (pValue null); docs/methods/finite_mixture.md reports its false-positive
 * behaviour on clean simulated elections.
 *
 * Model in the spirit of the binomial-logistic model of eforensics: Ferrari, D., McAlister, K. and
 * Mebane, W. R. Jr. (2018), "Developments in positive empirical models of election frauds:
 * dimensions and decisions", Summer Meeting of the Society for Political Methodology; Mebane, W. R.
 * Jr. et al., R package eforensics. Differences: fitted by EM in seconds, not by MCMC; clean rates
 * are Beta (overdispersed) instead of logistic with covariates; magnitudes are class-level constants.
 * Fraud mechanics as in Klimek, Yegorov, Hanel & Thurner (2012), PNAS 109(41): 16469-16473.
 *
 * The method is four files, one step each: this one is the ForensicMethod (options, covariate groups,
 * results); finite_mixture_model.ts the likelihoods; finite_mixture_quadrature.ts the numerical
 * integration they need; finite_mixture_fit.ts the EM fit.
 */
import type { BaseMethodOptions, ForensicMethod, MethodResult } from '../method.ts';
import { err, ok, type Result } from '../result.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';
import {
  defaultFitSettings,
  eStep,
  type FitSettings,
  fitFraudMixture,
  groupStartingParams,
} from './finite_mixture_fit.ts';
import { type FraudMixtureParams, STATS_PER_CLASS } from './finite_mixture_model.ts';
import { FAST_QUADRATURE_NODES, FAST_WINDOW, QuadratureScratch } from './finite_mixture_quadrature.ts';
import { selectStationCounts } from './station_counts.ts';

/** Options of the finite-mixture method. */
export interface FiniteMixtureOptions extends BaseMethodOptions {
  /** Region level whose regions get their own clean distributions: '' = automatic, 'none' = national. */
  regionLevel?: string;
  /** Magnitude separating incremental from extreme fraud (eforensics: 0.7). */
  threshold?: number;
  maxIterations?: number;
  /** Above this many stations the parameters are fitted on an evenly spaced subsample. */
  maxFitStations?: number;
  /** Above this many stations, the stations are scored after a subsample fit with the rule of the EM iterations. */
  maxAccurateStations?: number;
  /** Stations listed in details, by probability of a fraud class. */
  topStations?: number;
}

const defaults = {
  threshold: 0.7,
  maxIterations: 400,
  maxFitStations: 20000,
  maxAccurateStations: 200000,
  topStations: 20,
};
const MIN_STATIONS = 50;
/** Stations per block of the final E-step over all stations (posterior summaries of 1.5 MB a block). */
const E_STEP_BLOCK = 8192;
/** Fast scoring: Laplace's method for a fraud class below e^-20 of the clean class (the bounds keep 40 nodes). */
const NEGLIGIBLE_CLASS = 20;
const MIN_GROUP = 10;
const AUTO_MEDIAN = 20;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)];
}

/** Group codes of the kept stations; small regions are pooled into one group. */
function resolveGroups(
  table: StationTable,
  index: Int32Array,
  level: string,
): Result<{ level: string; group: Int32Array; groups: number; pooled: number }> {
  const national = { level: 'none', group: new Int32Array(index.length), groups: 1, pooled: 0 };
  if (level === 'none') return ok(national);
  let li = -1;
  if (level !== '') {
    li = table.regions.findIndex((r) => r.name === level);
    if (li < 0)
      return err({ kind: 'invalid_options', option: 'regionLevel', message: `no region level named "${level}"` });
  } else {
    for (let l = table.regions.length - 1; l >= 0 && li < 0; l--) {
      const counts = new Map<number, number>();
      for (const i of index) counts.set(table.regions[l].codes[i], (counts.get(table.regions[l].codes[i]) ?? 0) + 1);
      if (counts.size >= 2 && median([...counts.values()]) >= AUTO_MEDIAN) li = l;
    }
    if (li < 0) return ok(national);
  }
  const codes = table.regions[li].codes;
  const counts = new Map<number, number>();
  for (const i of index) counts.set(codes[i], (counts.get(codes[i]) ?? 0) + 1);
  const id = new Map<number, number>();
  let next = 0;
  let pooled = 0;
  const group = new Int32Array(index.length);
  let pooledId = -1;
  for (let j = 0; j < index.length; j++) {
    const c = codes[index[j]];
    if ((counts.get(c) ?? 0) < MIN_GROUP) {
      if (pooledId < 0) pooledId = next++;
      group[j] = pooledId;
      pooled++;
      continue;
    }
    let g = id.get(c);
    if (g === undefined) {
      g = next++;
      id.set(c, g);
    }
    group[j] = g;
  }
  return ok({ level: table.regions[li].name, group, groups: next, pooled });
}

/**
 * The `top` stations with the highest probability of a fraud class, highest first, ties by station order: the
 * first `top` of a sort of all n by that order, kept in a short sorted list as the stations go by (a sort of
 * all n costs more than the rest of the summary at a million stations). With a NaN probability the order is
 * not a total one, and all n are sorted as before.
 */
export function mostLikelyFraud(resp: Float64Array, n: number, top: number): number[] {
  const pf = (i: number) => resp[3 * i + 1] + resp[3 * i + 2];
  const before = (a: number, b: number) => pf(b) - pf(a) || a - b;
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = pf(i);
    if (Number.isNaN(p)) {
      const order = Array.from({ length: n }, (_, j) => j);
      order.sort(before);
      return order.slice(0, top);
    }
    if (best.length === top && !(before(i, best[top - 1]) < 0)) continue;
    let at = best.length;
    while (at > 0 && before(i, best[at - 1]) < 0) at--;
    best.splice(at, 0, i);
    if (best.length > top) best.pop();
  }
  return best;
}

function runFiniteMixture(table: StationTable, options: FiniteMixtureOptions): Result<MethodResult[]> {
  const threshold = options.threshold ?? defaults.threshold;
  const maxIterations = options.maxIterations ?? defaults.maxIterations;
  const maxFit = options.maxFitStations ?? defaults.maxFitStations;
  const top = options.topStations ?? defaults.topStations;
  const maxAccurate = options.maxAccurateStations ?? defaults.maxAccurateStations;
  const bad = (option: string, message: string) => err({ kind: 'invalid_options' as const, option, message });
  if (!(threshold >= 0.2 && threshold <= 0.95)) return bad('threshold', 'threshold must be in [0.2, 0.95]');
  if (!Number.isInteger(maxIterations) || maxIterations < 2) return bad('maxIterations', 'maxIterations must be >= 2');
  if (!Number.isInteger(maxFit) || maxFit < MIN_STATIONS)
    return bad('maxFitStations', `maxFitStations must be >= ${MIN_STATIONS}`);
  if (!Number.isInteger(top) || top < 0) return bad('topStations', 'topStations must be a non-negative integer');
  if (!Number.isInteger(maxAccurate) || maxAccurate < 0)
    return bad('maxAccurateStations', 'maxAccurateStations must be a non-negative integer');

  const sel = selectStationCounts(table, options.candidate, shareDenominator(table));
  if (!sel.ok) return sel;
  const { registered: N, total: T, votes: W, excluded, candidate, index } = sel.value;
  const n = T.length;
  if (n < MIN_STATIONS)
    return err({
      kind: 'insufficient_data',
      message: `finite_mixture needs at least ${MIN_STATIONS} usable stations, got ${n}`,
      needed: MIN_STATIONS,
      got: n,
    });
  const gr = resolveGroups(table, index, options.regionLevel ?? '');
  if (!gr.ok) return gr;
  const { group, groups } = gr.value;

  const settings: FitSettings = { ...defaultFitSettings, threshold, maxIterations };
  let fitN = N;
  let fitT = T;
  let fitW = W;
  let fitG = group;
  if (n > maxFit) {
    const pick = Int32Array.from({ length: maxFit }, (_, j) => Math.floor(((j + 0.5) * n) / maxFit));
    fitN = Float64Array.from(pick, (i) => N[i]);
    fitT = Float64Array.from(pick, (i) => T[i]);
    fitW = Float64Array.from(pick, (i) => W[i]);
    fitG = Int32Array.from(pick, (i) => group[i]);
  }
  // Two starts for the incremental class (vote stealing near 0, or as large as manufacturing): a short
  // run of each, then the better one to convergence; EM has separate optima for the two shapes.
  // Each group's clean Betas start at its own moments, computed once for both starts.
  const s0 = groupStartingParams(fitN, fitT, fitW, fitG, groups, settings);
  const starts = [s0, s0.map((p) => ({ ...p, incremental: { ...p.incremental, stolen: p.incremental.manufactured } }))];
  const pre = starts.map((st) => fitFraudMixture(fitN, fitT, fitW, { ...settings, maxIterations: 15 }, st, fitG));
  const best = pre[0].logLik >= pre[1].logLik ? pre[0] : pre[1];
  const fit = fitFraudMixture(
    fitN,
    fitT,
    fitW,
    settings,
    best.groups.map((g) => ({ ...best.params, turnout: g.turnout, support: g.support })),
    fitG,
  );
  const p = fit.params;
  let resp = fit.responsibilities;
  let logLik = fit.logLik;
  const perManufactured = new Float64Array(n);
  const perStolen = new Float64Array(n);
  // Manufactured and stolen votes of stations from..to, whose posterior summaries start at stats[0].
  const addFraudVotes = (from: number, to: number, stats: Float64Array) => {
    for (let i = from; i < to; i++) {
      for (const k of [1, 2]) {
        const f = k === 1 ? p.incremental : p.extreme;
        const o = 3 * STATS_PER_CLASS * (i - from) + STATS_PER_CLASS * k;
        const r = resp[3 * i + k];
        perManufactured[i] += r * f.manufactured * N[i] * (1 - stats[o + 2]);
        perStolen[i] += r * f.stolen * N[i] * stats[o + 6] * (1 - stats[o + 5]);
      }
    }
  };
  const fastScoring = n > maxFit && n > maxAccurate;
  if (n > maxFit) {
    // Every station under the fitted parameters, a block at a time: the posterior summaries of one block
    // (24 numbers a station) are read for the votes and then overwritten by the next. On the largest tables
    // with the iteration rule: the fitted parameters (and the statistic) do not depend on it.
    const gp: FraudMixtureParams[] = fit.groups.map((g) => ({ ...fit.params, turnout: g.turnout, support: g.support }));
    resp = new Float64Array(3 * n);
    const stats = new Float64Array(3 * STATS_PER_CLASS * Math.min(n, E_STEP_BLOCK));
    const scratch = fastScoring
      ? new QuadratureScratch(FAST_QUADRATURE_NODES, FAST_WINDOW.sd, FAST_WINDOW.drop)
      : new QuadratureScratch();
    if (fastScoring) {
      scratch.negligible = NEGLIGIBLE_CLASS;
      scratch.boundary = new QuadratureScratch();
    }
    logLik = 0;
    for (let from = 0; from < n; from += E_STEP_BLOCK) {
      const to = Math.min(n, from + E_STEP_BLOCK);
      const block = <T extends Float64Array | Int32Array>(x: T, width: number) =>
        x.subarray(width * from, width * to) as T;
      logLik = eStep(
        block(N, 1),
        block(T, 1),
        block(W, 1),
        gp,
        block(group, 1),
        scratch,
        block(resp, 3),
        stats,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        logLik,
      );
      addFraudVotes(from, to, stats);
    }
  } else addFraudVotes(0, n, fit.stats);

  let manufactured = 0;
  let stolen = 0;
  let winnerVotes = 0;
  const expected = [0, 0, 0];
  const above = [0, 0, 0];
  const hist = new Array<number>(10).fill(0);
  for (let i = 0; i < n; i++) {
    winnerVotes += W[i];
    for (let k = 0; k < 3; k++) {
      expected[k] += resp[3 * i + k];
      if (resp[3 * i + k] > 0.5) above[k]++;
    }
    manufactured += perManufactured[i];
    stolen += perStolen[i];
    const pf = resp[3 * i + 1] + resp[3 * i + 2];
    hist[Math.min(9, Math.floor(pf * 10))]++;
  }
  const topStations = mostLikelyFraud(resp, n, top).map((i) => ({
    id: table.ids[index[i]],
    registered: N[i],
    votes: T[i],
    winner: W[i],
    pIncremental: resp[3 * i + 1],
    pExtreme: resp[3 * i + 2],
    manufactured: perManufactured[i],
    stolen: perStolen[i],
  }));
  const fraudShare = p.pi[1] + p.pi[2];
  const warnings: string[] = [];
  if (!fit.converged) warnings.push(`EM stopped at ${maxIterations} iterations before converging`);
  if (n > maxFit) warnings.push(`parameters fitted on an evenly spaced subsample of ${maxFit} of ${n} stations`);
  if (fastScoring)
    warnings.push(
      `above ${maxAccurate} stations every station is scored with the ${FAST_QUADRATURE_NODES}-node quadrature of the EM iterations`,
    );
  if (gr.value.level === 'none' && table.regions.length > 0)
    warnings.push('one national clean distribution: regional differences in turnout and support can be read as fraud');
  return ok([
    {
      method: 'finite_mixture',
      target: candidate,
      statistic: fraudShare,
      statisticName: 'fraud_class_share',
      pValue: null,
      pValueKind: 'none',
      n,
      excluded,
      details: {
        pi: { noFraud: p.pi[0], incremental: p.pi[1], extreme: p.pi[2] },
        incremental: p.incremental,
        extreme: p.extreme,
        threshold,
        votes: {
          manufactured,
          stolen,
          winnerVotes,
          manufacturedShareOfWinner: winnerVotes > 0 ? manufactured / winnerVotes : 0,
          stolenShareOfWinner: winnerVotes > 0 ? stolen / winnerVotes : 0,
        },
        stations: {
          expected: { noFraud: expected[0], incremental: expected[1], extreme: expected[2] },
          probabilityAboveHalf: { noFraud: above[0], incremental: above[1], extreme: above[2] },
          fraudProbabilityHistogram: hist,
          top: topStations,
        },
        clean: {
          regionLevel: gr.value.level,
          groups,
          pooledStations: gr.value.pooled,
          ...(groups === 1 ? { turnout: p.turnout, support: p.support } : {}),
        },
        logLik,
        iterations: fit.iterations,
        startIterations: pre[0].iterations + pre[1].iterations,
        converged: fit.converged,
        fittedStations: fitN.length,
      },
      warnings,
    },
  ]);
}

/** Three-class (no, incremental, extreme fraud) binomial mixture fitted by EM. */
export const finiteMixtureMethod: ForensicMethod<FiniteMixtureOptions> = {
  id: 'finite_mixture',
  title: 'Finite-mixture fraud model (no / incremental / extreme fraud)',
  family: 'turnout_excess',
  question: 'What share of stations does the finite-mixture model put in incremental or extreme fraud?',
  reference:
    'Ferrari, D., McAlister, K. & Mebane, W. R. Jr. (2018). Developments in positive empirical models of election frauds: dimensions and decisions. Summer Meeting of the Society for Political Methodology.',
  summary:
    'A class of stations with turnout and winner votes inflated together suggests manufactured or stolen votes; real co-movement of turnout and support inside a region produces the same pattern.',
  requires: ['registered', 'valid', 'candidates'],
  options: [
    { name: 'candidate', description: 'winner examined (default: national leader)', type: 'string', default: '' },
    {
      name: 'regionLevel',
      description: "region level with its own clean distributions ('' automatic, 'none' national)",
      type: 'string',
      default: '',
    },
    {
      name: 'threshold',
      description: 'magnitude between incremental and extreme fraud',
      type: 'number',
      default: defaults.threshold,
    },
    { name: 'maxIterations', description: 'EM iteration limit', type: 'number', default: defaults.maxIterations },
    {
      name: 'maxFitStations',
      description: 'fit on a subsample above this size',
      type: 'number',
      default: defaults.maxFitStations,
    },
    {
      name: 'maxAccurateStations',
      description: 'above this size, score every station with the faster 18-node quadrature',
      type: 'number',
      default: defaults.maxAccurateStations,
    },
    {
      name: 'topStations',
      description: 'stations listed by fraud-class probability',
      type: 'number',
      default: defaults.topStations,
    },
  ],
  run: (table, options) => runFiniteMixture(table, options),
};
