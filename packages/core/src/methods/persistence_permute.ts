/**
 * The stratified permutation engine of the persistence test: the observed difference-in-differences
 * and its null distribution when flags are reshuffled within each stratum (same count per stratum).
 */
import type { Rng } from '../rng.ts';

/** Units ordered by stratum: stratum r holds indices [starts[r], starts[r+1]). */
export interface StratifiedUnits {
  /** Change of the favoured share, A minus B, in points. */
  readonly d: Float64Array;
  /** Voter weight of each unit. */
  readonly w: Float64Array;
  /** 1 when flagged. */
  readonly flagged: Uint8Array;
  readonly starts: Int32Array;
}

/** Observed statistic, its permutation null and the two means it contrasts. */
export interface PermutationNull {
  readonly observed: number;
  readonly null: Float64Array;
  /** Weighted mean change of the flagged units. */
  readonly flaggedMean: number;
  /** What the flagged units' mean change would be had they changed like their regions' other units. */
  readonly comparisonMean: number;
}

/** The stratified DiD: sum_r (S_F - W_F * S_U / W_U) / sum_r W_F, from per-stratum flagged sums. */
function statistic(sf: Float64Array, wf: Float64Array, sTot: Float64Array, wTot: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let r = 0; r < sf.length; r++) {
    num += sf[r] - (wf[r] * (sTot[r] - sf[r])) / (wTot[r] - wf[r]);
    den += wf[r];
  }
  return num / den;
}

const TWO32 = 4294967296;

/**
 * Uniform integer on [0, m) from one 32-bit draw (Lemire 2019, ACM TOMACS 29(1):3, multiply-and-reject):
 * unbiased, and exact in doubles while m < 2^21 (x * m < 2^53).
 */
function boundedInt(rng: Rng, m: number): number {
  const threshold = (TWO32 - m) % m;
  for (;;) {
    const prod = rng.nextUint32() * m;
    if (prod % TWO32 >= threshold) return Math.floor(prod / TWO32);
  }
}

/** Computes the observed statistic and `replicates` permuted ones. Every stratum must have both groups. */
export function permutationNull(units: StratifiedUnits, replicates: number, rng: Rng): PermutationNull {
  const { d, w, flagged, starts } = units;
  const R = starts.length - 1;
  const wd = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) wd[i] = w[i] * d[i];
  const sTot = new Float64Array(R);
  const wTot = new Float64Array(R);
  const sf = new Float64Array(R);
  const wf = new Float64Array(R);
  const k = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    for (let i = starts[r]; i < starts[r + 1]; i++) {
      sTot[r] += wd[i];
      wTot[r] += w[i];
      if (flagged[i]) {
        sf[r] += wd[i];
        wf[r] += w[i];
        k[r]++;
      }
    }
  }
  const observed = statistic(sf, wf, sTot, wTot);
  let sfAll = 0;
  let wfAll = 0;
  for (let r = 0; r < R; r++) {
    sfAll += sf[r];
    wfAll += wf[r];
  }
  const flaggedMean = sfAll / wfAll;

  const perm = new Int32Array(d.length);
  for (let i = 0; i < perm.length; i++) perm[i] = i;
  const out = new Float64Array(replicates);
  const psf = new Float64Array(R);
  const pwf = new Float64Array(R);
  for (let b = 0; b < replicates; b++) {
    for (let r = 0; r < R; r++) {
      const s = starts[r];
      const nr = starts[r + 1] - s;
      // Draw the smaller group: a partial Fisher-Yates from any permutation gives a uniform subset.
      const takeFlagged = k[r] <= nr - k[r];
      const m = takeFlagged ? k[r] : nr - k[r];
      let sc = 0;
      let wc = 0;
      for (let t = 0; t < m; t++) {
        const j = s + t + (nr - t < 2097152 ? boundedInt(rng, nr - t) : rng.int(nr - t));
        const tmp = perm[s + t];
        perm[s + t] = perm[j];
        perm[j] = tmp;
        const u = perm[s + t];
        sc += wd[u];
        wc += w[u];
      }
      if (takeFlagged) {
        psf[r] = sc;
        pwf[r] = wc;
      } else {
        psf[r] = sTot[r] - sc;
        pwf[r] = wTot[r] - wc;
      }
    }
    out[b] = statistic(psf, pwf, sTot, wTot);
  }
  return { observed, null: out, flaggedMean, comparisonMean: flaggedMean - observed };
}
