/**
 * C05s: the share of station counts whose last digit is 0 or 5.
 *
 * What it detects: rounding of counts to multiples of 5 or 10, a habit of people who invent or
 * adjust numbers ("about 350").
 * Null hypothesis: last digits uniform, so a count ends in 0 or 5 with probability 0.2.
 * Assumptions: stations independent; counts large enough for uniform last digits. Computed as the
 * EFT defines it, over all counts, zeros and single digits included; zeros end in 0, so candidates
 * with many empty stations reject on clean data (see the docs page for measured rates).
 * Innocent reasons to reject: many zero or small counts; sources that round.
 * Reference: Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics; Kalinin & Mebane,
 * EFToolkit statistic "C05s"; Beber & Scacco (2012), Political Analysis 20(2):211-234.
 */

import { asForensicMethod } from '../battery/as_forensic_method.ts';
import { binomialTestTwoSided } from '../battery/binomial_test.ts';
import type { CellMethod } from '../battery/cell.ts';
import { isCount } from '../battery/digits.ts';
import { err, ok } from '../result.ts';

/** C05s: share of counts ending in 0 or 5 against 0.2 (exact binomial test). */
export const c05sCell: CellMethod = {
  id: 'c05s',
  title: 'Counts ending in 0 or 5 (C05s)',
  family: 'digits',
  question: 'Do station vote counts end in 0 or 5 more often than one time in five?',
  reference:
    'Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics. USAID/University of Michigan; Kalinin, K. & Mebane, W. R. (2019). EFToolkit (R package).',
  summary: 'Share of station counts ending in 0 or 5 (0.2 expected); excess suggests rounding, or many zero counts.',
  appliesTo: 'both',
  options: [],
  compute(input) {
    const { count } = input.target;
    let hits = 0;
    let n = 0;
    let zeros = 0;
    let invalid = 0;
    for (let k = 0; k < input.stations.length; k++) {
      const c = count[input.stations[k]];
      if (!isCount(c)) {
        invalid++;
        continue;
      }
      n++;
      if (c === 0) zeros++;
      const d = c % 10;
      if (d === 0 || d === 5) hits++;
    }
    if (n < 1) return err({ kind: 'insufficient_data', message: 'C05s needs at least one count', needed: 1, got: 0 });
    const share = hits / n;
    const warnings: string[] = [];
    if (zeros > 0.05 * n) {
      warnings.push(`${zeros} of ${n} counts are zero; zeros end in 0 and push C05s above 0.2 without any rounding`);
    }
    return ok({
      statistic: share,
      statisticName: 'share_ending_0_or_5',
      pValue: binomialTestTwoSided(hits, n, 0.2),
      pValueKind: 'exact',
      n,
      excluded: invalid > 0 ? [{ reason: 'missing, negative or non-integer count', count: invalid }] : [],
      details: { nullShare: 0.2, endingIn0or5: hits, zeroCounts: zeros },
      warnings,
      bootstrap: {
        kind: 'categorical',
        counts: Float64Array.from([hits, n - hits, invalid]),
        names: ['share_ending_0_or_5'],
        evaluate(c, out) {
          const m = c[0] + c[1];
          out[0] = m > 0 ? c[0] / m : Number.NaN;
        },
      },
    });
  },
};

/** The c05s method as a registry ForensicMethod (whole table; per region with `by`). */
export const c05sMethod = asForensicMethod(c05sCell);
