/**
 * Second-digit Benford's law (2BL) test of vote counts.
 *
 * What it detects: departures of the second significant digit of station counts from Benford's
 * second-digit distribution (mean 4.187). Mebane argues that counts produced by a mix of voter
 * behaviours approximately follow 2BL, and that some manipulations move the mean.
 * Null hypothesis: second digits of counts >= 10 follow Benford's second-digit law.
 * Assumptions: stations independent; counts spread over a wide range. Counts under 10 have no second
 * digit: they are excluded and counted.
 * Innocent reasons to reject: strategic voting, similar-sized stations (counts bunched in one decade),
 * a candidate with a near-constant share; 2BL is not a law of honest elections (Deckert, Myagkov &
 * Ordeshook 2011), so rejection is a flag for a closer look, never proof.
 * Reference: Mebane, W. R. (2006, 2011), "Election forensics: vote counts and Benford's law" and
 * "Comment on 'Benford's law and the detection of election fraud'", Political Analysis 19:269-272;
 * Hicken & Mebane (2017), A Guide to Election Forensics (USAID); EFToolkit statistic "_2BL".
 */
import { asForensicMethod } from '../battery/as_forensic_method.ts';
import type { CellMethod } from '../battery/cell.ts';
import {
  benfordSecond,
  chiSquareDigits,
  chiSquareDigitsStatistic,
  digitMoments,
  histogramMean,
  isCount,
  secondDigit,
} from '../battery/digits.ts';
import { normalTwoSided } from '../battery/tails.ts';
import { err, ok } from '../result.ts';

const NULL = digitMoments(benfordSecond);
const MIN_COUNTS = 10;

/** 2BL: mean second digit against 4.187 (z test) and a chi-square on the ten frequencies. */
export const secondDigitBenfordCell: CellMethod = {
  id: 'second_digit_benford',
  title: 'Second-digit Benford (2BL)',
  family: 'digits',
  question: "Do the second digits of station vote counts follow Benford's law?",
  reference:
    'Mebane, W. R. (2011). Comment on "Benford\'s Law and the Detection of Election Fraud". Political Analysis 19(3):269-272; Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics. USAID/University of Michigan.',
  summary:
    'Mean second digit of station counts against Benford (4.187); departures can come from manipulation or from bunched station sizes and strategic voting.',
  appliesTo: 'both',
  options: [],
  compute(input) {
    const { count } = input.target;
    const h = new Float64Array(10);
    let small = 0;
    let invalid = 0;
    for (let k = 0; k < input.stations.length; k++) {
      const c = count[input.stations[k]];
      if (!isCount(c)) invalid++;
      else if (c < 10) small++;
      else h[secondDigit(c)]++;
    }
    const n = input.stations.length - small - invalid;
    if (n < MIN_COUNTS) {
      return err({
        kind: 'insufficient_data',
        message: `2BL needs at least ${MIN_COUNTS} counts >= 10; got ${n}`,
        needed: MIN_COUNTS,
        got: n,
      });
    }
    const mean = histogramMean(h);
    const z = (mean - NULL.mean) / Math.sqrt(NULL.variance / n);
    const chi = chiSquareDigits(h, benfordSecond, 0);
    const warnings: string[] = [];
    if (n * benfordSecond[9] < 5)
      warnings.push('fewer than 5 expected counts per digit: the chi-square p-value is approximate');
    const excluded = [];
    if (small > 0) excluded.push({ reason: 'count below 10 (no second digit)', count: small });
    if (invalid > 0) excluded.push({ reason: 'missing, negative or non-integer count', count: invalid });
    return ok({
      statistic: mean,
      statisticName: 'mean_second_digit',
      pValue: normalTwoSided(z),
      pValueKind: 'asymptotic',
      n,
      excluded,
      details: {
        nullMean: NULL.mean,
        z,
        frequencies: Array.from(h),
        expected: Array.from(benfordSecond, (p) => p * n),
        chiSquare: { statistic: chi.chi2, df: chi.df, pValue: chi.pValue },
      },
      warnings,
      bootstrap: {
        kind: 'categorical',
        counts: Float64Array.from([...h, small + invalid]),
        names: ['mean_second_digit', 'chi2'],
        evaluate(counts, out) {
          const hh = counts.subarray(0, 10);
          out[0] = histogramMean(hh);
          out[1] = chiSquareDigitsStatistic(hh, benfordSecond, 0);
        },
      },
    });
  },
};

/** The second_digit_benford method as a registry ForensicMethod (whole table; per region with `by`). */
export const secondDigitBenfordMethod = asForensicMethod(secondDigitBenfordCell);
