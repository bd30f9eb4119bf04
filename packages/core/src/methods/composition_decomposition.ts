/**
 * Composition decomposition of a late shift.
 *
 * Measures: how much of the late shift (late stations' margin minus early stations' margin) is
 * explained by where the late stations are. (1) Region shares: if each late station had voted like
 * the early stations of its own area, what would the late margin have been? (2) Another election:
 * if the early stations' relation between this election's margin and another election's margin at
 * the same sites held for the late ones, what would their margin have been? Each is reported as a
 * share of the shift; the rest is what geography or the other election does not account for.
 * Null hypothesis: none (a decomposition, not a test).
 * Assumptions: within an area, early and late stations vote alike (1); the early-station relation
 * with the other election carries over to late sites (2).
 * Innocent reasons for an unexplained part: areas finer than the finest level given (a rural
 * fringe of a municipality), turnout changes between elections, new sites with no prior result.
 * Citation: Curiel & Williams (2020), MIT Election Data and Science Lab; Idrobo, Kronick & Rodríguez
 * (2022), Journal of Politics 84(4) (prior-election and geography controls).
 */
import { buildCountView, type CountView, resolvePair } from '../latecount/count_view.ts';
import type { ForensicMethod, MethodResult } from '../method.ts';
import { err, ok, type Result } from '../result.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';
import { splitCandidates } from './counterfactual_projection.ts';

/** Per-level result of the region decomposition. */
export interface RegionComposition {
  readonly level: string;
  /** Late margin expected if late stations voted like early stations of their area (or a wider one). */
  readonly expectedLateMargin: number;
  /** Share of the late shift explained: (expected late - early) / (late - early). */
  readonly shareExplained: number;
  /** Late stations whose area had no early station and took a wider area's margin. */
  readonly widerAreaStations: number;
}

/** A site-level margin from another election, joined to this table through a region level's labels. */
export interface OtherElection {
  /** Region level of the final table whose labels are the join key (e.g. "recinto_code"). */
  readonly level: string;
  /** Margin (points) of the other election per key label. */
  readonly marginByKey: ReadonlyMap<string, number>;
  /** Label shown in output, e.g. "Bolivia 2020, MAS - CC". */
  readonly name: string;
}

/** Result of the decomposition with another election. */
export interface OtherElectionComposition {
  readonly name: string;
  readonly matchedEarly: number;
  readonly matchedLate: number;
  /** Weighted least-squares slope and intercept of this margin on the other margin, early stations. */
  readonly slope: number;
  readonly intercept: number;
  readonly earlyMargin: number;
  readonly lateMargin: number;
  readonly expectedLateMargin: number;
  readonly shareExplained: number;
}

/** Outcome of the composition decomposition. */
export interface CompositionSummary {
  /** Margins from the final figures: early = counted at the cutoff, late = the rest. */
  readonly earlyMargin: number;
  readonly lateMargin: number;
  /** Late minus early margin, points. */
  readonly shift: number;
  /** Share of valid votes (official denominator) in late stations. */
  readonly lateWeight: number;
  readonly regions: RegionComposition[];
  readonly otherElection: OtherElectionComposition | null;
}

/**
 * Margins (points) of another election per site key: pooled over stations sharing a label of region
 * level `level` when the table has it, else one per station id (a table already per site).
 */
export function marginsBySite(
  table: StationTable,
  level: string,
  candidates?: readonly string[],
): Result<{ margins: Map<string, number>; candidates: [string, string] }> {
  const pairR = resolvePair(table, candidates);
  if (!pairR.ok) return pairR;
  const { a, b, nameA, nameB } = pairR.value;
  const den = shareDenominator(table);
  const r = table.regions.find((x) => x.name === level);
  const keys = r === undefined ? table.ids : r.labels;
  const diff = new Float64Array(keys.length);
  const tot = new Float64Array(keys.length);
  for (let i = 0; i < table.n; i++) {
    const k = r === undefined ? i : r.codes[i];
    diff[k] += table.candidates[a].votes[i] - table.candidates[b].votes[i];
    tot[k] += den[i];
  }
  const margins = new Map<string, number>();
  for (let k = 0; k < keys.length; k++) if (tot[k] > 0) margins.set(keys[k], (100 * diff[k]) / tot[k]);
  return ok({ margins, candidates: [nameA, nameB] });
}

/** Decomposes the late shift of a count view by region levels and, when given, another election. */
export function compositionAt(view: CountView, other?: OtherElection): Result<CompositionSummary> {
  const { final, counted, pair } = view;
  const n = final.n;
  const den = shareDenominator(final);
  const A = final.candidates[pair.a].votes;
  const B = final.candidates[pair.b].votes;
  let eD = 0;
  let eS = 0;
  let lD = 0;
  let lS = 0;
  for (let i = 0; i < n; i++) {
    if (counted[i] === 1) {
      eD += A[i] - B[i];
      eS += den[i];
    } else {
      lD += A[i] - B[i];
      lS += den[i];
    }
  }
  if (!(eS > 0) || !(lS > 0))
    return err({ kind: 'insufficient_data', message: 'both early and late stations need valid votes' });
  const early = (100 * eD) / eS;
  const late = (100 * lD) / lS;
  const shift = late - early;
  const L = final.regions.length;
  // Early margin per area at every level, narrowest fallback first.
  const areaMargin = final.regions.map((r) => {
    const d = new Float64Array(r.labels.length);
    const s = new Float64Array(r.labels.length);
    for (let i = 0; i < n; i++) {
      if (counted[i] === 0) continue;
      d[r.codes[i]] += A[i] - B[i];
      s[r.codes[i]] += den[i];
    }
    return Float64Array.from(d, (v, k) => (s[k] > 0 ? (100 * v) / s[k] : Number.NaN));
  });
  const regions: RegionComposition[] = [];
  for (let l = 0; l < L; l++) {
    let num = 0;
    let wider = 0;
    for (let i = 0; i < n; i++) {
      if (counted[i] === 1) continue;
      let k = l;
      while (k >= 0 && Number.isNaN(areaMargin[k][final.regions[k].codes[i]])) k--;
      if (k < l) wider++;
      num += den[i] * (k < 0 ? early : areaMargin[k][final.regions[k].codes[i]]);
    }
    const expected = num / lS;
    regions.push({
      level: final.regions[l].name,
      expectedLateMargin: expected,
      shareExplained: shift !== 0 ? (expected - early) / shift : 0,
      widerAreaStations: wider,
    });
  }
  let otherElection: OtherElectionComposition | null = null;
  if (other !== undefined) {
    const level = final.regions.find((r) => r.name === other.level);
    if (level === undefined)
      return err({
        kind: 'missing_column',
        column: other.level,
        message: `no region level "${other.level}" to join the other election`,
      });
    const prior = Float64Array.from(level.labels, (lab) => other.marginByKey.get(lab) ?? Number.NaN);
    // Weighted (by denominator) regression of station margin on the other election's site margin, early stations.
    let sw = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    let me = 0;
    let ml = 0;
    let lw = 0;
    let lx = 0;
    let ly = 0;
    for (let i = 0; i < n; i++) {
      const x = prior[level.codes[i]];
      if (Number.isNaN(x) || !(den[i] > 0)) continue;
      const y = (100 * (A[i] - B[i])) / den[i];
      const w = den[i];
      if (counted[i] === 1) {
        me++;
        sw += w;
        sx += w * x;
        sy += w * y;
        sxx += w * x * x;
        sxy += w * x * y;
      } else {
        ml++;
        lw += w;
        lx += w * x;
        ly += w * y;
      }
    }
    const varX = sxx / sw - (sx / sw) ** 2;
    if (me < 3 || ml < 1 || !(varX > 0))
      return err({
        kind: 'insufficient_data',
        message: `too few stations matched to ${other.name} (early ${me}, late ${ml})`,
      });
    const slope = (sxy / sw - (sx / sw) * (sy / sw)) / varX;
    const intercept = sy / sw - slope * (sx / sw);
    const earlyM = sy / sw;
    const lateM = ly / lw;
    const expected = intercept + slope * (lx / lw);
    otherElection = {
      name: other.name,
      matchedEarly: me,
      matchedLate: ml,
      slope,
      intercept,
      earlyMargin: earlyM,
      lateMargin: lateM,
      expectedLateMargin: expected,
      shareExplained: lateM !== earlyM ? (expected - earlyM) / (lateM - earlyM) : 0,
    };
  }
  return ok({ earlyMargin: early, lateMargin: late, shift, lateWeight: lS / (eS + lS), regions, otherElection });
}

/** Options of the registry wrapper: a percentile cutoff on the table's own arrival column. */
export interface CompositionMethodOptions {
  readonly cutoff?: number;
  readonly candidates?: string;
  readonly candidate?: string;
  readonly replicates?: number;
}

/** Share of the late shift explained by the regions late stations come from. */
export const compositionDecomposition: ForensicMethod<CompositionMethodOptions> = {
  id: 'composition_decomposition',
  title: 'Composition decomposition of a late shift',
  family: 'late_count',
  question: 'How much of a late shift comes from where the late stations are rather than from how they voted?',
  reference:
    'Curiel & Williams (2020), MIT Election Data and Science Lab; Idrobo, Kronick & Rodríguez (2022), Journal of Politics 84(4)',
  summary:
    'How much of the late shift is explained by where the late stations are; an unexplained part may be finer geography, not manipulation.',
  requires: ['candidates', 'arrival', 'regions'],
  options: [
    { name: 'cutoff', description: 'percentile of arrival at the cutoff', type: 'number', default: 80 },
    { name: 'candidates', description: 'two candidates "A,B" (default: the top two)', type: 'string', default: '' },
  ],
  run(table, options, _rng): Result<MethodResult[]> {
    const view = buildCountView(
      table,
      { kind: 'percentile', value: options.cutoff ?? 80 },
      splitCandidates(options.candidates),
    );
    if (!view.ok) return view;
    const c = compositionAt(view.value);
    if (!c.ok) return c;
    const narrowest = c.value.regions[c.value.regions.length - 1];
    return ok([
      {
        method: 'composition_decomposition',
        target: `${view.value.pair.nameA} - ${view.value.pair.nameB}`,
        statistic: narrowest ? narrowest.shareExplained : 0,
        statisticName: 'share_of_late_shift_explained_by_narrowest_area',
        pValue: null,
        pValueKind: 'none',
        n: table.n,
        excluded: [],
        details: { ...c.value },
        warnings: view.value.warnings,
      },
    ]);
  },
};
