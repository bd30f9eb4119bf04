/**
 * First-digit Benford's law test of station counts: offered for completeness, with a warning.
 *
 * What it would detect: departures of first significant digits from Benford's law (log10(1 + 1/d)).
 * Null hypothesis: first digits of positive counts follow Benford's law.
 * Why it is a poor test of elections: station counts are bounded by station size, so they rarely
 * span several orders of magnitude, and then first digits do not follow Benford's law even in
 * honest elections (Deckert, Myagkov & Ordeshook 2011; Mebane 2011). It rejects on clean data.
 * The method warns whenever the central 90% of positive counts (and the whole range) spans less
 * than two orders of magnitude.
 * Zero counts have no first digit: excluded and counted.
 * Reference: Deckert, J., Myagkov, M. & Ordeshook, P. C. (2011). Benford's Law and the Detection of
 * Election Fraud. Political Analysis 19(3):245-268; Benford, F. (1938). Proc. Am. Phil. Soc. 78:551-572.
 */
import { asForensicMethod } from '../battery/as_forensic_method.ts';
import type { CellMethod } from '../battery/cell.ts';
import {
  benfordFirst,
  chiSquareDigits,
  chiSquareDigitsStatistic,
  firstDigit,
  histogramMean,
  isCount,
} from '../battery/digits.ts';
import { quantileSorted } from '../numeric/stats.ts';
import { err, ok } from '../result.ts';

const MIN_COUNTS = 10;

/** First-digit Benford chi-square (8 df), warning when counts span < 2 orders of magnitude. */
export const firstDigitBenfordCell: CellMethod = {
  id: 'first_digit_benford',
  title: 'First-digit Benford (not recommended for station counts)',
  family: 'digits',
  question: "Do the first digits of station vote counts follow Benford's law?",
  reference:
    "Deckert, J., Myagkov, M. & Ordeshook, P. C. (2011). Benford's Law and the Detection of Election Fraud. Political Analysis 19(3):245-268.",
  summary:
    "First digits of station counts against Benford's law; honest station counts usually violate it, so rejection says little.",
  appliesTo: 'both',
  options: [],
  compute(input) {
    const { count } = input.target;
    const h = new Float64Array(10);
    const positive = new Float64Array(input.stations.length);
    let m = 0;
    let zeros = 0;
    let invalid = 0;
    for (let k = 0; k < input.stations.length; k++) {
      const c = count[input.stations[k]];
      if (!isCount(c)) invalid++;
      else if (c === 0) zeros++;
      else {
        h[firstDigit(c)]++;
        positive[m++] = c;
      }
    }
    if (m < MIN_COUNTS) {
      return err({
        kind: 'insufficient_data',
        message: `needs at least ${MIN_COUNTS} positive counts; got ${m}`,
        needed: MIN_COUNTS,
        got: m,
      });
    }
    const sorted = positive.subarray(0, m).sort();
    const rangeSpan = Math.log10(sorted[m - 1] / sorted[0]);
    const centralSpan = Math.log10(quantileSorted(sorted, 0.95) / quantileSorted(sorted, 0.05));
    const chi = chiSquareDigits(h, benfordFirst, 1);
    const warnings = [
      'first-digit Benford is not a valid test for station counts in general; honest counts often reject',
    ];
    if (rangeSpan < 2 || centralSpan < 2) {
      warnings.push(
        `counts span less than two orders of magnitude (central 90%: ${centralSpan.toFixed(2)}, full range: ${rangeSpan.toFixed(2)} decades): Benford's law is not expected to hold, so this p-value says nothing about fraud`,
      );
    }
    const excluded = [];
    if (zeros > 0) excluded.push({ reason: 'zero count (no first digit)', count: zeros });
    if (invalid > 0) excluded.push({ reason: 'missing, negative or non-integer count', count: invalid });
    return ok({
      statistic: chi.chi2,
      statisticName: 'chi2',
      pValue: chi.pValue,
      pValueKind: 'asymptotic',
      df: chi.df,
      n: m,
      excluded,
      details: {
        frequencies: Array.from(h.subarray(1)),
        expected: Array.from(benfordFirst.subarray(1), (p) => p * m),
        meanFirstDigit: histogramMean(h),
        ordersOfMagnitude: { central90: centralSpan, range: rangeSpan },
      },
      warnings,
      bootstrap: {
        kind: 'categorical',
        counts: Float64Array.from([...h, zeros + invalid]),
        names: ['chi2', 'mean_first_digit'],
        evaluate(c, out) {
          out[0] = chiSquareDigitsStatistic(c, benfordFirst, 1);
          let s = 0;
          let w = 0;
          for (let d = 1; d <= 9; d++) {
            s += d * c[d];
            w += c[d];
          }
          out[1] = w > 0 ? s / w : Number.NaN;
        },
      },
    });
  },
};

/** The first_digit_benford method as a registry ForensicMethod (whole table; per region with `by`). */
export const firstDigitBenfordMethod = asForensicMethod(firstDigitBenfordCell);
