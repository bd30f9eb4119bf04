/**
 * Tally-sheet agreement: the official result of each station against a second reading of the same tally sheet (an
 * observer's photograph, a party's copy, a transcription of the scanned acta).
 *
 * What it detects: official figures that depart from the sheets in one candidate's favour. It reports the share of
 * sheets that agree on every candidate, the net votes each candidate gains where they differ, whether the
 * differences favour one candidate over its rival more often than chance, and where they concentrate.
 * Null hypothesis: where the readings differ, the difference in the favoured-minus-rival margin is as likely to be
 * positive as negative (independent, symmetric misreads). Exact sign test (two-sided binomial, ties dropped); a
 * sign-flip Monte Carlo test of the summed margin difference is in the details.
 * Assumptions: the second reading is of the same sheet and independent of the official figure; its errors do not
 * depend on which candidate gains. A second reading that fails its own arithmetic (party + blank + invalid votes not
 * equal to its grand total, negative counts, more votes than registered voters or ballots received) is excluded,
 * counted by rule and named by station, never compared.
 * Innocent reasons to reject: the second reader's errors are not symmetric (a transcription that misreads one
 * column's handwriting or layout more than another); legitimate corrections made in a recount or special scrutiny
 * after the sheet was written; sheets photographed before a correction was signed.
 * Reference: the sign test (Arbuthnot 1710; Dixon & Mood 1946, JASA 41:557-566); the comparison of official figures
 * with tally-sheet copies as in Callen & Long (2015), "Institutional Corruption and Election Fraud: Evidence from a
 * Field Experiment in Afghanistan", American Economic Review 105(1):354-381.
 */
import type { BaseMethodOptions, ForensicMethod, MethodResult } from '../method.ts';
import { logChoose } from '../numeric/log_factorial.ts';
import { err, ok } from '../result.ts';
import type { Rng } from '../rng.ts';
import { candidateIndex, leaderIndex, type StationTable } from '../station_table.ts';
import { readSecondReading, SHEET_RULE_TEXT, type SheetRule, sheetRuleBroken } from './tally_sheet_checks.ts';

/** Options: the rival (default: the strongest other candidate), the attribute prefix, the concentration level. */
export interface TallySheetAgreementOptions extends BaseMethodOptions {
  rival?: string;
  prefix?: string;
  level?: string;
}

/** The sheets of one region where the readings were compared. */
export interface SheetRegionRow {
  readonly label: string;
  readonly compared: number;
  readonly differing: number;
  /** Favoured-minus-rival margin votes the official figure adds over the second reading. */
  readonly netMargin: number;
  readonly favouredAhead: number;
  readonly rivalAhead: number;
  /** Exact two-sided sign test within the region. */
  readonly pValue: number;
}

/** Details of a tally-sheet agreement result. */
export interface TallySheetAgreementDetails {
  readonly favoured: string;
  readonly rival: string;
  readonly compared: number;
  readonly agreeing: number;
  readonly agreementShare: number;
  /** Per candidate: official minus second reading, summed over the compared sheets. */
  readonly netGain: { readonly candidate: string; readonly votes: number; readonly sheets: number }[];
  /** Sheets where the official margin is above / below the second reading's. */
  readonly favouredAhead: number;
  readonly rivalAhead: number;
  readonly signFlipPValue: number;
  readonly level: string | null;
  readonly byRegion: SheetRegionRow[];
  /** Sheets left out by the second reading's own arithmetic, per rule, and the first 50 named. */
  readonly failedChecks: { readonly rule: SheetRule; readonly count: number }[];
  readonly failedSheets: { readonly station: string; readonly rule: SheetRule }[];
}

const DEFAULT_PREFIX = 'second_reading:';
const MAX_NAMED = 50;
const MAX_REGIONS = 30;

/** P(X >= k) for X ~ Binomial(n, 1/2), exactly (summed in log space). */
export function binomialHalfUpperTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let s = 0;
  const ln2n = n * Math.LN2;
  for (let j = k; j <= n; j++) s += Math.exp(logChoose(n, j) - ln2n);
  return Math.min(1, s);
}

/** Exact two-sided sign test: 2 P(X >= max(a, b)), X ~ Binomial(a + b, 1/2), capped at 1. */
export function signTestTwoSided(a: number, b: number): number {
  const n = a + b;
  if (n === 0) return 1;
  if (a === b) return 1;
  return Math.min(1, 2 * binomialHalfUpperTail(Math.max(a, b), n));
}

function runnerUp(table: StationTable, favoured: number): number {
  let best = -1;
  let bestTotal = Number.NEGATIVE_INFINITY;
  table.candidates.forEach((c, k) => {
    if (k === favoured) return;
    let s = 0;
    for (let i = 0; i < table.n; i++) s += c.votes[i];
    if (s > bestTotal) {
      bestTotal = s;
      best = k;
    }
  });
  return best;
}

/** Compares the official figures with the second reading; see the header. */
export function tallySheetAgreement(
  table: StationTable,
  options: TallySheetAgreementOptions,
  rng: Rng,
): ReturnType<ForensicMethod['run']> {
  if (table.candidates.length < 2)
    return err({ kind: 'insufficient_data', message: 'tally-sheet agreement needs two candidates', needed: 2 });
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const read = readSecondReading(table, prefix);
  if ('missing' in read)
    return err({
      kind: 'missing_column',
      column: read.missing[0],
      message: `no second reading of the tally sheets: attach number attribute(s) ${read.missing.map((m) => `"${m}"`).join(', ')} (one per candidate)`,
    });
  const reading = read.reading;
  const f = options.candidate === undefined ? leaderIndex(table) : candidateIndex(table, options.candidate);
  if (f < 0)
    return err({ kind: 'invalid_options', option: 'candidate', message: `no candidate "${options.candidate}"` });
  const r = options.rival === undefined ? runnerUp(table, f) : candidateIndex(table, options.rival);
  if (r < 0 || r === f)
    return err({ kind: 'invalid_options', option: 'rival', message: `no rival candidate "${options.rival ?? ''}"` });
  const levelIndex =
    options.level === undefined
      ? table.regions.findIndex((x) => x.labels.length > 1)
      : table.regions.findIndex((x) => x.name === options.level);
  if (options.level !== undefined && levelIndex < 0)
    return err({ kind: 'invalid_options', option: 'level', message: `no region level "${options.level}"` });

  const k = table.candidates.length;
  const gain = new Float64Array(k);
  const gainSheets = new Float64Array(k);
  const failed = new Map<SheetRule, number>();
  const failedSheets: { station: string; rule: SheetRule }[] = [];
  const d: number[] = [];
  const regionOf: number[] = [];
  let agreeing = 0;
  for (let i = 0; i < table.n; i++) {
    const rule = sheetRuleBroken(table, reading, i);
    if (rule !== null) {
      failed.set(rule, (failed.get(rule) ?? 0) + 1);
      if (rule !== 'no_second_reading' && failedSheets.length < MAX_NAMED)
        failedSheets.push({ station: table.ids[i], rule });
      continue;
    }
    let same = true;
    for (let c = 0; c < k; c++) {
      const diff = table.candidates[c].votes[i] - reading.candidates[c][i];
      if (diff !== 0) {
        same = false;
        gain[c] += diff;
        gainSheets[c]++;
      }
    }
    if (same) agreeing++;
    d.push(
      table.candidates[f].votes[i] -
        reading.candidates[f][i] -
        (table.candidates[r].votes[i] - reading.candidates[r][i]),
    );
    regionOf.push(levelIndex >= 0 ? table.regions[levelIndex].codes[i] : 0);
  }
  const compared = d.length;
  if (compared === 0)
    return err({
      kind: 'insufficient_data',
      message: 'no tally sheet has a second reading that passes its own arithmetic',
      needed: 1,
      got: 0,
    });
  let up = 0;
  let down = 0;
  let net = 0;
  for (const x of d) {
    if (x > 0) up++;
    else if (x < 0) down++;
    net += x;
  }
  const replicates = options.replicates ?? 10_000;
  const signFlipPValue = signFlip(d, net, replicates, rng);
  const byRegion = levelIndex >= 0 ? regionRows(table.regions[levelIndex].labels, d, regionOf) : [];
  const excluded = [...failed.entries()].map(([rule, count]) => ({ reason: SHEET_RULE_TEXT[rule], count }));
  const warnings: string[] = [];
  const checked = [...failed.entries()].filter(([rule]) => rule !== 'no_second_reading');
  const nFailed = checked.reduce((s, [, c]) => s + c, 0);
  if (nFailed > 0)
    warnings.push(
      `${nFailed} second reading(s) fail their own arithmetic and are excluded (first ${Math.min(MAX_NAMED, nFailed)} named in details.failedSheets)`,
    );
  if (up + down < 10) warnings.push(`only ${up + down} sheet(s) differ in the margin: the sign test has little power`);
  const details: TallySheetAgreementDetails = {
    favoured: table.candidates[f].name,
    rival: table.candidates[r].name,
    compared,
    agreeing,
    agreementShare: agreeing / compared,
    netGain: table.candidates.map((c, j) => ({ candidate: c.name, votes: gain[j], sheets: gainSheets[j] })),
    favouredAhead: up,
    rivalAhead: down,
    signFlipPValue,
    level: levelIndex >= 0 ? table.regions[levelIndex].name : null,
    byRegion,
    failedChecks: [...failed.entries()].map(([rule, count]) => ({ rule, count })),
    failedSheets,
  };
  const result: MethodResult<TallySheetAgreementDetails> = {
    method: 'tally_sheet_agreement',
    target: `${table.candidates[f].name} vs ${table.candidates[r].name}`,
    statistic: net,
    statisticName: 'net_margin_votes_official_minus_second_reading',
    pValue: signTestTwoSided(up, down),
    pValueKind: 'exact',
    n: compared,
    excluded,
    details,
    warnings,
    replicates,
  };
  return ok([result as unknown as MethodResult]);
}

/** Sign-flip Monte Carlo p of |sum d|: (1 + #{|sum s_i d_i| >= |sum d|}) / (B + 1). */
function signFlip(d: readonly number[], net: number, replicates: number, rng: Rng): number {
  const nz = d.filter((x) => x !== 0);
  const obs = Math.abs(net);
  let hits = 0;
  const words = new Uint32Array(Math.ceil(nz.length / 32));
  for (let b = 0; b < replicates; b++) {
    rng.fillUint32(words);
    let s = 0;
    for (let i = 0; i < nz.length; i++) s += (words[i >>> 5] >>> (i & 31)) & 1 ? nz[i] : -nz[i];
    if (Math.abs(s) >= obs) hits++;
  }
  return (1 + hits) / (replicates + 1);
}

function regionRows(labels: readonly string[], d: readonly number[], regionOf: readonly number[]): SheetRegionRow[] {
  const rows = labels.map((label) => ({ label, compared: 0, differing: 0, netMargin: 0, up: 0, down: 0 }));
  for (let j = 0; j < d.length; j++) {
    const row = rows[regionOf[j]];
    row.compared++;
    row.netMargin += d[j];
    if (d[j] !== 0) row.differing++;
    if (d[j] > 0) row.up++;
    else if (d[j] < 0) row.down++;
  }
  return rows
    .filter((x) => x.compared > 0)
    .sort((a, b) => Math.abs(b.netMargin) - Math.abs(a.netMargin) || (a.label < b.label ? -1 : 1))
    .slice(0, MAX_REGIONS)
    .map((x) => ({
      label: x.label,
      compared: x.compared,
      differing: x.differing,
      netMargin: x.netMargin,
      favouredAhead: x.up,
      rivalAhead: x.down,
      pValue: signTestTwoSided(x.up, x.down),
    }));
}

/** The registry entry. */
export const tallySheetAgreementMethod: ForensicMethod<TallySheetAgreementOptions> = {
  id: 'tally_sheet_agreement',
  title: 'Tally-sheet agreement (official figures against a second reading of the same sheet)',
  family: 'tally_sheets',
  question: 'Do the official figures differ from a second reading of the same tally sheets in one candidate’s favour?',
  reference:
    'Dixon, W. J. & Mood, A. M. (1946). The statistical sign test. JASA 41(236):557-566; Callen, M. & Long, J. D. (2015). Institutional Corruption and Election Fraud: Evidence from a Field Experiment in Afghanistan. American Economic Review 105(1):354-381.',
  summary:
    'Share of sheets whose official figures match a second reading, and whether the differences favour one candidate more often than chance; asymmetric misreads or legitimate corrections can also produce one-sided differences.',
  requires: ['candidates'],
  options: [
    {
      name: 'rival',
      description: 'the other side of the margin (default: the strongest other candidate)',
      type: 'string',
      default: '',
    },
    {
      name: 'prefix',
      description: 'attribute prefix of the second reading (<prefix><candidate>, blank, invalid, total, cap)',
      type: 'string',
      default: DEFAULT_PREFIX,
    },
    {
      name: 'level',
      description: 'region level where differences are located (default: the widest with two or more regions)',
      type: 'string',
      default: '',
    },
    {
      name: 'replicates',
      description: 'sign-flip Monte Carlo replicates',
      type: 'number',
      default: 10_000,
      integer: true,
      min: 99,
    },
  ],
  run: (table, options, rng) =>
    tallySheetAgreement(
      table,
      {
        ...options,
        ...(options.rival === '' ? { rival: undefined } : {}),
        ...(options.level === '' ? { level: undefined } : {}),
      },
      rng,
    ),
};
