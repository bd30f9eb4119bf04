/**
 * Election fingerprint (Klimek, Yegorov, Hanel & Thurner, "Statistical detection of systematic
 * election irregularities", PNAS 109(41):16469-16473, 2012): the 2D histogram of stations by turnout
 * and winner share, the picture in which ballot stuffing shows as a smear towards the upper right
 * and extreme fraud as a cluster at 100% / 100%.
 *
 * This method only describes: it returns the histogram (stations and registered voters per cell)
 * and the share of stations and of votes in the extreme corner (turnout and winner share both
 * >= `corner`). No null hypothesis and no p-value; klimek_fraud_model fits a model to the same
 * picture. Innocent reasons for a filled corner: small closed communities (military units,
 * hospitals, remote settlements) that vote near-unanimously with full turnout.
 * Turnout = ballots cast / registered; share = winner votes / the official share denominator.
 */
import type { BaseMethodOptions, ForensicMethod, MethodResult } from '../method.ts';
import { countBin } from '../numeric/binning.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { candidateOrLeaderIndex, type StationTable, shareDenominator } from '../station_table.ts';

/** Options of the fingerprint. */
export interface FingerprintOptions extends BaseMethodOptions {
  /** Bins per axis (default 100: one percentage point). */
  bins?: number;
  /** Lower edge of the extreme corner on both axes (default 0.95). */
  corner?: number;
}

/** The turnout x winner-share histogram of stations, with the extreme-corner share. */
export const electionFingerprintMethod: ForensicMethod<FingerprintOptions> = {
  id: 'election_fingerprint',
  title: 'Election fingerprint: turnout x winner share (Klimek et al.)',
  family: 'fingerprint',
  question: 'Where do stations fall in the turnout by winner-share plane, and do they pile up near 100%?',
  reference:
    'Klimek, P., Yegorov, Y., Hanel, R. & Thurner, S. (2012). Statistical detection of systematic election irregularities. PNAS 109(41), 16469-16473. doi:10.1073/pnas.1210722109',
  summary:
    'The 2D histogram of stations by turnout and winner share; a smear to the upper right or a cluster at 100%/100% is the pattern of stuffing, but closed communities can fill the corner too.',
  requires: ['registered', 'ballotsCast', 'candidates'],
  options: [
    { name: 'candidate', description: 'Winner (default: most votes nationally)', type: 'string', default: '' },
    { name: 'bins', description: 'Bins per axis', type: 'number', default: 100 },
    { name: 'corner', description: 'Extreme corner: turnout and share both >= this', type: 'number', default: 0.95 },
  ],
  run(table: StationTable, options: FingerprintOptions, _rng: Rng): Result<MethodResult[]> {
    const bins = options.bins ?? 100;
    const corner = options.corner ?? 0.95;
    if (!Number.isInteger(bins) || bins < 2 || bins > 1000)
      return err({ kind: 'invalid_options', option: 'bins', message: 'bins must be an integer in [2, 1000]' });
    if (!(corner > 0 && corner <= 1))
      return err({ kind: 'invalid_options', option: 'corner', message: 'corner must be in (0, 1]' });
    if (table.n === 0)
      return err({ kind: 'insufficient_data', message: 'the table has no stations', needed: 1, got: 0 });
    if (table.candidates.length === 0)
      return err({
        kind: 'missing_column',
        column: 'candidates',
        message: 'election_fingerprint needs candidate votes',
      });
    const wi = candidateOrLeaderIndex(table, options.candidate);
    if (wi < 0)
      return err({
        kind: 'invalid_options',
        option: 'candidate',
        message: `no candidate named "${options.candidate}"`,
      });
    const den = shareDenominator(table);
    const w = table.candidates[wi].votes;
    const stations = new Array<number>(bins * bins).fill(0);
    const voters = new Array<number>(bins * bins).fill(0);
    let used = 0;
    let bad = 0;
    let outside = 0;
    let cornerStations = 0;
    let cornerVotes = 0;
    let totalVotes = 0;
    for (let i = 0; i < table.n; i++) {
      const r = table.registered[i];
      const c = table.ballotsCast[i];
      const d = den[i];
      if (!(r > 0 && d > 0 && c >= 0 && w[i] >= 0)) {
        bad++;
        continue;
      }
      const t = c / r;
      const s = w[i] / d;
      if (t > 1 || s > 1) {
        outside++;
        continue;
      }
      const at = countBin(c, r, bins) * bins + countBin(w[i], d, bins);
      stations[at]++;
      voters[at] += r;
      used++;
      totalVotes += w[i];
      if (t >= corner && s >= corner) {
        cornerStations++;
        cornerVotes += w[i];
      }
    }
    if (used === 0)
      return err({ kind: 'insufficient_data', message: 'no station with usable counts', needed: 1, got: 0 });
    const excluded = [
      { reason: 'missing counts, no registered voters or no votes', count: bad },
      { reason: 'turnout or share above 100%', count: outside },
    ].filter((e) => e.count > 0);
    return ok([
      {
        method: 'election_fingerprint',
        target: table.candidates[wi].name,
        region: '',
        statistic: cornerStations / used,
        statisticName: 'extreme_corner_station_share',
        pValue: null,
        pValueKind: 'none',
        n: used,
        excluded,
        details: {
          winner: table.candidates[wi].name,
          bins,
          axes: 'turnout-major: index = turnoutBin * bins + shareBin; bin k covers [k, k+1) / bins, 100% in the last bin',
          stations,
          registered: voters,
          corner,
          cornerStations,
          cornerStationShare: cornerStations / used,
          cornerWinnerVoteShare: totalVotes > 0 ? cornerVotes / totalVotes : 0,
        },
        warnings: [],
      },
    ]);
  },
};
