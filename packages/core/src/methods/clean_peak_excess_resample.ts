/**
 * Bootstrap bin sums for the clean-peak excess method (Shpilkin 2009; see clean_peak_excess.ts). One
 * replicate draws m station positions with `rng.int(m)` and adds each drawn station's valid, leader and
 * other votes to its turnout bin. The result is byte-identical to doing exactly that in draw order; only
 * the memory access pattern differs, because at 10^6 stations random reads into several multi-MB arrays
 * (a cache and TLB miss each) cost far more than the draws themselves.
 */

import { type Rng, rejectionLimit } from '../rng.ts';
import { WordReader } from '../word_reader.ts';

/** Per-bin sums: valid votes, leader votes, other candidates' votes. */
export interface CleanPeakBins {
  votes: Float64Array;
  leader: Float64Array;
  others: Float64Array;
}

/** Fills `out` (zeroing it first) with the bin sums of one bootstrap resample, drawing from `rng`. */
export type CleanPeakResampler = (rng: Rng, out: CleanPeakBins) => void;

const TWO_53 = 9007199254740992;

/**
 * Makes a resampler over m stations (bin index, leader votes, other votes, in the order `rng.int(m)`
 * indexes them). `path` forces a strategy (tests only); by default counts are used when exact.
 */
export function makeCleanPeakResampler(
  bin: Int32Array,
  leader: Float64Array,
  others: Float64Array,
  path: 'auto' | 'ordered' = 'auto',
): CleanPeakResampler {
  const m = bin.length;
  let integral = true;
  let maxVotes = 0;
  for (let i = 0; i < m && integral; i++) {
    const v = leader[i] + others[i];
    if (!Number.isInteger(leader[i]) || !Number.isInteger(others[i])) integral = false;
    if (v > maxVotes) maxVotes = v;
  }
  // With whole vote counts and every partial bin sum at most m * maxVotes <= 2^53, each floating-point
  // addition is exact, so the sums do not depend on the order of addition: counting how often each
  // station is drawn and adding count x votes gives the same bits as adding the draws one by one.
  if (path === 'auto' && integral && m * maxVotes <= TWO_53) return countingResampler(bin, leader, others);
  return orderedResampler(bin, leader, others);
}

/**
 * Draws into a count per station (one small random write per draw), then one sequential pass. The counts are
 * bytes, so the table of a million stations stays in a core's cache; a count that wraps past `wrap` (255, or
 * less in tests) carries into a second table, read only in a replicate that carried. The draws are rng.int's,
 * read through a WordReader that never takes more words than the draws still to make.
 */
export function countingResampler(
  bin: Int32Array,
  leader: Float64Array,
  others: Float64Array,
  wrap = 255,
): CleanPeakResampler {
  const m = bin.length;
  const counts = new Uint8Array(m);
  const carries = new Int32Array(m);
  const total = new Float64Array(m);
  for (let i = 0; i < m; i++) total[i] = leader[i] + others[i];
  const limit = rejectionLimit(m);
  return (rng, out) => {
    out.votes.fill(0);
    out.leader.fill(0);
    out.others.fill(0);
    const reader = new WordReader(rng);
    let carried = false;
    for (let drawn = 0; drawn < m; drawn++) {
      // Each word gives at most one draw, so the m - drawn draws left are sure to read that many words.
      const station = reader.index(m, limit, m - drawn);
      const count = counts[station] === wrap ? 0 : counts[station] + 1;
      counts[station] = count;
      if (count === 0) {
        carries[station] += wrap + 1;
        carried = true;
      }
    }
    const { votes: bv, leader: bl, others: bo } = out;
    for (let i = 0; i < m; i++) {
      let c = counts[i];
      if (carried) {
        c += carries[i];
        carries[i] = 0;
      }
      if (c === 0) continue;
      counts[i] = 0;
      const b = bin[i];
      bv[b] += c * total[i];
      bl[b] += c * leader[i];
      bo[b] += c * others[i];
    }
  };
}

/** Adds draws in order (any vote values); each station's fields lie together, so a draw touches one line. */
function orderedResampler(bin: Int32Array, leader: Float64Array, others: Float64Array): CleanPeakResampler {
  const m = bin.length;
  const rec = new Float64Array(4 * m);
  for (let i = 0; i < m; i++) {
    rec[4 * i] = bin[i];
    rec[4 * i + 1] = leader[i] + others[i];
    rec[4 * i + 2] = leader[i];
    rec[4 * i + 3] = others[i];
  }
  return (rng, out) => {
    out.votes.fill(0);
    out.leader.fill(0);
    out.others.fill(0);
    const { votes: bv, leader: bl, others: bo } = out;
    for (let k = 0; k < m; k++) {
      const j = 4 * rng.int(m);
      const b = rec[j];
      bv[b] += rec[j + 1];
      bl[b] += rec[j + 2];
      bo[b] += rec[j + 3];
    }
  };
}
