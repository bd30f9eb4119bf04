/**
 * Clean-peak excess votes (Shpilkin's method; the nonparametric 1D method of the Election Forensics
 * Toolkit, Kalinin & Mebane, `NonparamElectionForensics(grid_type = "1D")`). References:
 * Shpilkin, S. (2009). Statistical investigation of the results of Russian elections in 2007-2009.
 * Troitsky Variant 21(40):2-4; Kobak, Shpilkin & Pshenichnikov (2016), Significance 13(4):20-23.
 *
 * What it estimates: how many of the leader's votes exceed what the "clean" part of the election
 * predicts. Valid votes are binned by station turnout; the clean turnout is the mode of the
 * (smoothed) votes-by-turnout histogram below `maxTurnout`. Stations at or below the mode define the
 * clean ratio k = leader votes / other candidates' votes. Above the mode, the other candidates' votes
 * are taken as genuine, so the leader's genuine votes there are k x others; the excess is
 * sum over stations above the mode of (leader - k x others).
 * Null model: turnout and the leader's share vary independently across stations, so the leader/other
 * ratio does not change with turnout and the excess is zero up to sampling noise. The simulation SD
 * resamples stations with replacement and reruns everything, including the mode.
 * Innocent reasons for a positive excess: the leader's support really grows with turnout (places
 * that favour one side also vote more: regional, rural-urban, ethnic, institutional voting); a
 * turnout distribution that is not unimodal. A negative excess means the model does not fit; the
 * EFT's own documented examples return negative totals (-15.7 million votes for Russia 2000 with its
 * 2D grid). The result is an estimate under a model, never a count of falsified votes.
 */

import type { BaseMethodOptions, ForensicMethod, MethodResult } from '../method.ts';
import { countBin, fractionBin } from '../numeric/binning.ts';
import { log10NormalUpperTail, normalUpperTail } from '../numeric/distributions.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { candidateOrLeaderIndex, type StationTable } from '../station_table.ts';
import { type CleanPeakBins, makeCleanPeakResampler } from './clean_peak_excess_resample.ts';

/** Options of the clean-peak excess estimate. */
export interface CleanPeakOptions extends BaseMethodOptions {
  /** Turnout bin width as a fraction (default 0.01 = one percentage point). */
  binWidth?: number;
  /** Moving-average window, in bins, for finding the mode (odd; default 5 as in the EFT). */
  window?: number;
  /** The clean mode is searched at turnout <= maxTurnout (default 0.8, the EFT's MaxThreshold). */
  maxTurnout?: number;
}

/** Estimate from bin sums: mode bin, clean ratio, excess votes. Null when the model has no clean part. */
export function cleanPeakFromBins(
  bins: CleanPeakBins,
  window: number,
  maxBin: number,
): { mode: number; ratio: number; excess: number } | null {
  const binCount = bins.votes.length;
  const half = (window - 1) / 2;
  let mode = -1;
  let best = -1;
  for (let bin = 0; bin <= maxBin && bin < binCount; bin++) {
    let windowVotes = 0;
    for (let neighbour = bin - half; neighbour <= bin + half; neighbour++)
      if (neighbour >= 0 && neighbour < binCount) windowVotes += bins.votes[neighbour];
    if (windowVotes > best) {
      best = windowVotes;
      mode = bin;
    }
  }
  if (mode < 0 || best <= 0) return null;
  let leaderBelow = 0;
  let othersBelow = 0;
  for (let bin = 0; bin <= mode; bin++) {
    leaderBelow += bins.leader[bin];
    othersBelow += bins.others[bin];
  }
  if (othersBelow <= 0) return null;
  const ratio = leaderBelow / othersBelow;
  let excess = 0;
  for (let bin = mode + 1; bin < binCount; bin++) excess += bins.leader[bin] - ratio * bins.others[bin];
  return { mode, ratio, excess };
}

function emptyBins(binCount: number): CleanPeakBins {
  return { votes: new Float64Array(binCount), leader: new Float64Array(binCount), others: new Float64Array(binCount) };
}

/** Shpilkin's clean-peak excess votes with a station-bootstrap SD. */
export const cleanPeakExcessMethod: ForensicMethod<CleanPeakOptions> = {
  id: 'clean_peak_excess',
  title: 'Clean-peak excess votes (Shpilkin)',
  family: 'turnout_excess',
  question: 'How many votes lie beyond the shape of the clean turnout peak?',
  reference:
    'Shpilkin, S. (2009). Statistical investigation of the results of Russian elections in 2007-2009. Troitsky Variant 21(40), 2-4; Kalinin, K. & Mebane, W. Election Forensics Toolkit (EFToolkit), NonparamElectionForensics.',
  summary:
    'Leader votes above what the leader/others ratio at the clean turnout peak predicts; positive when ballots were added at high turnout, but also when support genuinely rises with turnout.',
  requires: ['registered', 'ballotsCast', 'valid', 'candidates'],
  options: [
    {
      name: 'candidate',
      description: 'Leader candidate (default: most votes nationally)',
      type: 'string',
      default: '',
    },
    { name: 'replicates', description: 'Bootstrap replicates for the SD', type: 'number', default: 100 },
    { name: 'binWidth', description: 'Turnout bin width (fraction)', type: 'number', default: 0.01 },
    { name: 'window', description: 'Smoothing window in bins (odd)', type: 'number', default: 5 },
    { name: 'maxTurnout', description: 'Search the clean mode at turnout <= this', type: 'number', default: 0.8 },
  ],
  run(table: StationTable, options: CleanPeakOptions, rng: Rng): Result<MethodResult[]> {
    const B = options.replicates ?? 100;
    const binWidth = options.binWidth ?? 0.01;
    const window = options.window ?? 5;
    const maxTurnout = options.maxTurnout ?? 0.8;
    if (!Number.isInteger(B) || B < 2)
      return err({ kind: 'invalid_options', option: 'replicates', message: 'replicates must be an integer >= 2' });
    if (!(binWidth > 0 && binWidth <= 0.1 && Math.abs(1 / binWidth - Math.round(1 / binWidth)) < 1e-6))
      return err({
        kind: 'invalid_options',
        option: 'binWidth',
        message: 'binWidth must be 1/n for a whole number n >= 10 (bins that tile [0, 1])',
      });
    if (!Number.isInteger(window) || window < 1 || window % 2 === 0)
      return err({ kind: 'invalid_options', option: 'window', message: 'window must be an odd integer >= 1' });
    if (!(maxTurnout > 0 && maxTurnout <= 1))
      return err({ kind: 'invalid_options', option: 'maxTurnout', message: 'maxTurnout must be in (0, 1]' });
    if (table.n === 0)
      return err({ kind: 'insufficient_data', message: 'the table has no stations', needed: 1, got: 0 });
    if (table.candidates.length < 2)
      return err({
        kind: 'missing_column',
        column: 'candidates',
        message: 'clean_peak_excess needs two or more candidates',
      });
    const leaderIndex = candidateOrLeaderIndex(table, options.candidate);
    if (leaderIndex < 0)
      return err({
        kind: 'invalid_options',
        option: 'candidate',
        message: `no candidate named "${options.candidate}"`,
      });

    const binCount = Math.round(1 / binWidth);
    const leaderVotes = table.candidates[leaderIndex].votes;
    const stationBin = new Int32Array(table.n);
    const stationLeader = new Float64Array(table.n);
    const stationOthers = new Float64Array(table.n);
    let used = 0;
    let missing = 0;
    let noVotes = 0;
    let impossible = 0;
    const bins = emptyBins(binCount);
    let sumRegistered = 0;
    let sumCast = 0;
    for (let i = 0; i < table.n; i++) {
      const registered = table.registered[i];
      const cast = table.ballotsCast[i];
      const valid = table.valid[i];
      const leader = leaderVotes[i];
      if (![registered, cast, valid, leader].every((value) => Number.isFinite(value) && value >= 0)) missing++;
      else if (registered <= 0 || valid <= 0) noVotes++;
      else if (cast > registered || leader > valid) impossible++;
      else {
        const bin = countBin(cast, registered, binCount);
        stationBin[used] = bin;
        stationLeader[used] = leader;
        stationOthers[used] = valid - leader;
        used++;
        bins.votes[bin] += valid;
        bins.leader[bin] += leader;
        bins.others[bin] += valid - leader;
        sumRegistered += registered;
        sumCast += cast;
      }
    }
    const excluded = [
      { reason: 'missing or negative counts', count: missing },
      { reason: 'no registered voters or no valid votes', count: noVotes },
      { reason: 'ballots cast above registered or leader above valid', count: impossible },
    ].filter((entry) => entry.count > 0);
    if (used < 2)
      return err({ kind: 'insufficient_data', message: 'fewer than 2 usable stations', needed: 2, got: used });
    const maxBin = (maxTurnout >= 1 ? binCount : fractionBin(maxTurnout, binCount)) - 1;
    const estimate = cleanPeakFromBins(bins, window, maxBin);
    if (estimate === null)
      return err({ kind: 'degenerate_input', message: 'no votes for other candidates at or below a turnout peak' });

    const replicates = new Float64Array(B);
    let failed = 0;
    const resampled = emptyBins(binCount);
    const resample = makeCleanPeakResampler(
      stationBin.subarray(0, used),
      stationLeader.subarray(0, used),
      stationOthers.subarray(0, used),
    );
    for (let replicate = 0; replicate < B; replicate++) {
      resample(rng, resampled);
      const replicateEstimate = cleanPeakFromBins(resampled, window, maxBin);
      if (replicateEstimate === null) failed++;
      replicates[replicate] = replicateEstimate === null ? Number.NaN : replicateEstimate.excess;
    }
    const finite = Float64Array.from(replicates.filter((value) => !Number.isNaN(value))).sort();
    let mean = 0;
    for (const value of finite) mean += value;
    mean /= finite.length;
    let sumOfSquares = 0;
    for (const value of finite) sumOfSquares += (value - mean) ** 2;
    const sd = Math.sqrt(sumOfSquares / Math.max(1, finite.length - 1));
    let totalLeader = 0;
    let totalValid = 0;
    for (let bin = 0; bin < binCount; bin++) {
      totalLeader += bins.leader[bin];
      totalValid += bins.votes[bin];
    }
    const warnings: string[] = [];
    if (estimate.excess < 0)
      warnings.push(
        'negative excess: the leader/others ratio falls with turnout, so the clean-peak model does not fit',
      );
    if (estimate.mode >= maxBin - Math.floor(window / 2))
      warnings.push('the clean mode sits at the edge of the search range (maxTurnout); the estimate depends on it');
    if (failed > 0) warnings.push(`${failed} bootstrap replicates had no clean part and were left out`);
    // A Wald z with a bootstrap standard error, referred to the normal: an asymptotic p. Beyond z ≈ 37.5 the
    // normal tail underflows; the p is then floored at the smallest positive double (an upper bound on the
    // true tail) and log10PValue gives its size.
    const z = sd > 0 ? estimate.excess / sd : null;
    const pValue = z === null ? null : Math.max(Number.MIN_VALUE, normalUpperTail(z));
    return ok([
      {
        method: 'clean_peak_excess',
        target: table.candidates[leaderIndex].name,
        region: '',
        statistic: estimate.excess,
        statisticName: 'excess_votes',
        pValue,
        pValueKind: pValue === null ? 'none' : 'asymptotic',
        n: used,
        excluded,
        details: {
          leader: table.candidates[leaderIndex].name,
          excessVotes: estimate.excess,
          sd,
          z,
          log10PValue: z === null ? null : log10NormalUpperTail(z),
          interval95: [quantileSorted(finite, 0.025), quantileSorted(finite, 0.975)],
          excessShareOfLeaderVotes: estimate.excess / totalLeader,
          excessShareOfValidVotes: estimate.excess / totalValid,
          cleanTurnout: (estimate.mode + 0.5) * binWidth,
          cleanLeaderShare: estimate.ratio / (1 + estimate.ratio),
          officialTurnout: sumCast / sumRegistered,
          officialLeaderShare: totalLeader / totalValid,
          binWidth,
          window,
          maxTurnout,
          bins: {
            turnoutLower: Array.from({ length: binCount }, (_, bin) => Math.round(bin * binWidth * 1e9) / 1e9),
            votes: Array.from(bins.votes),
            leader: Array.from(bins.leader),
            others: Array.from(bins.others),
          },
        },
        warnings,
        replicates: B,
      },
    ]);
  },
};
