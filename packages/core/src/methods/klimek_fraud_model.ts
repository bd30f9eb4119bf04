/**
 * Klimek et al. fraud model (Klimek, Yegorov, Hanel & Thurner, "Statistical detection of
 * systematic election irregularities", PNAS 109(41):16469-16473, 2012).
 *
 * What it estimates: the fractions of stations with incremental fraud (fi: a share x of non-voters
 * added to the winner and x^alpha of the opponents' votes moved to the winner, x ~ |N(0, theta)|) and
 * with extreme fraud (fe: x close to 1, 1 - x ~ |N(0, 0.075)|), by fitting the whole 2D histogram of
 * turnout (valid votes / registered) x winner share (of valid votes).
 * Fair model: turnout and winner share are independent normals whose means are the modes of their
 * distributions and whose SDs come from the left (low) side of each peak, where fraud does not reach.
 * Assumptions: one clean peak in each margin; manipulation only moves stations up and to the right.
 * Innocent reasons for fi, fe > 0: genuine turnout-support correlation (regional or urban-rural
 * differences, mobilised groups), several peaks from heterogeneous regions, small or closed
 * stations with very high turnout and unanimity (military units, hospitals, remote settlements).
 * The fractions are estimates under this model, not counts of manipulated stations.
 * Differences from the R port of the Klimek code (EFToolkit ComputeKlimekModel): that port fits
 * the 1D winner-share histogram on 48 grid points by simulating each point; here the expected 2D
 * histogram is exactly linear in (fi, fe), so three simulated component histograms give the exact
 * continuous least-squares fit, with theta chosen on a grid of 12 values (0.075 to 0.6).
 */
import type { BaseMethodOptions, ForensicMethod, MethodResult } from '../method.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { candidateOrLeaderIndex, type StationTable } from '../station_table.ts';
import { fitAll, fitKlimek, SEARCH_SEED, THETAS } from './klimek_fit.ts';
import { binIndex, deposit, type KlimekData } from './klimek_model.ts';
import { logVoteRateKurtosis } from './klimek_vote_rate.ts';

/** Options of the Klimek fraud model. */
export interface KlimekOptions extends BaseMethodOptions {
  /** Bins per axis of the fitted 2D histogram (default 50: 2-point bins). */
  bins?: number;
  /** Simulated draws per station for each component histogram (default 6). */
  draws?: number;
  /** Exponent of vote stealing: x^alpha of the opponents' votes move to the winner (default 1). */
  alpha?: number;
  /** The fair modes are searched at values <= maxMode (default 0.85). */
  maxMode?: number;
  /** Stations with fewer registered voters are left out (default 0: none; the paper uses 100). */
  minVoters?: number;
}

/** Bins per axis of the fingerprint histogram in details (1-point bins). */
const FINGERPRINT_BINS = 100;

/** Station indices drawn per batch in the bootstrap. */
const RESAMPLE_BATCH = 8192;

/**
 * Stations as the bootstrap reads them, in one array so that a random station costs one cache
 * line: (registered, valid, winner) as 16-bit integers when every count is an integer below 2^16,
 * which recomputes turnout and share exactly and is a third of the size; else (turnout, share).
 */
function packStations(d: KlimekData): Uint16Array | Float64Array {
  const count = d.registered.length;
  let small = true;
  for (let i = 0; i < count && small; i++) small = Number.isInteger(d.registered[i]) && d.registered[i] < 65536;
  for (let i = 0; i < count && small; i++) small = Number.isInteger(d.valid[i]) && Number.isInteger(d.winner[i]);
  if (small) {
    const counts = new Uint16Array(3 * count);
    for (let i = 0; i < count; i++) {
      counts[3 * i] = d.registered[i];
      counts[3 * i + 1] = d.valid[i];
      counts[3 * i + 2] = d.winner[i];
    }
    return counts;
  }
  const rates = new Float64Array(2 * count);
  for (let i = 0; i < count; i++) {
    rates[2 * i] = d.valid[i] / d.registered[i];
    rates[2 * i + 1] = d.winner[i] / d.valid[i];
  }
  return rates;
}

/**
 * One bootstrap histogram: stationCount stations drawn with replacement, deposited in draw order. A batch of
 * indices is drawn, then its stations are gathered, then deposited with weight 1:
 * short loops keep many random reads in flight. The draws and the order of the additions are those
 * of one draw-and-deposit loop, so the histogram is the same to the last bit.
 */
function resampleHistogram(
  out: Float64Array,
  stations: Uint16Array | Float64Array,
  stationCount: number,
  bins: number,
  rng: Rng,
  picks: Int32Array,
  gathered: Float64Array,
): void {
  out.fill(0);
  for (let start = 0; start < stationCount; start += picks.length) {
    const batch = Math.min(picks.length, stationCount - start);
    for (let k = 0; k < batch; k++) picks[k] = rng.int(stationCount);
    if (stations instanceof Uint16Array) {
      for (let k = 0; k < batch; k++) {
        const first = 3 * picks[k];
        const valid = stations[first + 1];
        gathered[2 * k] = valid / stations[first];
        gathered[2 * k + 1] = stations[first + 2] / valid;
      }
    } else {
      for (let k = 0; k < batch; k++) {
        const first = 2 * picks[k];
        gathered[2 * k] = stations[first];
        gathered[2 * k + 1] = stations[first + 1];
      }
    }
    for (let k = 0; k < batch; k++) deposit(out, gathered[2 * k], gathered[2 * k + 1], bins, 1);
  }
}

function interval(values: Float64Array): [number, number] {
  const s = Float64Array.from(values).sort();
  return [quantileSorted(s, 0.025), quantileSorted(s, 0.975)];
}

function sd(values: Float64Array): number {
  let mean = 0;
  for (const value of values) mean += value;
  mean /= values.length;
  let sumOfSquares = 0;
  for (const value of values) sumOfSquares += (value - mean) ** 2;
  return Math.sqrt(sumOfSquares / Math.max(1, values.length - 1));
}

/** Klimek et al.'s incremental and extreme fraud fractions, fitted to the turnout x share histogram. */
export const klimekFraudModelMethod: ForensicMethod<KlimekOptions> = {
  id: 'klimek_fraud_model',
  title: 'Election fingerprint fraud model (Klimek et al.)',
  family: 'fingerprint',
  question: "What share of stations does Klimek's model put in incremental or extreme ballot stuffing?",
  reference:
    'Klimek, P., Yegorov, Y., Hanel, R. & Thurner, S. (2012). Statistical detection of systematic election irregularities. PNAS 109(41), 16469-16473. doi:10.1073/pnas.1210722109',
  summary:
    'Fractions of stations whose turnout and winner share look pushed up (incremental) or to ~100% (extreme) relative to a fair two-peak model; genuine turnout-support correlation also produces them.',
  requires: ['registered', 'valid', 'candidates'],
  options: [
    { name: 'candidate', description: 'Winner (default: most votes nationally)', type: 'string', default: '' },
    {
      name: 'replicates',
      description: 'Bootstrap replicates for the intervals',
      type: 'number',
      default: 100,
      integer: true,
      min: 2,
    },
    {
      name: 'bins',
      description: 'Bins per axis of the fitted histogram',
      type: 'number',
      default: 50,
      integer: true,
      min: 5,
      max: 200,
    },
    {
      name: 'draws',
      description: 'Simulated draws per station per component',
      type: 'number',
      default: 6,
      integer: true,
      min: 1,
      max: 50,
    },
    {
      name: 'alpha',
      description:
        "Vote-stealing exponent: x^alpha of the opponents' votes move to the winner (the paper: 2.3 for 2011, 1.5 for 2012)",
      type: 'number',
      default: 1,
      min: 0.01,
      max: 10,
    },
    {
      name: 'maxMode',
      description: 'Search the fair modes at values <= this',
      type: 'number',
      default: 0.85,
      min: 0.01,
      max: 1,
    },
    {
      name: 'minVoters',
      description: 'Leave out stations with fewer registered voters (the paper uses 100)',
      type: 'number',
      default: 0,
      integer: true,
      min: 0,
    },
  ],
  run(table: StationTable, options: KlimekOptions, rng: Rng): Result<MethodResult[]> {
    const B = options.replicates ?? 100;
    const bins = options.bins ?? 50;
    const draws = options.draws ?? 6;
    const alpha = options.alpha ?? 1;
    const maxMode = options.maxMode ?? 0.85;
    const minVoters = options.minVoters ?? 0;
    const bad = (option: string, message: string) => err({ kind: 'invalid_options' as const, option, message });
    if (!Number.isInteger(B) || B < 2) return bad('replicates', 'replicates must be an integer >= 2');
    if (!Number.isInteger(bins) || bins < 5 || bins > 200) return bad('bins', 'bins must be an integer in [5, 200]');
    if (!Number.isInteger(draws) || draws < 1 || draws > 50) return bad('draws', 'draws must be an integer in [1, 50]');
    if (!(alpha > 0 && alpha <= 10)) return bad('alpha', 'alpha must be in (0, 10]');
    if (!(maxMode > 0 && maxMode <= 1)) return bad('maxMode', 'maxMode must be in (0, 1]');
    if (!(Number.isInteger(minVoters) && minVoters >= 0)) return bad('minVoters', 'minVoters must be an integer >= 0');
    if (table.n === 0)
      return err({ kind: 'insufficient_data', message: 'the table has no stations', needed: 1, got: 0 });
    if (table.candidates.length === 0)
      return err({ kind: 'missing_column', column: 'candidates', message: 'klimek_fraud_model needs candidate votes' });
    const wi = candidateOrLeaderIndex(table, options.candidate);
    if (wi < 0) return bad('candidate', `no candidate named "${options.candidate}"`);

    const winnerVotes = table.candidates[wi].votes;
    const keep: number[] = [];
    let missing = 0;
    let empty = 0;
    let impossible = 0;
    let small = 0;
    for (let i = 0; i < table.n; i++) {
      const r = table.registered[i];
      const v = table.valid[i];
      const w = winnerVotes[i];
      if (!(Number.isFinite(r) && Number.isFinite(v) && Number.isFinite(w) && r >= 0 && v >= 0 && w >= 0)) missing++;
      else if (r === 0 || v === 0) empty++;
      else if (v > r || w > v) impossible++;
      else if (r < minVoters) small++;
      else keep.push(i);
    }
    const excluded = [
      { reason: 'missing or negative counts', count: missing },
      { reason: 'no registered voters or no valid votes', count: empty },
      { reason: 'valid votes above registered or winner above valid', count: impossible },
      { reason: `fewer than ${minVoters} registered voters (minVoters)`, count: small },
    ].filter((e) => e.count > 0);
    const m = keep.length;
    if (m < 50) return err({ kind: 'insufficient_data', message: 'fewer than 50 usable stations', needed: 50, got: m });
    const data: KlimekData = {
      registered: Float64Array.from(keep, (i) => table.registered[i]),
      valid: Float64Array.from(keep, (i) => table.valid[i]),
      winner: Float64Array.from(keep, (i) => winnerVotes[i]),
    };
    const fitted = fitKlimek(data, { alpha, bins, draws, maxMode }, SEARCH_SEED);
    if (fitted === undefined)
      return err({ kind: 'degenerate_input', message: 'no spread below the turnout or share peak' });
    const { start, observed, fair, comps, fit, evaluations, peaks, candidateDistances, rankedStations } = fitted;

    // Station bootstrap: resample stations, refit with the same fair parameters and components.
    const stations = packStations(data);
    const fiBoot = new Float64Array(B);
    const feBoot = new Float64Array(B);
    const resampled = new Float64Array(bins * bins);
    const picks = new Int32Array(Math.min(m, RESAMPLE_BATCH));
    const gathered = new Float64Array(2 * picks.length);
    for (let r = 0; r < B; r++) {
      resampleHistogram(resampled, stations, m, bins, rng, picks, gathered);
      const f = fitAll(resampled, comps);
      fiBoot[r] = f.fi;
      feBoot[r] = f.fe;
    }

    const expected = new Array<number>(bins * bins);
    const inc = comps.incremental[fit.thetaIndex];
    for (let b = 0; b < bins * bins; b++)
      expected[b] = comps.fair[b] + fit.fi * (inc[b] - comps.fair[b]) + fit.fe * (comps.extreme[b] - comps.fair[b]);
    const fingerprint = new Array<number>(FINGERPRINT_BINS * FINGERPRINT_BINS).fill(0);
    for (let j = 0; j < m; j++)
      fingerprint[binIndex(data.valid[j] / data.registered[j], data.winner[j] / data.valid[j], FINGERPRINT_BINS)]++;

    const warnings: string[] = [];
    if (fit.thetaIndex === THETAS.length - 1)
      warnings.push(`the incremental-fraud intensity theta is at the top of its grid (${THETAS[THETAS.length - 1]})`);
    if (fit.fi + fit.fe > 0.5)
      warnings.push('more than half the stations are fitted as manipulated; the fair peaks may be misplaced');
    return ok([
      {
        method: 'klimek_fraud_model',
        target: table.candidates[wi].name,
        region: '',
        statistic: fit.fi + fit.fe,
        statisticName: 'fraud_fraction',
        pValue: null,
        pValueKind: 'none',
        n: m,
        excluded,
        details: {
          winner: table.candidates[wi].name,
          fi: fit.fi,
          fe: fit.fe,
          fiInterval95: interval(fiBoot),
          feInterval95: interval(feBoot),
          fiSd: sd(fiBoot),
          feSd: sd(feBoot),
          theta: fit.theta,
          alpha,
          distance: fit.distance,
          fair: { ...fair },
          fairFromModes: { ...start },
          fairEvaluations: evaluations,
          fairPeaks: peaks,
          fairCandidateDistances: candidateDistances,
          // Only on tables ranked on a subsample (above RANK_STATIONS): the stations each candidate was simulated for.
          ...(rankedStations < m ? { fairRankStations: rankedStations } : {}),
          logVoteRate: logVoteRateKurtosis(data.valid, data.winner),
          minVoters,
          histogramBins: bins,
          draws,
          observedHistogram: Array.from(observed),
          modelHistogram: expected,
          fingerprint: {
            bins: FINGERPRINT_BINS,
            axes: 'turnout-major: index = turnoutBin * bins + shareBin; bin k covers [k, k+1) / bins',
            counts: fingerprint,
          },
        },
        warnings,
        replicates: B,
      },
    ]);
  },
};
