/**
 * Persistence of flagged units across two elections: a stratified difference-in-differences of the
 * favoured candidate's share with a within-region permutation p-value.
 *
 * What it detects: flagged units (e.g. recintos whose mesas were counted after a halt) whose share for
 * the favoured candidate in the alleged election A is higher, relative to the other election B, than
 * the change seen in unflagged units of the same region. If the flagged units vote the same way in a
 * clean election B, their result in A is what those voters do, not what a manipulation made.
 * Null hypothesis: within each region, the flagged label is exchangeable with respect to the change of
 * share between A and B (flagging is unrelated to the A-B change).
 * Assumptions: units are matched across elections (same voters, roughly); flagging is not chosen by a
 * process tied to the A-B swing within the region; B is not itself manipulated in the same units.
 * Innocent reasons it may reject: flagged units swung differently for real reasons (a local candidate,
 * a turnout campaign, a changed coalition), boundary or registration changes in those units, a
 * matching that pairs different voters, flagging correlated with urban/rural swing inside a region.
 * Statistic: sum over regions r of W_F,r (dbar_F,r - dbar_U,r) / sum W_F,r, where d = share_A - share_B
 * in points, dbar are voter-weighted means and W_F,r the flagged weight of region r (an average effect
 * on the flagged units, as in difference-in-differences: Card & Krueger 1994, AER 84(4):772-793).
 * p-value: stratified permutation (Rosenbaum 2002, Observational Studies, 2nd ed., ch. 2), Monte Carlo
 * (1 + #{T* >= T}) / (B + 1). Context: the Bolivia 2019 dispute (Idrobo, Kronick & Rodríguez 2022,
 * "Do shifts in late-counted votes signal fraud? Evidence from Bolivia", J. Politics 84(4):2202-2215),
 * where the 2020 rerun gave a clean election B for the same recintos.
 */
import { matchUnits, type UnitMatch } from '../match/match_units.ts';
import type { MethodResult, PairedForensicMethod } from '../method.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { candidateIndex, regionLevelIndex, type StationTable, shareDenominator } from '../station_table.ts';
import { adjustedPermutationNull } from './persistence_adjusted.ts';
import { summarizePersistenceNull } from './persistence_null_summary.ts';
import { permutationNull, type StratifiedUnits } from './persistence_permute.ts';

/** Options of the persistence test. */
export interface PersistenceOptions {
  /** Favoured candidate's column in election A; default: A's national leader. */
  candidateA?: string;
  /** The same candidate's column in election B; default: the same name as in A. */
  candidateB?: string;
  /** Region level of A within which flags are permuted; default: see `defaultStratum`. */
  stratum?: string;
  /** Permutations; default 10,000. */
  replicates?: number;
  /** 'greater' (default): flagged units gained more in A than their neighbours. */
  alternative?: 'greater' | 'less' | 'two_sided';
  /** Alleged inflation of the favoured share in flagged units of A, in points (for scale). */
  allegedShift?: number;
  /**
   * Alternatively, votes allegedly switched to the favoured candidate, spread over the flagged units in
   * proportion to their valid votes (or as `allegedShiftByUnit` says); the shift reported is the DiD
   * that this manipulation alone would produce.
   */
  allegedVotes?: number;
  /**
   * Per unit of A, the points a manipulation of the alleged size would add to the favoured share (e.g. a
   * recinto with some late mesas gets part of it). Overrides `allegedVotes`' even spread.
   */
  allegedShiftByUnit?: Float64Array;
  /** A precomputed match (e.g. by name); default: match A and B by identical id. */
  match?: UnitMatch;
  /**
   * Covariates per unit of A (aligned with A's rows); when given, the statistic is the flag's coefficient
   * in a weighted regression of the change on flag + numeric covariates + a fixed effect per cell, flags
   * permuted within cells (persistence_adjusted.ts). A unit with a missing (NaN) covariate is excluded.
   */
  covariates?: {
    /** 1 = urban, 0 = rural: splits each stratum into an urban and a rural cell. */
    readonly urban?: ArrayLike<number>;
    /** Numeric covariates, e.g. the favoured candidate's share in an earlier election (points). */
    readonly numeric?: readonly { readonly name: string; readonly values: ArrayLike<number> }[];
  };
  /** Recorded in the result only. */
  seed?: number;
}

const DEFAULT_REPLICATES = 10_000;

/** The national leader of a table (most votes), or -1 when there are no candidates. */
function leader(table: StationTable): number {
  let best = -1;
  let bestVotes = -1;
  for (let c = 0; c < table.candidates.length; c++) {
    let s = 0;
    const v = table.candidates[c].votes;
    for (let i = 0; i < v.length; i++) s += v[i];
    if (s > bestVotes) {
      bestVotes = s;
      best = c;
    }
  }
  return best;
}

/**
 * Default stratum: the narrowest region level of A, other than the unit level itself (one label per
 * unit), with at least 5 units per label on average; the widest level when none qualifies.
 */
export function defaultStratum(table: StationTable): string | undefined {
  let chosen: string | undefined;
  for (const level of table.regions) {
    const used = new Set<number>();
    for (let i = 0; i < table.n; i++) used.add(level.codes[i]);
    if (used.size < table.n && table.n / used.size >= 5) chosen = level.name;
  }
  return chosen ?? table.regions[0]?.name;
}

/** Runs the persistence test on election A (alleged), election B and A's flagged units. */
export function persistenceTest(
  a: StationTable,
  b: StationTable,
  flagged: Uint8Array,
  options: PersistenceOptions,
  rng: Rng,
): Result<MethodResult> {
  const B = options.replicates ?? DEFAULT_REPLICATES;
  if (!Number.isInteger(B) || B < 1) {
    return err({ kind: 'invalid_options', option: 'replicates', message: `replicates must be a positive integer` });
  }
  const alternative = options.alternative ?? 'greater';
  if (!['greater', 'less', 'two_sided'].includes(alternative)) {
    return err({
      kind: 'invalid_options',
      option: 'alternative',
      message: `alternative must be greater, less or two_sided, got "${alternative}"`,
    });
  }
  if (flagged.length !== a.n) {
    return err({
      kind: 'invalid_options',
      option: 'flagged',
      message: `flagged has ${flagged.length} entries for ${a.n} units of election A`,
    });
  }
  const urban = options.covariates?.urban;
  const numeric = options.covariates?.numeric ?? [];
  for (const [name, values] of [['urban', urban], ...numeric.map((c) => [c.name, c.values] as const)] as const) {
    if (values !== undefined && values.length !== a.n)
      return err({
        kind: 'invalid_options',
        option: 'covariates',
        message: `covariate "${name}" has ${values.length} entries for ${a.n} units of election A`,
      });
  }
  const adjusted = urban !== undefined || numeric.length > 0;
  if (a.n === 0 || b.n === 0) {
    return err({ kind: 'insufficient_data', message: 'an election has no units', needed: 1, got: 0 });
  }
  const ca = options.candidateA ? candidateIndex(a, options.candidateA) : leader(a);
  if (ca < 0) {
    return err({
      kind: 'missing_column',
      column: options.candidateA ?? 'candidate',
      message: `candidate "${options.candidateA ?? ''}" is not in election A`,
    });
  }
  const nameA = a.candidates[ca].name;
  const nameB = options.candidateB ?? nameA;
  const cb = candidateIndex(b, nameB);
  if (cb < 0) {
    return err({ kind: 'missing_column', column: nameB, message: `candidate "${nameB}" is not in election B` });
  }
  const stratumName = options.stratum ?? defaultStratum(a);
  const si = stratumName === undefined ? -1 : regionLevelIndex(a, stratumName);
  if (si < 0) {
    return err({
      kind: 'missing_column',
      column: stratumName ?? 'region',
      message: `stratum level "${stratumName ?? ''}" is not a region level of election A`,
    });
  }
  const match = options.match ?? matchUnits(a.ids, b.ids);
  if (match.a.length === 0) {
    return err({ kind: 'insufficient_data', message: 'no unit of election A matches a unit of election B', got: 0 });
  }
  const denA = shareDenominator(a);
  const denB = shareDenominator(b);
  const votesA = a.candidates[ca].votes;
  const votesB = b.candidates[cb].votes;
  const stratumCodes = a.regions[si].codes;

  // Collect usable matched units, then order them by stratum.
  let zeroDen = 0;
  let missingCovariate = 0;
  const keep: number[] = [];
  for (let k = 0; k < match.a.length; k++) {
    const i = match.a[k];
    if (!(denA[i] > 0 && denB[match.b[k]] > 0)) zeroDen++;
    else if (
      (urban !== undefined && !(urban[i] === 0 || urban[i] === 1)) ||
      numeric.some((c) => !Number.isFinite(c.values[i]))
    )
      missingCovariate++;
    else keep.push(k);
  }
  // Cells: the stratum, split by urban/rural when given.
  const cellOf = (i: number): number => (urban === undefined ? stratumCodes[i] : 2 * stratumCodes[i] + urban[i]);
  const byStratum = new Map<number, number[]>();
  for (const k of keep) {
    const s = cellOf(match.a[k]);
    let list = byStratum.get(s);
    if (!list) {
      list = [];
      byStratum.set(s, list);
    }
    list.push(k);
  }
  const strata = [...byStratum.keys()].sort((x, y) => x - y);
  const d: number[] = [];
  const w: number[] = [];
  const f: number[] = [];
  const starts: number[] = [];
  let lonelyUnits = 0;
  let flaggedMatched = 0;
  let flaggedDenAll = 0;
  for (let i = 0; i < a.n; i++) if (flagged[i]) flaggedDenAll += denA[i];
  const evenShift =
    options.allegedVotes !== undefined && flaggedDenAll > 0 ? (100 * options.allegedVotes) / flaggedDenAll : 0;
  const delta: number[] = [];
  const x: number[][] = numeric.map(() => []);
  for (const s of strata) {
    const list = byStratum.get(s)!;
    let nf = 0;
    for (const k of list) nf += flagged[match.a[k]] ? 1 : 0;
    flaggedMatched += nf;
    if (nf === 0 || nf === list.length) {
      lonelyUnits += list.length;
      continue;
    }
    starts.push(d.length);
    for (const k of list) {
      const i = match.a[k];
      const j = match.b[k];
      d.push(100 * (votesA[i] / denA[i] - votesB[j] / denB[j]));
      w.push(denA[i]);
      f.push(flagged[i] ? 1 : 0);
      delta.push(options.allegedShiftByUnit ? options.allegedShiftByUnit[i] : flagged[i] ? evenShift : 0);
      for (let c = 0; c < numeric.length; c++) x[c].push(numeric[c].values[i]);
    }
  }
  starts.push(d.length);
  let flaggedTotal = 0;
  for (let i = 0; i < a.n; i++) flaggedTotal += flagged[i] ? 1 : 0;
  const excluded = [
    { reason: 'unit of A not matched in B', count: a.n - match.a.length },
    { reason: 'zero valid votes in A or B', count: zeroDen },
    { reason: 'missing covariate', count: missingCovariate },
    {
      reason:
        urban === undefined
          ? 'region has only flagged or only unflagged units'
          : 'region x urban/rural cell has only flagged or only unflagged units',
      count: lonelyUnits,
    },
  ].filter((e) => e.count > 0);
  if (starts.length < 2) {
    return err({
      kind: 'insufficient_data',
      message: `no region of level "${stratumName}" has both flagged and unflagged matched units (flagged: ${flaggedTotal}, flagged and matched: ${flaggedMatched})`,
    });
  }
  const units: StratifiedUnits = {
    d: Float64Array.from(d),
    w: Float64Array.from(w),
    flagged: Uint8Array.from(f),
    starts: Int32Array.from(starts),
  };
  const covariates = x.map((v) => Float64Array.from(v));
  const engine = (d: Float64Array, replicates: number) => {
    if (!adjusted) return permutationNull({ ...units, d }, replicates, rng);
    const r = adjustedPermutationNull({ ...units, d, covariates }, replicates, rng);
    if (r === null) return null;
    let sf = 0;
    let wf = 0;
    for (let i = 0; i < d.length; i++) {
      if (units.flagged[i] === 0) continue;
      sf += units.w[i] * d[i];
      wf += units.w[i];
    }
    return {
      observed: r.observed,
      null: r.null,
      flaggedMean: sf / wf,
      comparisonMean: sf / wf - r.observed,
      covariateCoefficients: r.covariateCoefficients,
    };
  };
  const nul = engine(units.d, B);
  if (nul === null)
    return err({ kind: 'degenerate_input', message: 'the covariates are collinear within the cells; drop one' });
  const t = nul.observed;
  // The statistic is linear in d, so a manipulation adding delta to d moves it by exactly T(delta).
  const allegedShift =
    options.allegedShift ??
    (options.allegedVotes !== undefined || options.allegedShiftByUnit
      ? (engine(Float64Array.from(delta), 0)?.observed ?? null)
      : null);
  const summary = summarizePersistenceNull(nul.null, t, alternative, allegedShift);
  const nUsed = d.length;
  let nFlaggedUsed = 0;
  for (let i = 0; i < nUsed; i++) nFlaggedUsed += units.flagged[i];
  return ok({
    method: 'persistence',
    target: nameA,
    statistic: t,
    statisticName: adjusted ? 'adjusted_did_share_points' : 'did_share_points',
    pValue: summary.pValue,
    pValueKind: 'monte_carlo',
    n: nUsed,
    excluded,
    details: {
      candidateA: nameA,
      candidateB: nameB,
      stratum: stratumName,
      strataUsed: starts.length - 1,
      alternative,
      flaggedUnits: flaggedTotal,
      flaggedUsed: nFlaggedUsed,
      comparisonUnitsUsed: nUsed - nFlaggedUsed,
      flaggedChangeMean: nul.flaggedMean,
      comparisonChangeMean: nul.comparisonMean,
      match: {
        unitsA: match.nA,
        unitsB: match.nB,
        matched: match.a.length,
        rateA: match.rateA,
        rateB: match.rateB,
        byName: match.how.filter((h) => h === 'name').length,
        unmatchedA: match.unmatchedA,
        unmatchedB: match.unmatchedB,
      },
      nullQuantiles: summary.quantiles,
      // Inverting the permutation test under an additive-shift model (Rosenbaum 2002, ch. 2).
      shiftInterval95: [t - summary.quantiles.q975, t - summary.quantiles.q025],
      allegedShift,
      powerAtAllegedShift: summary.powerAtAlleged,
      sizeAtAlpha05: summary.sizeAtAlpha05,
      sizeMeasuredOn:
        'the permutation null of these data: the share of its own permutations that would reject at 0.05 (below 0.05 only through ties); not a false-positive rate measured on other elections (docs/methods/persistence.md gives that, on simulation)',
      adjustment: adjusted
        ? {
            cells: urban === undefined ? stratumName : `${stratumName} x urban/rural`,
            covariates: numeric.map((c, j) => ({
              name: c.name,
              coefficient: 'covariateCoefficients' in nul ? (nul.covariateCoefficients[j] ?? null) : null,
            })),
          }
        : null,
    },
    warnings: nFlaggedUsed < 10 ? [`only ${nFlaggedUsed} flagged units could be compared`] : [],
    replicates: B,
    seed: options.seed,
  });
}

/** The persistence test as a paired method (two elections and a flagged set). */
export const persistence: PairedForensicMethod<PersistenceOptions> = {
  id: 'persistence',
  title: 'Persistence of flagged units across elections (difference-in-differences)',
  family: 'persistence',
  question: 'Do the flagged units stand out the same way in another election?',
  reference:
    'Card & Krueger (1994), AER 84(4):772-793 (difference-in-differences); Rosenbaum (2002), Observational Studies, ch. 2 (stratified permutation); Idrobo, Kronick & Rodríguez (2022), J. Politics 84(4):2202-2215 (Bolivia 2019).',
  summary:
    'Flagged units that gained more for the favoured candidate than their region did, relative to another election, depart from persistence; real local swings, boundary changes or poor matching can do the same.',
  requires: ['candidates', 'valid', 'regions'],
  options: [
    { name: 'candidateA', description: 'favoured candidate in election A', type: 'string', default: '' },
    { name: 'candidateB', description: 'the same candidate in election B', type: 'string', default: '' },
    { name: 'stratum', description: 'region level to permute within', type: 'string', default: '' },
    { name: 'replicates', description: 'permutations', type: 'number', default: DEFAULT_REPLICATES },
    { name: 'alternative', description: 'greater | less | two_sided', type: 'string', default: 'greater' },
  ],
  runPair(a, b, flagged, options, rng) {
    const r = persistenceTest(a, b, flagged, options, rng);
    return r.ok ? ok([r.value]) : r;
  },
};
