/**
 * Rozenas spikes: the resampled kernel density (RKD) method for excess coarse vote shares.
 *
 * Detects: more stations than expected reporting a candidate's share exactly at, or within a grid
 * step of, "coarse" values such as 1/2, 3/5, 3/4 (the spikes some falsified counts leave).
 * Null hypothesis: every station's turnout count and vote count come from a mixture of beta-binomial
 * distributions (turnout | registered, votes | turnout); the spikes that small denominators create
 * by arithmetic alone (a station with 4 voters often reports exactly 50 %) are reproduced by
 * resampling each station's counts from the fitted model, and only the observed density mass above
 * the upper envelope (the maximum over R resampled densities) counts as excess.
 * Assumptions: stations are independent given the mixture; the mixture (up to `maxComponents`
 * components, chosen by BIC) fits the latent turnout and support distributions.
 * Innocent reasons it may reject: a real cluster of stations with identical composition; heaping
 * from very small stations the mixture fits badly; a share denominator that is itself rounded.
 * Statistic: the estimated share of stations with excess coarse vote shares; Monte Carlo p-value of
 * that share against the resampled elections (each compared with the envelope of the others);
 * interval: normal approximation to Poisson counts in the flagged grid bins, the flagged set held fixed
 * (the package's confInt instead redraws the mixture parameters and resamples again, 100x the cost).
 * Large tables: above `fullResampleLimit` stations each resample uses a random subset of `subsetSize` stations (at
 * most the limit), shrunk to the full table's noise level (see below and docs/methods/rozenas_spikes.md); up to the
 * limit, every station.
 *
 * Reference: Rozenas, A. (2017). Detecting election fraud from irregularities in vote-share
 * distributions. Political Analysis 25(1): 41-56. R package `spikes` 1.1 (defaults: bw 1e-4, 1001 grid
 * points, 1000 resamples).
 */
import type { BaseMethodOptions, ForensicMethod, MethodResult } from '../method.ts';
import { type BetaBinomialMixture, fitBetaBinomialMixtureBic } from '../numeric/beta_binomial.ts';
import { GridKde } from '../numeric/grid_kde.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';
import {
  ExactDraws,
  makeMixtureSampler,
  pickComponent,
  StationRows,
  StationSubset,
  shrinkTowardMean,
} from './rozenas_sampler.ts';
import { selectStationCounts } from './station_counts.ts';

/** Options of the spikes method. */
export interface RozenasSpikesOptions extends BaseMethodOptions {
  /** Gaussian kernel bandwidth on the share scale. */
  bandwidth?: number;
  /** Number of grid points on [0, 1]. */
  grid?: number;
  /** Maximum number of beta-binomial mixture components (chosen by BIC). */
  maxComponents?: number;
  /** Above this many stations each resample draws a random subset (see the method page). */
  fullResampleLimit?: number;
  /** Stations in each resample's random subset above `fullResampleLimit` (at most the limit). */
  subsetSize?: number;
}

const defaults = {
  replicates: 200,
  bandwidth: 1e-4,
  grid: 1001,
  maxComponents: 3,
  fullResampleLimit: 100_000,
  subsetSize: 50_000,
};
const MIN_STATIONS = 20;

/** Per-grid-point summary of R resamples: envelope (top two maxima) and mean bin proportions. */
interface NullSummary {
  readonly max1: Float64Array;
  readonly max2: Float64Array;
  readonly meanProp: Float64Array;
  readonly densities: Float64Array[];
  readonly props: Float64Array[];
}

function excessShare(
  density: Float64Array,
  prop: Float64Array,
  envelope: (j: number) => number,
  meanProp: (j: number) => number,
): number {
  let s = 0;
  for (let j = 0; j < density.length; j++) {
    if (density[j] > envelope(j)) {
      const w = prop[j] - meanProp(j);
      if (w > 0) s += w;
    }
  }
  return s;
}

function summarise(densities: Float64Array[], props: Float64Array[]): NullSummary {
  const G = densities[0].length;
  const R = densities.length;
  const nul: NullSummary = {
    max1: new Float64Array(G).fill(-Infinity),
    max2: new Float64Array(G).fill(-Infinity),
    meanProp: new Float64Array(G),
    densities,
    props,
  };
  for (let r = 0; r < R; r++) {
    const d = densities[r];
    const p = props[r];
    for (let j = 0; j < G; j++) {
      if (d[j] > nul.max1[j]) {
        nul.max2[j] = nul.max1[j];
        nul.max1[j] = d[j];
      } else if (d[j] > nul.max2[j]) nul.max2[j] = d[j];
      nul.meanProp[j] += p[j] / R;
    }
  }
  return nul;
}

function runSpikes(table: StationTable, options: RozenasSpikesOptions, rng: Rng): Result<MethodResult[]> {
  const R = options.replicates ?? defaults.replicates;
  const h = options.bandwidth ?? defaults.bandwidth;
  const G = options.grid ?? defaults.grid;
  const maxK = options.maxComponents ?? defaults.maxComponents;
  const bad = (option: string, message: string) => err({ kind: 'invalid_options' as const, option, message });
  if (!Number.isInteger(R) || R < 19) return bad('replicates', 'replicates must be an integer >= 19');
  if (!(h > 0 && h < 0.5)) return bad('bandwidth', 'bandwidth must be in (0, 0.5)');
  if (!Number.isInteger(G) || G < 11) return bad('grid', 'grid must be an integer >= 11');
  if (!Number.isInteger(maxK) || maxK < 1 || maxK > 6) return bad('maxComponents', 'maxComponents must be 1..6');
  const limit = options.fullResampleLimit ?? defaults.fullResampleLimit;
  if (!Number.isInteger(limit) || limit < 1000)
    return bad('fullResampleLimit', 'fullResampleLimit must be an integer >= 1000');
  const subsetSize = options.subsetSize ?? defaults.subsetSize;
  if (!Number.isInteger(subsetSize) || subsetSize < 1000)
    return bad('subsetSize', 'subsetSize must be an integer >= 1000');

  const sel = selectStationCounts(table, options.candidate, shareDenominator(table));
  if (!sel.ok) return sel;
  const { registered: Nn, total: T, votes: V, excluded, candidate } = sel.value;
  const m = T.length;
  if (m < MIN_STATIONS)
    return err({
      kind: 'insufficient_data',
      message: `rozenas_spikes needs at least ${MIN_STATIONS} usable stations, got ${m}`,
      needed: MIN_STATIONS,
      got: m,
    });

  const turnoutFit = fitBetaBinomialMixtureBic(T, Nn, maxK);
  const voteFit = fitBetaBinomialMixtureBic(V, T, maxK);
  const st = makeMixtureSampler(turnoutFit, T, Nn);
  const sv = makeMixtureSampler(voteFit, V, T);
  let maxN = 0;
  for (let i = 0; i < m; i++) if (Nn[i] > maxN) maxN = Nn[i];
  const draw = new ExactDraws(rng, maxN);

  const kde = new GridKde(G, h);
  for (let i = 0; i < m; i++) kde.add(V[i] / T[i]);
  const obsDensity = new Float64Array(G);
  kde.densityInto(obsDensity);
  const obsProp = Float64Array.from(kde.binCounts, (c) => c / m);

  // Above the limit each resample draws a random subset of M stations, noisier than a resample of all m by
  // m / M in variance. Each one's deviation from the mean of the R is shrunk by s, s^2 = (M/m + 1/R) / (1 + 1/R),
  // which makes the observed density and the shrunk resamples exchangeable to second order up to a common
  // shift (the observed differs from the mean by its own noise plus the mean's, m / (M R)); s = 1 when M = m.
  const M = m <= limit ? m : Math.min(limit, subsetSize);
  const subset = M < m ? new StationSubset(m, M) : null;
  const rows = new StationRows(Nn, T, V, st, sv);
  const rowValues = rows.values;
  const stride = rows.stride;
  const densities: Float64Array[] = [];
  const props: Float64Array[] = [];
  for (let r = 0; r < R; r++) {
    kde.reset();
    const idx = subset === null ? null : subset.draw(rng);
    for (let a = 0; a < M; a++) {
      const row = (idx === null ? a : idx[a]) * stride;
      const registered = rowValues[row];
      const total = rowValues[row + 1];
      const votes = rowValues[row + 2];
      const kt = pickComponent(rowValues, row + rows.turnoutAt, st.K, rng.uniform());
      const pt = draw.beta(total + st.alpha[kt], registered - total + st.beta[kt]);
      const t = draw.binomial(registered, pt);
      const kv = pickComponent(rowValues, row + rows.voteAt, sv.K, rng.uniform());
      const pv = draw.beta(votes + sv.alpha[kv], total - votes + sv.beta[kv]);
      if (t === 0) continue;
      kde.add(draw.binomial(t, pv) / t);
    }
    const d = new Float64Array(G);
    kde.densityInto(d);
    densities.push(d);
    props.push(Float64Array.from(kde.binCounts, (c) => (kde.count > 0 ? c / kde.count : 0)));
  }
  const shrink = Math.sqrt((M / m + 1 / R) / (1 + 1 / R));
  if (subset !== null) {
    shrinkTowardMean(densities, shrink);
    shrinkTowardMean(props, shrink);
  }
  const nul = summarise(densities, props);

  const fraud = excessShare(
    obsDensity,
    obsProp,
    (j) => nul.max1[j],
    (j) => nul.meanProp[j],
  );
  // The observed and the R resamples are R + 1 exchangeable elections under H0. Each one's excess share is
  // computed against the envelope and mean of the other R (the observed's: the R resamples, as above; a
  // resample's: the other R - 1 and the observed), one function of (itself, the rest) for all R + 1, so their
  // ranks are uniform and p = (1 + #{null >= observed}) / (R + 1) is exact.
  const pooled = summarise([obsDensity, ...nul.densities], [obsProp, ...nul.props]);
  let atLeast = 0;
  const nullFraud = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    const d = nul.densities[r];
    const p = nul.props[r];
    nullFraud[r] = excessShare(
      d,
      p,
      (j) => (d[j] === pooled.max1[j] ? pooled.max2[j] : pooled.max1[j]),
      (j) => ((R + 1) * pooled.meanProp[j] - p[j]) / R,
    );
    if (nullFraud[r] >= fraud - 1e-12) atLeast++;
  }
  const pValue = (1 + atLeast) / (R + 1);

  // Poisson interval on the excess counts of the flagged grid points (the flagged set held fixed).
  let flaggedObserved = 0;
  for (let j = 0; j < G; j++)
    if (obsDensity[j] > nul.max1[j] && obsProp[j] > nul.meanProp[j]) flaggedObserved += obsProp[j];
  const half = (1.959963984540054 * Math.sqrt(flaggedObserved * m)) / m;
  const interval = [Math.max(0, fraud - half), fraud + half];

  const flagged: { share: number; observedDensity: number; envelope: number; excessShare: number }[] = [];
  for (let j = 0; j < G; j++) {
    const w = obsProp[j] - nul.meanProp[j];
    if (obsDensity[j] > nul.max1[j] && w > 0)
      flagged.push({ share: j / (G - 1), observedDensity: obsDensity[j], envelope: nul.max1[j], excessShare: w });
  }
  flagged.sort((a, b) => b.excessShare - a.excessShare || a.share - b.share);
  const sortedNull = Float64Array.from(nullFraud).sort();
  const describe = (fit: BetaBinomialMixture) => ({
    components: fit.components.map((c) => ({ weight: c.weight, alpha: c.alpha, beta: c.beta })),
    logLik: fit.logLik,
    bic: fit.bic,
    iterations: fit.iterations,
    converged: fit.converged,
  });
  const warnings: string[] = [];
  if (R < 1000) warnings.push(`${R} resamples (the spikes package uses 1000); the envelope is the maximum over them`);
  if (subset !== null)
    warnings.push(
      `each resample draws ${M} of the ${m} stations at random (fullResampleLimit); its deviation from the mean ` +
        `resampled density is shrunk by ${shrink.toFixed(4)} to the scale of all ${m} stations`,
    );
  const subsetDetails = subset === null ? {} : { resampledStationsPerReplicate: M, nullShrinkFactor: shrink };
  return ok([
    {
      method: 'rozenas_spikes',
      target: candidate,
      statistic: fraud,
      statisticName: 'excess_coarse_share',
      pValue,
      pValueKind: 'monte_carlo',
      n: m,
      excluded,
      details: {
        fraudShare: fraud,
        // Chance exceedances of the envelope add a positive bias; its size under H0 is the resamples' mean.
        fraudShareBiasCorrected: Math.max(0, fraud - mean(nullFraud)),
        excessStations: fraud * m,
        interval,
        intervalKind: 'poisson_flagged_bins',
        nullFraudShare: { mean: mean(nullFraud), q95: quantileSorted(sortedNull, 0.95), max: sortedNull[R - 1] },
        flagged: flagged.slice(0, 50),
        flaggedCount: flagged.length,
        bandwidth: h,
        grid: G,
        turnoutModel: describe(turnoutFit),
        voteModel: describe(voteFit),
        ...subsetDetails,
      },
      warnings,
      replicates: R,
    },
  ]);
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.length > 0 ? s / x.length : 0;
}

/** Rozenas (2017) resampled kernel density test for excess coarse vote shares. */
export const rozenasSpikesMethod: ForensicMethod<RozenasSpikesOptions> = {
  id: 'rozenas_spikes',
  title: 'Coarse vote-share spikes (Rozenas resampled kernel density)',
  family: 'integer_percent',
  question: 'Are there more stations at coarse vote-share fractions (1/2, 2/3, 3/4...) than resampled counts give?',
  reference:
    'Rozenas, A. (2017). Detecting election fraud from irregularities in vote-share distributions. Political Analysis 25(1): 41-56.',
  summary:
    'An excess of stations at coarse shares (1/2, 3/5, ...) beyond what small denominators produce may indicate written-in results; clusters of identical small stations can produce it innocently.',
  requires: ['registered', 'valid', 'candidates'],
  options: [
    {
      name: 'candidate',
      description: 'candidate whose share is examined (default: national leader)',
      type: 'string',
      default: '',
    },
    {
      name: 'replicates',
      description: 'resampled elections forming the null envelope',
      type: 'number',
      default: defaults.replicates,
    },
    {
      name: 'bandwidth',
      description: 'Gaussian kernel bandwidth (share scale)',
      type: 'number',
      default: defaults.bandwidth,
    },
    { name: 'grid', description: 'grid points on [0, 1]', type: 'number', default: defaults.grid },
    {
      name: 'maxComponents',
      description: 'maximum beta-binomial mixture components (BIC)',
      type: 'number',
      default: defaults.maxComponents,
    },
    {
      name: 'fullResampleLimit',
      description: 'above this many stations, each resample uses a random subset (of subsetSize stations)',
      type: 'number',
      default: defaults.fullResampleLimit,
    },
    {
      name: 'subsetSize',
      description: 'stations per resample above fullResampleLimit (at most the limit)',
      type: 'number',
      default: defaults.subsetSize,
    },
  ],
  run: runSpikes,
};
