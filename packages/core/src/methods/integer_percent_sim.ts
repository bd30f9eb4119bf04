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

/**
 * P(X/n is an integer percent) for X ~ Binomial(n, p): the binomial mass summed over the k that pass
 * isIntegerPercent, walking out from the mode until the terms fall below 1e-16 of the mode's mass.
 * The residue 2000k mod 20n is carried along the walk instead of recomputed.
 */
export function integerPercentProbability(n: number, p: number): number {
  if (n <= 0) return 0;
  if (p <= 0) return isIntegerPercent(0, n) ? 1 : 0;
  if (p >= 1) return isIntegerPercent(n, n) ? 1 : 0;
  const ratio = p / (1 - p);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const peak = Math.exp(
    logFactorial(n) - logFactorial(mode) - logFactorial(n - mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p),
  );
  const tiny = peak * 1e-16;
  const period = 20 * n;
  const r0 = (2000 * mode) % period;
  let sum = r0 < n || r0 > 19 * n ? peak : 0;
  let term = peak;
  let r = r0;
  for (let k = mode; k < n; k++) {
    term *= (ratio * (n - k)) / (k + 1);
    if (term < tiny) break;
    r += 2000;
    while (r >= period) r -= period;
    if (r < n || r > 19 * n) sum += term;
  }
  term = peak;
  r = r0;
  for (let k = mode; k > 0; k--) {
    term *= k / (ratio * (n - k + 1));
    if (term < tiny) break;
    r -= 2000;
    while (r < 0) r += period;
    if (r < n || r > 19 * n) sum += term;
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

/** Number of Monte Carlo chunks for a replicate count. */
export function chunkCount(replicates: number): number {
  return Math.ceil(replicates / REPLICATES_PER_CHUNK);
}

/**
 * Runs the replicates of chunk `chunkIndex`. Output: per replicate, STATS_PER_GROUP values for the
 * whole table followed by STATS_PER_GROUP for each region: stations with a whole-percent
 * either/leader/turnout value, then the same weighted by registered voters.
 */
export function integerPercentChunk(payload: IntegerPercentPayload, chunkIndex: number): Float64Array {
  const start = chunkIndex * REPLICATES_PER_CHUNK;
  const reps = Math.max(0, Math.min(REPLICATES_PER_CHUNK, payload.replicates - start));
  const width = STATS_PER_GROUP * (1 + payload.regionCount);
  const out = new Float64Array(reps * width);
  const rng = createRng(deriveSeed(payload.seed, chunkIndex));
  if (payload.draw === 'indicator') indicatorReplicates(payload, rng, reps, out);
  else binomialReplicates(payload, rng, reps, out);
  return out;
}

function store(out: Float64Array, at: number, e: number, b: number, t: number, we: number, wb: number, wt: number) {
  // leader = both + (either - turnout): the outcome intervals are nested, see indicatorReplicates.
  out[at] += e;
  out[at + 1] += b + e - t;
  out[at + 2] += t;
  out[at + 3] += we;
  out[at + 4] += wb + we - wt;
  out[at + 5] += wt;
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
  const { registered: w, pTurnout, pLeader, segmentStart } = payload;
  const n = w.length;
  const scale = 2147483648;
  const bothM1 = new Int32Array(n);
  const turnM1 = new Int32Array(n);
  const anyM1 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const pt = pTurnout[i];
    const pl = pLeader[i];
    bothM1[i] = Math.round(pt * pl * scale) - 1;
    turnM1[i] = Math.round(pt * scale) - 1;
    anyM1[i] = Math.round((pt + pl - pt * pl) * scale) - 1;
  }
  const stream = splitRng(rng);
  const block = new Uint32Array(4096);
  let at = block.length;
  const width = STATS_PER_GROUP * (1 + payload.regionCount);
  const segments = segmentStart.length - 1;
  for (let r = 0; r < reps; r++) {
    const base = r * width;
    for (let g = 0; g < segments; g++) {
      let e = 0;
      let b = 0;
      let t = 0;
      let we = 0;
      let wb = 0;
      let wt = 0;
      const end = segmentStart[g + 1];
      for (let i = segmentStart[g]; i < end; i++) {
        if (at === block.length) {
          stream.fillUint32(block);
          at = 0;
        }
        const x = block[at++] >>> 1;
        // (threshold - 1 - x) >> 31 is -1 exactly when x >= threshold.
        const ie = ((anyM1[i] - x) >> 31) + 1;
        const it = ((turnM1[i] - x) >> 31) + 1;
        const ib = ((bothM1[i] - x) >> 31) + 1;
        const wi = w[i];
        e += ie;
        t += it;
        b += ib;
        we += wi * ie;
        wt += wi * it;
        wb += wi * ib;
      }
      store(out, base, e, b, t, we, wb, wt);
      if (payload.regionCount > 0) store(out, base + STATS_PER_GROUP * (1 + g), e, b, t, we, wb, wt);
    }
  }
}

/** The literal redraw: ballots issued and leader votes from their binomials, then the whole-percent test. */
function binomialReplicates(payload: IntegerPercentPayload, rng: Rng, reps: number, out: Float64Array): void {
  const { registered, ballotsCast, ballotsFound, leader, segmentStart } = payload;
  const width = STATS_PER_GROUP * (1 + payload.regionCount);
  const segments = segmentStart.length - 1;
  for (let r = 0; r < reps; r++) {
    const base = r * width;
    for (let g = 0; g < segments; g++) {
      let e = 0;
      let b = 0;
      let t = 0;
      let we = 0;
      let wb = 0;
      let wt = 0;
      for (let i = segmentStart[g]; i < segmentStart[g + 1]; i++) {
        const v = registered[i];
        const f = ballotsFound[i];
        const it = isIntegerPercent(rng.binomial(v, ballotsCast[i] / v), v) ? 1 : 0;
        const il = isIntegerPercent(rng.binomial(f, leader[i] / f), f) ? 1 : 0;
        const ie = it | il;
        e += ie;
        t += it;
        b += it & il;
        we += v * ie;
        wt += v * it;
        wb += v * (it & il);
      }
      store(out, base, e, b, t, we, wb, wt);
      if (payload.regionCount > 0) store(out, base + STATS_PER_GROUP * (1 + g), e, b, t, we, wb, wt);
    }
  }
}
