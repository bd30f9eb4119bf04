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
 * EM iterations use 18 nodes to e^-14 (FAST_QUADRATURE_NODES).
 */
import { logChoose } from '../numeric/log_factorial.ts';
import { digamma, logBeta } from '../numeric/polygamma.ts';

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

/** Gauss-Legendre nodes per one-dimensional integral: accurate (final pass, reference) and fast (EM iterations). */
export const QUADRATURE_NODES = 40;
/**
 * Nodes used while iterating, on a window to e^-14 of the peak (starting at 4.5 sd): on every Russia
 * 2018 station this is at least as accurate as the former 24 nodes to e^-40 (regular integrands:
 * 1e-5 instead of 1e-3 absolute; modes on the boundary: 0.18 instead of 0.19).
 */
export const FAST_QUADRATURE_NODES = 18;
/** Window of the fast rule: first width in standard deviations, and the log drop from the peak it must reach. */
export const FAST_WINDOW = { sd: 4.5, drop: 14 } as const;

function gaussLegendre(q: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(q);
  const w = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (q + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= q; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (q * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

const RULES = new Map<number, { x: Float64Array; logW: Float64Array }>();
function rule(q: number): { x: Float64Array; logW: Float64Array } {
  let r = RULES.get(q);
  if (!r) {
    const g = gaussLegendre(q);
    r = { x: g.x, logW: g.w.map(Math.log) };
    RULES.set(q, r);
  }
  return r;
}

/** Scratch buffers reused across stations, for one quadrature rule. */
export class QuadratureScratch {
  readonly q: number;
  readonly x: Float64Array;
  readonly logW: Float64Array;
  readonly nodes: Float64Array;
  readonly logU: Float64Array;
  readonly log1mU: Float64Array;
  readonly logf: Float64Array;
  /** First half-width of the window in standard deviations, and the log drop from the peak it must reach. */
  readonly windowSd: number;
  readonly windowDrop: number;
  constructor(q = QUADRATURE_NODES, windowSd = 8, windowDrop = 40) {
    this.q = q;
    this.windowSd = windowSd;
    this.windowDrop = windowDrop;
    const r = rule(q);
    this.x = r.x;
    this.logW = r.logW;
    this.nodes = new Float64Array(q);
    this.logU = new Float64Array(q);
    this.log1mU = new Float64Array(q);
    this.logf = new Float64Array(q);
  }
  readonly peakU = new Float64Array(2);
  readonly peakSd = new Float64Array(2);
  readonly peakTop = new Float64Array(2);
  /** log(scale) of the integral in each slot, computed once by findPeak. */
  readonly peakLogScale = new Float64Array(2);
  /** log C(n, k) of the integral in each slot, computed once by findPeak. */
  readonly peakLc = new Float64Array(2);
  /** Integration window [lo, hi] of the last integral. */
  readonly window = new Float64Array(2);
}

/**
 * Log of the integrand (without constants) at u, or -Infinity outside the support; off + scale = 1,
 * so log(1 - p) = log(scale) + log(1 - u) (one log fewer, no cancellation near p = 1).
 */
function logIntegrand(
  u: number,
  k: number,
  n: number,
  a: number,
  b: number,
  off: number,
  scale: number,
  logScale: number,
): number {
  const p = off + scale * u;
  if (u <= 0 || u >= 1 || p <= 0 || p >= 1) return -Infinity;
  const l1u = Math.log1p(-u);
  return (a - 1) * Math.log(u) + (b - 1) * l1u + k * Math.log(p) + (n - k) * (logScale + l1u);
}

/**
 * Mode and curvature scale of the (log-concave when a, b >= 1) integrand by safeguarded Newton;
 * stores them in scratch slot `slot` and returns the Laplace approximation of the log integral.
 */
function findPeak(
  k: number,
  n: number,
  a: number,
  b: number,
  off: number,
  scale: number,
  lbab: number,
  sc: QuadratureScratch,
  slot: number,
): number {
  // The valid range of u keeps p = off + scale u inside (0, 1).
  const validLo = Math.max(0, -off / scale);
  const validHi = Math.min(1, (1 - off) / scale);
  let lo = validLo;
  let hi = validHi;
  const am1 = a - 1;
  // off + scale = 1, so 1 - p = scale (1 - u): the binomial's failure term joins the Beta's.
  const bm1 = b - 1 + (n - k);
  const ks = k * scale;
  let u = (k / n - off) / scale;
  u = Math.min(hi, Math.max(lo, u));
  if (!(u > lo && u < hi)) u = 0.5 * (lo + hi);
  let d2 = -1;
  for (let it = 0; it < 40; it++) {
    const p = off + scale * u;
    if (!(p > 0 && p < 1)) {
      // p rounded onto 0 or 1 (scale tiny): no curvature here; bisect back towards the inside.
      if (p >= 1) hi = u;
      else lo = u;
      d2 = Number.NaN;
      const mid = 0.5 * (lo + hi);
      const done = Math.abs(mid - u) < 1e-12 * Math.max(1e-6, u);
      u = mid;
      if (done) break;
      continue;
    }
    const iu = 1 / u;
    const i1u = 1 / (1 - u);
    const ip = 1 / p;
    const d1 = am1 * iu - bm1 * i1u + ks * ip;
    d2 = -am1 * iu * iu - bm1 * i1u * i1u - ks * scale * ip * ip;
    if (d1 > 0) lo = u;
    else hi = u;
    const step = d2 < 0 ? d1 / d2 : Number.NaN;
    // A converged step can land on the bracket's end by rounding: test it before the safeguard.
    if (Math.abs(step) < 1e-12 * Math.max(1e-6, u)) {
      if (u - step > validLo && u - step < validHi) u -= step;
      break;
    }
    let next = u - step;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    // A mode on the boundary (k = n with b = 1) is approached by bisection: stop when the steps are tiny.
    if (Math.abs(next - u) < 1e-12 * Math.max(1e-6, u)) {
      u = next;
      break;
    }
    u = next;
  }
  const sd = d2 < 0 ? 1 / Math.sqrt(-d2) : 0.1;
  const logScale = Math.log(scale);
  const top = logIntegrand(u, k, n, a, b, off, scale, logScale);
  const lc = logChoose(n, k);
  sc.peakLogScale[slot] = logScale;
  sc.peakU[slot] = u;
  sc.peakSd[slot] = sd;
  sc.peakTop[slot] = top;
  sc.peakLc[slot] = lc;
  return lc + top + Math.log(sd) + HALF_LOG_2PI - lbab;
}

const HALF_LOG_2PI = 0.9189385332046728;

/** Window around the stored peak, extended until the integrand falls below e^-drop of its peak; into sc.window. */
function integrationWindow(
  k: number,
  n: number,
  a: number,
  b: number,
  off: number,
  scale: number,
  sc: QuadratureScratch,
  slot: number,
): void {
  const u = sc.peakU[slot];
  const sd = sc.peakSd[slot];
  const top = sc.peakTop[slot];
  const ls = sc.peakLogScale[slot];
  const floor = top - sc.windowDrop;
  let left = sc.windowSd * sd;
  while (u - left > 0 && logIntegrand(u - left, k, n, a, b, off, scale, ls) > floor) left *= 1.5;
  let right = sc.windowSd * sd;
  while (u + right < 1 && logIntegrand(u + right, k, n, a, b, off, scale, ls) > floor) right *= 1.5;
  sc.window[0] = Math.max(0, u - left);
  sc.window[1] = Math.min(1, u + right);
}

/**
 * Integrates Beta(u; a, b) Bin(k; n, off + scale * u) over u in [0, 1] by quadrature, where the
 * binomial probability is affine in u with off + scale = 1. Returns the log integral and writes
 * E[log u], E[log(1 - u)], E[u] into out[o], out[o + 1], out[o + 2] when out is given.
 */
function affineBetaBinomial(
  k: number,
  n: number,
  a: number,
  b: number,
  off: number,
  scale: number,
  lbab: number,
  sc: QuadratureScratch,
  out: Float64Array | null,
  o: number,
  slot: number,
): number {
  integrationWindow(k, n, a, b, off, scale, sc, slot);
  const lo = sc.window[0];
  const hi = sc.window[1];
  const mid = 0.5 * (lo + hi);
  const rad = 0.5 * (hi - lo);
  const lc = sc.peakLc[slot];
  let mx = -Infinity;
  const Q = sc.q;
  const x = sc.x;
  const logW = sc.logW;
  const logf = sc.logf;
  const nodes = sc.nodes;
  const logU = sc.logU;
  const log1mU = sc.log1mU;
  const am1 = a - 1;
  const bm1 = b - 1;
  const nk = n - k;
  const logScale = sc.peakLogScale[slot];
  for (let q = 0; q < Q; q++) {
    const u = mid + rad * x[q];
    nodes[q] = u;
    const pr = off + scale * u;
    let lf = -Infinity;
    if (u > 0 && u < 1 && pr > 0 && pr < 1) {
      const lu = Math.log(u);
      const l1u = Math.log1p(-u);
      logU[q] = lu;
      log1mU[q] = l1u;
      lf = logW[q] + am1 * lu + bm1 * l1u + k * Math.log(pr) + nk * (logScale + l1u);
    }
    logf[q] = lf;
    if (lf > mx) mx = lf;
  }
  if (mx === -Infinity) {
    if (out) {
      out[o] = Math.log(Math.max(1e-300, mid));
      out[o + 1] = Math.log(Math.max(1e-300, 1 - mid));
      out[o + 2] = mid;
    }
    return -Infinity;
  }
  let s = 0;
  if (!out) {
    for (let q = 0; q < Q; q++) s += Math.exp(logf[q] - mx);
    return lc + mx + Math.log(s * rad) - lbab;
  }
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let q = 0; q < Q; q++) {
    const e = Math.exp(logf[q] - mx);
    if (e === 0) continue;
    s += e;
    s1 += e * logU[q];
    s2 += e * log1mU[q];
    s3 += e * nodes[q];
  }
  out[o] = s1 / s;
  out[o + 1] = s2 / s;
  out[o + 2] = s3 / s;
  return lc + mx + Math.log(s * rad) - lbab;
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
  const cutoff = logp[0] - 60;
  const inc = p.incremental;
  const ext = p.extreme;
  logp[1] = fraudClassLogLik(N, t, w, p, inc.manufactured, inc.stolen, lbT, lbV, sc, stats, so + 8, cutoff);
  logp[2] = fraudClassLogLik(N, t, w, p, ext.manufactured, ext.stolen, lbT, lbV, sc, stats, so + 16, cutoff);
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
