/**
 * A count curve and a projection from aggregate snapshots: a series of cumulative totals per region (department)
 * published as a count comes in, where per-station arrival order is missing.
 *
 * The curve: at each published state, the national margin (favoured minus rival, in points of the candidates' votes)
 * and the share of counting units (actas) counted; the states where the lead changed.
 * The projection at a cut: for each region, its uncounted units are filled at the rate its own increments up to the
 * cut delivered, votes per unit for each candidate (a ratio estimator: sum of vote increments over sum of unit
 * increments). The national projection is the sum over regions. Its interval comes from the spread of the increments:
 * in each draw a region's increments are resampled with replacement (the rate's uncertainty) and its uncounted units
 * are filled with increments drawn from that resample (the spread of what is still to come), the national margin
 * taken; 2.5% and 97.5% quantiles of the draws.
 * Model assumptions: within a region, units counted after the cut vote like the units counted before it, at the
 * average of its increments; regions are independent. Where late units differ from early ones of the same region
 * (rural JRVs, special scrutiny of inconsistent actas), the actual margin leaves the interval for innocent reasons.
 * The comparison with the actual final state is two-sided: p = min(1, 2 min(1 + #{sim >= actual}, 1 + #{sim <= actual})
 * / (B + 1)).
 * Reference: the department-level extrapolation of Escobari & Hoover (2019), "Evo Morales and Electoral Fraud in
 * Bolivia: A Natural Experiment Estimate", and the ratio estimator of Cochran (1977), Sampling Techniques, ch. 6.
 */
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';

/** One published state of one region: cumulative units counted and votes per candidate. */
export interface SeriesState {
  /** Milliseconds since the epoch (UTC). */
  readonly time: number;
  readonly region: string;
  /** Units (actas) counted; NaN when the state does not say. */
  readonly units: number;
  /** Units expected in the region; NaN when the state does not say. */
  readonly unitsTotal: number;
  /** Cumulative votes per candidate, in `CountSeries.candidates` order. */
  readonly votes: readonly number[];
}

/** A count series: region states (national totals are their sum at each instant, regions forward-filled). */
export interface CountSeries {
  readonly candidates: readonly string[];
  readonly states: readonly SeriesState[];
}

/** One point of the national curve. */
export interface SeriesCurvePoint {
  readonly time: number;
  readonly unitsPct: number | null;
  readonly favoured: number;
  readonly rival: number;
  readonly margin: number;
}

/** One region's part of the projection. */
export interface SeriesRegionProjection {
  readonly region: string;
  readonly units: number;
  readonly remaining: number;
  readonly increments: number;
  /** Favoured-minus-rival votes per unit in its increments up to the cut. */
  readonly marginPerUnit: number;
  readonly projectedFavoured: number;
  readonly projectedRival: number;
}

/** The projection at a cut and its comparison with the last state of the series. */
export interface SeriesProjection {
  readonly cut: number;
  readonly countedMargin: number;
  readonly unitsPctAtCut: number;
  readonly projectedMargin: number;
  readonly interval95: readonly [number, number];
  readonly projectedVotes: readonly number[];
  readonly finalMargin: number;
  readonly finalVotes: readonly number[];
  /** Final minus projected margin (points). */
  readonly gap: number;
  readonly pValue: number;
  readonly replicates: number;
  readonly regions: readonly SeriesRegionProjection[];
  /** Regions with no unit counters at the cut, kept at their counted votes (not projected). */
  readonly notProjected: readonly string[];
  /** The projected national margins of the draws, in draw order (for power; not for JSON). */
  readonly draws: Float64Array;
}

/**
 * Power against a final margin moved by `shift` points after the cut, read off the draws: the share of draws that,
 * moved by `shift`, fall outside the 95% interval (each draw standing for a final margin under the model).
 */
export function seriesPowerAtShift(p: SeriesProjection, shift: number): number {
  let hits = 0;
  for (const d of p.draws) if (d + shift > p.interval95[1] || d + shift < p.interval95[0]) hits++;
  return p.draws.length > 0 ? hits / p.draws.length : 0;
}

function byTime(states: readonly SeriesState[]): SeriesState[] {
  return [...states].sort((a, b) => a.time - b.time || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
}

/** Region states forward-filled at each distinct instant: the latest state of each region at or before it. */
export function forwardFill(series: CountSeries): { time: number; states: Map<string, SeriesState> }[] {
  const out: { time: number; states: Map<string, SeriesState> }[] = [];
  const current = new Map<string, SeriesState>();
  const sorted = byTime(series.states);
  for (let i = 0; i < sorted.length; i++) {
    current.set(sorted[i].region, sorted[i]);
    if (i === sorted.length - 1 || sorted[i + 1].time !== sorted[i].time)
      out.push({ time: sorted[i].time, states: new Map(current) });
  }
  return out;
}

function margin(votes: readonly number[], f: number, r: number): number {
  let all = 0;
  for (const v of votes) all += v;
  return all > 0 ? (100 * (votes[f] - votes[r])) / all : 0;
}

function totals(states: Map<string, SeriesState>, k: number): { votes: number[]; units: number; unitsTotal: number } {
  const votes = new Array<number>(k).fill(0);
  let units = 0;
  let unitsTotal = 0;
  for (const s of states.values()) {
    for (let c = 0; c < k; c++) votes[c] += s.votes[c];
    // Units over the regions that publish counters (a region without them adds votes only).
    if (Number.isFinite(s.units) && Number.isFinite(s.unitsTotal)) {
      units += s.units;
      unitsTotal += s.unitsTotal;
    }
  }
  return { votes, units, unitsTotal };
}

/** The national margin curve and the instants where the lead changed. */
export function seriesCurve(
  series: CountSeries,
  f: number,
  r: number,
): { points: SeriesCurvePoint[]; leadChanges: number[] } {
  const points: SeriesCurvePoint[] = [];
  const leadChanges: number[] = [];
  let lastSign = 0;
  for (const { time, states } of forwardFill(series)) {
    const t = totals(states, series.candidates.length);
    const pct = t.unitsTotal > 0 ? (100 * t.units) / t.unitsTotal : null;
    const m = margin(t.votes, f, r);
    if (m !== 0 && lastSign !== 0 && Math.sign(m) !== lastSign) leadChanges.push(time);
    if (m !== 0) lastSign = Math.sign(m);
    points.push({ time, unitsPct: pct, favoured: t.votes[f], rival: t.votes[r], margin: m });
  }
  return { points, leadChanges };
}

interface Increment {
  readonly units: number;
  readonly votes: number[];
}

/** Increments of one region up to the cut, between states whose unit count rose (vote-only changes carried over). */
function incrementsOf(states: readonly SeriesState[], k: number): Increment[] {
  const out: Increment[] = [];
  let base: SeriesState | undefined;
  for (const s of states) {
    if (!Number.isFinite(s.units)) continue;
    if (base === undefined) {
      base = s;
      continue;
    }
    const du = s.units - base.units;
    if (du <= 0) continue;
    out.push({ units: du, votes: Array.from({ length: k }, (_, c) => s.votes[c] - (base as SeriesState).votes[c]) });
    base = s;
  }
  return out;
}

function ratioProjection(inc: readonly Increment[], pick: ArrayLike<number>, k: number, remaining: number): number[] {
  let u = 0;
  const v = new Array<number>(k).fill(0);
  for (let j = 0; j < pick.length; j++) {
    const x = inc[pick[j]];
    u += x.units;
    for (let c = 0; c < k; c++) v[c] += x.votes[c];
  }
  return v.map((x) => (u > 0 ? (x / u) * remaining : 0));
}

/**
 * One draw of a region's uncounted units: the increments are resampled (the uncertainty of the rate), then future
 * increments are drawn from the resample until the remaining units are filled, the last one pro rata (the spread of
 * the units still to come). A prediction, not only a confidence interval for the rate.
 */
function futureDraw(inc: readonly Increment[], remaining: number, k: number, rng: Rng): number[] {
  const n = inc.length;
  const pick = new Int32Array(n);
  for (let j = 0; j < n; j++) pick[j] = rng.int(n);
  const add = new Array<number>(k).fill(0);
  let u = 0;
  while (u < remaining) {
    const x = inc[pick[rng.int(n)]];
    const take = Math.min(x.units, remaining - u);
    for (let c = 0; c < k; c++) add[c] += (x.votes[c] * take) / x.units;
    u += take;
  }
  return add;
}

/** Projects the final margin from the states up to `cut` and compares it with the last state; see the header. */
export function projectFromSeries(
  series: CountSeries,
  cut: number,
  f: number,
  r: number,
  replicates: number,
  rng: Rng,
): Result<SeriesProjection> {
  const k = series.candidates.length;
  const filled = forwardFill(series);
  const atCut = [...filled].reverse().find((x) => x.time <= cut);
  if (!atCut) return err({ kind: 'insufficient_data', message: 'no state of the series at or before the cut' });
  const last = filled[filled.length - 1];
  if (last.time <= cut) return err({ kind: 'insufficient_data', message: 'the series has no state after the cut' });
  const perRegion = new Map<string, SeriesState[]>();
  for (const s of byTime(series.states)) {
    if (s.time > cut) continue;
    const list = perRegion.get(s.region) ?? [];
    list.push(s);
    perRegion.set(s.region, list);
  }
  const regionNames = [...perRegion.keys()].sort();
  const counted = totals(atCut.states, k);
  const parts: { inc: Increment[]; remaining: number; state: SeriesState }[] = [];
  const regions: SeriesRegionProjection[] = [];
  const notProjected: string[] = [];
  const projectedVotes = [...counted.votes];
  for (const name of regionNames) {
    const state = atCut.states.get(name) as SeriesState;
    const remaining = Math.max(0, state.unitsTotal - state.units);
    if (!Number.isFinite(remaining)) {
      // No unit counters at the cut: what is left there is unknown, so the region stays at its counted votes.
      notProjected.push(name);
      continue;
    }
    const inc = incrementsOf(perRegion.get(name) as SeriesState[], k);
    if (remaining > 0 && inc.length === 0)
      return err({
        kind: 'insufficient_data',
        message: `region ${name}: ${remaining} unit(s) left at the cut but no increment before it to project them from`,
      });
    const all = Int32Array.from(inc, (_, j) => j);
    const add = ratioProjection(inc, all, k, remaining);
    for (let c = 0; c < k; c++) projectedVotes[c] += add[c];
    parts.push({ inc, remaining, state });
    const u = inc.reduce((s, x) => s + x.units, 0);
    const dm = inc.reduce((s, x) => s + x.votes[f] - x.votes[r], 0);
    regions.push({
      region: name,
      units: state.units,
      remaining,
      increments: inc.length,
      marginPerUnit: u > 0 ? dm / u : 0,
      projectedFavoured: state.votes[f] + add[f],
      projectedRival: state.votes[r] + add[r],
    });
  }
  const projectedMargin = margin(projectedVotes, f, r);
  const sims = new Float64Array(replicates);
  for (let b = 0; b < replicates; b++) {
    const v = [...counted.votes];
    for (const p of parts) {
      if (p.remaining === 0) continue;
      const add = futureDraw(p.inc, p.remaining, k, rng);
      for (let c = 0; c < k; c++) v[c] += add[c];
    }
    sims[b] = margin(v, f, r);
  }
  const sorted = Float64Array.from(sims).sort();
  const q = (p: number) => sorted[Math.min(replicates - 1, Math.max(0, Math.round(p * (replicates - 1))))];
  const finalVotes = totals(last.states, k).votes;
  const finalMargin = margin(finalVotes, f, r);
  let above = 0;
  let below = 0;
  for (const s of sims) {
    if (s >= finalMargin) above++;
    if (s <= finalMargin) below++;
  }
  return ok({
    cut: atCut.time,
    countedMargin: margin(counted.votes, f, r),
    unitsPctAtCut: counted.unitsTotal > 0 ? (100 * counted.units) / counted.unitsTotal : Number.NaN,
    projectedMargin,
    interval95: [q(0.025), q(0.975)],
    projectedVotes,
    finalMargin,
    finalVotes,
    gap: finalMargin - projectedMargin,
    pValue: Math.min(1, (2 * Math.min(1 + above, 1 + below)) / (replicates + 1)),
    replicates,
    regions,
    notProjected,
    draws: sims,
  });
}
