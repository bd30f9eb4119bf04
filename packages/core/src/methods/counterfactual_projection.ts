/**
 * Counterfactual projection of a partial count.
 *
 * Detects: a final margin that the stations counted at a cutoff did not predict. Each uncounted
 * station is projected from counted stations in the most specific geography they share (site ->
 * locality -> municipality -> province -> department -> country), S seeded times; the spread of the
 * projected final margin is compared with the actual one.
 * Null hypothesis: within each geography used, the uncounted stations vote like the counted ones.
 * Assumptions: counted and uncounted stations in the same area are exchangeable up to a within-area
 * late shift, whose size is measured at a placebo cut inside the counted stations and widens the
 * interval (latecount/late_shift.ts; `lateShift: 'none'` drops it); registered voters of uncounted
 * stations are known (the register exists before election day).
 * Innocent reasons for a gap: late stations differ from early ones within the same area (a rural
 * fringe of an urban municipality, stations that report late because they are remote); areas with
 * no counted station are projected from a wider, less similar area.
 * Citation: Johnston & Rosnick (2019), "Observing the Observers: The OAS in the 2019 Bolivian
 * Elections", CEPR; Curiel & Williams (2020), "Analysis of the 2019 Bolivia Election", MIT Election
 * Data and Science Lab; Idrobo, Kronick & Rodríguez (2022), Journal of Politics 84(4).
 */
import { buildCountView, type CountView, type CutoffSpec } from '../latecount/count_view.ts';
import { buildDonorGroups, type DonorGroups } from '../latecount/donor_groups.ts';
import { measureLateShift } from '../latecount/late_shift.ts';
import type { ForensicMethod, MethodResult } from '../method.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { simulateMargins } from './counterfactual_projection_sim.ts';

/** Options of the projection. */
export interface ProjectionOptions {
  /** Simulations (default 1,000). */
  readonly sims?: number;
  /** Margin threshold in points; the result reports the share of simulations at or above it (default 10). */
  readonly threshold?: number;
  /** 'donor' (default): each uncounted station copies one counted station drawn at random; 'mean': the area's pooled rates. */
  readonly rule?: 'donor' | 'mean';
  /** 'registered' (default): copy rates per registered voter; 'none': copy raw votes. */
  readonly scale?: 'registered' | 'none';
  /** Resample the donors of each area every simulation, so the interval includes doubt about the area's mean (default true). */
  readonly resample?: boolean;
  /** Fewest counted stations an area needs to serve as the donor pool (default 3; the literature used 1, see the docs). */
  readonly minDonors?: number;
  /**
   * 'calibrated' (default): add the within-area late-minus-early shift measured at a placebo cut inside
   * the counted stations (latecount/late_shift.ts), with its block-bootstrap uncertainty; 'none': treat
   * late stations as exchangeable with early ones of their area. Needs arrival positions; without
   * them the projection is the exchangeable one and says so.
   */
  readonly lateShift?: 'calibrated' | 'none';
}

/** Plain-data outcome of a projection. */
export interface ProjectionSummary {
  readonly sims: number;
  readonly rule: 'donor' | 'mean';
  readonly scale: 'registered' | 'none';
  readonly resample: boolean;
  readonly minDonors: number;
  readonly median: number;
  readonly lo: number;
  readonly hi: number;
  readonly mean: number;
  readonly threshold: number;
  /** Share of simulations with a projected margin at or above the threshold. */
  readonly shareAbove: number;
  /**
   * Deterministic projection: the expected value of the rule used (donor rule: each area's mean donor
   * rate, sub-areas weighted as they are drawn; mean rule: its pooled rates). It lies inside [lo, hi].
   */
  readonly pointEstimate: number;
  /** Deterministic projection with each area's pooled rates, without any late shift (the literature's). */
  readonly pooledEstimate: number;
  /**
   * The within-area late shift measured at a placebo cut inside the counted stations (points of margin
   * among late stations) by which the interval was widened (with random sign), or null when not, and why.
   */
  readonly lateShift: {
    readonly shift: number;
    readonly se: number;
    readonly placeboCut: number;
    readonly placeboLateStations: number;
    readonly placeboBlocks: number;
    readonly lateBlocks: number;
    /** Standard deviation of the shift drawn in each simulation. */
    readonly sd: number;
    /** Weight of the late stations in the final denominator: the final margin moves by weight x shift. */
    readonly weight: number;
  } | null;
  readonly lateShiftNote: string | null;
  /** The interval with late stations treated as exchangeable (no late shift): the literature's projection. */
  readonly exchangeable: { readonly median: number; readonly lo: number; readonly hi: number };
  readonly actualFinalMargin: number;
  readonly countedMargin: number;
  /** Actual minus median: the part of the final margin the counted stations did not predict. */
  readonly gap: number;
  /** Monte Carlo two-sided p-value of the actual final margin among the projections. */
  readonly pValue: number;
  readonly projectedStations: number;
  /** Projected stations per geography level used ("all" = the whole counted set). */
  readonly levels: readonly { level: string; stations: number }[];
}

/** A projection's summary and its simulated final margins (unsorted, in draw order). */
export interface ProjectionDraws {
  readonly summary: ProjectionSummary;
  readonly margins: Float64Array;
}

/**
 * Monte Carlo two-sided p-value of an actual final margin among simulated ones: 2(1 + min(#>=, #<=)) / (S + 1),
 * capped at 1.
 */
export function projectionPValue(margins: Float64Array, actual: number): number {
  let geActual = 0;
  let leActual = 0;
  for (let s = 0; s < margins.length; s++) {
    if (margins[s] >= actual) geActual++;
    if (margins[s] <= actual) leActual++;
  }
  return Math.min(1, (2 * (1 + Math.min(geActual, leActual))) / (margins.length + 1));
}

/** Projects the uncounted stations of a count view S times and summarises the projected final margin. */
export function projectCount(view: CountView, options: ProjectionOptions, rng: Rng): Result<ProjectionSummary> {
  const r = projectCountDraws(view, options, rng);
  return r.ok ? ok(r.value.summary) : r;
}

/**
 * projectCount, also returning the simulated margins: the projected margin depends only on the counted stations
 * (and the registered voters of the uncounted ones), so a change confined to the uncounted stations' votes can be
 * judged against the same draws with projectionPValue (used by the audit's power by injection).
 */
export function projectCountDraws(view: CountView, options: ProjectionOptions, rng: Rng): Result<ProjectionDraws> {
  const sims = options.sims ?? 1000;
  const threshold = options.threshold ?? 0;
  const rule = options.rule ?? 'donor';
  const scale = options.scale ?? 'registered';
  const resample = options.resample ?? true;
  const minDonors = options.minDonors ?? 3;
  if (!(Number.isInteger(sims) && sims >= 1))
    return err({ kind: 'invalid_options', option: 'sims', message: `sims must be an integer >= 1, got ${sims}` });
  if (!Number.isFinite(threshold))
    return err({ kind: 'invalid_options', option: 'threshold', message: 'threshold must be a number' });
  if (!(Number.isInteger(minDonors) && minDonors >= 1))
    return err({ kind: 'invalid_options', option: 'minDonors', message: 'minDonors must be an integer >= 1' });
  if (rule !== 'donor' && rule !== 'mean')
    return err({ kind: 'invalid_options', option: 'rule', message: `rule must be donor or mean, got ${rule}` });
  if (scale !== 'registered' && scale !== 'none')
    return err({ kind: 'invalid_options', option: 'scale', message: `scale must be registered or none, got ${scale}` });
  const { final, counted, countedA: cA, countedB: cB, countedDenominator: cD, countedRegistered: cR } = view;
  const n = final.n;
  const reg = final.registered;
  const eligible = new Uint8Array(n);
  let donorsTotal = 0;
  for (let i = 0; i < n; i++) {
    if (counted[i] === 1 && (scale === 'none' || cR[i] > 0)) {
      eligible[i] = 1;
      donorsTotal++;
    }
  }
  if (donorsTotal < minDonors)
    return err({
      kind: 'insufficient_data',
      message: 'too few counted stations to project from',
      needed: minDonors,
      got: donorsTotal,
    });
  const groups = buildDonorGroups(final, counted, eligible, minDonors);
  const { memberOff } = groups;
  let CA = 0;
  let CB = 0;
  let CD = 0;
  for (let i = 0; i < n; i++) {
    if (counted[i] === 0) continue;
    CA += cA[i];
    CB += cB[i];
    CD += cD[i];
  }
  const pooled = expectedLate(groups, cA, cB, cD, cR, reg, 'mean', scale);
  const expected = expectedLate(groups, cA, cB, cD, cR, reg, rule, scale);
  const pooledEstimate = (100 * (CA - CB + pooled.a - pooled.b)) / (CD + pooled.d);
  const pointEstimate = (100 * (CA - CB + expected.a - expected.b)) / (CD + expected.d);
  const margins = simulateMargins(
    {
      final,
      groups,
      countedA: cA,
      countedB: cB,
      countedDenominator: cD,
      countedRegistered: cR,
      totalA: CA,
      totalB: CB,
      totalDenominator: CD,
      rule,
      scale,
      resample,
    },
    sims,
    rng,
  );
  const exchangeableSorted = margins.slice().sort();
  let lateShift: ProjectionSummary['lateShift'] = null;
  let lateShiftNote: string | null = null;
  if ((options.lateShift ?? 'calibrated') === 'calibrated') {
    const measured = measureLateShift(view, rule, scale, minDonors, rng);
    if (measured.ok) {
      const m = measured.value;
      const weight = expected.d / (CD + expected.d);
      // Each simulation draws a shift of the real late stations, normal with mean 0 and the size of the
      // placebo's: sd^2 = shift^2 + (1 + B_placebo/B_late) se^2 (the estimate's variance plus that of a
      // fresh set of late areas). The sign is left open: the placebo cut, earlier in the count, measures
      // how far exchangeability misses in this count, not the direction at the real cut (on Bolivia 2020
      // a shifted centre overshoots; docs/methods/counterfactual_projection.md).
      const sd = Math.sqrt(m.shift ** 2 + (1 + m.placeboBlocks / Math.max(1, m.lateBlocks)) * m.se ** 2);
      for (let s = 0; s < sims; s++) margins[s] += weight * sd * rng.normal();
      lateShift = {
        shift: m.shift,
        se: m.se,
        placeboCut: m.placeboCut,
        placeboLateStations: m.lateStations,
        placeboBlocks: m.placeboBlocks,
        lateBlocks: m.lateBlocks,
        sd,
        weight,
      };
    } else
      lateShiftNote = `late stations treated as exchangeable with early ones of their area: ${measured.error.message}`;
  } else lateShiftNote = 'late stations treated as exchangeable with early ones of their area (lateShift: none)';
  const actual = view.finalMargin;
  let above = 0;
  let total = 0;
  for (let s = 0; s < sims; s++) {
    if (margins[s] >= threshold) above++;
    total += margins[s];
  }
  const sorted = margins.slice().sort();
  const median = quantileSorted(sorted, 0.5);
  const pValue = projectionPValue(margins, actual);
  const summary: ProjectionSummary = {
    sims,
    rule,
    scale,
    resample,
    minDonors,
    median,
    lo: quantileSorted(sorted, 0.025),
    hi: quantileSorted(sorted, 0.975),
    mean: total / sims,
    threshold,
    shareAbove: above / sims,
    pointEstimate,
    pooledEstimate,
    lateShift,
    lateShiftNote,
    exchangeable: {
      median: quantileSorted(exchangeableSorted, 0.5),
      lo: quantileSorted(exchangeableSorted, 0.025),
      hi: quantileSorted(exchangeableSorted, 0.975),
    },
    actualFinalMargin: actual,
    countedMargin: view.countedMargin,
    gap: actual - median,
    pValue,
    projectedStations: memberOff[groups.count],
    levels: groups.levels,
  };
  return ok({ summary, margins });
}

/**
 * Projected A, B and denominator of the uncounted stations under a rule's expected value: the donor
 * rule copies one donor drawn at random, so it expects each area's mean donor rate; the mean rule
 * uses the area's pooled rates.
 */
function expectedLate(
  groups: DonorGroups,
  cA: Float64Array,
  cB: Float64Array,
  cD: Float64Array,
  cR: Float64Array,
  reg: Float64Array,
  rule: 'donor' | 'mean',
  scale: 'registered' | 'none',
): { a: number; b: number; d: number } {
  const { donorOff, donors, memberOff, members, clusterOff, clusterBegin, clusterEnd } = groups;
  let pA = 0;
  let pB = 0;
  let pD = 0;
  // Chance that one draw picks donor position k: a sub-area at random then a station in it, or a station.
  const pick = new Float64Array(donors.length);
  for (let g = 0; g < groups.count; g++) {
    const nc = clusterOff[g + 1] - clusterOff[g];
    if (nc > 0) {
      for (let c = clusterOff[g]; c < clusterOff[g + 1]; c++)
        for (let k = clusterBegin[c]; k < clusterEnd[c]; k++) pick[k] = 1 / (nc * (clusterEnd[c] - clusterBegin[c]));
    } else for (let k = donorOff[g]; k < donorOff[g + 1]; k++) pick[k] = 1 / (donorOff[g + 1] - donorOff[g]);
  }
  for (let g = 0; g < groups.count; g++) {
    let sA = 0;
    let sB = 0;
    let sD = 0;
    let sR = 0;
    for (let k = donorOff[g]; k < donorOff[g + 1]; k++) {
      const d = donors[k];
      const w = rule === 'mean' ? 1 : scale === 'registered' ? pick[k] / cR[d] : pick[k];
      sA += w * cA[d];
      sB += w * cB[d];
      sD += w * cD[d];
      sR += cR[d];
    }
    let f = 0;
    const nd = donorOff[g + 1] - donorOff[g];
    for (let k = memberOff[g]; k < memberOff[g + 1]; k++) {
      if (rule === 'donor') f += scale === 'registered' ? reg[members[k]] : 1;
      else f += scale === 'registered' ? reg[members[k]] / sR : 1 / nd;
    }
    pA += f * sA;
    pB += f * sB;
    pD += f * sD;
  }
  return { a: pA, b: pB, d: pD };
}

/** Options of the registry wrapper: a percentile cutoff on the table's own arrival column. */
export interface CounterfactualProjectionMethodOptions extends ProjectionOptions {
  readonly cutoff?: number;
  /** "A,B": the candidates whose margin is projected (default: the top two). */
  readonly candidates?: string;
  readonly replicates?: number;
  readonly candidate?: string;
}

/** Splits "A,B" into names. */
export function splitCandidates(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text.split(',').map((s) => s.trim());
}

/** Runs the projection on a final table with an arrival column at a percentile cutoff. */
export const counterfactualProjection: ForensicMethod<CounterfactualProjectionMethodOptions> = {
  id: 'counterfactual_projection',
  title: 'Counterfactual projection of a partial count',
  family: 'late_count',
  question: 'Do the stations counted before the cutoff, projected onto the rest, predict the final margin?',
  reference:
    'Johnston & Rosnick (2019), CEPR; Curiel & Williams (2020), MIT Election Data and Science Lab; Idrobo, Kronick & Rodríguez (2022), Journal of Politics 84(4)',
  summary:
    'Projects uncounted stations from counted ones in the same area; a final margin outside the projection says late stations differ from early ones nearby, which remote or rural stations often do innocently.',
  requires: ['candidates', 'arrival', 'registered', 'regions'],
  options: [
    { name: 'cutoff', description: 'percentile of arrival at which the count is cut', type: 'number', default: 80 },
    { name: 'candidates', description: 'two candidates "A,B" (default: the top two)', type: 'string', default: '' },
    { name: 'sims', description: 'simulations', type: 'number', default: 1000 },
    {
      name: 'threshold',
      description: 'margin threshold in points (0: who is ahead; Bolivia’s run-off rule is 10)',
      type: 'number',
      default: 0,
    },
    {
      name: 'rule',
      description: 'donor (draw one counted station) or mean (area rates)',
      type: 'string',
      default: 'donor',
    },
    {
      name: 'scale',
      description: 'registered (rates per registered voter) or none',
      type: 'string',
      default: 'registered',
    },
  ],
  run(table, options, rng): Result<MethodResult[]> {
    const cutoff: CutoffSpec = { kind: 'percentile', value: options.cutoff ?? 80 };
    const view = buildCountView(table, cutoff, splitCandidates(options.candidates));
    if (!view.ok) return view;
    const sims = options.sims ?? options.replicates ?? 1000;
    const p = projectCount(view.value, { ...options, sims }, rng);
    if (!p.ok) return p;
    const v = view.value;
    return ok([
      {
        method: 'counterfactual_projection',
        target: `${v.pair.nameA} - ${v.pair.nameB}`,
        statistic: p.value.gap,
        statisticName: 'actual_minus_projected_median_margin',
        pValue: p.value.pValue,
        pValueKind: 'monte_carlo',
        n: table.n,
        excluded: [],
        details: { ...p.value, cutoff: v.cutoffLabel, countedStations: v.nCounted },
        warnings: v.warnings,
        replicates: sims,
      },
    ]);
  },
};
