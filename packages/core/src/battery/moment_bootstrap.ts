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
  const k = combos.length;
  // Packed, centred values: xs[c * len + p], ys likewise; valid[c * len + p] in {0, 1}.
  const xs = new Float64Array(k * len);
  const ys = new Float64Array(k * len);
  // 1 where the combo's variables are defined, else 0 (then xs, ys are 0 too): the passes need no branches.
  const valid = new Float64Array(k * len);
  const sums: MomentSums[] = [];
  combos.forEach((c, ci) => {
    const cx = meanAt(c.X, c.Y, stations);
    const cy = c.Y ? meanAt(c.Y, c.X, stations) : 0;
    sums.push(emptySums(cx, cy));
    for (let p = 0; p < len; p++) {
      const i = stations[p];
      const x = c.X[i];
      const y = c.Y ? c.Y[i] : 0;
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      valid[ci * len + p] = 1;
      xs[ci * len + p] = x - cx;
      ys[ci * len + p] = c.Y ? y - cy : 0;
    }
  });
  // A single-variable combo whose variable is the Y of a pair combo with the same valid stations
  // needs no pass of its own: its sums are the pair's y sums.
  const alias = new Int32Array(k).fill(-1);
  for (let ci = 0; ci < k; ci++) {
    if (combos[ci].Y !== null) continue;
    for (let cj = 0; cj < k; cj++) {
      if (combos[cj].Y !== combos[ci].X) continue;
      let same = true;
      for (let p = 0; p < len && same; p++) same = valid[ci * len + p] === valid[cj * len + p];
      if (same) {
        alias[ci] = cj;
        break;
      }
    }
  }
  const counts = new Int32Array(len);
  const resample = makeResampler(rng);
  for (let r = 0; r < B; r++) {
    resample(counts, len);
    for (let ci = 0; ci < k; ci++) {
      if (alias[ci] >= 0) continue;
      if (combos[ci].Y === null) singlePass(counts, valid, xs, ci * len, len, sums[ci]);
      else pairPass(counts, valid, xs, ys, ci * len, len, sums[ci]);
    }
    for (let ci = 0; ci < k; ci++) {
      const cj = alias[ci];
      if (cj < 0) continue;
      const s = sums[ci];
      const t = sums[cj];
      s.w = t.w;
      s.sx = t.sy;
      s.sxx = t.syy;
      s.sxxx = t.syyy;
      s.sxxxx = t.syyyy;
    }
    onReplicate(r, sums);
  }
}

function singlePass(
  counts: Int32Array,
  valid: Float64Array,
  xs: Float64Array,
  off: number,
  len: number,
  out: MomentSums,
): void {
  let w = 0;
  let sx = 0;
  let sxx = 0;
  let sxxx = 0;
  let sxxxx = 0;
  for (let p = 0; p < len; p++) {
    const m = counts[p] * valid[off + p];
    const x = xs[off + p];
    const mx = m * x;
    const mx2 = mx * x;
    w += m;
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

function pairPass(
  counts: Int32Array,
  valid: Float64Array,
  xs: Float64Array,
  ys: Float64Array,
  off: number,
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
    const m = counts[p] * valid[off + p];
    const x = xs[off + p];
    const y = ys[off + p];
    const mx = m * x;
    const my = m * y;
    const my2 = my * y;
    const mxy = mx * y;
    w += m;
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
