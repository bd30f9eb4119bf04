/**
 * The arithmetic of announced_total_consistency: what the stations missing from a collected subset would have to
 * contain for announced totals to hold, against what they can contain; and the shift delta of their margin that a
 * missing-not-at-random explanation would need (a tipping point, Rosenbaum & Rubin 1983).
 */
import { quantileSorted } from '../numeric/stats.ts';

/** One quantity (votes of a candidate, or ballots) the missing stations would have to hold. */
/** Totals an authority announced for the whole count. */
export interface AnnouncedTotals {
  readonly favoured: number;
  readonly rival: number;
  /** Voters (ballots cast). */
  readonly ballotsCast: number;
  /** Registered voters of the whole roll. */
  readonly registered: number;
  /** Share of all stations the announcement covers, in (0, 1] (default 1). */
  readonly coverage?: number;
  /** Stations in the whole count, when known (otherwise estimated from registered voters per collected station). */
  readonly totalStations?: number;
}

export interface Need {
  readonly announced: number;
  readonly collected: number;
  /** announced - collected: what the missing stations need when the announcement covers every collected station. */
  readonly needed: number;
  /**
   * The need when the announcement left out, among the stations it does not cover, the collected ones with the
   * most of this quantity (its coverage allowance): needed + the sum over those stations.
   */
  readonly neededIfLeftOut: number;
}

/** Named contradictions between the announced totals and the collected stations (codes, never verdicts). */
export type NeedCheck =
  | 'favoured_below_collected'
  | 'rival_below_collected'
  | 'ballots_below_collected'
  | 'favoured_above_voters'
  | 'rival_above_voters'
  | 'ballots_above_roll'
  | 'turnout_above_seen';

/** The arithmetic step's numbers. */
export interface AnnouncedNeeds {
  readonly coverage: number;
  readonly totalStations: number;
  readonly totalStationsEstimated: boolean;
  /** Collected stations the announcement may have left out: ceil((1 - coverage) x total stations). */
  readonly leftOutAllowance: number;
  readonly collectedStations: number;
  readonly collectedRegistered: number;
  /** Announced registered minus the collected stations' registered: the roll of the missing stations. */
  readonly missingRegistered: number;
  readonly favouredNeed: Need;
  readonly rivalNeed: Need;
  readonly ballotsNeed: Need;
  /** needed ballots / missing registered (null when the missing roll is not positive). */
  readonly requiredTurnout: number | null;
  /** Median and 99th percentile of the collected stations' turnout. */
  readonly collectedTurnout: { readonly median: number; readonly p99: number };
  /** The contradictions that hold even with the coverage allowance. */
  readonly checks: readonly NeedCheck[];
}

/** Columns of the collected stations; `used[i] = 1` for the stations that count. */
export interface CollectedColumns {
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly T: Float64Array;
  readonly R: Float64Array;
  readonly used: Uint8Array;
}

function topSum(x: Float64Array, used: Uint8Array, k: number): number {
  if (k <= 0) return 0;
  const v: number[] = [];
  for (let i = 0; i < x.length; i++) if (used[i] === 1) v.push(x[i]);
  v.sort((p, q) => q - p);
  let s = 0;
  for (let j = 0; j < Math.min(k, v.length); j++) s += v[j];
  return s;
}

function need(x: Float64Array, used: Uint8Array, announced: number, k: number): Need {
  let collected = 0;
  for (let i = 0; i < x.length; i++) if (used[i] === 1) collected += x[i];
  return {
    announced,
    collected,
    needed: announced - collected,
    neededIfLeftOut: announced - collected + topSum(x, used, k),
  };
}

/** The arithmetic step: needs, capacity and the contradictions that survive the coverage allowance. */
export function announcedNeeds(
  c: CollectedColumns,
  announced: AnnouncedTotals,
  coverage: number,
  collectedStations: number,
  collectedRegistered: number,
): AnnouncedNeeds {
  const estimated = announced.totalStations === undefined || announced.totalStations <= 0;
  const totalStations = estimated
    ? Math.round((collectedStations * announced.registered) / collectedRegistered)
    : (announced.totalStations as number);
  // 1e-9 keeps 1 - 0.9687 from rounding one station up.
  const k = Math.ceil((1 - coverage) * totalStations - 1e-9);
  const favouredNeed = need(c.A, c.used, announced.favoured, k);
  const rivalNeed = need(c.B, c.used, announced.rival, k);
  const ballotsNeed = need(c.T, c.used, announced.ballotsCast, k);
  const missingRegistered = announced.registered - collectedRegistered;
  const turnouts: number[] = [];
  for (let i = 0; i < c.T.length; i++) if (c.used[i] === 1 && c.R[i] > 0) turnouts.push(c.T[i] / c.R[i]);
  turnouts.sort((p, q) => p - q);
  const checks: NeedCheck[] = [];
  if (favouredNeed.neededIfLeftOut < 0) checks.push('favoured_below_collected');
  if (rivalNeed.neededIfLeftOut < 0) checks.push('rival_below_collected');
  if (ballotsNeed.neededIfLeftOut < 0) checks.push('ballots_below_collected');
  if (favouredNeed.needed > ballotsNeed.neededIfLeftOut) checks.push('favoured_above_voters');
  if (rivalNeed.needed > ballotsNeed.neededIfLeftOut) checks.push('rival_above_voters');
  if (ballotsNeed.needed > missingRegistered) checks.push('ballots_above_roll');
  const requiredTurnout = missingRegistered > 0 ? ballotsNeed.needed / missingRegistered : null;
  const p99 = quantileSorted(turnouts, 0.99);
  if (requiredTurnout !== null && requiredTurnout > p99 && !checks.includes('ballots_above_roll'))
    checks.push('turnout_above_seen');
  return {
    coverage,
    totalStations,
    totalStationsEstimated: estimated,
    leftOutAllowance: k,
    collectedStations,
    collectedRegistered,
    missingRegistered,
    favouredNeed,
    rivalNeed,
    ballotsNeed,
    requiredTurnout,
    collectedTurnout: { median: quantileSorted(turnouts, 0.5), p99 },
    checks,
  };
}

/**
 * The shift delta (points of margin among the missing stations' ballots) that brings the whole margin to the
 * announced one, at the projected turnout: solve 100 (D_c + D_m + delta T_m / 100) / (T_c + T_m) = announced.
 * Reachable when the missing stations' margin it implies stays within [-100, 100] points.
 */
export function deltaNeeded(
  collected: { a: number; b: number; ballots: number },
  missing: { a: number; b: number; ballots: number },
  announcedMargin: number,
): { needed: number; reachable: boolean; missingMarginNeeded: number } {
  if (!(missing.ballots > 0)) return { needed: Number.NaN, reachable: false, missingMarginNeeded: Number.NaN };
  const total = collected.ballots + missing.ballots;
  const dc = collected.a - collected.b;
  const dm = missing.a - missing.b;
  const needed = ((announcedMargin * total) / 100 - dc - dm) * (100 / missing.ballots);
  const missingMarginNeeded = (100 * dm) / missing.ballots + needed;
  return { needed, reachable: Math.abs(missingMarginNeeded) <= 100, missingMarginNeeded };
}
