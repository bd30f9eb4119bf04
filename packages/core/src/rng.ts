/**
 * Seeded randomness. xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32, with exact
 * samplers for the uniform, normal, binomial and beta-binomial distributions. Never use Math.random.
 */
import { logFactorial } from './numeric/log_factorial.ts';

/** A seeded random source. Two rngs with the same seed produce the same stream. */
export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** Uniform integer on [0, maxExclusive), exactly (see indexFromUint32); maxExclusive in 1..2^32. */
  int(maxExclusive: number): number;
  /** Fills `out` with the next out.length 32-bit outputs (the same values nextUint32 would give, in order). */
  fillUint32(out: Uint32Array): void;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Binomial(n, p) draw; exact (inversion for small mean, Hörmann's BTRS otherwise). */
  binomial(n: number, p: number): number;
  /** Gamma(shape, 1) draw (Marsaglia & Tsang 2000). */
  gamma(shape: number): number;
  /** Beta(a, b) draw. */
  beta(a: number, b: number): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Derives an independent seed for sub-task `index` of a run seeded with `seed`, so that parallel
 * work gives the same results whatever the number of threads.
 */
export function deriveSeed(seed: number, index: number): number {
  const a = splitmix32((seed >>> 0) ^ Math.imul(index + 1, 0x27d4eb2d))();
  return splitmix32(a ^ (index >>> 0))();
}

/**
 * Creates a seeded random source: the four state words are the first four outputs of splitmix32 seeded with
 * the seed's low 32 bits. Every 32-bit seed, 0 included, is its own stream.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`internal error: seed must be a finite number, got ${seed}`);
  return createRngFromState(stateFromSeed(Math.floor(seed) >>> 0));
}

/** Four xoshiro128** state words from a 32-bit seed through splitmix32 (never all zero). */
function stateFromSeed(seed: number): number[] {
  const init = splitmix32(seed);
  const words = [init(), init(), init(), init()];
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return words;
}

/**
 * A sub-stream of `rng`: a new xoshiro128** seeded through splitmix32 from one output of `rng`, so the
 * child's state is a mixed function of the parent's, not its raw outputs. Consumes one output of `rng`.
 */
export function splitRng(rng: Rng): Rng {
  return createRngFromState(stateFromSeed(rng.nextUint32()));
}

/**
 * Index in [0, n) from a uniform 32-bit r by Lemire's multiply-shift (2019): floor(r n / 2^32), or -1 when r
 * falls in the 2^32 mod n values that would make some indices more likely than others; the caller then draws
 * again. Every index is exactly equally likely. The one integer sampler: Rng.int and the bootstrap use it.
 * `limit` is 2^32 mod n (rejectionLimit): a caller drawing many indices below the same n passes it, since a
 * floating-point remainder costs more than the rest of the draw.
 */
export function indexFromUint32(r: number, n: number, limit?: number): number {
  const product = r * n;
  const index = Math.floor(product / 4294967296);
  const low = product - index * 4294967296;
  // 2^32 mod n is below n, so a low part of at least n is accepted without computing it.
  if (low >= n) return index;
  return low < (limit ?? 4294967296 % n) ? -1 : index;
}

/** How many of the 2^32 values of a uniform 32-bit word indexFromUint32 rejects for n: 2^32 mod n. */
export function rejectionLimit(n: number): number {
  return 4294967296 % n;
}

/**
 * Creates a random source from four 32-bit words of xoshiro128** state (not all zero). The state lives in an
 * Int32Array, so drawing allocates nothing.
 */
export function createRngFromState(words: readonly number[]): Rng {
  const st = Int32Array.from(words);
  let spareNormal: number | undefined;

  function nextUint32(): number {
    const s1 = st[1];
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    st[2] ^= st[0];
    st[3] ^= s1;
    st[1] ^= st[2];
    st[0] ^= st[3];
    st[2] ^= t;
    const s3 = st[3];
    st[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }
  function uniform(): number {
    const hi = nextUint32() >>> 5; // 27 bits
    const lo = nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  function int(maxExclusive: number): number {
    for (;;) {
      const index = indexFromUint32(nextUint32(), maxExclusive);
      if (index >= 0) return index;
    }
  }
  /** The same values as calls to nextUint32, with the state held in locals for the whole block. */
  function fillUint32(out: Uint32Array): void {
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    for (let i = 0; i < out.length; i++) {
      const m = Math.imul(s1, 5);
      out[i] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }
  function normal(): number {
    if (spareNormal !== undefined) {
      const v = spareNormal;
      spareNormal = undefined;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spareNormal = v * f;
    return u * f;
  }
  function binomial(n: number, p: number): number {
    return drawBinomial(uniform, n, p, logFactorial);
  }
  function gamma(shape: number): number {
    if (shape < 1) {
      const u = uniform();
      return gamma(1 + shape) * u ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }
  function beta(a: number, b: number): number {
    const x = gamma(a);
    const y = gamma(b);
    return x / (x + y);
  }
  return { nextUint32, uniform, int, fillUint32, normal, binomial, gamma, beta };
}

/**
 * Binomial(n, p), exact, from `uniform`: inversion for a small mean, Hörmann's BTRS otherwise. `logFact` gives
 * log(k!) (a caller drawing many large binomials may pass a tabulated one; the values must equal logFactorial's).
 */
export function drawBinomial(
  uniform: () => number,
  n: number,
  p: number,
  logFact: (k: number) => number = logFactorial,
): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialLow(uniform, n, 1 - p, logFact);
  return binomialLow(uniform, n, p, logFact);
}

function binomialLow(uniform: () => number, n: number, p: number, logFact: (k: number) => number): number {
  if (n * p < 10) return binomialInversion(uniform, n, p);
  return binomialBtrs(uniform, n, p, logFact);
}

function binomialInversion(uniform: () => number, n: number, p: number): number {
  // Sequential search from 0; q^n >= exp(-10 * 1.39) here, so no underflow.
  const q = 1 - p;
  const ratio = p / q;
  for (;;) {
    let prob = Math.exp(n * Math.log1p(-p));
    let cdf = prob;
    const u = uniform();
    let k = 0;
    while (u > cdf && k < n) {
      prob *= (ratio * (n - k)) / (k + 1);
      cdf += prob;
      k++;
    }
    if (u <= cdf) return k;
    // u fell in the rounding sliver above the computed total mass: draw again rather than bias the tail.
  }
}

function binomialBtrs(uniform: () => number, n: number, p: number, logFact: (k: number) => number): number {
  // Hörmann (1993), "The generation of binomial random variates", J. Stat. Comput. Simul. 46:101-110.
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = uniform() - 0.5;
    let v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    // The squeeze above accepts most draws; the constants of the exact test are computed only when it fails.
    const alpha = (2.83 + 5.1 / b) * spq;
    const lpq = Math.log(p / q);
    const h = logFact(m) + logFact(n - m);
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFact(k) - logFact(n - k) + (k - m) * lpq) return k;
  }
}
