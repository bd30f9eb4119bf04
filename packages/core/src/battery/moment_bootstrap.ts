/**
 * The moment bootstrap of one group of stations: each replicate draws the group's stations with
 * replacement once (as multiplicities), then one sequential pass accumulates the power sums of every
 * variable combination the group's cells need. Values are centred and packed per group first, so
 * the pass reads memory in order.
 */
import type { Rng } from '../rng.ts';
import { makeResampler } from './bootstrap.ts';
import { emptySums, type MomentSums, meanAt } from './moments.ts';

/** One combination of variables: X alone (Y null) or the pair (X, Y). */
export interface MomentCombo {
  readonly X: Float64Array;
  readonly Y: Float64Array | null;
}

/**
 * Runs B replicates over `stations`; after each replicate calls `onReplicate(r, sums)` with one
 * MomentSums per combo (in order). Stations where a combo's variable is NaN do not count for it.
 */
export function momentBootstrap(
  stations: Int32Array,
  combos: readonly MomentCombo[],
  B: number,
  rng: Rng,
  onReplicate: (r: number, sums: readonly MomentSums[]) => void,
): void {
  const len = stations.length;
  const comboCount = combos.length;
  // Packed, centred values: xs[combo * len + p], ys likewise; valid[combo * len + p] in {0, 1}.
  const xs = new Float64Array(comboCount * len);
  const ys = new Float64Array(comboCount * len);
  // 1 where the combo's variables are defined, else 0 (then xs, ys are 0 too): the passes need no branches.
  const valid = new Float64Array(comboCount * len);
  const sums: MomentSums[] = [];
  combos.forEach((variables, combo) => {
    const centreX = meanAt(variables.X, variables.Y, stations);
    const centreY = variables.Y ? meanAt(variables.Y, variables.X, stations) : 0;
    sums.push(emptySums(centreX, centreY));
    for (let p = 0; p < len; p++) {
      const i = stations[p];
      const x = variables.X[i];
      const y = variables.Y ? variables.Y[i] : 0;
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      valid[combo * len + p] = 1;
      xs[combo * len + p] = x - centreX;
      ys[combo * len + p] = variables.Y ? y - centreY : 0;
    }
  });
  // A single-variable combo whose variable is the Y of a pair combo with the same valid stations
  // needs no pass of its own: its sums are the pair's y sums.
  const alias = new Int32Array(comboCount).fill(-1);
  for (let combo = 0; combo < comboCount; combo++) {
    if (combos[combo].Y !== null) continue;
    for (let other = 0; other < comboCount; other++) {
      if (combos[other].Y !== combos[combo].X) continue;
      let same = true;
      for (let p = 0; p < len && same; p++) same = valid[combo * len + p] === valid[other * len + p];
      if (same) {
        alias[combo] = other;
        break;
      }
    }
  }
  const counts = new Int32Array(len);
  const resample = makeResampler(rng);
  for (let replicate = 0; replicate < B; replicate++) {
    resample(counts, len);
    for (let combo = 0; combo < comboCount; combo++) {
      if (alias[combo] >= 0) continue;
      if (combos[combo].Y === null) singlePass(counts, valid, xs, combo * len, len, sums[combo]);
      else pairPass(counts, valid, xs, ys, combo * len, len, sums[combo]);
    }
    for (let combo = 0; combo < comboCount; combo++) {
      const other = alias[combo];
      if (other < 0) continue;
      const aliasSums = sums[combo];
      const pairSums = sums[other];
      aliasSums.w = pairSums.w;
      aliasSums.sx = pairSums.sy;
      aliasSums.sxx = pairSums.syy;
      aliasSums.sxxx = pairSums.syyy;
      aliasSums.sxxxx = pairSums.syyyy;
    }
    onReplicate(replicate, sums);
  }
}

/**
 * Power sums of one single-variable combo over a replicate: w = sum of weights, sx = sum of weight x,
 * sxx = sum of weight x^2, and so on (the fields of MomentSums); a station's weight is its
 * multiplicity in the replicate times its validity.
 */
function singlePass(
  counts: Int32Array,
  valid: Float64Array,
  xs: Float64Array,
  offset: number,
  len: number,
  out: MomentSums,
): void {
  let w = 0;
  let sx = 0;
  let sxx = 0;
  let sxxx = 0;
  let sxxxx = 0;
  for (let p = 0; p < len; p++) {
    const weight = counts[p] * valid[offset + p];
    const x = xs[offset + p];
    const mx = weight * x;
    const mx2 = mx * x;
    w += weight;
    sx += mx;
    sxx += mx2;
    sxxx += mx2 * x;
    sxxxx += mx2 * x * x;
  }
  out.w = w;
  out.sx = sx;
  out.sxx = sxx;
  out.sxxx = sxxx;
  out.sxxxx = sxxxx;
}

/** Power sums of one (X, Y) combo over a replicate, named as in singlePass. */
function pairPass(
  counts: Int32Array,
  valid: Float64Array,
  xs: Float64Array,
  ys: Float64Array,
  offset: number,
  len: number,
  out: MomentSums,
): void {
  // x^3 and x^4 of a pair are never read (turnout's own shape comes from its single combo), so the
  // pass skips them and leaves those sums at 0.
  let w = 0;
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let syy = 0;
  let syyy = 0;
  let syyyy = 0;
  let sxy = 0;
  let sxxy = 0;
  for (let p = 0; p < len; p++) {
    const weight = counts[p] * valid[offset + p];
    const x = xs[offset + p];
    const y = ys[offset + p];
    const mx = weight * x;
    const my = weight * y;
    const my2 = my * y;
    const mxy = mx * y;
    w += weight;
    sx += mx;
    sxx += mx * x;
    sy += my;
    syy += my2;
    syyy += my2 * y;
    syyyy += my2 * y * y;
    sxy += mxy;
    sxxy += mxy * x;
  }
  out.w = w;
  out.sx = sx;
  out.sxx = sxx;
  out.sxxx = 0;
  out.sxxxx = 0;
  out.sy = sy;
  out.syy = syy;
  out.syyy = syyy;
  out.syyyy = syyyy;
  out.sxy = sxy;
  out.sxxy = sxxy;
}
