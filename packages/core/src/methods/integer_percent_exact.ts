/**
 * The exact null distribution of the integer-percentage counts (Kobak, Shpilkin & Pshenichnikov 2016). Under the
 * method's null the stations are independent and station i lands on a whole percent with its exact probability p_i,
 * so the number of such stations is a Poisson-binomial count: its distribution is the convolution of the stations'
 * two-point laws. It is built by direct convolution (blocks of stations added one at a time, then the blocks merged
 * pairwise), each partial law trimmed at both ends where its probabilities fall below TRIM. The mass trimmed away is
 * summed and carried along: every tail probability is exact to within it (a few times 1e-18 on 100,000 stations).
 */

/** A partial Poisson-binomial law: P(S = offset + k) = mass[k]; `dropped` is the probability trimmed from it. */
export interface CountDistribution {
  readonly offset: number;
  readonly mass: Float64Array;
  readonly dropped: number;
}

/** Probabilities below this at either end of a partial law are set aside (their sum is kept in `dropped`). */
const TRIM = 1e-20;

/** Stations added one at a time before blocks are merged pairwise. */
const BLOCK = 64;

/** The law with both ends cut where probabilities fall below TRIM; what is cut is added to `dropped`. */
function trimmed(mass: Float64Array, offset: number, dropped: number): CountDistribution {
  let low = 0;
  let high = mass.length - 1;
  let set = dropped;
  while (low < high && mass[low] < TRIM) set += mass[low++];
  while (high > low && mass[high] < TRIM) set += mass[high--];
  return { offset: offset + low, mass: mass.slice(low, high + 1), dropped: set };
}

/** The law of the count over stations start .. end-1, station j landing with probability probability(j). */
function blockLaw(probability: (j: number) => number, start: number, end: number): CountDistribution {
  const mass = new Float64Array(end - start + 1);
  mass[0] = 1;
  let length = 1;
  for (let j = start; j < end; j++) {
    const p = probability(j);
    const q = 1 - p;
    mass[length] = mass[length - 1] * p;
    for (let k = length - 1; k > 0; k--) mass[k] = mass[k] * q + mass[k - 1] * p;
    mass[0] *= q;
    length++;
  }
  return trimmed(mass, 0, 0);
}

/**
 * The law of the sum of two independent counts. Rows of x are taken four at a time against y padded with three zeros
 * at each end, so that each output is read and written once per four rows; every output still adds its products in
 * ascending row order, and the padding adds exact zeros, so the sums are the same to the bit as one row at a time.
 */
export function convolveCounts(a: CountDistribution, b: CountDistribution): CountDistribution {
  const x = a.mass.length <= b.mass.length ? a.mass : b.mass;
  const y = x === a.mass ? b.mass : a.mass;
  const out = new Float64Array(x.length + y.length - 1);
  const padded = new Float64Array(y.length + 6);
  padded.set(y, 3);
  let i = 0;
  for (; i + 3 < x.length; i += 4) {
    const x0 = x[i];
    const x1 = x[i + 1];
    const x2 = x[i + 2];
    const x3 = x[i + 3];
    // out[i + t] gets x0 y[t], x1 y[t - 1], x2 y[t - 2], x3 y[t - 3], in that order; padded[s] = y[s - 3].
    for (let t = 0; t < y.length + 3; t++) {
      out[i + t] = out[i + t] + x0 * padded[t + 3] + x1 * padded[t + 2] + x2 * padded[t + 1] + x3 * padded[t];
    }
  }
  for (; i < x.length; i++) {
    const xi = x[i];
    for (let j = 0; j < y.length; j++) out[i + j] += xi * y[j];
  }
  return trimmed(out, a.offset + b.offset, a.dropped + b.dropped);
}

/** The law of the sum of independent counts, merged pairwise so that the convolutions stay short. */
export function convolveAll(laws: readonly CountDistribution[]): CountDistribution {
  if (laws.length === 0) return { offset: 0, mass: Float64Array.of(1), dropped: 0 };
  let level = laws;
  while (level.length > 1) {
    const next: CountDistribution[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(convolveCounts(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}

/** The Poisson-binomial law of the number of stations start .. end-1 that land, station j with probability(j). */
export function poissonBinomial(probability: (j: number) => number, start: number, end: number): CountDistribution {
  const blocks: CountDistribution[] = [];
  for (let from = start; from < end; from += BLOCK)
    blocks.push(blockLaw(probability, from, Math.min(end, from + BLOCK)));
  return convolveAll(blocks);
}

/**
 * P(S >= k), summed from the top so that a small tail keeps its precision, plus the trimmed mass: an upper bound
 * within `dropped` of the exact value (so never below it), at most 1.
 */
export function upperTail(law: CountDistribution, k: number): number {
  const from = Math.max(0, Math.ceil(k) - law.offset);
  let sum = 0;
  for (let i = law.mass.length - 1; i >= from; i--) sum += law.mass[i];
  return Math.min(1, sum + law.dropped);
}

/** The smallest count k with P(S <= k) >= level (the exact quantile of a discrete law). */
export function lowerQuantile(law: CountDistribution, level: number): number {
  let sum = 0;
  for (let i = 0; i < law.mass.length; i++) {
    sum += law.mass[i];
    if (sum >= level) return law.offset + i;
  }
  return law.offset + law.mass.length - 1;
}

/** Exact p-values and 99.9% quantiles of the either / leader / turnout counts, 3 per group (whole table, regions). */
export interface ExactCounts {
  /** P(S >= observed) under the null, within `dropped` above the exact value. */
  readonly pValue: Float64Array;
  /** Smallest k with P(S <= k) >= 0.999. */
  readonly quantile999: Float64Array;
  /** The largest probability set aside by trimming in any of the laws (the p-values' error bound). */
  readonly dropped: number;
}

/**
 * The exact laws of the three counts for the whole table and each region, from the stations' exact whole-percent
 * probabilities (stations sorted by region, region g = segmentStart[g] .. segmentStart[g+1]-1): each region's law
 * by poissonBinomial, the whole table's as the convolution of the regions' laws. `observed` holds STATS_PER_GROUP
 * values per group, the three counts first.
 */
export function exactCounts(
  pTurnout: Float64Array,
  pLeader: Float64Array,
  segmentStart: Int32Array,
  regionCount: number,
  observed: Float64Array,
  statsPerGroup: number,
): ExactCounts {
  const groups = 1 + regionCount;
  const pValue = new Float64Array(3 * groups);
  const quantile999 = new Float64Array(3 * groups);
  let dropped = 0;
  const probabilities = [
    (j: number) => pTurnout[j] + pLeader[j] - pTurnout[j] * pLeader[j],
    (j: number) => pLeader[j],
    (j: number) => pTurnout[j],
  ];
  const segments = segmentStart.length - 1;
  for (const [statistic, probability] of probabilities.entries()) {
    const laws: CountDistribution[] = [];
    for (let g = 0; g < segments; g++) laws.push(poissonBinomial(probability, segmentStart[g], segmentStart[g + 1]));
    const whole = regionCount > 0 ? convolveAll(laws) : laws[0];
    const record = (group: number, law: CountDistribution) => {
      pValue[3 * group + statistic] = upperTail(law, observed[statsPerGroup * group + statistic]);
      quantile999[3 * group + statistic] = lowerQuantile(law, 0.999);
      dropped = Math.max(dropped, law.dropped);
    };
    record(0, whole);
    if (regionCount > 0) for (const [g, law] of laws.entries()) record(1 + g, law);
  }
  return { pValue, quantile999, dropped };
}
