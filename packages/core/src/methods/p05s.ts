/**
 * P05s: the share of stations whose rounded percentage (turnout, or a candidate's share) ends in 0 or 5.
 *
 * What it detects: percentages written to order (e.g. turnout set to 70% or 85%), which pile up on
 * multiples of 5 once rounded to whole percent.
 * Null hypothesis: the last digit of the whole-percent value is uniform, so it ends in 0 or 5 with
 * probability 0.2.
 * Assumptions: stations independent; the percentage spread over many points. As in the EFT, the
 * proportion is capped at 1 (so 100%, ending in 0, absorbs overflows) and rounded half to even.
 * Innocent reasons to reject: percentages concentrated in a few points (e.g. a 95% turnout
 * mode), very small stations whose percentages take few values, shares of 0% or 100%.
 * Reference: Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics; Kalinin & Mebane,
 * EFToolkit statistic "P05s"; Kobak, Shpilkin & Pshenichnikov (2016), Ann. Appl. Stat. 10(1):54-75.
 */

import { asForensicMethod } from '../battery/as_forensic_method.ts';
import { binomialTestTwoSided } from '../battery/binomial_test.ts';
import type { CellMethod } from '../battery/cell.ts';
import { roundHalfEven } from '../battery/digits.ts';
import { err, ok } from '../result.ts';

/** P05s: share of whole-percent values ending in 0 or 5 against 0.2 (exact binomial test). */
export const p05sCell: CellMethod = {
  id: 'p05s',
  title: 'Percentages ending in 0 or 5 (P05s)',
  family: 'digits',
  question: 'Do station percentages end in 0 or 5 more often than rounding alone would give?',
  reference:
    'Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics. USAID/University of Michigan; Kalinin, K. & Mebane, W. R. (2019). EFToolkit (R package).',
  summary:
    'Share of stations whose whole-percent turnout or share ends in 0 or 5 (0.2 expected); excess suggests numbers set to round targets.',
  appliesTo: 'both',
  options: [],
  compute(input) {
    const { proportion } = input.target;
    let hits = 0;
    let n = 0;
    let capped = 0;
    let undef = 0;
    let extremes = 0;
    for (let k = 0; k < input.stations.length; k++) {
      let p = proportion[input.stations[k]];
      if (!Number.isFinite(p) || p < 0) {
        undef++;
        continue;
      }
      if (p >= 1) {
        if (p > 1) capped++;
        p = 1;
      }
      n++;
      const r = roundHalfEven(p * 100);
      if (r === 0 || r === 100) extremes++;
      const d = r % 10;
      if (d === 0 || d === 5) hits++;
    }
    if (n < 1)
      return err({
        kind: 'insufficient_data',
        message: 'P05s needs at least one station with a percentage',
        needed: 1,
        got: 0,
      });
    const warnings: string[] = [];
    if (capped > 0) warnings.push(`${capped} stations above 100% were capped at 100%, as the EFT does`);
    if (extremes > 0.05 * n) warnings.push(`${extremes} of ${n} stations are at 0% or 100%, which end in 0`);
    return ok({
      statistic: hits / n,
      statisticName: 'share_pct_ending_0_or_5',
      pValue: binomialTestTwoSided(hits, n, 0.2),
      pValueKind: 'exact',
      n,
      excluded: undef > 0 ? [{ reason: 'no percentage (denominator not positive)', count: undef }] : [],
      details: { nullShare: 0.2, endingIn0or5: hits, capped, atZeroOrHundred: extremes },
      warnings,
      bootstrap: {
        kind: 'categorical',
        counts: Float64Array.from([hits, n - hits, undef]),
        names: ['share_pct_ending_0_or_5'],
        evaluate(c, out) {
          const m = c[0] + c[1];
          out[0] = m > 0 ? c[0] / m : Number.NaN;
        },
      },
    });
  },
};

/** The p05s method as a registry ForensicMethod (whole table; per region with `by`). */
export const p05sMethod = asForensicMethod(p05sCell);
