/**
 * Last-digit tests of vote counts: Beber & Scacco's uniformity chi-square, and the EFT last-digit mean.
 *
 * What it detects: invented numbers. People writing numbers by hand favour some final digits; in
 * honest counts of reasonable size the last digit is close to uniform on 0..9.
 * Null hypothesis: last digits of counts are uniform (mean 4.5).
 * Assumptions: stations independent; counts large enough that the count's spread covers many units.
 * Beber & Scacco's small-count rule drops counts below a threshold (here 10: single-digit counts,
 * whose last digit is the whole count; they drop counts under 100 where small counts are common).
 * The EFT's last-digit mean (LastC) is computed, as the EFT defines it, over all counts, zeros and
 * single digits included; on small candidates it rejects on clean data (see the docs page).
 * Innocent reasons to reject: many small counts (tiny candidates, small stations), counts bunched in
 * a narrow range, rounding by the source rather than the count.
 * Reference: Beber, B. & Scacco, A. (2012). What the numbers say: a digit-based test for election
 * fraud. Political Analysis 20(2):211-234; Hicken & Mebane (2017), EFToolkit statistic "LastC".
 */
import { asForensicMethod } from '../battery/as_forensic_method.ts';
import type { CellMethod } from '../battery/cell.ts';
import { chiSquareDigits, chiSquareDigitsStatistic, histogramMean, isCount, uniformDigits } from '../battery/digits.ts';
import { normalTwoSided } from '../battery/tails.ts';
import { err, ok } from '../result.ts';

const MIN_COUNTS = 10;
/** Variance of a uniform digit on 0..9. */
const UNIFORM_VARIANCE = 8.25;

/** Builds the last-digit method with Beber & Scacco's small-count threshold `minCount` (default 10). */
export function makeLastDigitCell(minCount = 10): CellMethod {
  return {
    id: 'last_digit',
    title: 'Last digits (Beber-Scacco chi-square; EFT last-digit mean)',
    family: 'digits',
    question: 'Are the last digits of station vote counts uniformly distributed?',
    reference:
      'Beber, B. & Scacco, A. (2012). What the Numbers Say: A Digit-Based Test for Election Fraud. Political Analysis 20(2):211-234; Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics.',
    summary:
      'Uniformity of the last digit of station counts; departures suggest hand-made numbers, or simply many small counts.',
    appliesTo: 'both',
    options: [{ name: 'minCount', description: 'smallest count in the chi-square', type: 'number', default: minCount }],
    compute(input) {
      const { count } = input.target;
      const all = new Float64Array(10);
      const big = new Float64Array(10);
      let invalid = 0;
      for (let k = 0; k < input.stations.length; k++) {
        const c = count[input.stations[k]];
        if (!isCount(c)) {
          invalid++;
          continue;
        }
        const d = c % 10;
        all[d]++;
        if (c >= minCount) big[d]++;
      }
      let nAll = 0;
      let nBig = 0;
      for (let d = 0; d < 10; d++) {
        nAll += all[d];
        nBig += big[d];
      }
      if (nBig < MIN_COUNTS) {
        return err({
          kind: 'insufficient_data',
          message: `last-digit chi-square needs at least ${MIN_COUNTS} counts >= ${minCount}; got ${nBig}`,
          needed: MIN_COUNTS,
          got: nBig,
        });
      }
      const chi = chiSquareDigits(big, uniformDigits, 0);
      const eftMean = histogramMean(all);
      const z = (eftMean - 4.5) / Math.sqrt(UNIFORM_VARIANCE / nAll);
      const warnings: string[] = [];
      if (nBig < 50) warnings.push('fewer than 5 expected counts per digit: the chi-square p-value is approximate');
      const excluded = [];
      if (nAll - nBig > 0) excluded.push({ reason: `count below ${minCount} (small-count rule)`, count: nAll - nBig });
      if (invalid > 0) excluded.push({ reason: 'missing, negative or non-integer count', count: invalid });
      const small = new Float64Array(10);
      for (let d = 0; d < 10; d++) small[d] = all[d] - big[d];
      return ok({
        statistic: chi.chi2,
        statisticName: 'chi2',
        pValue: chi.pValue,
        pValueKind: 'asymptotic',
        df: chi.df,
        n: nBig,
        excluded,
        details: {
          minCount,
          frequencies: Array.from(big),
          eftLastDigitMean: {
            mean: eftMean,
            nullMean: 4.5,
            z,
            pValue: normalTwoSided(z),
            n: nAll,
            frequencies: Array.from(all),
          },
        },
        warnings,
        bootstrap: {
          kind: 'categorical',
          // Categories: 0-9 last digit of counts >= minCount, 10-19 of smaller counts, 20 invalid.
          counts: Float64Array.from([...big, ...small, invalid]),
          names: ['chi2', 'eft_last_digit_mean'],
          evaluate(counts, out) {
            const b = counts.subarray(0, 10);
            out[0] = chiSquareDigitsStatistic(b, uniformDigits, 0);
            let s = 0;
            let m = 0;
            for (let d = 0; d < 10; d++) {
              const c = counts[d] + counts[10 + d];
              s += d * c;
              m += c;
            }
            out[1] = m > 0 ? s / m : Number.NaN;
          },
        },
      });
    },
  };
}

/** Last-digit method with the default small-count rule (counts >= 10). */
export const lastDigitCell: CellMethod = makeLastDigitCell();

/** The last_digit method as a registry ForensicMethod (whole table; per region with `by`). */
export const lastDigitMethod = asForensicMethod(lastDigitCell);
