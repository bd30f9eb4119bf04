/**
 * Resampling step of rozenas_spikes (Rozenas 2017, Political Analysis 25(1): 41-56): per-station
 * posterior component probabilities of a beta-binomial mixture, and the Beta and binomial draws of
 * the resampled counts. The draws are the same algorithms, with the same arithmetic in the same order,
 * as rng.ts's `beta` and `binomial` (Marsaglia-Tsang gamma; inversion / Hörmann's BTRS binomial), built
 * on the Rng's own `uniform` and `normal`, so they consume the stream identically and return identical
 * values (tested); they only avoid recomputing log-factorials above rng.ts's table and a few calls.
 */
import type { BetaBinomialMixture } from '../numeric/beta_binomial.ts';
import { logFactorial } from '../numeric/log_factorial.ts';
import { logBeta } from '../numeric/polygamma.ts';
import type { Rng } from '../rng.ts';

/** Posterior component probabilities (cumulative, row-major m x K) and the component parameters. */
export interface MixtureSampler {
  readonly cum: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  readonly K: number;
}

/** Cumulative posterior probabilities of each station's mixture component given its counts (y of n). */
export function makeMixtureSampler(fit: BetaBinomialMixture, y: Float64Array, n: Float64Array): MixtureSampler {
  const comps = fit.components;
  const K = comps.length;
  const m = y.length;
  const cum = new Float64Array(m * K);
  const lw = comps.map((c) => Math.log(c.weight));
  const lb = comps.map((c) => logBeta(c.alpha, c.beta));
  for (let i = 0; i < m; i++) {
    let mx = -Infinity;
    for (let k = 0; k < K; k++) {
      const v = lw[k] + logBeta(y[i] + comps[k].alpha, n[i] - y[i] + comps[k].beta) - lb[k];
      cum[i * K + k] = v;
      if (v > mx) mx = v;
    }
    let s = 0;
    for (let k = 0; k < K; k++) {
      s += Math.exp(cum[i * K + k] - mx);
      cum[i * K + k] = s;
    }
    for (let k = 0; k < K; k++) cum[i * K + k] /= s;
  }
  return {
    cum,
    alpha: Float64Array.from(comps, (c) => c.alpha),
    beta: Float64Array.from(comps, (c) => c.beta),
    K,
  };
}

/** The component of station i whose cumulative probability first reaches u. */
export function pickComponent(s: MixtureSampler, i: number, u: number): number {
  const base = i * s.K;
  let k = 0;
  while (k < s.K - 1 && u > s.cum[base + k]) k++;
  return k;
}

// log(k!) memoised up to this size (8 MB); larger k falls back to logFactorial.
const MAX_TABLE = 1 << 20;

/** Beta and binomial draws identical to rng.beta / rng.binomial, with log(k!) tabulated up to `maxN`. */
export class ExactDraws {
  private readonly rng: Rng;
  private readonly lf: Float64Array;

  constructor(rng: Rng, maxN: number) {
    this.rng = rng;
    const size = Math.min(MAX_TABLE, Math.max(2, Math.floor(maxN) + 1));
    this.lf = new Float64Array(size);
    for (let k = 0; k < size; k++) this.lf[k] = logFactorial(k);
  }

  private logFact(k: number): number {
    return k < this.lf.length ? this.lf[k] : logFactorial(k);
  }

  /** Gamma(shape, 1), as rng.gamma. */
  gamma(shape: number): number {
    if (shape < 1) {
      const u = this.rng.uniform();
      return this.gamma(1 + shape) * u ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.rng.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.rng.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Beta(a, b), as rng.beta. */
  beta(a: number, b: number): number {
    const x = this.gamma(a);
    const y = this.gamma(b);
    return x / (x + y);
  }

  /** Binomial(n, p), as rng.binomial. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomialLow(n, 1 - p);
    return this.binomialLow(n, p);
  }

  private binomialLow(n: number, p: number): number {
    return n * p < 10 ? this.inversion(n, p) : this.btrs(n, p);
  }

  private inversion(n: number, p: number): number {
    const q = 1 - p;
    const ratio = p / q;
    for (;;) {
      let prob = Math.exp(n * Math.log1p(-p));
      let cdf = prob;
      const u = this.rng.uniform();
      let k = 0;
      while (u > cdf && k < n) {
        prob *= (ratio * (n - k)) / (k + 1);
        cdf += prob;
        k++;
      }
      if (u <= cdf) return k;
    }
  }

  private btrs(n: number, p: number): number {
    const q = 1 - p;
    const spq = Math.sqrt(n * p * q);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    const m = Math.floor((n + 1) * p);
    for (;;) {
      const u = this.rng.uniform() - 0.5;
      let v = this.rng.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      if (us >= 0.07 && v <= vr) return k;
      // The rarely needed constants are computed only here; same expressions as rng.ts.
      const alpha = (2.83 + 5.1 / b) * spq;
      const lpq = Math.log(p / q);
      const h = this.logFact(m) + this.logFact(n - m);
      v = Math.log((v * alpha) / (a / (us * us) + b));
      if (v <= h - this.logFact(k) - this.logFact(n - k) + (k - m) * lpq) return k;
    }
  }
}

/** Draws M of m station indices without replacement, uniformly (Floyd's algorithm), returned sorted. */
export class StationSubset {
  private readonly m: number;
  private readonly chosen: Uint8Array;
  private readonly out: Int32Array;

  constructor(m: number, M: number) {
    this.m = m;
    this.chosen = new Uint8Array(m);
    this.out = new Int32Array(M);
  }

  /** A fresh uniform subset, in increasing order so that the resampling loop reads the station arrays in order. */
  draw(rng: Rng): Int32Array {
    const m = this.m;
    const chosen = this.chosen;
    const out = this.out;
    for (let j = m - out.length; j < m; j++) {
      const t = rng.int(j + 1);
      if (chosen[t] === 0) chosen[t] = 1;
      else chosen[j] = 1;
    }
    let a = 0;
    for (let i = 0; i < m; i++) {
      if (chosen[i] !== 0) {
        out[a++] = i;
        chosen[i] = 0;
      }
    }
    return out;
  }
}

/** Replaces each row x of `rows` by mean + s (x - mean), the mean taken over rows at each position. */
export function shrinkTowardMean(rows: Float64Array[], s: number): void {
  const G = rows[0].length;
  const avg = new Float64Array(G);
  for (const x of rows) for (let j = 0; j < G; j++) avg[j] += x[j] / rows.length;
  for (const x of rows) for (let j = 0; j < G; j++) x[j] = avg[j] + s * (x[j] - avg[j]);
}
