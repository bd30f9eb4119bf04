/**
 * Likelihood of the finite-mixture fraud model (see finite_mixture.ts for the model and citation).
 * Station i has N registered voters, t counted votes (turnout count) and w votes for the winner.
 * Class 0 (no fraud): t ~ Bin(N, tau), w | t ~ Bin(t, nu), tau ~ Beta(aT, bT), nu ~ Beta(aV, bV);
 * marginally two beta-binomials. Class k = 1 (incremental) or 2 (extreme) with magnitudes (m_k, s_k):
 * a share m of the clean non-voters become winner votes, a share s of the clean opposition votes move
 * to the winner, so t ~ Bin(N, 1 - (1 - tau)(1 - m)) and w | t ~ Bin(t, S) with
 * S = [tau nu (1 - s) + m (1 - tau) + s tau] / [1 - (1 - tau)(1 - m)], tau replaced in S by its value
 * implied by the observed turnout (as eforensics' binomial model plugs in a / N). The one-dimensional
 * integrals over tau and nu use 40-node Gauss-Legendre quadrature on a window around the integrand's
 * mode (Newton) reaching e^-40 of its peak (checked against scipy quad to 1e-9 in the test fixture);
 * EM iterations use 18 nodes to e^-14 (FAST_QUADRATURE_NODES), and so does the scoring of tables above
 * maxAccurateStations (finite_mixture.ts) except where a count is at its bound (QuadratureScratch.boundary).
 */
import { logChoose } from '../numeric/log_factorial.ts';
import { digamma, logBeta } from '../numeric/polygamma.ts';
import { affineBetaBinomial, findPeak, QuadratureScratch } from './finite_mixture_quadrature.ts';

/** Parameters of the three-class model. */
export interface FraudMixtureParams {
  /** Class probabilities: no fraud, incremental, extreme. */
  readonly pi: readonly [number, number, number];
  /** Beta distribution of clean turnout. */
  readonly turnout: { readonly alpha: number; readonly beta: number };
  /** Beta distribution of the clean winner share of counted votes. */
  readonly support: { readonly alpha: number; readonly beta: number };
  /** Manufactured (m) and stolen (s) shares of the incremental and the extreme class. */
  readonly incremental: { readonly manufactured: number; readonly stolen: number };
  readonly extreme: { readonly manufactured: number; readonly stolen: number };
}

/** Number of entries per class in the stats buffer. */
export const STATS_PER_CLASS = 8;

/**
 * log p_k(t, w | N) for k = 0, 1, 2 into `logp`; when `stats` is given, writes per class
 * [E log tau, E log(1-tau), E tau, E log nu, E log(1-nu), E nu, tauHat, unused] at offset so + 8k.
 */
export function classLogLik(
  N: number,
  t: number,
  w: number,
  p: FraudMixtureParams,
  logp: Float64Array,
  stats: Float64Array | null,
  sc: QuadratureScratch,
  lbT = logBeta(p.turnout.alpha, p.turnout.beta),
  lbV = logBeta(p.support.alpha, p.support.beta),
  so = 0,
): void {
  const aT = p.turnout.alpha;
  const bT = p.turnout.beta;
  const aV = p.support.alpha;
  const bV = p.support.beta;
  logp[0] = logChoose(N, t) + logBeta(t + aT, N - t + bT) - lbT + logChoose(t, w) + logBeta(w + aV, t - w + bV) - lbV;
  if (stats) {
    const dT = digamma(N + aT + bT);
    const dV = digamma(t + aV + bV);
    stats[so] = digamma(t + aT) - dT;
    stats[so + 1] = digamma(N - t + bT) - dT;
    stats[so + 2] = (t + aT) / (N + aT + bT);
    stats[so + 3] = digamma(w + aV) - dV;
    stats[so + 4] = digamma(t - w + bV) - dV;
    stats[so + 5] = (w + aV) / (t + aV + bV);
    stats[so + 6] = t / N;
  }
  const inc = p.incremental;
  const ext = p.extreme;
  const cut1 = hopelessBelow(logp[0], p, 1, sc.negligible);
  const cut2 = hopelessBelow(logp[0], p, 2, sc.negligible);
  const rule = sc.boundary !== null && (t === N || w === 0 || w === t) ? sc.boundary : sc;
  logp[1] = fraudClassLogLik(N, t, w, p, inc.manufactured, inc.stolen, lbT, lbV, rule, stats, so + 8, cut1);
  logp[2] = fraudClassLogLik(N, t, w, p, ext.manufactured, ext.stolen, lbT, lbV, rule, stats, so + 16, cut2);
}

/**
 * The log-likelihood below which fraud class k is hopeless for a station whose clean class has `clean`: e^-60
 * below it, or (with a finite `negligible`, see QuadratureScratch) a posterior weight below e^-negligible of it.
 */
function hopelessBelow(clean: number, p: FraudMixtureParams, k: 1 | 2, negligible: number): number {
  const cutoff = clean - 60;
  if (negligible === Number.POSITIVE_INFINITY) return cutoff;
  return Math.max(cutoff, clean + Math.log(p.pi[0] / p.pi[k]) - negligible);
}

/**
 * log p(t, w | N) under a fraud class with manufactured share m and stolen share s. When the
 * Laplace approximation is below `cutoff` (the class is hopeless for this station: e^-60 below the
 * clean class) it is returned instead of the quadrature, with the modes as posterior summaries.
 */
export function fraudClassLogLik(
  N: number,
  t: number,
  w: number,
  p: FraudMixtureParams,
  m: number,
  s: number,
  lbT: number,
  lbV: number,
  sc: QuadratureScratch,
  stats: Float64Array | null,
  o: number,
  cutoff = -Infinity,
): number {
  const c = 1 - m;
  const aT = p.turnout.alpha;
  const bT = p.turnout.beta;
  const aV = p.support.alpha;
  const bV = p.support.beta;
  // Turnout: P(vote) = 1 - c + c * tau.
  const tauHat = Math.min(1 - 1e-9, Math.max(1e-9, 1 - (1 - t / N) / c));
  const T = 1 - (1 - tauHat) * c;
  const A = (m * (1 - tauHat) + s * tauHat) / T;
  const lapT = findPeak(t, N, aT, bT, 1 - c, c, lbT, sc, 0);
  const lapW = findPeak(w, t, aV, bV, A, 1 - A, lbV, sc, 1);
  if (stats) stats[o + 6] = tauHat;
  if (lapT + lapW < cutoff) {
    if (stats) {
      const u = sc.peakU[0];
      const v = sc.peakU[1];
      stats[o] = Math.log(u);
      stats[o + 1] = Math.log1p(-u);
      stats[o + 2] = u;
      stats[o + 3] = Math.log(v);
      stats[o + 4] = Math.log1p(-v);
      stats[o + 5] = v;
    }
    return lapT + lapW;
  }
  const lt = affineBetaBinomial(t, N, aT, bT, 1 - c, c, lbT, sc, stats, o, 0);
  const lw = affineBetaBinomial(w, t, aV, bV, A, 1 - A, lbV, sc, stats, o + 3, 1);
  return lt + lw;
}

/**
 * The turnout factor of fraudClassLogLik without cutoff (it depends on m only): fraudClassLogLik =
 * fraudTurnoutLogLik + fraudSupportLogLik, bit for bit, so a fit can keep it while only s moves.
 */
export function fraudTurnoutLogLik(
  N: number,
  t: number,
  aT: number,
  bT: number,
  m: number,
  lbT: number,
  sc: QuadratureScratch,
): number {
  const c = 1 - m;
  findPeak(t, N, aT, bT, 1 - c, c, lbT, sc, 0);
  return affineBetaBinomial(t, N, aT, bT, 1 - c, c, lbT, sc, null, 0, 0);
}

/** The winner-votes factor of fraudClassLogLik without cutoff (see fraudTurnoutLogLik). */
export function fraudSupportLogLik(
  N: number,
  t: number,
  w: number,
  aV: number,
  bV: number,
  m: number,
  s: number,
  lbV: number,
  sc: QuadratureScratch,
): number {
  const c = 1 - m;
  const tauHat = Math.min(1 - 1e-9, Math.max(1e-9, 1 - (1 - t / N) / c));
  const T = 1 - (1 - tauHat) * c;
  const A = (m * (1 - tauHat) + s * tauHat) / T;
  findPeak(w, t, aV, bV, A, 1 - A, lbV, sc, 1);
  return affineBetaBinomial(w, t, aV, bV, A, 1 - A, lbV, sc, null, 0, 1);
}

/** Total log-likelihood of the mixture over stations (the function the reference fixture checks). */
export function mixtureLogLikelihood(N: Float64Array, t: Float64Array, w: Float64Array, p: FraudMixtureParams): number {
  const sc = new QuadratureScratch();
  const lp = new Float64Array(3);
  const lpi = p.pi.map((x) => Math.log(x));
  const lbT = logBeta(p.turnout.alpha, p.turnout.beta);
  const lbV = logBeta(p.support.alpha, p.support.beta);
  let total = 0;
  for (let i = 0; i < N.length; i++) {
    classLogLik(N[i], t[i], w[i], p, lp, null, sc, lbT, lbV);
    let m = -Infinity;
    for (let k = 0; k < 3; k++) {
      lp[k] += lpi[k];
      if (lp[k] > m) m = lp[k];
    }
    total += m + Math.log(Math.exp(lp[0] - m) + Math.exp(lp[1] - m) + Math.exp(lp[2] - m));
  }
  return total;
}
