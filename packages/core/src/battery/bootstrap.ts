/** Resampling primitives for the battery's nonparametric bootstrap. */
import { indexFromUint32, type Rng, splitRng } from '../rng.ts';

/** Uniform integer on [0, n) from 32 random bits, unbiased (rejects the short last block). */
export function uniformIndex(rng: Rng, n: number): number {
  const limit = 4294967296 - (4294967296 % n);
  for (;;) {
    const u = rng.nextUint32();
    if (u < limit) return u % n;
  }
}

/**
 * One multinomial draw of `total` items over categories with weights `counts` (conditional
 * binomials, each exact), written into `out`.
 */
export function drawMultinomial(
  rng: { binomial(n: number, p: number): number },
  counts: Float64Array,
  total: number,
  out: Float64Array,
): void {
  let left = total;
  let massLeft = 0;
  for (let k = 0; k < counts.length; k++) massLeft += counts[k];
  for (let k = 0; k < counts.length; k++) {
    if (left === 0 || massLeft <= 0) {
      out[k] = 0;
      continue;
    }
    const p = counts[k] / massLeft;
    const x = k === counts.length - 1 ? left : rng.binomial(left, p >= 1 ? 1 : p);
    out[k] = x;
    left -= x;
    massLeft -= counts[k];
  }
}

/** A bootstrap interval summary for one statistic. */
export interface BootstrapInterval {
  readonly lower: number | null;
  readonly upper: number | null;
  /** Standard deviation of the finite replicates. */
  readonly se: number | null;
  /** Replicates where the statistic was undefined (e.g. no eligible counts in the resample). */
  readonly undefinedReplicates: number;
}

/** Percentile interval at `level` (R quantile type 7) of the finite replicate values. */
export function percentileInterval(values: Float64Array, level: number): BootstrapInterval {
  let m = 0;
  const finite = new Float64Array(values.length);
  let mean = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      finite[m++] = v;
      mean += v;
    }
  }
  const undefinedReplicates = values.length - m;
  if (m < 2) return { lower: null, upper: null, se: null, undefinedReplicates };
  mean /= m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (finite[i] - mean) ** 2;
  const a = (1 - level) / 2;
  return {
    lower: selectQuantile(finite, m, a),
    upper: selectQuantile(finite, m, 1 - a),
    se: Math.sqrt(ss / (m - 1)),
    undefinedReplicates,
  };
}

/**
 * Type-7 quantile of the first m entries of `x` by selection (reorders x): the k-th smallest by
 * Hoare partitioning, then the next order statistic as the minimum above it. O(m) instead of a sort.
 */
export function selectQuantile(x: Float64Array, m: number, p: number): number {
  const h = (m - 1) * p;
  const k = Math.floor(h);
  let lo = 0;
  let hi = m - 1;
  while (hi > lo) {
    const pivot = x[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) {
        const t = x[i];
        x[i] = x[j];
        x[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  const xk = x[k];
  if (k + 1 >= m || h === k) return xk;
  let next = Number.POSITIVE_INFINITY;
  for (let i = k + 1; i < m; i++) if (x[i] < next) next = x[i];
  return xk + (h - k) * (next - xk);
}

/**
 * Bootstrap multiplicities: `counts[p]` = how often position p is drawn in `len` draws with
 * replacement. Draws come from a sub-stream of `rng` (splitRng), 32-bit outputs taken a block at a time so
 * the hot loop allocates nothing; indices are exact (indexFromUint32 rejects the short last block).
 */
export function makeResampler(rng: Rng): (counts: Int32Array, len: number) => void {
  const stream = splitRng(rng);
  const block = new Uint32Array(4096);
  let at = block.length;
  return (counts, len) => {
    counts.fill(0, 0, len);
    let d = 0;
    while (d < len) {
      if (at === block.length) {
        stream.fillUint32(block);
        at = 0;
      }
      const index = indexFromUint32(block[at++], len);
      if (index < 0) continue;
      counts[index]++;
      d++;
    }
  };
}
