/**
 * Exact binning of a count out of a total. `Math.floor(c / r * bins)` puts 29/100 in bin 28 (29/100*100 is
 * 28.999999999999996 in doubles); these helpers compute the bin from the integers, so a station at exactly k
 * per `bins` lands in bin k. Every histogram, fingerprint and plot bins through here.
 */

/**
 * floor(numerator / denominator) for non-negative numerator and positive denominator, corrected by one step
 * when the rounded double quotient crosses an integer. Exact while numerator and denominator are integers
 * below 2^53.
 */
function floorDivide(numerator: number, denominator: number): number {
  let q = Math.floor(numerator / denominator);
  if (q * denominator > numerator) q--;
  else if ((q + 1) * denominator <= numerator) q++;
  return q;
}

/**
 * Bin of `count` out of `total` among `bins` equal bins over [0, 1]: floor(count * bins / total) in integer
 * arithmetic, with count = total in the last bin. Returns -1 for a point outside [0, 1] or an empty total.
 */
export function countBin(count: number, total: number, bins: number): number {
  if (!(total > 0 && count >= 0 && count <= total)) return -1;
  return Math.min(bins - 1, floorDivide(count * bins, total));
}

/**
 * Bin of `count` out of `total` among `bins + 1` bins centred on 0, 1/bins, ..., 1: round(count * bins / total),
 * halves up, in integer arithmetic. With bins = 1000 every whole percentage is the centre of its own bin (bin
 * 10 k), which is what Kobak et al.'s integer-percentage histograms need. Returns -1 outside [0, 1].
 */
export function centredCountBin(count: number, total: number, bins: number): number {
  if (!(total > 0 && count >= 0 && count <= total)) return -1;
  return floorDivide(2 * count * bins + total, 2 * total);
}

/**
 * Bin of a fraction x in [0, 1] among `bins` equal bins, for callers that only have x (model simulations): the
 * largest k with k / bins <= x, both sides as doubles, so x computed as c / r lands where countBin(c, r) puts it
 * (the division rounds correctly and k / bins is the double nearest the boundary). x = 1 goes to the last bin;
 * -1 for x outside [0, 1] or NaN.
 */
export function fractionBin(x: number, bins: number): number {
  if (!(x >= 0 && x <= 1)) return -1;
  let k = Math.floor(x * bins);
  if (k / bins > x) k--;
  else if ((k + 1) / bins <= x) k++;
  return Math.min(bins - 1, k);
}
