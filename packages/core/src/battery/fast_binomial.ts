/**
 * A fast exact binomial sampler for the categorical bootstrap's multinomial draws. xoshiro128**
 * (Blackman & Vigna 2018) with its state in an Int32Array, so drawing allocates nothing; binomial by
 * inversion when n * min(p, 1 - p) < 10, else Hörmann's BTRS (1993, J. Stat. Comput. Simul.
 * 46:101-110). Seeded from an Rng, so results stay a function of the run's seed.
 */
import { logFactorial } from '../numeric/log_factorial.ts';
import type { Rng } from '../rng.ts';

/** A uniform and binomial source. */
export interface FastBinomial {
  uniform(): number;
  binomial(n: number, p: number): number;
}

/** Creates the sampler from four 32-bit words of `rng`. */
export function makeFastBinomial(rng: Rng): FastBinomial {
  const st = new Int32Array([rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32() | 1]);
  function next(): number {
    const s1 = st[1];
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    st[2] ^= st[0];
    st[3] ^= s1;
    st[1] ^= st[2];
    st[0] ^= st[3];
    st[2] ^= t;
    const s3 = st[3];
    st[3] = (s3 << 11) | (s3 >>> 21);
    return r;
  }
  function uniform(): number {
    const hi = next() >>> 5;
    const lo = next() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  function inversion(n: number, p: number): number {
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
      // u fell in the rounding sliver above the computed total mass: draw again.
    }
  }
  function btrs(n: number, p: number): number {
    const q = 1 - p;
    const spq = Math.sqrt(n * p * q);
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    const alpha = (2.83 + 5.1 / b) * spq;
    const lpq = Math.log(p / q);
    const m = Math.floor((n + 1) * p);
    const h = logFactorial(m) + logFactorial(n - m);
    for (;;) {
      const u = uniform() - 0.5;
      let v = uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      if (us >= 0.07 && v <= vr) return k;
      v = Math.log((v * alpha) / (a / (us * us) + b));
      if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
    }
  }
  function low(n: number, p: number): number {
    return n * p < 10 ? inversion(n, p) : btrs(n, p);
  }
  function binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    return p > 0.5 ? n - low(n, 1 - p) : low(n, p);
  }
  return { uniform, binomial };
}
