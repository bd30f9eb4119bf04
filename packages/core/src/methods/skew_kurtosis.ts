/**
 * Skewness and kurtosis of the distribution of turnout, or of a candidate's share, across stations.
 *
 * What it describes: the shape of the distribution. Ballot stuffing adds a long right tail to
 * turnout (positive skew) and extra mass at high shares; the EFT reports both numbers.
 * Definitions (as R's moments package, which the EFT uses): skewness = m3 / m2^(3/2) and kurtosis =
 * m4 / m2^2 with population central moments m_k (divisor n); kurtosis is NOT excess kurtosis, a
 * normal distribution has 3. `excessKurtosis` = kurtosis - 3 is in the details.
 * Null hypothesis: none. Honest turnout and shares are not normal, so there is no reference value
 * and no p-value; the bootstrap interval says how precisely the shape is measured.
 * Innocent reasons for extreme values: mixtures of regions, urban/rural differences, small stations.
 * Reference: Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics (EFToolkit "Skew",
 * "Kurt"); Myagkov, Ordeshook & Shakin (2009), The Forensics of Election Fraud, Cambridge UP.
 */
import { asForensicMethod } from '../battery/as_forensic_method.ts';
import type { CellMethod } from '../battery/cell.ts';
import { cellSums, countUndefined } from '../battery/cell_sums.ts';
import { kurtosisOfX, skewnessOfX } from '../battery/moments.ts';
import { err, ok } from '../result.ts';

/** Skewness (primary) and Pearson kurtosis of turnout or share; no test. */
export const skewKurtosisCell: CellMethod = {
  id: 'skew_kurtosis',
  title: 'Skewness and kurtosis',
  family: 'distribution',
  question: 'How skewed and how heavy-tailed is the distribution of turnout or share across stations?',
  reference:
    'Hicken, A. & Mebane, W. R. (2017). A Guide to Election Forensics. USAID/University of Michigan; Myagkov, M., Ordeshook, P. C. & Shakin, D. (2009). The Forensics of Election Fraud. Cambridge University Press.',
  summary: 'Shape of the turnout or share distribution (moment skewness, Pearson kurtosis); descriptive, no test.',
  appliesTo: 'both',
  options: [],
  compute(input) {
    const sums = cellSums(input, 'proportion', false);
    const undef = countUndefined(input.target.proportion, null, input.stations);
    if (sums.w < 3) {
      return err({
        kind: 'insufficient_data',
        message: `skewness needs at least 3 stations; got ${sums.w}`,
        needed: 3,
        got: sums.w,
      });
    }
    const skewness = skewnessOfX(sums);
    const kurtosis = kurtosisOfX(sums);
    if (!Number.isFinite(skewness)) {
      return err({ kind: 'degenerate_input', message: `every station has the same ${input.target.name} value` });
    }
    return ok({
      statistic: skewness,
      statisticName: 'skewness',
      pValue: null,
      pValueKind: 'none',
      n: sums.w,
      excluded: undef > 0 ? [{ reason: 'no proportion (denominator not positive)', count: undef }] : [],
      details: {
        kurtosis,
        excessKurtosis: kurtosis - 3,
        definition: 'skewness = m3/m2^1.5, kurtosis = m4/m2^2 (population moments; normal kurtosis = 3)',
        mean: sums.cx + sums.sx / sums.w,
      },
      warnings: [],
      bootstrap: {
        kind: 'moments',
        x: 'proportion',
        usesProportion: false,
        names: ['skewness', 'kurtosis'],
        evaluate(s, out) {
          out[0] = skewnessOfX(s);
          out[1] = kurtosisOfX(s);
        },
      },
    });
  },
};

/** The skew_kurtosis method as a registry ForensicMethod (whole table; per region with `by`). */
export const skewKurtosisMethod = asForensicMethod(skewKurtosisCell);
