/**
 * Indices sorted by value, ties in index order: what `indices.sort((p, q) => keys[p] - keys[q] || p - q)` gives
 * for keys without NaN, without a comparator call per comparison (a million of them cost about half a second).
 * A least-significant-digit radix sort on the keys' 64 bits, 16 bits a pass: each key's bits are first turned
 * into an unsigned integer that orders as the numbers do (negative keys have every bit flipped, the others
 * their sign bit set; -0 is made 0 first, as the subtraction finds them equal), and every pass is stable, so
 * equal keys keep index order.
 */

const DIGITS = 65536;
/** Which 32-bit half of a double's bytes holds its low bits (the first on little-endian platforms). */
const LOW_HALF = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 0 : 1;

/** Indices 0..keys.length-1 ordered by key, then index; keys must not be NaN (infinities are fine). */
export function stableOrder(keys: ArrayLike<number>): Int32Array {
  const count = keys.length;
  const scratch = new Float64Array(1);
  const scratchHalves = new Uint32Array(scratch.buffer);
  let high = new Uint32Array(count);
  let low = new Uint32Array(count);
  let order = new Int32Array(count);
  // Occurrences of each 16-bit digit, for the four digits at once: low half's low and high digits, then high's.
  const starts = new Int32Array(4 * DIGITS);
  for (let index = 0; index < count; index++) {
    scratch[0] = keys[index] + 0;
    let highBits = scratchHalves[1 - LOW_HALF];
    let lowBits = scratchHalves[LOW_HALF];
    if (highBits >>> 31 === 1) {
      highBits = ~highBits >>> 0;
      lowBits = ~lowBits >>> 0;
    } else highBits = (highBits | 0x80000000) >>> 0;
    high[index] = highBits;
    low[index] = lowBits;
    order[index] = index;
    starts[lowBits & 0xffff]++;
    starts[DIGITS + (lowBits >>> 16)]++;
    starts[2 * DIGITS + (highBits & 0xffff)]++;
    starts[3 * DIGITS + (highBits >>> 16)]++;
  }
  let nextHigh = new Uint32Array(count);
  let nextLow = new Uint32Array(count);
  let nextOrder = new Int32Array(count);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * DIGITS;
    // A digit that every key shares leaves the order as it is.
    let digitsUsed = 0;
    for (let digit = 0; digit < DIGITS && digitsUsed < 2; digit++) if (starts[base + digit] > 0) digitsUsed++;
    if (digitsUsed < 2) continue;
    let sum = 0;
    for (let digit = 0; digit < DIGITS; digit++) {
      const occurrences = starts[base + digit];
      starts[base + digit] = sum;
      sum += occurrences;
    }
    const source = pass < 2 ? low : high;
    const shift = pass % 2 === 0 ? 0 : 16;
    for (let k = 0; k < count; k++) {
      const at = starts[base + ((source[k] >>> shift) & 0xffff)]++;
      nextHigh[at] = high[k];
      nextLow[at] = low[k];
      nextOrder[at] = order[k];
    }
    [high, nextHigh] = [nextHigh, high];
    [low, nextLow] = [nextLow, low];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}
