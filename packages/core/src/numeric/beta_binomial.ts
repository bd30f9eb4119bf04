/**
 * Beta-binomial distribution and a maximum-likelihood fit of a K-component beta-binomial mixture by
 * EM, with Newton M-steps on log(alpha), log(beta) (analytic digamma / trigamma derivatives). Used by
 * the Rozenas (2017) spikes method as its no-fraud model of turnout and vote counts.
 */
import { logChoose } from './log_factorial.ts';
import { digamma, logBeta, trigamma } from './polygamma.ts';

/** log P(Y = y) for Y ~ BetaBinomial(n, a, b). */
export function logBetaBinomialPmf(y: number, n: number, a: number, b: number): number {
  return logChoose(n, y) + logBeta(y + a, n - y + b) - logBeta(a, b);
}

/** One component of a beta-binomial mixture. */
export interface BetaBinomialComponent {
  readonly weight: number;
  readonly alpha: number;
  readonly beta: number;
  /** Inverse of the observed information of (log alpha, log beta) within the component: [vAA, vAB, vBB]. */
  readonly logCovariance: readonly [number, number, number];
}

/** A fitted mixture with its log-likelihood and BIC. */
export interface BetaBinomialMixture {
  readonly components: readonly BetaBinomialComponent[];
  readonly logLik: number;
  readonly bic: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Log-likelihood of a mixture at every observation (log-sum-exp over components). */
export function mixtureLogLik(
  y: Float64Array,
  n: Float64Array,
  comps: readonly { weight: number; alpha: number; beta: number }[],
): number {
  let total = 0;
  const K = comps.length;
  const lb = comps.map((c) => logBeta(c.alpha, c.beta));
  const lw = comps.map((c) => Math.log(c.weight));
  const tmp = new Float64Array(K);
  for (let i = 0; i < y.length; i++) {
    const lc = logChoose(n[i], y[i]);
    let m = -Infinity;
    for (let k = 0; k < K; k++) {
      tmp[k] = lw[k] + logBeta(y[i] + comps[k].alpha, n[i] - y[i] + comps[k].beta) - lb[k];
      if (tmp[k] > m) m = tmp[k];
    }
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.exp(tmp[k] - m);
    total += lc + m + Math.log(s);
  }
  return total;
}

/** Posterior component probabilities of each observation, row-major n x K. */
export function mixtureResponsibilities(
  y: Float64Array,
  n: Float64Array,
  comps: readonly { weight: number; alpha: number; beta: number }[],
): Float64Array {
  const K = comps.length;
  const out = new Float64Array(y.length * K);
  const lb = comps.map((c) => logBeta(c.alpha, c.beta));
  const lw = comps.map((c) => Math.log(c.weight));
  for (let i = 0; i < y.length; i++) {
    let m = -Infinity;
    for (let k = 0; k < K; k++) {
      const v = lw[k] + logBeta(y[i] + comps[k].alpha, n[i] - y[i] + comps[k].beta) - lb[k];
      out[i * K + k] = v;
      if (v > m) m = v;
    }
    let s = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp(out[i * K + k] - m);
      out[i * K + k] = e;
      s += e;
    }
    for (let k = 0; k < K; k++) out[i * K + k] /= s;
  }
  return out;
}

const LOG_MIN = Math.log(1e-3);
const LOG_MAX = Math.log(1e5);

/** Weighted beta-binomial log-likelihood of (a, b), dropping the constant log C(n, y). */
function weightedLogLik(y: Float64Array, n: Float64Array, r: Float64Array, a: number, b: number): number {
  const lb = logBeta(a, b);
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    if (r[i] === 0) continue;
    s += r[i] * (logBeta(y[i] + a, n[i] - y[i] + b) - lb);
  }
  return s;
}

/**
 * Maximises sum_i r_i log BB(y_i; n_i, a, b) over (a, b) by damped Newton in log space.
 * Returns the estimate and the inverse observed information of (log a, log b).
 */
export function fitWeightedBetaBinomial(
  y: Float64Array,
  n: Float64Array,
  r: Float64Array,
  a0: number,
  b0: number,
  maxSteps = 50,
): { alpha: number; beta: number; logCovariance: [number, number, number] } {
  let la = Math.log(a0);
  let lb = Math.log(b0);
  let f = weightedLogLik(y, n, r, a0, b0);
  let hAA = 0;
  let hAB = 0;
  let hBB = 0;
  for (let step = 0; step < maxSteps; step++) {
    const a = Math.exp(la);
    const b = Math.exp(lb);
    const dab = digamma(a + b);
    const da = digamma(a);
    const db = digamma(b);
    const tab = trigamma(a + b);
    const ta = trigamma(a);
    const tb = trigamma(b);
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let i = 0; i < y.length; i++) {
      const w = r[i];
      if (w === 0) continue;
      const dn = digamma(n[i] + a + b);
      const tn = trigamma(n[i] + a + b);
      const tya = trigamma(y[i] + a);
      const tyb = trigamma(n[i] - y[i] + b);
      ga += w * (digamma(y[i] + a) - dn - da + dab);
      gb += w * (digamma(n[i] - y[i] + b) - dn - db + dab);
      haa += w * (tya - tn - ta + tab);
      hbb += w * (tyb - tn - tb + tab);
      hab += w * (-tn + tab);
    }
    // Chain rule to log parameters.
    const gA = a * ga;
    const gB = b * gb;
    hAA = a * a * haa + gA;
    hBB = b * b * hbb + gB;
    hAB = a * b * hab;
    const det = hAA * hBB - hAB * hAB;
    let dA: number;
    let dB: number;
    if (hAA < 0 && det > 0) {
      dA = -(hBB * gA - hAB * gB) / det;
      dB = -(-hAB * gA + hAA * gB) / det;
    } else {
      const scale = 1 / (1 + Math.abs(gA) + Math.abs(gB));
      dA = gA * scale;
      dB = gB * scale;
    }
    const len = Math.hypot(dA, dB);
    if (len > 2) {
      dA *= 2 / len;
      dB *= 2 / len;
    }
    let t = 1;
    let improved = false;
    for (let k = 0; k < 30; k++) {
      const nla = Math.min(LOG_MAX, Math.max(LOG_MIN, la + t * dA));
      const nlb = Math.min(LOG_MAX, Math.max(LOG_MIN, lb + t * dB));
      const nf = weightedLogLik(y, n, r, Math.exp(nla), Math.exp(nlb));
      if (nf >= f - 1e-12 * Math.abs(f)) {
        improved = nf > f;
        la = nla;
        lb = nlb;
        f = nf;
        break;
      }
      t /= 2;
    }
    if (!improved || Math.abs(t * len) < 1e-9) break;
  }
  const det = hAA * hBB - hAB * hAB;
  const cov: [number, number, number] =
    hAA < 0 && det > 0 ? [-hBB / det, hAB / det, -hAA / det] : [Number.NaN, Number.NaN, Number.NaN];
  return { alpha: Math.exp(la), beta: Math.exp(lb), logCovariance: cov };
}

function momentStart(y: Float64Array, n: Float64Array, idx: Int32Array): { alpha: number; beta: number } {
  let s = 0;
  let s2 = 0;
  for (let j = 0; j < idx.length; j++) {
    const p = y[idx[j]] / n[idx[j]];
    s += p;
    s2 += p * p;
  }
  const m = Math.min(0.98, Math.max(0.02, s / idx.length));
  const v = Math.max(1e-5, s2 / idx.length - (s / idx.length) ** 2);
  const phi = Math.min(1e4, Math.max(2, (m * (1 - m)) / v - 1));
  return { alpha: m * phi, beta: (1 - m) * phi };
}

/**
 * Fits a K-component beta-binomial mixture by EM. Observations need n >= 1 and 0 <= y <= n.
 * Starts are deterministic: components seeded from K quantile groups of y / n.
 */
export function fitBetaBinomialMixture(
  y: Float64Array,
  n: Float64Array,
  K: number,
  maxIterations = 300,
  tolerance = 1e-7,
): BetaBinomialMixture {
  const m = y.length;
  const order = Int32Array.from({ length: m }, (_, i) => i);
  order.sort((i, j) => y[i] / n[i] - y[j] / n[j] || i - j);
  let comps: { weight: number; alpha: number; beta: number; logCovariance: [number, number, number] }[] = [];
  for (let k = 0; k < K; k++) {
    const lo = Math.floor((k * m) / K);
    const hi = Math.floor(((k + 1) * m) / K);
    const s = momentStart(y, n, order.subarray(lo, Math.max(hi, lo + 1)));
    comps.push({ weight: 1 / K, alpha: s.alpha, beta: s.beta, logCovariance: [0, 0, 0] });
  }
  let ll = mixtureLogLik(y, n, comps);
  let it = 0;
  let converged = false;
  const r = new Float64Array(m);
  for (; it < maxIterations; it++) {
    const resp = mixtureResponsibilities(y, n, comps);
    const next: typeof comps = [];
    for (let k = 0; k < K; k++) {
      let wsum = 0;
      for (let i = 0; i < m; i++) {
        r[i] = resp[i * K + k];
        wsum += r[i];
      }
      const fit = fitWeightedBetaBinomial(y, n, r, comps[k].alpha, comps[k].beta, 2);
      next.push({ weight: Math.max(wsum / m, 1e-12), ...fit });
    }
    comps = next;
    const nll = mixtureLogLik(y, n, comps);
    const delta = nll - ll;
    ll = nll;
    if (Math.abs(delta) < tolerance * Math.max(1, Math.abs(ll))) {
      converged = true;
      it++;
      break;
    }
  }
  const params = 3 * K - 1;
  return {
    components: comps,
    logLik: ll,
    bic: -2 * ll + params * Math.log(m),
    iterations: it,
    converged,
  };
}

/**
 * Fits mixtures with 1..maxK components and keeps the one with the smallest BIC. Above `maxFit`
 * observations the fit uses an evenly spaced deterministic subsample (the EM cost is per iteration).
 */
export function fitBetaBinomialMixtureBic(
  y: Float64Array,
  n: Float64Array,
  maxK: number,
  maxFit = 5000,
  maxIterations = 60,
  tolerance = 1e-6,
): BetaBinomialMixture {
  let ys = y;
  let ns = n;
  if (y.length > maxFit) {
    ys = new Float64Array(maxFit);
    ns = new Float64Array(maxFit);
    for (let j = 0; j < maxFit; j++) {
      const i = Math.floor(((j + 0.5) * y.length) / maxFit);
      ys[j] = y[i];
      ns[j] = n[i];
    }
  }
  let best = fitBetaBinomialMixture(ys, ns, 1, maxIterations, tolerance);
  for (let K = 2; K <= maxK; K++) {
    const fit = fitBetaBinomialMixture(ys, ns, K, maxIterations, tolerance);
    if (fit.bic < best.bic) best = fit;
  }
  return best;
}
