/**
 * Numerics of the Klimek et al. fraud model (Klimek, Yegorov, Hanel & Thurner, "Statistical
 * detection of systematic election irregularities", PNAS 109(41):16469-16473, 2012): the 2D
 * turnout x winner-share histogram, the fair-election parameters, the simulated component
 * histograms, and the least-squares fit of the fraud fractions.
 *
 * Under the model each station is independently fair (probability 1 - fi - fe), incrementally
 * manipulated (fi) or extremely manipulated (fe). The expected histogram is therefore exactly
 * linear in (fi, fe): E = C + fi (I - C) + fe (X - C), where C, I and X are the expected histograms
 * of the stations when all are fair, all incremental, all extreme. We simulate C, I, X once (with
 * common random numbers) and fit (fi, fe) on a 0.001 grid over the whole simplex in O(1) per point.
 */
import { fractionBin } from '../numeric/binning.ts';
import type { Rng } from '../rng.ts';

/** Stations the model sees: registered voters, valid votes, winner votes (all finite, 0 < valid <= registered). */
export interface KlimekData {
  readonly registered: Float64Array;
  readonly valid: Float64Array;
  readonly winner: Float64Array;
}

/** Fair-election parameters estimated from the data. */
export interface FairParameters {
  /** Mode of turnout (valid / registered) and the SD of station rates around it, binomial noise removed. */
  readonly turnoutMode: number;
  readonly turnoutSd: number;
  /** Mode of the winner's share of valid votes and the SD of station rates around it, binomial noise removed. */
  readonly shareMode: number;
  readonly shareSd: number;
}

/**
 * Fair parameters for given peak positions: the RMS distance to the peak of the stations below it,
 * minus the binomial counting variance of those stations (p(1-p)/n), so that simulated stations,
 * which get binomial noise again, have the observed spread. Small stations have noisier rates; a
 * model without this would see their wide tails as fraud.
 */
export function fairAt(d: KlimekData, turnoutMode: number, shareMode: number): FairParameters {
  let st = 0;
  let nt = 0;
  let bt = 0;
  let ss = 0;
  let ns = 0;
  let bs = 0;
  for (let i = 0; i < d.valid.length; i++) {
    const t = d.valid[i] / d.registered[i];
    const s = d.winner[i] / d.valid[i];
    if (t < turnoutMode) {
      st += (t - turnoutMode) ** 2;
      bt += (turnoutMode * (1 - turnoutMode)) / d.registered[i];
      nt++;
    }
    if (s < shareMode) {
      ss += (s - shareMode) ** 2;
      bs += (shareMode * (1 - shareMode)) / d.valid[i];
      ns++;
    }
  }
  const latent = (sum: number, noise: number, k: number) =>
    k === 0 ? 0 : Math.sqrt(Math.max(0.04 * (sum / k), (sum - noise) / k));
  return { turnoutMode, turnoutSd: latent(st, bt, nt), shareMode, shareSd: latent(ss, bs, ns) };
}

/** Index of a (turnout, share) pair in a bins x bins histogram. */
export function binIndex(turnout: number, share: number, bins: number): number {
  const bt = fractionBin(Math.min(1, Math.max(0, turnout)), bins);
  const bs = fractionBin(Math.min(1, Math.max(0, share)), bins);
  return bt * bins + bs;
}

/** Where a point lands in a bins x bins histogram: its top-left bin and the weights of the four bins around it. */
export interface BilinearFootprint {
  /** Index of the top-left bin (turnout-major). */
  at: number;
  /** Weights of the bins (turnout, share), (turnout, share + 1), (turnout + 1, share), (turnout + 1, share + 1). */
  low: number;
  lowUp: number;
  upLow: number;
  up: number;
}

/** An empty footprint to be filled by `bilinearFootprint`. */
export function newFootprint(): BilinearFootprint {
  return { at: 0, low: 0, lowUp: 0, upLow: 0, up: 0 };
}

/**
 * Splits `weight` for the point (turnout, share) over the four bins around it, bilinearly in the
 * distance to their centres ("cloud in cell"), into `footprint`. The histogram then moves
 * continuously with the model's parameters instead of jumping whenever a simulated station crosses
 * a bin edge, which is what lets the fair peaks be refined by a local search.
 */
export function bilinearFootprint(
  turnout: number,
  share: number,
  bins: number,
  weight: number,
  footprint: BilinearFootprint,
): void {
  let x = turnout * bins - 0.5;
  let y = share * bins - 0.5;
  if (x < 0) x = 0;
  if (y < 0) y = 0;
  if (x > bins - 1) x = bins - 1;
  if (y > bins - 1) y = bins - 1;
  const i = Math.min(bins - 2, Math.floor(x));
  const j = Math.min(bins - 2, Math.floor(y));
  const fx = x - i;
  const fy = y - j;
  footprint.at = i * bins + j;
  footprint.low = weight * (1 - fx) * (1 - fy);
  footprint.lowUp = weight * (1 - fx) * fy;
  footprint.upLow = weight * fx * (1 - fy);
  footprint.up = weight * fx * fy;
}

/** Adds a footprint to histogram h, whose bin `at` is at `offset` (a component's histogram inside a larger array). */
export function addFootprint(h: Float64Array, footprint: BilinearFootprint, bins: number, offset = 0): void {
  const at = offset + footprint.at;
  h[at] += footprint.low;
  h[at + 1] += footprint.lowUp;
  h[at + bins] += footprint.upLow;
  h[at + bins + 1] += footprint.up;
}

const depositFootprint = newFootprint();

/** Adds `weight` for the point (turnout, share) to the four bins around it (see `bilinearFootprint`). */
export function deposit(h: Float64Array, turnout: number, share: number, bins: number, weight: number): void {
  bilinearFootprint(turnout, share, bins, weight, depositFootprint);
  addFootprint(h, depositFootprint, bins);
}

/** The observed 2D histogram (turnout-major), bilinear deposits of one per station. */
export function observedHistogram(d: KlimekData, bins: number): Float64Array {
  const h = new Float64Array(bins * bins);
  for (let i = 0; i < d.valid.length; i++) deposit(h, d.valid[i] / d.registered[i], d.winner[i] / d.valid[i], bins, 1);
  return h;
}

/**
 * Mode of values in [0, 1]: a 0.001-bin histogram smoothed with a Gaussian kernel of SD
 * `bandwidth`, maximised at values <= maxMode. Fine bins matter: a mode off by half a percentage
 * point is absorbed by the fit as spurious low-intensity fraud.
 */
export function smoothedMode(values: Float64Array, maxMode: number, bandwidth = 0.01): number {
  const nb = 1001;
  const h = new Float64Array(nb);
  for (let i = 0; i < values.length; i++) h[Math.min(nb - 1, Math.max(0, Math.round(values[i] * 1000)))]++;
  const half = Math.ceil(4 * bandwidth * 1000);
  const kernel = new Float64Array(2 * half + 1);
  for (let k = -half; k <= half; k++) kernel[k + half] = Math.exp(-0.5 * (k / (bandwidth * 1000)) ** 2);
  let best = -1;
  let mode = 0;
  const last = Math.min(nb - 1, Math.floor(maxMode * 1000));
  for (let b = 0; b <= last; b++) {
    let s = 0;
    for (let k = -half; k <= half; k++) {
      const j = b + k;
      if (j >= 0 && j < nb) s += h[j] * kernel[k + half];
    }
    if (s > best) {
      best = s;
      mode = b;
    }
  }
  return mode / 1000;
}

/** RMS distance to the mode of the values below it: the SD of a half-normal fitted to the clean side. */
export function leftSd(values: Float64Array, mode: number): number {
  let ss = 0;
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < mode) {
      ss += (values[i] - mode) ** 2;
      k++;
    }
  }
  return k > 0 ? Math.sqrt(ss / k) : 0;
}

/**
 * Starting fair parameters: the turnout mode among stations with a share below the share mode, and
 * the share mode among stations with turnout below the turnout mode. Manipulation raises both, so
 * these halves are the least contaminated; the fit refines the peaks from here.
 */
export function estimateFair(d: KlimekData, maxMode: number): FairParameters {
  const n = d.valid.length;
  const t = new Float64Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = d.valid[i] / d.registered[i];
    s[i] = d.winner[i] / d.valid[i];
  }
  let tm = smoothedMode(t, maxMode);
  let sm = smoothedMode(s, maxMode);
  for (let it = 0; it < 2; it++) {
    const tLow = t.filter((_, i) => s[i] < sm);
    const sLow = s.filter((_, i) => t[i] < tm);
    if (tLow.length < 20 || sLow.length < 20) break;
    tm = smoothedMode(tLow, maxMode);
    sm = smoothedMode(sLow, maxMode);
  }
  return fairAt(d, tm, sm);
}

/** Component histograms: fair, extreme, and incremental for each fraud-intensity scale theta. */
export interface Components {
  readonly fair: Float64Array;
  readonly extreme: Float64Array;
  readonly incremental: Float64Array[];
}

/** SD of 1 - x for extreme fraud, as in the Klimek et al. code (x close to 1). */
export const EXTREME_SD = 0.075;

function truncatedNormal(rng: Rng, mean: number, sd: number): number {
  for (let k = 0; k < 1000; k++) {
    const x = mean + sd * rng.normal();
    if (x >= 0 && x <= 1) return x;
  }
  return Math.min(1, Math.max(0, mean));
}

/**
 * Simulates every station `draws` times under the fair model and, with the same fair draws, under
 * extreme fraud and under incremental fraud for each theta; histograms are multiplied by
 * scale / draws, so they are expected counts for the table's stations (scale = table stations /
 * simulated stations when `registered` is a subsample). A simulated station with no votes is dropped,
 * as the data have none. Fraud of intensity x adds floor(x * non-voters) to the winner and moves
 * round(x^alpha * opponents' votes) to the winner.
 */
export function simulateComponents(
  registered: Float64Array,
  fair: FairParameters,
  thetas: readonly number[],
  alpha: number,
  bins: number,
  draws: number,
  rng: Rng,
  scale = 1,
): Components {
  const size = bins * bins;
  const thetaCount = thetas.length;
  const fairHistogram = new Float64Array(size);
  const extremeHistogram = new Float64Array(size);
  const incrementalHistograms = new Float64Array(thetaCount * size);
  const incrementalByTheta = thetas.map((_, thetaIndex) =>
    incrementalHistograms.subarray(thetaIndex * size, (thetaIndex + 1) * size),
  );
  const footprint = newFootprint();
  const weight = scale / draws;
  const linear = alpha === 1;
  const { turnoutMode, turnoutSd, shareMode, shareSd } = fair;
  for (let draw = 0; draw < draws; draw++) {
    for (let i = 0; i < registered.length; i++) {
      const voters = registered[i];
      const turnoutRate = truncatedNormal(rng, turnoutMode, turnoutSd);
      const shareRate = truncatedNormal(rng, shareMode, shareSd);
      const votes = rng.binomial(voters, turnoutRate);
      const winnerVotes = rng.binomial(votes, shareRate);
      const opponentVotes = votes - winnerVotes;
      const abstained = voters - winnerVotes - opponentVotes;
      if (votes > 0) deposit(fairHistogram, votes / voters, winnerVotes / votes, bins, weight);
      let extremeIntensity = 1 - Math.abs(EXTREME_SD * rng.normal());
      while (extremeIntensity <= 0) extremeIntensity = 1 - Math.abs(EXTREME_SD * rng.normal());
      const extremeStolen = Math.round((linear ? extremeIntensity : extremeIntensity ** alpha) * opponentVotes);
      const extremeWinner = winnerVotes + Math.floor(extremeIntensity * abstained) + extremeStolen;
      const extremeCast = extremeWinner + (opponentVotes - extremeStolen);
      if (extremeCast > 0) deposit(extremeHistogram, extremeCast / voters, extremeWinner / extremeCast, bins, weight);
      // One standard normal serves every theta (common random numbers keep the fit smooth in theta).
      let intensityScale = Math.abs(rng.normal());
      while (intensityScale === 0) intensityScale = Math.abs(rng.normal());
      // Small intensities often leave the votes as they are for several thetas in a row; the
      // footprint is then that of the previous theta (same arithmetic).
      let previousWinner = -1;
      let previousCast = -1;
      for (let thetaIndex = 0; thetaIndex < thetaCount; thetaIndex++) {
        const intensity = Math.min(0.999, intensityScale * thetas[thetaIndex]);
        const stolen = Math.round((linear ? intensity : intensity ** alpha) * opponentVotes);
        const incrementalWinner = winnerVotes + Math.floor(intensity * abstained) + stolen;
        const cast = incrementalWinner + (opponentVotes - stolen);
        if (cast <= 0) continue;
        if (incrementalWinner !== previousWinner || cast !== previousCast) {
          previousWinner = incrementalWinner;
          previousCast = cast;
          bilinearFootprint(cast / voters, incrementalWinner / cast, bins, weight, footprint);
        }
        addFootprint(incrementalHistograms, footprint, bins, thetaIndex * size);
      }
    }
  }
  return { fair: fairHistogram, extreme: extremeHistogram, incremental: incrementalByTheta };
}

/** Best (fi, fe) for one theta and its weighted squared distance. */
export interface FractionFit {
  fi: number;
  fe: number;
  distance: number;
}

/**
 * Minimises D(fi, fe) = sum_b weight_b (O_b - E_b)^2 over fi, fe >= 0, fi + fe <= 1, with
 * E = C + fi (I - C) + fe (X - C). D is a convex quadratic, so the minimum over the triangle is the
 * interior stationary point when it is feasible, else the best of the minima on the three edges:
 * an exact continuous fit, finer than any grid.
 */
export function fitFractions(
  observed: Float64Array,
  fair: Float64Array,
  incremental: Float64Array,
  extreme: Float64Array,
  weight: Float64Array,
): FractionFit {
  let srr = 0;
  let sra = 0;
  let srb = 0;
  let saa = 0;
  let sab = 0;
  let sbb = 0;
  for (let b = 0; b < observed.length; b++) {
    const wgt = weight[b];
    const r = observed[b] - fair[b];
    const a = incremental[b] - fair[b];
    const c = extreme[b] - fair[b];
    srr += wgt * r * r;
    sra += wgt * r * a;
    srb += wgt * r * c;
    saa += wgt * a * a;
    sab += wgt * a * c;
    sbb += wgt * c * c;
  }
  const f = (u: number, w: number) => srr - 2 * u * sra - 2 * w * srb + u * u * saa + 2 * u * w * sab + w * w * sbb;
  const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
  const candidates: [number, number][] = [
    [0, 0],
    [1, 0],
    [0, 1],
    [clamp01(sra / saa), 0],
    [0, clamp01(srb / sbb)],
  ];
  const edge = clamp01((sra - srb - sab + sbb) / (saa - 2 * sab + sbb));
  candidates.push([edge, 1 - edge]);
  const det = saa * sbb - sab * sab;
  if (det > 0) {
    const u = (sra * sbb - srb * sab) / det;
    const w = (srb * saa - sra * sab) / det;
    if (u >= 0 && w >= 0 && u + w <= 1) candidates.push([u, w]);
  }
  let best: FractionFit = { fi: 0, fe: 0, distance: Number.POSITIVE_INFINITY };
  for (const [u, w] of candidates) {
    const d = f(u, w);
    if (d < best.distance) best = { fi: u, fe: w, distance: d };
  }
  return best;
}

/**
 * Fits (fi, fe) by iteratively reweighted least squares towards Pearson's chi-square: first with
 * weights 1 / (O + 1), then twice with 1 / (E + 1) from the previous fit (Neyman weights alone pull
 * the fit towards empty bins). Returns the fit with distance = sum (O - E)^2 / (E + 1), over the
 * bins where `mask` is 1 when a mask is given.
 */
export function fitPearson(
  observed: Float64Array,
  fair: Float64Array,
  incremental: Float64Array,
  extreme: Float64Array,
  mask?: Uint8Array,
): FractionFit {
  const size = observed.length;
  const weight = new Float64Array(size);
  const on = (b: number) => (mask === undefined || mask[b] === 1 ? 1 : 0);
  for (let b = 0; b < size; b++) weight[b] = on(b) / (observed[b] + 1);
  let fit = fitFractions(observed, fair, incremental, extreme, weight);
  let pearson = 0;
  for (let it = 0; it < 3; it++) {
    pearson = 0;
    for (let b = 0; b < size; b++) {
      const e = fair[b] + fit.fi * (incremental[b] - fair[b]) + fit.fe * (extreme[b] - fair[b]);
      weight[b] = on(b) / (e + 1);
      pearson += (on(b) * (observed[b] - e) ** 2) / (e + 1);
    }
    if (it < 2) fit = fitFractions(observed, fair, incremental, extreme, weight);
  }
  return { fi: fit.fi, fe: fit.fe, distance: pearson };
}
