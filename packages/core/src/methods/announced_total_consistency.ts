/**
 * Announced-total consistency: per-station results for a subset of the stations (e.g. the tally sheets one side
 * collected) against totals an authority announced for the whole.
 *
 * Detects: announced totals that the collected stations and any plausible content of the missing ones cannot
 * produce. Three steps: (1) arithmetic: what the missing stations would have to contain (votes per candidate,
 * ballots) for the announced totals to hold, with an allowance for the stations the announcement itself left out
 * (its coverage), against what they can contain (their registered voters, the turnout seen in the collected ones);
 * (2) a projection of the missing stations from collected ones of the same area (centre -> parish -> municipality
 * -> state -> all), S seeded draws, and the announced margin's two-sided Monte Carlo p-value among the projected
 * ones; (3) a sensitivity bound for stations missing not at random: the shift delta (points of margin) by which the
 * missing stations would have to differ from their neighbours for the announced margin to be reached.
 * Null hypothesis: the announced totals are the sum of every station's true result, the collected sheets are true,
 * and the missing stations vote like the collected ones of their area (missing at random within areas).
 * Assumptions: the collected sheets are the stations' results; the announced registered voters are the whole roll;
 * the stations the announcement left out (1 - coverage) are like the others, so margins in points are comparable.
 * Innocent reasons to reject: the missing stations differ from their neighbours (collection failed where one side
 * had no witnesses: delta says by how much they would have to); the announcement counts a different set of
 * stations (abroad, special stations); transcription errors in the collected sheets.
 * Sheets with more ballots than registered voters, or a negative or unknown count, are impossible tally sheets:
 * they are left out, counted and named in the details, never used.
 * Citation: the projection follows Johnston & Rosnick (2019), CEPR (filling missing actas from their own recinto);
 * the missing-not-at-random bound is the tipping-point analysis of Rosenbaum & Rubin (1983), JRSS B 45(2), and
 * Little & Rubin, Statistical Analysis with Missing Data (3rd ed., 2019), ch. 15.
 */
import type { ForensicMethod, MethodResult } from '../method.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { type AnnouncedNeeds, type AnnouncedTotals, announcedNeeds, deltaNeeded } from './announced_total_needs.ts';
import {
  buildDonorAreas,
  type DonorCounts,
  donorsFor,
  drawMissing,
  expectedMissing,
  type MissingPlace,
  pathOf,
  type ResolvedPlace,
} from './announced_total_projection.ts';

export type { MissingPlace } from './announced_total_projection.ts';
export type { AnnouncedTotals };

/** Options of the analysis. */
export interface AnnouncedOptions {
  readonly favoured: string;
  readonly rival: string;
  readonly sims?: number;
  /** Fewest collected stations an area needs to stand in for its missing ones (default 3). */
  readonly minDonors?: number;
  /** Where missing stations are known to be; the rest of the missing registered voters go to the whole. */
  readonly places?: readonly MissingPlace[];
}

/** The analysis' numbers (details of the method result). */
export interface AnnouncedConsistency extends AnnouncedNeeds {
  readonly favoured: string;
  readonly rival: string;
  readonly announcedMargin: number;
  readonly collectedMargin: number;
  readonly projection: {
    readonly sims: number;
    readonly median: number;
    readonly lo: number;
    readonly hi: number;
    readonly expected: number;
    readonly missingTurnout: number;
    readonly missingMargin: number;
    /** Missing registered voters projected per depth of the region path used for donors (0 = all). */
    readonly levels: readonly { depth: number; level: string; registered: number }[];
  };
  readonly pValue: number;
  /** The shift of the missing stations' margin (points) that reaches the announced margin, and whether possible. */
  readonly delta: { readonly needed: number; readonly reachable: boolean; readonly missingMarginNeeded: number };
  readonly impossibleSheets: { readonly count: number; readonly ids: readonly string[] };
  readonly registeredImputed: number;
}

function candidateIndex(table: StationTable, name: string): number {
  return table.candidates.findIndex((c) => c.name === name);
}

/** Runs the three steps on a table of collected stations and the announced totals. */
export function announcedTotalConsistency(
  table: StationTable,
  announced: AnnouncedTotals,
  options: AnnouncedOptions,
  rng: Rng,
): Result<{ consistency: AnnouncedConsistency; n: number; excluded: MethodResult['excluded'] }> {
  const ia = candidateIndex(table, options.favoured);
  const ib = candidateIndex(table, options.rival);
  if (ia < 0 || ib < 0 || ia === ib) {
    const bad = ia < 0 ? options.favoured : options.rival;
    return err({ kind: 'invalid_options', option: 'candidates', message: `no distinct candidate column "${bad}"` });
  }
  const sims = options.sims ?? 1000;
  const minDonors = options.minDonors ?? 3;
  const coverage = announced.coverage ?? 1;
  if (!(Number.isInteger(sims) && sims >= 1))
    return err({ kind: 'invalid_options', option: 'sims', message: `sims must be an integer >= 1, got ${sims}` });
  if (!(coverage > 0 && coverage <= 1))
    return err({ kind: 'invalid_options', option: 'coverage', message: `coverage must be in (0, 1], got ${coverage}` });
  const numbers = {
    favoured: announced.favoured,
    rival: announced.rival,
    ballotsCast: announced.ballotsCast,
    registered: announced.registered,
    totalStations: announced.totalStations ?? 0,
  };
  for (const [k, v] of Object.entries(numbers))
    if (!(Number.isFinite(v) && v >= 0))
      return err({ kind: 'invalid_options', option: k, message: `announced ${k} must be a number >= 0, got ${v}` });
  const A = table.candidates[ia].votes;
  const B = table.candidates[ib].votes;
  const usable = new Uint8Array(table.n);
  const impossible: string[] = [];
  let unknownRoll = 0;
  for (let i = 0; i < table.n; i++) {
    const r = table.registered[i];
    const t = table.ballotsCast[i];
    if (!(A[i] >= 0 && B[i] >= 0 && t >= A[i] + B[i])) impossible.push(table.ids[i]);
    else if (Number.isNaN(r)) {
      usable[i] = 2;
      unknownRoll++;
    } else if (!(r >= 0) || t > r) impossible.push(table.ids[i]);
    else usable[i] = 1;
  }
  const known = new Uint8Array(table.n);
  for (let i = 0; i < table.n; i++) known[i] = usable[i] === 1 && table.registered[i] > 0 ? 1 : 0;
  const areas = buildDonorAreas(table, known);
  if ((areas.members[0].get('')?.length ?? 0) < minDonors)
    return err({
      kind: 'insufficient_data',
      message: 'too few collected stations with registered voters',
      needed: minDonors,
      got: 0,
    });
  // Unknown roll counts are imputed as the mean registered of the station's own area (deepest with enough donors).
  const registered = new Float64Array(table.n);
  for (let i = 0; i < table.n; i++) {
    if (usable[i] === 1) registered[i] = table.registered[i];
    else if (usable[i] === 2) {
      const { donors } = donorsFor(areas, pathOf(table, i), minDonors);
      let s = 0;
      for (const j of donors) s += table.registered[j];
      registered[i] = s / donors.length;
    }
  }
  const counts: DonorCounts = { registered, ballots: table.ballotsCast, a: A, b: B };
  let cA = 0;
  let cB = 0;
  let cT = 0;
  let cR = 0;
  let n = 0;
  for (let i = 0; i < table.n; i++) {
    if (usable[i] === 0) continue;
    n++;
    cA += A[i];
    cB += B[i];
    cT += table.ballotsCast[i];
    cR += registered[i];
  }
  const used = new Uint8Array(table.n);
  for (let i = 0; i < table.n; i++) used[i] = usable[i] === 0 ? 0 : 1;
  const needs = announcedNeeds({ A, B, T: table.ballotsCast, R: registered, used }, announced, coverage, n, cR);
  const places = resolvePlaces(options.places ?? [], areas, minDonors, Math.max(0, announced.registered - cR), counts);
  const draws = drawMissing(places, counts, sims, rng);
  const margins = new Float64Array(sims);
  for (let s = 0; s < sims; s++) margins[s] = (100 * (cA + draws.a[s] - cB - draws.b[s])) / (cT + draws.ballots[s]);
  const announcedMargin = (100 * (announced.favoured - announced.rival)) / announced.ballotsCast;
  const sorted = Float64Array.from(margins).sort();
  const e = expectedMissing(places, counts);
  const levelNames = ['all', ...table.regions.map((r) => r.name)];
  const byDepth = new Map<number, number>();
  for (const p of places) {
    const reg = p.registered ?? 0;
    byDepth.set(p.depth, (byDepth.get(p.depth) ?? 0) + reg);
  }
  const consistency: AnnouncedConsistency = {
    favoured: options.favoured,
    rival: options.rival,
    ...needs,
    announcedMargin,
    collectedMargin: (100 * (cA - cB)) / cT,
    projection: {
      sims,
      median: quantileSorted(sorted, 0.5),
      lo: quantileSorted(sorted, 0.025),
      hi: quantileSorted(sorted, 0.975),
      expected: (100 * (cA + e.a - cB - e.b)) / (cT + e.ballots),
      missingTurnout: e.registered > 0 ? e.ballots / e.registered : Number.NaN,
      missingMargin: e.ballots > 0 ? (100 * (e.a - e.b)) / e.ballots : Number.NaN,
      levels: [...byDepth]
        .sort((x, y) => x[0] - y[0])
        .map(([depth, reg]) => ({ depth, level: levelNames[depth], registered: reg })),
    },
    pValue: twoSided(margins, announcedMargin),
    delta: deltaNeeded({ a: cA, b: cB, ballots: cT }, e, announcedMargin),
    impossibleSheets: { count: impossible.length, ids: impossible.slice(0, 20) },
    registeredImputed: unknownRoll,
  };
  const excluded =
    impossible.length > 0
      ? [
          {
            reason: 'impossible tally sheet (negative count, or ballots above registered or below the two candidates)',
            count: impossible.length,
          },
        ]
      : [];
  return ok({ consistency, n, excluded });
}

/** Two-sided Monte Carlo p-value of a value among simulated ones: 2(1 + min(#>=, #<=)) / (S + 1), capped at 1. */
function twoSided(sims: Float64Array, value: number): number {
  let ge = 0;
  let le = 0;
  for (const m of sims) {
    if (m >= value) ge++;
    if (m <= value) le++;
  }
  return Math.min(1, (2 * (1 + Math.min(ge, le))) / (sims.length + 1));
}

/** Places resolved to donors; what their registered voters leave of the missing roll goes to the whole. */
function resolvePlaces(
  places: readonly MissingPlace[],
  areas: ReturnType<typeof buildDonorAreas>,
  minDonors: number,
  missingRegistered: number,
  counts: DonorCounts,
): ResolvedPlace[] {
  const out: ResolvedPlace[] = [];
  let placed = 0;
  for (const p of places) {
    const { depth, donors } = donorsFor(areas, p.path, minDonors);
    // A place given by its number of stations gets that many stations' worth of its area's mean registered voters.
    let reg = p.registered;
    if (reg === undefined) {
      let s = 0;
      for (const j of donors) s += counts.registered[j];
      reg = donors.length > 0 ? ((p.stations ?? 0) * s) / donors.length : 0;
    }
    out.push({ donors, depth, registered: reg, stations: p.stations ?? 0 });
    placed += reg;
  }
  // Places that claim more registered voters than the missing roll are scaled down to it (the roll is the bound).
  if (placed > missingRegistered && placed > 0) {
    const f = missingRegistered / placed;
    return out.map((p) => ({ ...p, registered: (p.registered ?? 0) * f }));
  }
  const rest = missingRegistered - placed;
  if (rest > 0) out.push({ donors: areas.members[0].get('') ?? [], depth: 0, registered: rest, stations: 0 });
  return out;
}

/** Options of the registry method (`tally run --methods announced_total_consistency --option ...`). */
export interface AnnouncedMethodOptions {
  readonly candidate?: string;
  readonly rival?: string;
  readonly announced_favoured?: number;
  readonly announced_rival?: number;
  readonly announced_ballots_cast?: number;
  readonly announced_registered?: number;
  readonly coverage?: number;
  readonly total_stations?: number;
  readonly sims?: number;
  readonly replicates?: number;
  readonly min_donors?: number;
}

/** The registry method: the analysis with the announced totals given as options. */
export const announcedTotalConsistencyMethod: ForensicMethod<AnnouncedMethodOptions> = {
  id: 'announced_total_consistency',
  title: 'Announced totals against collected station results',
  family: 'announced_totals',
  question:
    'Could the stations missing from the collected ones contain what the announced totals need, and how far would they have to differ from their neighbours?',
  reference:
    'Johnston & Rosnick (2019), CEPR (missing actas filled from their own recinto); Rosenbaum & Rubin (1983), JRSS B 45(2) (sensitivity to missing not at random); Little & Rubin (2019), Statistical Analysis with Missing Data, ch. 15',
  summary:
    'Announced totals that need more votes than the missing stations can hold contradict the collected sheets; a margin far from the projection says the missing stations would have to differ from their neighbours, which a collection that failed where one side had no witnesses can do innocently.',
  requires: ['candidates', 'registered', 'ballotsCast', 'regions'],
  options: [
    {
      name: 'candidate',
      description: 'the candidate the announcement favours (column name)',
      type: 'string',
      default: '',
    },
    { name: 'rival', description: 'the other side of the margin (column name)', type: 'string', default: '' },
    {
      name: 'announced_favoured',
      description: 'announced votes of the favoured candidate',
      type: 'number',
      default: 0,
      min: 0,
    },
    { name: 'announced_rival', description: 'announced votes of the rival', type: 'number', default: 0, min: 0 },
    {
      name: 'announced_ballots_cast',
      description: 'announced voters (ballots cast)',
      type: 'number',
      default: 0,
      min: 0,
    },
    {
      name: 'announced_registered',
      description: 'announced registered voters (the whole roll)',
      type: 'number',
      default: 0,
      min: 0,
    },
    {
      name: 'coverage',
      description: 'share of all stations the announcement covers',
      type: 'number',
      default: 1,
      min: 0,
      max: 1,
    },
    {
      name: 'total_stations',
      description: 'stations in the whole count (0: estimated)',
      type: 'number',
      default: 0,
      min: 0,
      integer: true,
    },
    { name: 'sims', description: 'projection draws', type: 'number', default: 1000, min: 1, integer: true },
    {
      name: 'min_donors',
      description: 'fewest collected stations an area needs to stand in for its missing ones',
      type: 'number',
      default: 3,
      min: 1,
      integer: true,
    },
  ],
  run(table, options, rng): Result<MethodResult[]> {
    const favoured = options.candidate ?? '';
    const rival = options.rival ?? '';
    if (favoured === '' || rival === '')
      return err({
        kind: 'invalid_options',
        option: 'candidate',
        message: 'name the favoured candidate and the rival (--option candidate=... --option rival=...)',
      });
    if (!((options.announced_ballots_cast ?? 0) > 0))
      return err({
        kind: 'invalid_options',
        option: 'announced_ballots_cast',
        message:
          'give the announced totals (announced_favoured, announced_rival, announced_ballots_cast, announced_registered)',
      });
    const sims = options.sims ?? options.replicates ?? 1000;
    const r = announcedTotalConsistency(
      table,
      {
        favoured: options.announced_favoured ?? 0,
        rival: options.announced_rival ?? 0,
        ballotsCast: options.announced_ballots_cast ?? 0,
        registered: options.announced_registered ?? 0,
        coverage: options.coverage ?? 1,
        totalStations: options.total_stations || undefined,
      },
      { favoured, rival, sims, minDonors: options.min_donors ?? 3 },
      rng,
    );
    if (!r.ok) return r;
    const c = r.value.consistency;
    return ok([
      {
        method: 'announced_total_consistency',
        target: `${favoured} - ${rival}`,
        statistic: c.announcedMargin - c.projection.median,
        statisticName: 'announced_minus_projected_margin',
        pValue: c.pValue,
        pValueKind: 'monte_carlo',
        n: r.value.n,
        excluded: r.value.excluded,
        details: { ...c },
        warnings:
          c.registeredImputed > 0
            ? [`${c.registeredImputed} station(s) without registered voters: imputed from their area`]
            : [],
        replicates: sims,
      },
    ]);
  },
};
