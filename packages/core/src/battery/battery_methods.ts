/** The standard forensic battery, in report order. */
import { c05sCell } from '../methods/c05s.ts';
import { dipTestCell } from '../methods/dip_test.ts';
import { firstDigitBenfordCell } from '../methods/first_digit_benford.ts';
import { lastDigitCell } from '../methods/last_digit.ts';
import { p05sCell } from '../methods/p05s.ts';
import { secondDigitBenfordCell } from '../methods/second_digit_benford.ts';
import { skewKurtosisCell } from '../methods/skew_kurtosis.ts';
import { sobyaninSukhovolskyCell } from '../methods/sobyanin_sukhovolsky.ts';
import { turnoutShareCorrelationCell } from '../methods/turnout_share_correlation.ts';
import type { CellMethod } from './cell.ts';

/** Every battery method, first-digit Benford last. */
export const batteryMethods: readonly CellMethod[] = [
  secondDigitBenfordCell,
  lastDigitCell,
  c05sCell,
  p05sCell,
  skewKurtosisCell,
  dipTestCell,
  turnoutShareCorrelationCell,
  sobyaninSukhovolskyCell,
  firstDigitBenfordCell,
];

/** Ids run when the user names none: the EFT battery (first-digit Benford only on request). */
export const defaultBatteryIds: readonly string[] = batteryMethods
  .map((m) => m.id)
  .filter((id) => id !== 'first_digit_benford');

/** Finds a battery method by id. */
export function findBatteryMethod(id: string): CellMethod | undefined {
  return batteryMethods.find((m) => m.id === id);
}
