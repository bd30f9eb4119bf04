/**
 * Replay of Curiel & Williams (MIT Election Data and Science Lab), "Analysis of the 2019 Bolivia Election", report for
 * CEPR and The Washington Post's Monkey Cage, 27 Feb 2020: the trend of the margin over the actas counted before the
 * TREP halt, extrapolated to the actas counted after it. They report that Morales's final margin would have been
 * "at least 10.49" points. docs/methods/curiel_williams_projection.md lists each choice their text leaves open.
 */
import { coefficientVariance, createRng, err, fitLinearModel, ok, type Result } from '@tally/core';
import type { ReplayInput } from '@tally/report';
import {
  candidateVotes,
  LATE_LISTS_2019,
  listMembers,
  marginPoints,
  type ReplayTable,
  round,
  sampleQuantile,
} from './replay_data.ts';

export interface CurielWilliamsInput extends ReplayTable {
  readonly leader?: string;
  readonly runnerUp?: string;
  /** Station lists whose union is the actas left out of the TREP announcement at the halt. */
  readonly lateLists?: readonly string[];
  readonly simulations?: number;
  readonly seed: number;
}

export const PUBLISHED_CURIEL_WILLIAMS = {
  value: 10.49,
  unit: 'points of margin (lower bound)',
  source:
    'Curiel & Williams, "Analysis of the 2019 Bolivia Election", MIT Election Data and Science Lab report for CEPR, 27 Feb 2020; The Washington Post (Monkey Cage), 27 Feb 2020',
} as const;

export const DEFAULT_LATE_LISTS = LATE_LISTS_2019;

/** Percent of the count at each station's arrival: its rank by arrival instant (never arrived: last) over n. */
export function arrivalPercent(arrival: Float64Array): Float64Array {
  const n = arrival.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const x = arrival[a];
    const y = arrival[b];
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number.isNaN(x) === Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
    return x - y || a - b;
  });
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) out[order[r]] = (100 * (r + 1)) / n;
  return out;
}

/** Width of the bins of percent counted that the plot of the margin against the count is drawn from. */
const BIN_WIDTH = 2.5;

/**
 * Vote-weighted mean margin of the actas in each bin of percent counted, split by before / after the halt: what a
 * renderer plots under the trend line (the trend's intercept and slope are in the details).
 */
function marginByPercentCounted(x: Float64Array, margin: Float64Array, valid: Float64Array, late: Uint8Array) {
  const count = Math.ceil(100 / BIN_WIDTH);
  const sums = Array.from({ length: 2 }, () => ({ weighted: new Float64Array(count), valid: new Float64Array(count) }));
  for (let i = 0; i < x.length; i++) {
    const b = Math.min(count - 1, Math.floor(x[i] / BIN_WIDTH));
    sums[late[i]].weighted[b] += margin[i] * valid[i];
    sums[late[i]].valid[b] += valid[i];
  }
  const rows: { percentCounted: number; afterHalt: boolean; margin: number; validVotes: number }[] = [];
  for (let b = 0; b < count; b++)
    for (const afterHalt of [0, 1])
      if (sums[afterHalt].valid[b] > 0)
        rows.push({
          percentCounted: (b + 0.5) * BIN_WIDTH,
          afterHalt: afterHalt === 1,
          margin: round(sums[afterHalt].weighted[b] / sums[afterHalt].valid[b]),
          validVotes: sums[afterHalt].valid[b],
        });
  return rows;
}

export function curielWilliamsProjection(input: CurielWilliamsInput): Result<ReplayInput> {
  const { table } = input;
  const leaderName = input.leader ?? 'MAS - IPSP';
  const runnerUpName = input.runnerUp ?? 'CC';
  const leader = candidateVotes(input, leaderName);
  if (!leader.ok) return leader;
  const runnerUp = candidateVotes(input, runnerUpName);
  if (!runnerUp.ok) return runnerUp;
  const late = listMembers(input, input.lateLists ?? DEFAULT_LATE_LISTS);
  if (!late.ok) return late;
  if (table.arrival?.kind !== 'time')
    return err({
      kind: 'missing_column',
      column: 'arrival',
      message: `${input.file}: the replay needs arrival as TREP verification time (kind "time"); the table has ${table.arrival === undefined ? 'no arrival' : `arrival of kind "${table.arrival.kind}"`}`,
    });
  const x = arrivalPercent(table.arrival.values);
  const margin = new Float64Array(table.n);
  const early = new Uint8Array(table.n);
  for (let i = 0; i < table.n; i++) {
    margin[i] = table.valid[i] > 0 ? (100 * (leader.value[i] - runnerUp.value[i])) / table.valid[i] : 0;
    early[i] = late.value[i] === 0 && table.valid[i] > 0 ? 1 : 0;
  }
  const fit = fitLinearModel({
    outcome: { name: 'margin', values: margin },
    regressors: [{ name: 'percent_counted', values: x }],
    weights: table.valid,
    rows: early,
  });
  if (!fit.ok) return fit;
  const variance = coefficientVariance(fit.value, { type: 'HC1' });
  if (!variance.ok) return variance;
  const [a, b] = fit.value.coefficients;
  const v = variance.value.matrix;
  // Cholesky of the 2 x 2 coefficient covariance, to draw trend lines.
  const l11 = Math.sqrt(v[0]);
  const l21 = v[2] / l11;
  const l22 = Math.sqrt(Math.max(v[3] - l21 * l21, 0));
  let earlyDifference = 0;
  let totalValid = 0;
  let lateValid = 0;
  let lateValidX = 0;
  for (let i = 0; i < table.n; i++) {
    totalValid += table.valid[i];
    if (late.value[i] === 1) {
      lateValid += table.valid[i];
      lateValidX += table.valid[i] * x[i];
    } else earlyDifference += leader.value[i] - runnerUp.value[i];
  }
  const project = (intercept: number, slope: number) =>
    (100 * earlyDifference + intercept * lateValid + slope * lateValidX) / totalValid;
  const projected = project(a, b);
  const rng = createRng(input.seed);
  const simulations = input.simulations ?? 1000;
  const draws: number[] = [];
  for (let s = 0; s < simulations; s++) {
    const z1 = rng.normal();
    const z2 = rng.normal();
    draws.push(project(a + l11 * z1, b + l21 * z1 + l22 * z2));
  }
  const low = sampleQuantile(draws, 0.025);
  const high = sampleQuantile(draws, 0.975);
  const official = marginPoints(leader.value, runnerUp.value, table.valid);
  const atHalt = marginPoints(leader.value, runnerUp.value, table.valid, late.value, 0);
  const bins = marginByPercentCounted(x, margin, table.valid, late.value);
  let earlyCount = 0;
  for (let i = 0; i < table.n; i++) earlyCount += late.value[i] === 0 ? 1 : 0;
  return ok({
    id: 'curiel_williams_projection',
    title: { key: 'replay.curiel_williams_projection.title' },
    published: { ...PUBLISHED_CURIEL_WILLIAMS },
    reproduced: {
      value: round(projected),
      interval: [round(low), round(high)],
      intervalKind: `95% interval of ${simulations} projections with the trend's coefficients drawn from their HC1 sampling distribution`,
      unit: 'points of margin',
    },
    note: { key: 'replay.curiel_williams_projection.note', params: { early: earlyCount, late: table.n - earlyCount } },
    says: {
      key: 'replay.curiel_williams_projection.says',
      params: { projected: round(projected, 2), low: round(low, 2), official: round(official, 2) },
    },
    details: {
      leader: leaderName,
      runnerUp: runnerUpName,
      actasBeforeHalt: earlyCount,
      actasAfterHalt: table.n - earlyCount,
      marginAtHalt: round(atHalt),
      officialMargin: round(official),
      trend: { intercept: round(a, 6), slopePerPercentCounted: round(b, 6), variance: 'HC1' },
      simulations,
      lowestSimulated: round(Math.min(...draws)),
      marginByPercentCounted: bins,
      seed: input.seed,
    },
  });
}
