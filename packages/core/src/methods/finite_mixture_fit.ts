/**
 * EM fit of the finite-mixture fraud model (finite_mixture_model.ts). E-step: class responsibilities
 * and posterior expectations of log tau, log(1 - tau), log nu, log(1 - nu) (closed form for the clean
 * class, quadrature for the fraud classes). M-step: pi in closed form; the two Beta distributions by
 * Newton on their expected sufficient statistics (alpha, beta >= 1 keeps the integrands log-concave);
 * the fraud magnitudes by a damped Newton step per coordinate on the class's weighted log-likelihood
 * (a generalised EM step: every step increases the observed-data likelihood).
 */
import { digamma, logBeta, trigamma } from '../numeric/polygamma.ts';
import {
  classLogLik,
  type FraudMixtureParams,
  fraudSupportLogLik,
  fraudTurnoutLogLik,
  STATS_PER_CLASS,
} from './finite_mixture_model.ts';
import { FAST_QUADRATURE_NODES, FAST_WINDOW, QuadratureScratch } from './finite_mixture_quadrature.ts';

/** Bounds of the fraud magnitudes: incremental in [minIncremental, threshold], extreme in [threshold, maxExtreme]. */
export interface FitSettings {
  readonly threshold: number;
  readonly minIncremental: number;
  readonly maxExtreme: number;
  readonly maxIterations: number;
  readonly tolerance: number;
  /**
   * Incremental class: stolen share at most the manufactured share. Without it a class with m ~ 0
   * and s > 0 is only a second, higher support level, and absorbs natural support heterogeneity.
   */
  readonly boundStolen: boolean;
}

/** Defaults: eforensics' k = 0.7 between incremental and extreme fraud. */
export const defaultFitSettings: FitSettings = {
  threshold: 0.7,
  minIncremental: 0.02,
  maxExtreme: 0.995,
  maxIterations: 400,
  tolerance: 1e-6,
  boundStolen: true,
};

/** A fitted model with per-station class probabilities and posterior summaries. */
export interface FraudMixtureFit {
  /** Parameters; turnout and support are those of group 0 (the only group without covariate groups). */
  readonly params: FraudMixtureParams;
  /** Clean turnout and support Beta distributions per group. */
  readonly groups: readonly { turnout: FraudMixtureParams['turnout']; support: FraudMixtureParams['support'] }[];
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Row-major n x 3 class probabilities. */
  readonly responsibilities: Float64Array;
  /** Row-major n x 24 posterior summaries (see classLogLik). */
  readonly stats: Float64Array;
}

/** Solves psi(a) - psi(a + b) = m1, psi(b) - psi(a + b) = m2 by Newton in log space, a, b >= 1. */
export function betaFromLogMoments(m1: number, m2: number, a0: number, b0: number): { alpha: number; beta: number } {
  let a = a0;
  let b = b0;
  for (let it = 0; it < 100; it++) {
    const dab = digamma(a + b);
    const g1 = digamma(a) - dab - m1;
    const g2 = digamma(b) - dab - m2;
    const tab = trigamma(a + b);
    const j11 = trigamma(a) - tab;
    const j22 = trigamma(b) - tab;
    const j12 = -tab;
    const det = j11 * j22 - j12 * j12;
    const da = (j22 * g1 - j12 * g2) / det;
    const db = (-j12 * g1 + j11 * g2) / det;
    const na = Math.min(1e6, Math.max(1, a - da > 0 ? a - da : a / 2));
    const nb = Math.min(1e6, Math.max(1, b - db > 0 ? b - db : b / 2));
    const done = Math.abs(na - a) < 1e-10 * a && Math.abs(nb - b) < 1e-10 * b;
    a = na;
    b = nb;
    if (done) break;
  }
  return { alpha: a, beta: b };
}

function moments(x: Float64Array): { alpha: number; beta: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i];
    s2 += x[i] * x[i];
  }
  const m = Math.min(0.95, Math.max(0.05, s / x.length));
  const v = Math.max(1e-5, s2 / x.length - (s / x.length) ** 2);
  const phi = Math.min(1e4, Math.max(2.5, (m * (1 - m)) / v - 1));
  return { alpha: Math.max(1, m * phi), beta: Math.max(1, (1 - m) * phi) };
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Starting values: moments of observed turnout and share for the clean class, mid-range magnitudes. */
export function startingParams(N: Float64Array, t: Float64Array, w: Float64Array, s: FitSettings): FraudMixtureParams {
  const x = Float64Array.from(t, (v, i) => v / N[i]);
  const y = Float64Array.from(w, (v, i) => v / t[i]);
  return {
    pi: [0.9, 0.07, 0.03],
    turnout: moments(x),
    support: moments(y),
    incremental: { manufactured: 0.5 * (s.minIncremental + s.threshold), stolen: s.minIncremental },
    extreme: { manufactured: 0.5 * (s.threshold + s.maxExtreme), stolen: 0.5 * (s.threshold + s.maxExtreme) },
  };
}

/**
 * Starting values per covariate group: the national start with each group's clean Betas from the
 * moments of its own stations (the national ones for a group without stations).
 */
export function groupStartingParams(
  N: Float64Array,
  t: Float64Array,
  w: Float64Array,
  group: Int32Array,
  groups: number,
  s: FitSettings,
): FraudMixtureParams[] {
  const national = startingParams(N, t, w, s);
  const members: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < N.length; i++) members[group[i]].push(i);
  return members.map((idx) => {
    if (idx.length === 0) return national;
    const x = Float64Array.from(idx, (i) => t[i] / N[i]);
    const y = Float64Array.from(idx, (i) => w[i] / t[i]);
    return { ...national, turnout: moments(x), support: moments(y) };
  });
}

/** One damped Newton step per magnitude (in logit space within its bounds) on the class log-likelihood. */
function updateMagnitudes(
  k: 1 | 2,
  gp: readonly FraudMixtureParams[],
  group: Int32Array,
  active: Int32Array,
  weight: Float64Array,
  N: Float64Array,
  t: Float64Array,
  w: Float64Array,
  s: FitSettings,
  sc: QuadratureScratch,
): { manufactured: number; stolen: number } {
  const cur = k === 1 ? gp[0].incremental : gp[0].extreme;
  const lo = k === 1 ? s.minIncremental : s.threshold;
  const hi = k === 1 ? s.threshold : s.maxExtreme;
  const lbT = gp.map((p) => logBeta(p.turnout.alpha, p.turnout.beta));
  const lbV = gp.map((p) => logBeta(p.support.alpha, p.support.beta));
  // The turnout factor depends on m only: kept per station for the current m (ltCur) while s moves;
  // each evaluation with a new m writes it to ltTry, swapped in when that m is accepted.
  let ltCur = new Float64Array(active.length);
  let ltTry = new Float64Array(active.length);
  const accept = () => {
    const x = ltCur;
    ltCur = ltTry;
    ltTry = x;
  };
  const F = (m: number, st: number, sameM: boolean): number => {
    let total = 0;
    for (let j = 0; j < active.length; j++) {
      const i = active[j];
      const g = group[i];
      const p = gp[g];
      let lt: number;
      if (sameM) lt = ltCur[j];
      else {
        lt = fraudTurnoutLogLik(N[i], t[i], p.turnout.alpha, p.turnout.beta, m, lbT[g], sc);
        ltTry[j] = lt;
      }
      total +=
        weight[j] * (lt + fraudSupportLogLik(N[i], t[i], w[i], p.support.alpha, p.support.beta, m, st, lbV[g], sc));
    }
    return total;
  };
  const toX = (v: number) => logit(Math.min(1 - 1e-9, Math.max(1e-9, (v - lo) / (hi - lo))));
  const fromX = (x: number) => lo + (hi - lo) * sigmoid(x);
  // Incremental class: stolen = ratio * manufactured with ratio in [0, 1] (see FitSettings.boundStolen).
  const tied = k === 1 && s.boundStolen;
  const toY = tied ? (st: number, m: number) => logit(Math.min(1 - 1e-9, Math.max(1e-9, st / m))) : toX;
  const stolenOf = (y: number, m: number) => (tied ? m * sigmoid(y) : fromX(y));
  let xm = toX(cur.manufactured);
  let xs = toY(cur.stolen, cur.manufactured);
  const value = (a: number, b: number, sameM: boolean) => {
    const m = fromX(a);
    return F(m, stolenOf(b, m), sameM);
  };
  let f0 = value(xm, xs, false);
  accept();
  const h = 0.01;
  for (let coord = 0; coord < 2; coord++) {
    const at = (x: number) => (coord === 0 ? value(x, xs, false) : value(xm, x, true));
    const x0 = coord === 0 ? xm : xs;
    const fp = at(x0 + h);
    const fm = at(x0 - h);
    const g = (fp - fm) / (2 * h);
    const c = (fp - 2 * f0 + fm) / (h * h);
    let step = c < 0 ? -g / c : Math.sign(g) * 0.5;
    step = Math.max(-2, Math.min(2, step));
    for (let tries = 0; tries < 8; tries++) {
      const x1 = Math.max(-20, Math.min(20, x0 + step));
      const f1 = at(x1);
      if (f1 > f0) {
        if (coord === 0) {
          xm = x1;
          accept();
        } else xs = x1;
        f0 = f1;
        break;
      }
      step /= 2;
    }
  }
  const m = fromX(xm);
  return { manufactured: m, stolen: stolenOf(xs, m) };
}

/**
 * E-step: class responsibilities (n x 3) and posterior summaries (n x 24) of every station under
 * per-group parameters; accumulates class sums and per-group Beta sufficient statistics; returns
 * the log-likelihood, added station by station to `logLikBefore` (so that stations taken a block at a
 * time give the same sum as one pass over all of them).
 */
export function eStep(
  N: Float64Array,
  t: Float64Array,
  w: Float64Array,
  gp: readonly FraudMixtureParams[],
  group: Int32Array,
  sc: QuadratureScratch,
  resp: Float64Array,
  stats: Float64Array,
  piSum: number[] = [0, 0, 0],
  sT1: Float64Array = new Float64Array(gp.length),
  sT2: Float64Array = new Float64Array(gp.length),
  sV1: Float64Array = new Float64Array(gp.length),
  sV2: Float64Array = new Float64Array(gp.length),
  logLikBefore = 0,
): number {
  const n = N.length;
  const lp = new Float64Array(3);
  const lpi = gp[0].pi.map((x) => Math.log(x));
  const lbT = gp.map((p) => logBeta(p.turnout.alpha, p.turnout.beta));
  const lbV = gp.map((p) => logBeta(p.support.alpha, p.support.beta));
  piSum.fill(0);
  sT1.fill(0);
  sT2.fill(0);
  sV1.fill(0);
  sV2.fill(0);
  let ll = logLikBefore;
  for (let i = 0; i < n; i++) {
    const g = group[i];
    const so = i * 24;
    classLogLik(N[i], t[i], w[i], gp[g], lp, stats, sc, lbT[g], lbV[g], so);
    let mx = -Infinity;
    for (let k = 0; k < 3; k++) {
      lp[k] += lpi[k];
      if (lp[k] > mx) mx = lp[k];
    }
    let z = 0;
    for (let k = 0; k < 3; k++) {
      lp[k] = Math.exp(lp[k] - mx);
      z += lp[k];
    }
    ll += mx + Math.log(z);
    for (let k = 0; k < 3; k++) {
      const r = lp[k] / z;
      resp[3 * i + k] = r;
      piSum[k] += r;
      const o = so + STATS_PER_CLASS * k;
      sT1[g] += r * stats[o];
      sT2[g] += r * stats[o + 1];
      sV1[g] += r * stats[o + 3];
      sV2[g] += r * stats[o + 4];
    }
  }
  return ll;
}

/**
 * Fits the three-class model by generalised EM from `start` (default: startingParams). `group` gives
 * each station's covariate group (clean turnout and support Betas are fitted per group; the class
 * probabilities and fraud magnitudes are shared); omit it for one national clean distribution.
 */
export function fitFraudMixture(
  N: Float64Array,
  t: Float64Array,
  w: Float64Array,
  settings: FitSettings = defaultFitSettings,
  start?: FraudMixtureParams | readonly FraudMixtureParams[],
  group: Int32Array = new Int32Array(N.length),
): FraudMixtureFit {
  const n = N.length;
  let G = 1;
  for (let i = 0; i < n; i++) if (group[i] + 1 > G) G = group[i] + 1;
  const p0 = start ?? startingParams(N, t, w, settings);
  if (Array.isArray(p0)) G = Math.max(G, p0.length);
  let gp: FraudMixtureParams[] = Array.isArray(p0)
    ? [...p0]
    : Array.from({ length: G }, () => p0 as FraudMixtureParams);
  let shared = gp[0];
  const fast = new QuadratureScratch(FAST_QUADRATURE_NODES, FAST_WINDOW.sd, FAST_WINDOW.drop);
  const accurate = new QuadratureScratch();
  let sc = fast;
  let final = false;
  const resp = new Float64Array(3 * n);
  const stats = new Float64Array(3 * STATS_PER_CLASS * n);
  const gn = new Float64Array(G);
  for (let i = 0; i < n; i++) gn[group[i]]++;
  const sT1 = new Float64Array(G);
  const sT2 = new Float64Array(G);
  const sV1 = new Float64Array(G);
  const sV2 = new Float64Array(G);
  let prev = -Infinity;
  let ll = -Infinity;
  let it = 0;
  let converged = false;
  const piSum = [0, 0, 0];
  for (; ; it++) {
    ll = eStep(N, t, w, gp, group, sc, resp, stats, piSum, sT1, sT2, sV1, sV2);
    if (final) break;
    // EM creeps along ridges (clean vs incremental): require small moves of pi as well as of the likelihood.
    let piMove = 0;
    for (let k = 0; k < 3; k++) piMove = Math.max(piMove, Math.abs(piSum[k] / n - shared.pi[k]));
    if (
      (Math.abs(ll - prev) <= settings.tolerance * Math.abs(ll) && piMove < 2e-5) ||
      it >= settings.maxIterations - 1
    ) {
      // One last E-step with the accurate rule gives the reported likelihood and probabilities.
      converged = it < settings.maxIterations - 1;
      final = true;
      sc = accurate;
      continue;
    }
    prev = ll;
    const pi: [number, number, number] = [
      Math.max(1e-10, piSum[0] / n),
      Math.max(1e-10, piSum[1] / n),
      Math.max(1e-10, piSum[2] / n),
    ];
    const z = pi[0] + pi[1] + pi[2];
    shared = { ...shared, pi: [pi[0] / z, pi[1] / z, pi[2] / z] };
    // A group without stations here (possible in a subsample) keeps its starting Betas.
    gp = gp.map((p, g) =>
      gn[g] === 0
        ? { ...shared, turnout: p.turnout, support: p.support }
        : {
            ...shared,
            turnout: betaFromLogMoments(sT1[g] / gn[g], sT2[g] / gn[g], p.turnout.alpha, p.turnout.beta),
            support: betaFromLogMoments(sV1[g] / gn[g], sV2[g] / gn[g], p.support.alpha, p.support.beta),
          },
    );
    // Magnitudes move little once located: update them every third iteration (still a GEM step).
    for (const k of it < 6 || it % 3 === 0 ? ([1, 2] as const) : []) {
      const idx: number[] = [];
      const wts: number[] = [];
      for (let i = 0; i < n; i++)
        if (resp[3 * i + k] > 1e-3) {
          idx.push(i);
          wts.push(resp[3 * i + k]);
        }
      if (idx.length === 0) continue;
      const upd = updateMagnitudes(k, gp, group, Int32Array.from(idx), Float64Array.from(wts), N, t, w, settings, sc);
      shared = k === 1 ? { ...shared, incremental: upd } : { ...shared, extreme: upd };
      gp = gp.map((p) => ({ ...p, incremental: shared.incremental, extreme: shared.extreme }));
    }
  }
  return {
    params: gp[0],
    groups: gp.map((p) => ({ turnout: p.turnout, support: p.support })),
    logLik: ll,
    iterations: it,
    converged,
    responsibilities: resp,
    stats,
  };
}
