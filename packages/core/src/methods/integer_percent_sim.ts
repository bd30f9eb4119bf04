/**
 * Numerics of the integer-percentage method (Kobak, Shpilkin & Pshenichnikov 2016, Ann. Appl. Stat.
 * 10(1):54-73): the exact "whole percent" test, the exact probability that a binomial redraw lands
 * on a whole percent, and the per-chunk Monte Carlo.
 */
import { logFactorial } from '../numeric/log_factorial.ts';
import { createRng, deriveSeed, type Rng, splitRng } from '../rng.ts';

/** Replicates per Monte Carlo chunk; fixed so that results never depend on the thread count. */
export const REPLICATES_PER_CHUNK = 25;

/** Statistics tracked per group: unweighted either/leader/turnout, then weighted by registered voters. */
export const STATS_PER_GROUP = 6;

/**
 * True when k/n lies strictly within 0.05 percentage points of a whole percent:
 * |100k/n - m| < 0.05 for some integer m, i.e. |2000k - 20mn| < n, tested in exact integer arithmetic.
 */
export function isIntegerPercent(k: number, n: number): boolean {
  const r = (2000 * k) % (20 * n);
  return r < n || r > 19 * n;
}

/** Largest n for which integerPercentProbability's residues (below n + 100) stay within int32. */
export const MAX_INTEGER_PERCENT_N = 2 ** 31 - 101;

/**
 * P(X/n is an integer percent) for X ~ Binomial(n, p): the binomial mass summed over the k that pass
 * isIntegerPercent, walking out from the mode until the terms fall below 1e-16 of the mode's mass.
 * The whole-percent test is carried along the walk as the residue r = 100k mod n (2000k mod 20n is 20r, so k passes
 * when 20r < n or 20r > 19n, i.e. r < ceil(n/20) or r > floor(19n/20)). Its wrap-around and the test are int32
 * sign-bit arithmetic rather than branches: whole percents recur every few k, an unpredictable branch that cost
 * about a third of the walk. Adding term * 0 or term * 1 leaves the sum bit-identical to adding only passing terms.
 */
export function integerPercentProbability(n: number, p: number): number {
  if (n <= 0) return 0;
  if (n > MAX_INTEGER_PERCENT_N)
    throw new RangeError(`integerPercentProbability: n = ${n} above ${MAX_INTEGER_PERCENT_N}`);
  if (p <= 0) return isIntegerPercent(0, n) ? 1 : 0;
  if (p >= 1) return isIntegerPercent(n, n) ? 1 : 0;
  const ratio = p / (1 - p);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const peak = Math.exp(
    logFactorial(n) - logFactorial(mode) - logFactorial(n - mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p),
  );
  const tiny = peak * 1e-16;
  // int32-typed copies (| 0) keep the residue arithmetic in integer registers.
  const size = n | 0;
  const step = (100 % size) | 0;
  const low = Math.ceil(n / 20) | 0;
  const high = Math.floor((19 * n) / 20) | 0;
  const r0 = ((100 * mode) % size) | 0;
  let sum = r0 < low || r0 > high ? peak : 0;
  let term = peak;
  let r = r0;
  for (let k = mode; k < n; k++) {
    term *= (ratio * (n - k)) / (k + 1);
    if (term < tiny) break;
    r += step;
    r -= size & ((size - 1 - r) >> 31);
    sum += term * ((((r - low) >> 31) | ((high - r) >> 31)) & 1);
  }
  term = peak;
  r = r0;
  for (let k = mode; k > 0; k--) {
    term *= k / (ratio * (n - k + 1));
    if (term < tiny) break;
    r -= step;
    r += size & (r >> 31);
    sum += term * ((((r - low) >> 31) | ((high - r) >> 31)) & 1);
  }
  return sum > 1 ? 1 : sum;
}

/** Everything one Monte Carlo chunk needs; plain data so it crosses worker boundaries. */
export interface IntegerPercentPayload {
  /** Base seed; chunk c draws from createRng(deriveSeed(seed, c)). */
  readonly seed: number;
  readonly replicates: number;
  /** 'indicator' draws the whole-percent indicators from their exact law; 'binomial' redraws the counts. */
  readonly draw: 'indicator' | 'binomial';
  /** Included stations, sorted by region: region g holds stations segmentStart[g] .. segmentStart[g+1]-1. */
  readonly registered: Float64Array;
  readonly ballotsCast: Float64Array;
  readonly ballotsFound: Float64Array;
  readonly leader: Float64Array;
  /** Exact probabilities of a whole-percent turnout / leader share under the binomial redraw. */
  readonly pTurnout: Float64Array;
  readonly pLeader: Float64Array;
  readonly segmentStart: Int32Array;
  /** Number of regions with per-region output (0 = whole table only, one segment). */
  readonly regionCount: number;
}

/** The counts of the included stations: the payload of the exact-probability stage. */
export interface StationCounts {
  readonly registered: Float64Array;
  readonly ballotsCast: Float64Array;
  readonly ballotsFound: Float64Array;
  readonly leader: Float64Array;
}

/** Stations per chunk of the exact-probability stage; fixed, so that outputs never depend on the thread count. */
export const STATIONS_PER_PROBABILITY_CHUNK = 8192;

/** Number of exact-probability chunks for a station count. */
export function probabilityChunkCount(stations: number): number {
  return Math.ceil(stations / STATIONS_PER_PROBABILITY_CHUNK);
}

/**
 * Exact whole-percent probabilities of the stations of chunk `chunkIndex` under the binomial redraw: the turnout
 * probabilities of the range, then the leader-share probabilities.
 */
export function integerPercentProbabilities(counts: StationCounts, chunkIndex: number): Float64Array {
  const start = chunkIndex * STATIONS_PER_PROBABILITY_CHUNK;
  const end = Math.min(counts.registered.length, start + STATIONS_PER_PROBABILITY_CHUNK);
  const size = Math.max(0, end - start);
  const out = new Float64Array(2 * size);
  for (let j = start; j < end; j++) {
    const v = counts.registered[j];
    const r = counts.ballotsFound[j];
    out[j - start] = integerPercentProbability(v, counts.ballotsCast[j] / v);
    out[size + j - start] = integerPercentProbability(r, counts.leader[j] / r);
  }
  return out;
}

/** Number of Monte Carlo chunks for a replicate count. */
export function chunkCount(replicates: number): number {
  return Math.ceil(replicates / REPLICATES_PER_CHUNK);
}

/**
 * Runs chunk `chunkIndex`: of the exact-probability stage when given the station counts, else of the Monte Carlo.
 * Monte Carlo output: per replicate, STATS_PER_GROUP values for the
 * whole table followed by STATS_PER_GROUP for each region: stations with a whole-percent
 * either/leader/turnout value, then the same weighted by registered voters.
 */
export function integerPercentChunk(payload: IntegerPercentPayload | StationCounts, chunkIndex: number): Float64Array {
  if (!('pTurnout' in payload)) return integerPercentProbabilities(payload, chunkIndex);
  const start = chunkIndex * REPLICATES_PER_CHUNK;
  const reps = Math.max(0, Math.min(REPLICATES_PER_CHUNK, payload.replicates - start));
  const width = STATS_PER_GROUP * (1 + payload.regionCount);
  const out = new Float64Array(reps * width);
  const rng = createRng(deriveSeed(payload.seed, chunkIndex));
  if (payload.draw === 'indicator') indicatorReplicates(payload, rng, reps, out);
  else binomialReplicates(payload, rng, reps, out);
  return out;
}

/**
 * Adds one segment's counts (stations with a whole-percent value, then weighted by registered voters)
 * to the replicate's whole-table block at out[base..] and, when there are regions, to the segment's own block.
 */
function store(
  out: Float64Array,
  base: number,
  segment: number,
  regionCount: number,
  either: number,
  both: number,
  turnout: number,
  weightedEither: number,
  weightedBoth: number,
  weightedTurnout: number,
) {
  addCounts(out, base, either, both, turnout, weightedEither, weightedBoth, weightedTurnout);
  if (regionCount > 0) {
    addCounts(
      out,
      base + STATS_PER_GROUP * (1 + segment),
      either,
      both,
      turnout,
      weightedEither,
      weightedBoth,
      weightedTurnout,
    );
  }
}

function addCounts(
  out: Float64Array,
  at: number,
  either: number,
  both: number,
  turnout: number,
  weightedEither: number,
  weightedBoth: number,
  weightedTurnout: number,
) {
  // leader = both + (either - turnout): the outcome intervals are nested, see indicatorReplicates.
  out[at] += either;
  out[at + 1] += both + either - turnout;
  out[at + 2] += turnout;
  out[at + 3] += weightedEither;
  out[at + 4] += weightedBoth + weightedEither - weightedTurnout;
  out[at + 5] += weightedTurnout;
}

/**
 * One 31-bit uniform x per station decides both indicators: with thresholds
 * B = P(both), T = P(turnout), A = P(either) (times 2^31), x < B means both whole, B <= x < T turnout
 * only, T <= x < A leader only. This is exactly the joint law of the two independent whole-percent
 * indicators under the binomial redraw. Comparisons are branch-free int32 arithmetic and the
 * uniforms come a block at a time from a sub-stream of the chunk's Rng (splitRng, fillUint32): one
 * Rng call per draw is several times slower, and 10^8 draws per run make that matter.
 */
function indicatorReplicates(payload: IntegerPercentPayload, rng: Rng, reps: number, out: Float64Array): void {
  const { registered, pTurnout, pLeader, segmentStart } = payload;
  const stations = registered.length;
  const scale = 2147483648;
  // Per station, thresholds minus one times 2^31 (both, turnout, either) side by side, so that one station's reads
  // share a cache line and the comparison below is one subtraction and a shift.
  const limits = new Int32Array(3 * stations);
  for (let i = 0; i < stations; i++) {
    const turnoutProbability = pTurnout[i];
    const leaderProbability = pLeader[i];
    limits[3 * i] = Math.round(turnoutProbability * leaderProbability * scale) - 1;
    limits[3 * i + 1] = Math.round(turnoutProbability * scale) - 1;
    limits[3 * i + 2] =
      Math.round((turnoutProbability + leaderProbability - turnoutProbability * leaderProbability) * scale) - 1;
  }
  // One uniform per station and replicate, in station order: the stream is read in the same order whatever the
  // block size, so the block holds a whole replicate and the station loop has no refill test.
  const stream = splitRng(rng);
  const block = new Uint32Array(stations);
  // Read as int32 (same bits; >>> 1 gives the same value) so that loads stay small integers in the loop.
  const bits = new Int32Array(block.buffer);
  const width = STATS_PER_GROUP * (1 + payload.regionCount);
  const segments = segmentStart.length - 1;
  for (let replicate = 0; replicate < reps; replicate++) {
    stream.fillUint32(block);
    const base = replicate * width;
    for (let segment = 0; segment < segments; segment++) {
      let either = 0;
      let both = 0;
      let turnout = 0;
      let weightedEither = 0;
      let weightedBoth = 0;
      let weightedTurnout = 0;
      const end = segmentStart[segment + 1];
      for (let i = segmentStart[segment]; i < end; i++) {
        const uniform = bits[i] >>> 1;
        const at = 3 * i;
        // (threshold - 1 - uniform) >> 31 is -1 exactly when uniform >= threshold.
        const isBoth = ((limits[at] - uniform) >> 31) + 1;
        const isTurnout = ((limits[at + 1] - uniform) >> 31) + 1;
        const isEither = ((limits[at + 2] - uniform) >> 31) + 1;
        const stationRegistered = registered[i];
        either += isEither;
        turnout += isTurnout;
        both += isBoth;
        weightedEither += stationRegistered * isEither;
        weightedTurnout += stationRegistered * isTurnout;
        weightedBoth += stationRegistered * isBoth;
      }
      store(
        out,
        base,
        segment,
        payload.regionCount,
        either,
        both,
        turnout,
        weightedEither,
        weightedBoth,
        weightedTurnout,
      );
    }
  }
}

/** The literal redraw: ballots issued and leader votes from their binomials, then the whole-percent test. */
function binomialReplicates(payload: IntegerPercentPayload, rng: Rng, reps: number, out: Float64Array): void {
  const { registered, ballotsCast, ballotsFound, leader, segmentStart } = payload;
  const width = STATS_PER_GROUP * (1 + payload.regionCount);
  const segments = segmentStart.length - 1;
  for (let replicate = 0; replicate < reps; replicate++) {
    const base = replicate * width;
    for (let segment = 0; segment < segments; segment++) {
      let either = 0;
      let both = 0;
      let turnout = 0;
      let weightedEither = 0;
      let weightedBoth = 0;
      let weightedTurnout = 0;
      for (let i = segmentStart[segment]; i < segmentStart[segment + 1]; i++) {
        const voters = registered[i];
        const found = ballotsFound[i];
        const isTurnout = isIntegerPercent(rng.binomial(voters, ballotsCast[i] / voters), voters) ? 1 : 0;
        const isLeader = isIntegerPercent(rng.binomial(found, leader[i] / found), found) ? 1 : 0;
        const isEither = isTurnout | isLeader;
        either += isEither;
        turnout += isTurnout;
        both += isTurnout & isLeader;
        weightedEither += voters * isEither;
        weightedTurnout += voters * isTurnout;
        weightedBoth += voters * (isTurnout & isLeader);
      }
      store(
        out,
        base,
        segment,
        payload.regionCount,
        either,
        both,
        turnout,
        weightedEither,
        weightedBoth,
        weightedTurnout,
      );
    }
  }
}
