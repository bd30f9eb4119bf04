/**
 * Replay of Escobari & Hoover, "Evo Morales and Electoral Fraud in Bolivia: A Natural Experiment Estimate" (2019;
 * revised Oct 2020 as "... A Natural Experiment and Discontinuity Evidence", SSRN 3492928): a difference-in-
 * differences of the MAS - CC margin per polling station, 2019 against the 2016 referendum (Sí - No, Sí being the
 * side of Morales), between the stations left out of the TREP announcement at the halt ("shutdown") and the others.
 * Their estimate: fraud of 2.50% of valid votes (2.67% in the 2019 version). Tally runs it with their specification
 * (pooled OLS, heteroskedasticity-robust HC1 errors as Stata's `robust`), the triple difference by party, and then
 * with recinto fixed effects, covariates by year and errors clustered by recinto (CR1).
 */
import {
  coefficientTable,
  coefficientVariance,
  err,
  type Factor,
  fitLinearModel,
  type LinearModelFit,
  ok,
  type Result,
  type VarianceOptions,
} from '@tally/core';
import type { ReplayInput } from '@tally/report';
import { DEFAULT_LATE_LISTS } from './curiel_williams_projection.ts';
import { attachEarlierByRecinto, type EarlierElection, earlierAttributeNames } from './earlier_election.ts';
import {
  candidateVotes,
  categoryFactor,
  leadersAndLate,
  listMembers,
  numberAttribute,
  type ReplayTable,
  regionFactor,
  round,
} from './replay_data.ts';

export interface EscobariHooverInput extends ReplayTable {
  readonly leader?: string;
  readonly runnerUp?: string;
  readonly lateLists?: readonly string[];
  /** Attributes holding the earlier election per station: the leader's side, the other side, valid votes. */
  readonly earlier?: { readonly leaderSide: string; readonly otherSide: string; readonly valid: string };
  /** The earlier election's name, for the text (default "2016 referendum"). */
  readonly earlierName?: string;
  readonly recinto?: string;
  /** Category attribute with a "rural" label (interacted with the 2019 indicator). */
  readonly urbanRural?: string;
  /** Numeric covariates interacted with the 2019 indicator. */
  readonly covariates?: readonly string[];
  /** A second earlier election joined by recinto (the 2014 general election), run with their specification. */
  readonly election2014?: EarlierElection;
}

export const PUBLISHED_ESCOBARI_HOOVER = {
  value: 2.5,
  unit: '% of valid votes',
  source:
    'Escobari & Hoover, "Evo Morales and Electoral Fraud in Bolivia: A Natural Experiment and Discontinuity Evidence", SSRN 3492928, revised 15 Oct 2020, abstract (2.67% in the Nov 2019 version)',
} as const;

const EARLIER_2016 = {
  leaderSide: 'referendum_2016_si',
  otherSide: 'referendum_2016_no',
  valid: 'referendum_2016_valid',
};

/** The stacked station x year panel both specifications are fitted on. */
export interface DidPanel {
  /** Margin in points of valid votes. */
  readonly margin: Float64Array;
  readonly shutdown: Float64Array;
  readonly year2019: Float64Array;
  readonly interaction: Float64Array;
  /** Index of the station in the table, per row. */
  readonly station: Int32Array;
  /** Stations of the table that joined the earlier election (both rows kept). */
  readonly stationsJoined: number;
}

/** One estimate of the difference in differences, with its inference. */
export interface DidEstimate {
  readonly estimate: number;
  readonly se: number;
  readonly low: number;
  readonly high: number;
  readonly pValue: number;
  readonly n: number;
  readonly variance: string;
}

/** Builds the panel: one 2019 row and one earlier-election row per station that has valid votes in both. */
export function buildDidPanel(input: EscobariHooverInput): Result<DidPanel> {
  const { table } = input;
  const inputs = leadersAndLate(input);
  if (!inputs.ok) return inputs;
  const { leader, runnerUp, late } = inputs.value;
  const names = input.earlier ?? EARLIER_2016;
  const earlier = [];
  for (const name of [names.leaderSide, names.otherSide, names.valid]) {
    const column = numberAttribute(input, name);
    if (!column.ok) return column;
    earlier.push(column.value);
  }
  const [side, other, earlierValid] = earlier;
  const stations: number[] = [];
  for (let i = 0; i < table.n; i++)
    if (table.valid[i] > 0 && earlierValid[i] > 0 && Number.isFinite(side[i]) && Number.isFinite(other[i]))
      stations.push(i);
  if (stations.length === 0)
    return err({
      kind: 'missing_column',
      column: names.valid,
      message: `${input.file}: the ${input.earlierName ?? '2016 referendum'} does not join: column "${names.valid}" has no station with valid votes`,
    });
  const m = 2 * stations.length;
  const margin = new Float64Array(m);
  const shutdown = new Float64Array(m);
  const year2019 = new Float64Array(m);
  const interaction = new Float64Array(m);
  const station = new Int32Array(m);
  stations.forEach((i, s) => {
    const r = 2 * s;
    margin[r] = (100 * (leader[i] - runnerUp[i])) / table.valid[i];
    margin[r + 1] = (100 * (side[i] - other[i])) / earlierValid[i];
    shutdown[r] = shutdown[r + 1] = late[i];
    year2019[r] = 1;
    interaction[r] = late[i];
    station[r] = station[r + 1] = i;
  });
  return ok({ margin, shutdown, year2019, interaction, station, stationsJoined: stations.length });
}

function estimateOf(fit: LinearModelFit, options: VarianceOptions, name: string, label: string): Result<DidEstimate> {
  const variance = coefficientVariance(fit, options);
  if (!variance.ok) return variance;
  const row = coefficientTable(fit, variance.value).find((r) => r.name === name);
  if (row === undefined)
    return err({ kind: 'degenerate_input', message: `the coefficient "${name}" was dropped as collinear` });
  return ok({
    estimate: row.estimate,
    se: row.se,
    low: row.low,
    high: row.high,
    pValue: row.pValue,
    n: fit.n,
    variance: label,
  });
}

/** Their specification: margin ~ shutdown + 2019 + shutdown x 2019, pooled OLS, HC1. */
export function escobariHooverSpecification(panel: DidPanel): Result<DidEstimate> {
  const fit = fitLinearModel({
    outcome: { name: 'margin', values: panel.margin },
    regressors: [
      { name: 'shutdown', values: panel.shutdown },
      { name: 'year2019', values: panel.year2019 },
      { name: 'shutdown:year2019', values: panel.interaction },
    ],
  });
  if (!fit.ok) return fit;
  return estimateOf(fit.value, { type: 'HC1' }, 'shutdown:year2019', 'HC1');
}

/**
 * The triple difference by party: the share of the leader's side and of the other side per station and year,
 * with every interaction of shutdown, 2019 and party; CR1 clustered by station. Its coefficient equals the
 * difference in differences of the margin (the model is saturated), its standard error comes from four rows per station.
 */
export function tripleDifference(input: EscobariHooverInput, panel: DidPanel): Result<DidEstimate> {
  const { table } = input;
  const leader = candidateVotes(input, input.leader ?? 'MAS - IPSP');
  const runnerUp = candidateVotes(input, input.runnerUp ?? 'CC');
  const names = input.earlier ?? EARLIER_2016;
  const side = numberAttribute(input, names.leaderSide);
  const other = numberAttribute(input, names.otherSide);
  const valid = numberAttribute(input, names.valid);
  if (!leader.ok || !runnerUp.ok || !side.ok || !other.ok || !valid.ok)
    return err({ kind: 'degenerate_input', message: 'buildDidPanel must succeed first' });
  const m = 2 * panel.margin.length;
  const columns = ['share', 's', 'y', 'p', 's:y', 's:p', 'y:p', 's:y:p'].map(() => new Float64Array(m));
  const [share, s, y, p, sy, sp, yp, syp] = columns;
  const cluster = new Int32Array(m);
  for (let r = 0; r < panel.margin.length; r++) {
    const i = panel.station[r];
    const is2019 = panel.year2019[r] === 1;
    for (let party = 0; party < 2; party++) {
      const q = 2 * r + party;
      const votes = is2019
        ? party === 1
          ? leader.value[i]
          : runnerUp.value[i]
        : party === 1
          ? side.value[i]
          : other.value[i];
      share[q] = (100 * votes) / (is2019 ? table.valid[i] : valid.value[i]);
      s[q] = panel.shutdown[r];
      y[q] = panel.year2019[r];
      p[q] = party;
      sy[q] = s[q] * y[q];
      sp[q] = s[q] * party;
      yp[q] = y[q] * party;
      syp[q] = sy[q] * party;
      cluster[q] = r >> 1;
    }
  }
  const fit = fitLinearModel({
    outcome: { name: 'share', values: share },
    regressors: [
      { name: 'shutdown', values: s },
      { name: 'year2019', values: y },
      { name: 'party', values: p },
      { name: 'shutdown:year2019', values: sy },
      { name: 'shutdown:party', values: sp },
      { name: 'year2019:party', values: yp },
      { name: 'shutdown:year2019:party', values: syp },
    ],
  });
  if (!fit.ok) return fit;
  const clusters: Factor = { name: 'station', codes: cluster, count: panel.margin.length / 2 };
  return estimateOf(fit.value, { type: 'CR1', clusters: [clusters] }, 'shutdown:year2019:party', 'CR1 by station');
}

/** Recinto fixed effects, rural and census covariates by year, CR1 clustered by recinto. */
export function fixedEffectsSpecification(input: EscobariHooverInput, panel: DidPanel): Result<DidEstimate> {
  const recinto = regionFactor(input, input.recinto ?? 'recinto_code');
  if (!recinto.ok) return recinto;
  const urbanRural = categoryFactor(input, input.urbanRural ?? 'urban_rural');
  if (!urbanRural.ok) return urbanRural;
  const ruralCode = urbanRural.value.labels.indexOf('rural');
  const covariateNames = input.covariates ?? ['census_pct_urban', 'census_literacy_rate_15plus'];
  const covariates = [];
  for (const name of covariateNames) {
    const c = numberAttribute(input, name);
    if (!c.ok) return c;
    covariates.push(c.value);
  }
  const m = panel.margin.length;
  const rows = new Uint8Array(m);
  const codes = new Int32Array(m);
  const rural = new Float64Array(m);
  const byYear = covariates.map(() => new Float64Array(m));
  for (let r = 0; r < m; r++) {
    const i = panel.station[r];
    codes[r] = recinto.value.codes[i];
    rural[r] = panel.year2019[r] * (urbanRural.value.codes[i] === ruralCode ? 1 : 0);
    let finite = true;
    covariates.forEach((c, k) => {
      byYear[k][r] = panel.year2019[r] * c[i];
      finite &&= Number.isFinite(c[i]);
    });
    rows[r] = finite ? 1 : 0;
  }
  const factor: Factor = { name: recinto.value.name, codes, count: recinto.value.count };
  const fit = fitLinearModel({
    outcome: { name: 'margin', values: panel.margin },
    regressors: [
      { name: 'shutdown', values: panel.shutdown },
      { name: 'year2019', values: panel.year2019 },
      { name: 'shutdown:year2019', values: panel.interaction },
      { name: 'year2019:rural', values: rural },
      ...covariateNames.map((name, k) => ({ name: `year2019:${name}`, values: byYear[k] })),
    ],
    fixedEffects: [factor],
    rows,
  });
  if (!fit.ok) return fit;
  return estimateOf(fit.value, { type: 'CR1', clusters: [factor] }, 'shutdown:year2019', 'CR1 by recinto');
}

/** Share (%) of all valid 2019 votes that were cast at the shutdown stations. */
function shutdownValidShare(input: EscobariHooverInput): number {
  const late = listMembers(input, input.lateLists ?? DEFAULT_LATE_LISTS);
  if (!late.ok) return Number.NaN;
  let lateValid = 0;
  let total = 0;
  for (let i = 0; i < input.table.n; i++) {
    total += input.table.valid[i];
    if (late.value[i] === 1) lateValid += input.table.valid[i];
  }
  return lateValid / total;
}

const rounded = (e: DidEstimate) => ({
  estimate: round(e.estimate),
  se: round(e.se),
  interval: [round(e.low), round(e.high)],
  pValue: e.pValue,
  rows: e.n,
  variance: e.variance,
});

/** Unweighted mean margin per year and group (the four cells whose difference of differences their model estimates). */
function meanMargins(panel: DidPanel) {
  const sum = [0, 0, 0, 0];
  const count = [0, 0, 0, 0];
  for (let r = 0; r < panel.margin.length; r++) {
    const cell = 2 * panel.year2019[r] + panel.shutdown[r];
    sum[cell] += panel.margin[r];
    count[cell]++;
  }
  const mean = (cell: number) => round(sum[cell] / count[cell]);
  return {
    earlier: { announced: mean(0), shutdown: mean(1) },
    year2019: { announced: mean(2), shutdown: mean(3) },
  };
}

/** A value already in percent, as the catalogue's percent parameter (a fraction, two decimals). */
const percentParam = (percent: number) => ({ kind: 'percent' as const, value: round(percent / 100, 6), digits: 2 });

export function escobariHooverDid(input: EscobariHooverInput): Result<ReplayInput> {
  const panel = buildDidPanel(input);
  if (!panel.ok) return panel;
  const theirs = escobariHooverSpecification(panel.value);
  if (!theirs.ok) return theirs;
  const triple = tripleDifference(input, panel.value);
  if (!triple.ok) return triple;
  const withFixedEffects = fixedEffectsSpecification(input, panel.value);
  if (!withFixedEffects.ok) return withFixedEffects;
  // A shift of d points in the margin at stations holding a fraction w of the valid votes moves d * w points of the
  // national margin: their "fraud as % of valid votes" (votes added to MAS plus votes taken from CC, over all valid votes).
  const weight = shutdownValidShare(input);
  let against2014: Record<string, unknown> | null = null;
  if (input.election2014 !== undefined) {
    const attached = attachEarlierByRecinto(input, input.election2014, 'election_2014');
    if (!attached.ok) return attached;
    const with2014: EscobariHooverInput = {
      ...input,
      table: attached.value,
      earlier: earlierAttributeNames('election_2014'),
      earlierName: input.election2014.name,
    };
    const panel2014 = buildDidPanel(with2014);
    if (!panel2014.ok) return panel2014;
    const estimate = escobariHooverSpecification(panel2014.value);
    if (!estimate.ok) return estimate;
    against2014 = {
      ...rounded(estimate.value),
      stationsJoined: panel2014.value.stationsJoined,
      percentOfValidVotes: round(estimate.value.estimate * weight),
    };
  }
  const toValid = (e: DidEstimate): [number, number, number] => [e.estimate * weight, e.low * weight, e.high * weight];
  const [value, low, high] = toValid(theirs.value);
  const [fixedValue, fixedLow, fixedHigh] = toValid(withFixedEffects.value);
  return ok({
    id: 'escobari_hoover_did',
    title: { key: 'replay.escobari_hoover_did.title' },
    published: { ...PUBLISHED_ESCOBARI_HOOVER },
    reproduced: {
      value: round(value),
      interval: [round(low), round(high)],
      intervalKind:
        "95% HC1 confidence interval (their specification), scaled by the shutdown stations' share of valid votes",
      unit: '% of valid votes',
    },
    note: { key: 'replay.escobari_hoover_did.note' },
    says: {
      key: 'replay.escobari_hoover_did.says',
      params: {
        theirs: percentParam(value),
        fixed: percentParam(fixedValue),
        fixedLow: percentParam(fixedLow),
        fixedHigh: percentParam(fixedHigh),
      },
    },
    details: {
      earlier: input.earlierName ?? '2016 referendum',
      meanMargin: meanMargins(panel.value),
      stationsJoined: panel.value.stationsJoined,
      shutdownShareOfValidVotes: round(weight, 6),
      theirSpecification: rounded(theirs.value),
      tripleDifference: rounded(triple.value),
      recintoFixedEffects: {
        ...rounded(withFixedEffects.value),
        percentOfValidVotes: round(fixedValue),
        interval: [round(fixedLow), round(fixedHigh)],
        marginInterval: [round(withFixedEffects.value.low), round(withFixedEffects.value.high)],
      },
      against2014,
    },
  });
}
