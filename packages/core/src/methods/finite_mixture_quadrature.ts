/**
 * Quadrature of the finite-mixture model's one-dimensional integrals: Beta(u; a, b) times a binomial whose
 * probability is affine in u, over u in [0, 1], by Gauss-Legendre nodes on a window around the integrand's mode
 * (safeguarded Newton) that reaches e^-drop of its peak. The model is in finite_mixture_model.ts.
 */
import { logChoose } from '../numeric/log_factorial.ts';

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
  /**
   * Log ratio of posterior weights (fraud class to clean class, by the Laplace approximation) below which a
   * fraud class is taken from its Laplace approximation instead of quadrature: the class's probability is then
   * below e^-negligible. Infinity (the default): only classes e^-60 below the clean class before the class
   * probabilities (see classLogLik).
   */
  negligible = Number.POSITIVE_INFINITY;
  /**
   * When set, the fraud classes of a station with a count on its bound (t = N, w = 0 or w = t: an integrand
   * whose mode is on the boundary of [0, 1], where a small rule is least accurate) use this scratch's rule.
   */
  boundary: QuadratureScratch | null = null;
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
export function findPeak(
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
export function affineBetaBinomial(
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
