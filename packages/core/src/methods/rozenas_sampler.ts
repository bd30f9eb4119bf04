/**
 * Resampling step of rozenas_spikes (Rozenas 2017, Political Analysis 25(1): 41-56): per-station
 * posterior component probabilities of a beta-binomial mixture, and the Beta and binomial draws of
 * the resampled counts. The draws are rng.ts's own samplers on the Rng's stream, so they return the same values as
 * rng.beta / rng.binomial (tested); the binomial only reads log-factorials above rng.ts's table from a table of its
 * own instead of recomputing them.
 */
import type { BetaBinomialMixture } from '../numeric/beta_binomial.ts';
import { logFactorial } from '../numeric/log_factorial.ts';
import { logBeta } from '../numeric/polygamma.ts';
import { drawBinomial, type Rng } from '../rng.ts';

/** Posterior component probabilities (cumulative, row-major m x K) and the component parameters. */
export interface MixtureSampler {
  readonly cum: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  readonly K: number;
}

/** Cumulative posterior probabilities of each station's mixture component given its counts (y of n). */
export function makeMixtureSampler(fit: BetaBinomialMixture, y: Float64Array, n: Float64Array): MixtureSampler {
  const components = fit.components;
  const K = components.length;
  const stationCount = y.length;
  const cum = new Float64Array(stationCount * K);
  // With one component every station's only cumulative probability is 1, and it is never read (pickComponent
  // reads the first K - 1): the posterior need not be computed.
  if (K === 1) cum.fill(1);
  const logWeights = components.map((component) => Math.log(component.weight));
  const logBetaOfPriors = components.map((component) => logBeta(component.alpha, component.beta));
  for (let i = 0; i < (K === 1 ? 0 : stationCount); i++) {
    let largest = -Infinity;
    for (let k = 0; k < K; k++) {
      const logPosterior =
        logWeights[k] + logBeta(y[i] + components[k].alpha, n[i] - y[i] + components[k].beta) - logBetaOfPriors[k];
      cum[i * K + k] = logPosterior;
      if (logPosterior > largest) largest = logPosterior;
    }
    let runningSum = 0;
    for (let k = 0; k < K; k++) {
      runningSum += Math.exp(cum[i * K + k] - largest);
      cum[i * K + k] = runningSum;
    }
    for (let k = 0; k < K; k++) cum[i * K + k] /= runningSum;
  }
  return {
    cum,
    alpha: Float64Array.from(components, (component) => component.alpha),
    beta: Float64Array.from(components, (component) => component.beta),
    K,
  };
}

/**
 * What the resampling loop reads of each station, side by side in one row (a draw of a random station then
 * touches one or two cache lines instead of five arrays): registered, total, votes, then the first K - 1
 * cumulative component probabilities of the turnout sampler and of the vote sampler (the last is 1 and never
 * read). The values are copies, so draws from them are those from the separate arrays.
 */
export class StationRows {
  readonly stride: number;
  readonly values: Float64Array;
  /** Offsets within a row of the turnout and the vote sampler's cumulative probabilities. */
  readonly turnoutAt = 3;
  readonly voteAt: number;

  constructor(
    registered: Float64Array,
    total: Float64Array,
    votes: Float64Array,
    turnout: MixtureSampler,
    vote: MixtureSampler,
  ) {
    this.voteAt = 3 + turnout.K - 1;
    this.stride = this.voteAt + vote.K - 1;
    const stationCount = registered.length;
    const values = new Float64Array(stationCount * this.stride);
    for (let i = 0; i < stationCount; i++) {
      const row = i * this.stride;
      values[row] = registered[i];
      values[row + 1] = total[i];
      values[row + 2] = votes[i];
      for (let k = 0; k < turnout.K - 1; k++) values[row + this.turnoutAt + k] = turnout.cum[i * turnout.K + k];
      for (let k = 0; k < vote.K - 1; k++) values[row + this.voteAt + k] = vote.cum[i * vote.K + k];
    }
    this.values = values;
  }
}

/** The component whose cumulative probability (K - 1 of them from values[at]) first reaches u. */
export function pickComponent(values: Float64Array, at: number, K: number, u: number): number {
  let k = 0;
  while (k < K - 1 && u > values[at + k]) k++;
  return k;
}

// log(k!) memoised up to this size (8 MB); larger k falls back to logFactorial.
const MAX_TABLE = 1 << 20;

/** Beta and binomial draws identical to rng.beta / rng.binomial, with log(k!) tabulated up to `maxN`. */
export class ExactDraws {
  private readonly rng: Rng;
  private readonly uniform: () => number;
  private readonly logFact: (k: number) => number;

  constructor(rng: Rng, maxN: number) {
    this.rng = rng;
    const size = Math.min(MAX_TABLE, Math.max(2, Math.floor(maxN) + 1));
    const lf = new Float64Array(size);
    for (let k = 0; k < size; k++) lf[k] = logFactorial(k);
    this.uniform = () => rng.uniform();
    this.logFact = (k) => (k < lf.length ? lf[k] : logFactorial(k));
  }

  /** Beta(a, b), as rng.beta. */
  beta(a: number, b: number): number {
    return this.rng.beta(a, b);
  }

  /** Binomial(n, p), as rng.binomial (rng.ts's sampler, with the tabulated log-factorials). */
  binomial(n: number, p: number): number {
    return drawBinomial(this.uniform, n, p, this.logFact);
  }
}

/**
 * Draws M of m station indices without replacement, uniformly (Floyd's algorithm), returned sorted. The chosen
 * stations are bits of a bitset, read back word by word in increasing order.
 */
export class StationSubset {
  private readonly m: number;
  private readonly chosen: Int32Array;
  private readonly out: Int32Array;

  constructor(m: number, M: number) {
    this.m = m;
    this.chosen = new Int32Array((m + 31) >>> 5);
    this.out = new Int32Array(M);
  }

  /** A fresh uniform subset, in increasing order so that the resampling loop reads the station arrays in order. */
  draw(rng: Rng): Int32Array {
    const m = this.m;
    const chosen = this.chosen;
    const out = this.out;
    for (let j = m - out.length; j < m; j++) {
      const t = rng.int(j + 1);
      const bit = 1 << (t & 31);
      if ((chosen[t >>> 5] & bit) === 0) chosen[t >>> 5] |= bit;
      else chosen[j >>> 5] |= 1 << (j & 31);
    }
    let a = 0;
    for (let word = 0; word < chosen.length; word++) {
      let bits = chosen[word];
      chosen[word] = 0;
      while (bits !== 0) {
        const lowest = bits & -bits;
        out[a++] = word * 32 + 31 - Math.clz32(lowest);
        bits ^= lowest;
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
