/** Resampling primitives for the battery's nonparametric bootstrap. */

import { placeQuantileOrderStatistics } from '../numeric/order_statistics.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { indexFromUint32, type Rng, rejectionLimit, splitRng } from '../rng.ts';

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

/**
 * Percentile interval at `level` (R quantile type 7) of the finite replicate values. Only the four order statistics
 * the two quantiles read are put in place (a selection, not a sort): there are thousands of intervals in a run.
 */
export function percentileInterval(values: Float64Array, level: number): BootstrapInterval {
  const finite = finiteValues(values);
  const undefinedReplicates = values.length - finite.length;
  if (finite.length < 2) return { lower: null, upper: null, se: null, undefinedReplicates };
  let mean = 0;
  for (let i = 0; i < finite.length; i++) mean += finite[i];
  mean /= finite.length;
  let sumOfSquares = 0;
  for (let i = 0; i < finite.length; i++) sumOfSquares += (finite[i] - mean) ** 2;
  const tail = (1 - level) / 2;
  placeQuantileOrderStatistics(finite, [tail, 1 - tail]);
  return {
    lower: quantileSorted(finite, tail),
    upper: quantileSorted(finite, 1 - tail),
    se: Math.sqrt(sumOfSquares / (finite.length - 1)),
    undefinedReplicates,
  };
}

/** The finite values, in order, in a new array (a loop: filter's callback costs more than the selection after it). */
function finiteValues(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  let kept = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) out[kept++] = v;
  }
  return out.subarray(0, kept);
}

/**
 * Bootstrap multiplicities: `counts[p]` = how often position p is drawn in `len` draws with
 * replacement. Draws come from a sub-stream of `rng` (splitRng), 32-bit outputs taken a block at a time so
 * the hot loop allocates nothing; indices are exact (indexFromUint32 rejects the short last block). A block is
 * used up to the last word a replicate needs, so the stream is read exactly as one word at a time would.
 */
export function makeResampler(rng: Rng): (counts: Int32Array, len: number) => void {
  const stream = splitRng(rng);
  const block = new Uint32Array(4096);
  let at = block.length;
  return (counts, len) => {
    counts.fill(0, 0, len);
    const limit = rejectionLimit(len);
    let drawn = 0;
    while (drawn < len) {
      if (at === block.length) {
        stream.fillUint32(block);
        at = 0;
      }
      // At most the words still needed: each gives one index unless rejected.
      const end = Math.min(block.length, at + (len - drawn));
      for (; at < end; at++) {
        const index = indexFromUint32(block[at], len, limit);
        if (index >= 0) {
          counts[index]++;
          drawn++;
        }
      }
    }
  };
}
