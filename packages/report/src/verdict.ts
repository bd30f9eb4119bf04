/** The decision rule that turns an adjusted p-value and its context into a verdict (stated in docs/report.md). */
import type { Calibration, Direction, Verdict, VerdictReason } from './model.ts';

/** What decideVerdict needs. */
export interface VerdictInput {
  readonly adjustedPValue: number | null;
  readonly alpha: number;
  readonly direction: Direction;
  readonly effect: number;
  readonly n: number;
  readonly minStations?: number;
  readonly calibration?: Calibration | null;
  /** Power against manipulation of the alleged size, measured by injection into the real data (preferred to calibration.power). */
  readonly powerAtAllegedSize?: number | null;
  /** false when the data cannot answer the test's question (FindingContext.notIdentified): inconclusive. */
  readonly identified?: boolean;
}

/** Below this measured power a non-rejection is inconclusive rather than "not supported" (issue #16: 0.8). */
export const MIN_POWER = 0.8;

/**
 * True when a measured false-positive rate is clearly above alpha: above twice alpha and above the upper edge of
 * a 3-sigma binomial band for its number of runs (so noise in a short calibration run does not trigger it).
 */
export function isMiscalibrated(c: Calibration, alpha: number): boolean {
  const band = alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / Math.max(1, c.runs));
  return c.falsePositiveRate > Math.max(2 * alpha, band);
}

/** Decides the verdict: reject when adjusted p <= alpha, then check direction, calibration and power. */
export function decideVerdict(v: VerdictInput): { verdict: Verdict; reason: VerdictReason } {
  if (v.adjustedPValue === null) return { verdict: 'inconclusive', reason: 'no_test' };
  if (v.minStations !== undefined && v.n < v.minStations)
    return { verdict: 'inconclusive', reason: 'too_few_stations' };
  if (v.identified === false) return { verdict: 'inconclusive', reason: 'not_identified' };
  if (v.adjustedPValue <= v.alpha) {
    const wrongWay = (v.direction === 'positive' && !(v.effect > 0)) || (v.direction === 'negative' && !(v.effect < 0));
    if (wrongWay) return { verdict: 'not_supported', reason: 'significant_opposite_direction' };
    if (v.calibration && isMiscalibrated(v.calibration, v.alpha))
      return { verdict: 'inconclusive', reason: 'miscalibrated' };
    return { verdict: 'consistent_with_allegation', reason: 'significant_in_alleged_direction' };
  }
  const power = v.powerAtAllegedSize ?? v.calibration?.power;
  if (power !== undefined && power !== null && !(power >= MIN_POWER))
    return { verdict: 'inconclusive', reason: 'low_power' };
  return { verdict: 'not_supported', reason: 'not_significant' };
}
