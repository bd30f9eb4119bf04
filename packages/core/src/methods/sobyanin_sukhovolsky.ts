/**
 * Sobyanin-Sukhovolsky slope: how a candidate's votes per registered voter grow with turnout.
 *
 * What it detects: added ballots. Regress votes_c / registered on turnout across stations; the
 * slope b is the fraction of each extra turnout point the candidate collects. If higher-turnout
 * stations simply have more voters who split like everyone else, b equals the candidate's mean
 * share; stuffing for the candidate pushes b above it (b > 1 is impossible without added votes).
 * Statistic: the excess slope b - mean share, which is 0 under the null.
 * Null hypothesis: the share is unrelated to turnout (mean independence), so b - mean share = 0.
 * The z test conditions on turnout: b - mean share = sum_i c_i s_i with c_i = (t_i - tbar) t_i / Stt
 * - 1/n, whose null mean is exactly 0; its variance uses heteroskedasticity-robust (HC1) weights,
 * since shares of small stations vary more.
 * Also reported: the slope of share on turnout, and the EFT's measure (that slope minus the mean
 * share, "large positive = fraud" in the EFT's code) for comparison with EFToolkit output.
 * Innocent reasons to reject: the candidate's voters turn out more; regional mixtures.
 * Reference: Sobyanin, A. A. & Sukhovolsky, V. G. (1995). Democracy Restricted by Fraud (in Russian),
 * Moscow; Myagkov, Ordeshook & Shakin (2009), The Forensics of Election Fraud, ch. 2; Kalinin &
 * Mebane, EFToolkit "Sobyanin".
 */
import { asForensicMethod } from '../battery/as_forensic_method.ts';
import type { CellMethod } from '../battery/cell.ts';
import { cellSums, countUndefined } from '../battery/cell_sums.ts';
import { meanY, slopeOfProductOnX, slopeYonX } from '../battery/moments.ts';
import { normalTwoSided } from '../battery/tails.ts';
import { err, ok } from '../result.ts';

/** Excess Sobyanin-Sukhovolsky slope (votes/registered on turnout, minus mean share), robust z test. */
export const sobyaninSukhovolskyCell: CellMethod = {
  id: 'sobyanin_sukhovolsky',
  title: 'Sobyanin-Sukhovolsky slope',
  family: 'distribution',
  question: "Does a candidate's vote grow with turnout faster than one extra vote per extra voter?",
  reference:
    'Sobyanin, A. A. & Sukhovolsky, V. G. (1995). Demokratiya, ogranichennaya falsifikatsiyami. Moscow; Myagkov, M., Ordeshook, P. C. & Shakin, D. (2009). The Forensics of Election Fraud. Cambridge University Press.',
  summary:
    'Slope of votes per registered voter on turnout, minus the mean share; positive when the candidate gains more than its share of extra turnout (stuffing, or differential mobilisation).',
  appliesTo: 'candidate',
  options: [],
  compute(input) {
    const T = input.turnout;
    const S = input.target.proportion;
    const st = input.stations;
    const undef = countUndefined(T, S, st);
    let n = 0;
    let tbar = 0;
    let sbar = 0;
    for (let k = 0; k < st.length; k++) {
      const t = T[st[k]];
      const s = S[st[k]];
      if (Number.isNaN(t) || Number.isNaN(s)) continue;
      n++;
      tbar += t;
      sbar += s;
    }
    if (n < 3)
      return err({
        kind: 'insufficient_data',
        message: `regression needs at least 3 stations; got ${n}`,
        needed: 3,
        got: n,
      });
    tbar /= n;
    sbar /= n;
    let stt = 0;
    for (let k = 0; k < st.length; k++) {
      const t = T[st[k]];
      if (Number.isNaN(t) || Number.isNaN(S[st[k]])) continue;
      stt += (t - tbar) * (t - tbar);
    }
    if (!(stt > 0)) return err({ kind: 'degenerate_input', message: 'turnout is the same at every station' });
    let b = 0;
    let v = 0;
    for (let k = 0; k < st.length; k++) {
      const t = T[st[k]];
      const s = S[st[k]];
      if (Number.isNaN(t) || Number.isNaN(s)) continue;
      const a = ((t - tbar) * t) / stt;
      b += a * s;
      const c = a - 1 / n;
      v += c * c * (s - sbar) * (s - sbar);
    }
    v *= n / (n - 2);
    const excess = b - sbar;
    const z = excess / Math.sqrt(v);
    const sums = cellSums(input, 'turnout', true);
    const shareSlope = slopeYonX(sums);
    return ok({
      statistic: excess,
      statisticName: 'excess_slope',
      pValue: v > 0 ? normalTwoSided(z) : null,
      pValueKind: v > 0 ? 'asymptotic' : 'none',
      n,
      excluded: undef > 0 ? [{ reason: 'no turnout or share (denominator not positive)', count: undef }] : [],
      details: { slope: b, meanShare: sbar, z, standardError: Math.sqrt(v), shareSlope, eftMeasure: shareSlope - sbar },
      warnings: b > 1 ? ['slope above 1: the candidate gains more votes than the extra ballots cast'] : [],
      bootstrap: {
        kind: 'moments',
        x: 'turnout',
        usesProportion: true,
        names: ['excess_slope', 'slope', 'eft_measure'],
        evaluate(s, out) {
          const m = meanY(s);
          const slope = slopeOfProductOnX(s);
          out[0] = slope - m;
          out[1] = slope;
          out[2] = slopeYonX(s) - m;
        },
      },
    });
  },
};

/** The sobyanin_sukhovolsky method as a registry ForensicMethod (whole table; per region with `by`). */
export const sobyaninSukhovolskyMethod = asForensicMethod(sobyaninSukhovolskyCell);
