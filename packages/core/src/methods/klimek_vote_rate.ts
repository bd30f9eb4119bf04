/**
 * The logarithmic vote rate of Klimek, Yegorov, Hanel & Thurner ("Statistical detection of
 * systematic election irregularities", PNAS 109(41):16469-16473, 2012): for each station
 * nu = ln((valid - winner) / winner), rescaled by its mean and standard deviation. The paper compares
 * the kurtosis of this distribution across elections: ballot stuffing and vote switching give it a
 * heavy tail. Stations where nu is undefined (winner = 0 or winner = valid) are counted, not used.
 * Kurtosis here is the excess kurtosis from population moments, m4 / m2^2 - 3 (0 for a normal
 * distribution; scipy.stats.kurtosis with its defaults computes the same), which rescaling does not
 * change.
 */

/** Moments of the logarithmic vote rate. */
export interface LogVoteRateSummary {
  /** Stations where the rate is defined. */
  readonly n: number;
  /** Stations left out because the winner got no votes or every valid vote. */
  readonly undefinedRate: number;
  /** Mean and SD (population) of nu, the values used to rescale it. */
  readonly mean: number;
  readonly sd: number;
  /** Excess kurtosis of the rescaled rates (null with fewer than 2 stations or no spread). */
  readonly kurtosis: number | null;
}

/** The logarithmic vote rates' moments and excess kurtosis over stations (valid > 0). */
export function logVoteRateKurtosis(valid: Float64Array, winner: Float64Array): LogVoteRateSummary {
  const rates: number[] = [];
  let undefinedRate = 0;
  for (let i = 0; i < valid.length; i++) {
    const w = winner[i];
    const rest = valid[i] - w;
    if (w > 0 && rest > 0) rates.push(Math.log(rest / w));
    else undefinedRate++;
  }
  const n = rates.length;
  let mean = 0;
  for (const x of rates) mean += x;
  mean = n > 0 ? mean / n : Number.NaN;
  let m2 = 0;
  let m4 = 0;
  for (const x of rates) {
    const d2 = (x - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  const kurtosis = n >= 2 && m2 > 0 ? m4 / (m2 * m2) - 3 : null;
  return { n, undefinedRate, mean, sd: Math.sqrt(m2), kurtosis };
}
