/** Helpers methods share to compute a cell's moment sums and count its usable stations. */
import type { CellInput } from './cell.ts';
import { accumulateSums, emptySums, type MomentSums, meanAt } from './moments.ts';

/** Centred power sums over the cell's stations of X (turnout or the proportion) and optionally Y = proportion. */
export function cellSums(input: CellInput, x: 'turnout' | 'proportion', withY: boolean): MomentSums {
  const X = x === 'turnout' ? input.turnout : input.target.proportion;
  const Y = withY ? input.target.proportion : null;
  const sums = emptySums(meanAt(X, Y, input.stations), Y ? meanAt(Y, X, input.stations) : 0);
  accumulateSums(X, Y, input.stations, input.stations.length, sums);
  return sums;
}

/** How many of the cell's stations have a NaN in X (or Y): their denominator was not positive. */
export function countUndefined(X: Float64Array, Y: Float64Array | null, stations: Int32Array): number {
  let bad = 0;
  for (let k = 0; k < stations.length; k++) {
    const i = stations[k];
    if (Number.isNaN(X[i]) || (Y !== null && Number.isNaN(Y[i]))) bad++;
  }
  return bad;
}
