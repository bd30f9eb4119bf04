/**
 * Correlation between turnout and a candidate's share across stations.
 *
 * What it detects: ballot stuffing and carousel voting raise turnout and the beneficiary's share in
 * the same stations, so the two move together.
 * Null hypothesis: no linear association (Pearson r = 0); the p-value is the t test with n - 2 df,
 * exact for bivariate normal data and asymptotically valid for independent turnout and share.
 * Assumptions: stations independent.
 * Innocent reasons to reject: the candidate's voters turn out more (mobilisation, age, rural
 * loyalty), regional mixtures. EFT users sometimes read |r| > 0.4 as a red flag; Tally reports the
 * estimate, the test and its interval instead of a threshold.
 * Reference: Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics (EFToolkit
 * "Correlation"); Myagkov, Ordeshook & Shakin (2009), The Forensics of Election Fraud.
 */
import { asForensicMethod } from '../battery/as_forensic_method.ts';
import type { CellMethod } from '../battery/cell.ts';
import { cellSums, countUndefined } from '../battery/cell_sums.ts';
import { correlation } from '../battery/moments.ts';
import { studentTwoSided } from '../battery/tails.ts';
import { err, ok } from '../result.ts';

/** Pearson correlation of turnout and share, with the t test of r = 0. */
export const turnoutShareCorrelationCell: CellMethod = {
  id: 'turnout_share_correlation',
  title: 'Turnout-share correlation',
  family: 'distribution',
  question: "Does a candidate's share rise with turnout across stations?",
  reference:
    'Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics. USAID/University of Michigan; Myagkov, M., Ordeshook, P. C. & Shakin, D. (2009). The Forensics of Election Fraud. Cambridge University Press.',
  summary:
    "Pearson correlation of turnout and the candidate's share; positive values fit stuffing, and also differential mobilisation.",
  appliesTo: 'candidate',
  options: [],
  compute(input) {
    const sums = cellSums(input, 'turnout', true);
    const undef = countUndefined(input.turnout, input.target.proportion, input.stations);
    if (sums.w < 3) {
      return err({
        kind: 'insufficient_data',
        message: `correlation needs at least 3 stations; got ${sums.w}`,
        needed: 3,
        got: sums.w,
      });
    }
    const r = correlation(sums);
    if (!Number.isFinite(r)) {
      return err({ kind: 'degenerate_input', message: `turnout or ${input.target.name}'s share is constant` });
    }
    const df = sums.w - 2;
    const t = Math.abs(r) >= 1 ? Number.POSITIVE_INFINITY : r * Math.sqrt(df / (1 - r * r));
    return ok({
      statistic: r,
      statisticName: 'pearson_r',
      pValue: Number.isFinite(t) ? studentTwoSided(t, df) : 0,
      pValueKind: 'asymptotic',
      df,
      n: sums.w,
      excluded: undef > 0 ? [{ reason: 'no turnout or share (denominator not positive)', count: undef }] : [],
      details: { t },
      warnings: [],
      bootstrap: {
        kind: 'moments',
        x: 'turnout',
        usesProportion: true,
        names: ['pearson_r'],
        evaluate(s, out) {
          out[0] = correlation(s);
        },
      },
    });
  },
};

/** The turnout_share_correlation method as a registry ForensicMethod (whole table; per region with `by`). */
export const turnoutShareCorrelationMethod = asForensicMethod(turnoutShareCorrelationCell);
