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
  const packed = combos.map((variables) => packCombo(variables, stations));
  const sums = packed.map((p) => emptySums(p.centreX, p.centreY));
  const steps = planSteps(combos, packed);
  const counts = new Int32Array(len);
  const resample = makeResampler(rng);
  for (let replicate = 0; replicate < B; replicate++) {
    resample(counts, len);
    for (const step of steps) {
      const out = sums[step.combo];
      const own = packed[step.combo];
      switch (step.kind) {
        case 'single':
          singlePass(counts, own.xs, len, out);
          out.w = len - countAt(counts, own.invalid);
          break;
        case 'pair':
          pairPass(counts, own.xs, own.ys as Float64Array, len, out);
          out.w = len - countAt(counts, own.invalid);
          break;
        case 'pairSharingX':
          pairYPass(counts, own.xs, own.ys as Float64Array, len, out);
          copyXSums(sums[step.source], out);
          break;
        case 'aliasOfPairY':
          copyYSumsAsX(sums[step.source], out);
          break;
      }
    }
    onReplicate(replicate, sums);
  }
}

/** A combo's values over the group, centred; 0 where a variable is NaN (those stations are listed in `invalid`). */
interface PackedCombo {
  readonly centreX: number;
  readonly centreY: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array | null;
  /** Positions (into the group's stations) where the combo's variables are not both defined. */
  readonly invalid: Int32Array;
}

function packCombo(variables: MomentCombo, stations: Int32Array): PackedCombo {
  const len = stations.length;
  const centreX = meanAt(variables.X, variables.Y, stations);
  const centreY = variables.Y ? meanAt(variables.Y, variables.X, stations) : 0;
  const xs = new Float64Array(len);
  const ys = variables.Y ? new Float64Array(len) : null;
  const invalid: number[] = [];
  for (let p = 0; p < len; p++) {
    const i = stations[p];
    const x = variables.X[i];
    const y = variables.Y ? variables.Y[i] : 0;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      invalid.push(p);
      continue;
    }
    xs[p] = x - centreX;
    if (ys) ys[p] = y - centreY;
  }
  return { centreX, centreY, xs, ys, invalid: Int32Array.from(invalid) };
}

/**
 * One replicate's work, in order. `single` and `pair` sum a combo's own values. `pairSharingX`: a pair whose centred x
 * values and invalid stations are those of an earlier combo (`source`, e.g. turnout's own combo), whose w, sx and sxx
 * are therefore the same numbers, summed in the same order; it sums only its y terms. `aliasOfPairY`: a single combo
 * whose variable is the Y of a pair (`source`) with the same valid stations: its sums are the pair's y sums.
 */
type Step =
  | { readonly kind: 'single' | 'pair'; readonly combo: number }
  | { readonly kind: 'pairSharingX' | 'aliasOfPairY'; readonly combo: number; readonly source: number };

function planSteps(combos: readonly MomentCombo[], packed: readonly PackedCombo[]): Step[] {
  const steps: Step[] = [];
  const aliasOf = combos.map((variables, combo) =>
    variables.Y !== null
      ? -1
      : combos.findIndex((other, o) => other.Y === variables.X && sameInts(packed[o].invalid, packed[combo].invalid)),
  );
  // Singles first, so that a pair can take its x sums from one.
  const done: number[] = [];
  combos.forEach((variables, combo) => {
    if (variables.Y === null && aliasOf[combo] < 0) {
      steps.push({ kind: 'single', combo });
      done.push(combo);
    }
  });
  combos.forEach((variables, combo) => {
    if (variables.Y === null) return;
    const source = done.find(
      (d) => sameInts(packed[d].invalid, packed[combo].invalid) && sameValues(packed[d].xs, packed[combo].xs),
    );
    steps.push(source === undefined ? { kind: 'pair', combo } : { kind: 'pairSharingX', combo, source });
    done.push(combo);
  });
  aliasOf.forEach((source, combo) => {
    if (source >= 0) steps.push({ kind: 'aliasOfPairY', combo, source });
  });
  return steps;
}

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Equal numbers at every position (Object.is, so that +0 and -0 differ). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** How many draws fell on the listed positions. */
function countAt(counts: Int32Array, positions: Int32Array): number {
  let drawn = 0;
  for (let k = 0; k < positions.length; k++) drawn += counts[positions[k]];
  return drawn;
}

function copyXSums(from: MomentSums, to: MomentSums): void {
  to.w = from.w;
  to.sx = from.sx;
  to.sxx = from.sxx;
}

function copyYSumsAsX(pair: MomentSums, to: MomentSums): void {
  to.w = pair.w;
  to.sx = pair.sy;
  to.sxx = pair.syy;
  to.sxxx = pair.syyy;
  to.sxxxx = pair.syyyy;
}

/*
 * The passes weigh each station by its multiplicity in the replicate. An invalid station's centred values are 0, so
 * its terms are +0 and leave every sum as it is; only the weight sum w must leave it out, and it is the number of
 * draws (len) less those that fell on invalid stations (integers: exact).
 */

/**
 * Power sums of one single-variable combo over a replicate: sx = sum of weight x, sxx = sum of weight x^2, and so
 * on (the fields of MomentSums); a station's weight is its multiplicity in the replicate.
 */
function singlePass(counts: Int32Array, xs: Float64Array, len: number, out: MomentSums): void {
  let sx = 0;
  let sxx = 0;
  let sxxx = 0;
  let sxxxx = 0;
  for (let p = 0; p < len; p++) {
    const x = xs[p];
    const mx = counts[p] * x;
    const mx2 = mx * x;
    sx += mx;
    sxx += mx2;
    sxxx += mx2 * x;
    sxxxx += mx2 * x * x;
  }
  out.sx = sx;
  out.sxx = sxx;
  out.sxxx = sxxx;
  out.sxxxx = sxxxx;
}

/** Power sums of one (X, Y) combo over a replicate, named as in singlePass. */
function pairPass(counts: Int32Array, xs: Float64Array, ys: Float64Array, len: number, out: MomentSums): void {
  let sx = 0;
  let sxx = 0;
  for (let p = 0; p < len; p++) {
    const mx = counts[p] * xs[p];
    sx += mx;
    sxx += mx * xs[p];
  }
  out.sx = sx;
  out.sxx = sxx;
  pairYPass(counts, xs, ys, len, out);
}

/**
 * The y terms of a pair: sy, syy, syyy, syyyy, sxy, sxxy. x^3 and x^4 of a pair are never read (turnout's own shape
 * comes from its single combo), so they stay at 0.
 */
function pairYPass(counts: Int32Array, xs: Float64Array, ys: Float64Array, len: number, out: MomentSums): void {
  let sy = 0;
  let syy = 0;
  let syyy = 0;
  let syyyy = 0;
  let sxy = 0;
  let sxxy = 0;
  for (let p = 0; p < len; p++) {
    const weight = counts[p];
    const x = xs[p];
    const y = ys[p];
    const my = weight * y;
    const my2 = my * y;
    const mxy = weight * x * y;
    sy += my;
    syy += my2;
    syyy += my2 * y;
    syyyy += my2 * y * y;
    sxy += mxy;
    sxxy += mxy * x;
  }
  out.sxxx = 0;
  out.sxxxx = 0;
  out.sy = sy;
  out.syy = syy;
  out.syyy = syyy;
  out.syyyy = syyyy;
  out.sxy = sxy;
  out.sxxy = sxxy;
}
