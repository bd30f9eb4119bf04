/**
 * Power at the alleged size for the late-count findings (issue #16), in the report's terms: core's
 * measureLateCountPower (latecount/power_at_size.ts) injects the alleged manipulation and reruns each test; this file
 * turns its rows into each finding's power at 1x and 3x the alleged size.
 */
import type { InjectionPowerResult } from '@tally/core';
import type { PowerAtAllegedSizeInput } from '@tally/report';

export { JUMP_POWER_INJECTIONS, POWER_INJECTIONS, POWER_PROJECTION_SIMS } from '@tally/core';

/** Power of each late-count finding at the alleged size (null where the test cannot run on these data). */
export interface LateCountPowerAtSize {
  readonly projectionGap: PowerAtAllegedSizeInput | null;
  readonly projectionThreshold: PowerAtAllegedSizeInput | null;
  readonly jump: PowerAtAllegedSizeInput | null;
  readonly jumpWithinAreas: PowerAtAllegedSizeInput | null;
  readonly measured: InjectionPowerResult;
}

/** The finding's row of a power table at multiplier 1 (and 3, when measured), with the scenario as a message. */
export function powerInput(
  measured: InjectionPowerResult,
  test: string,
  scenario: PowerAtAllegedSizeInput['scenario'],
): PowerAtAllegedSizeInput | null {
  const at = (multiplier: number) => measured.rows.find((r) => r.test === test && r.multiplier === multiplier);
  const one = at(1);
  if (!one || one.power.rate === null) return null;
  const three = at(3);
  return {
    power: one.power.rate,
    interval: [one.power.lower, one.power.upper],
    injections: one.power.runs,
    scenario,
    powerAt3x:
      three && three.power.rate !== null
        ? { power: three.power.rate, interval: [three.power.lower, three.power.upper] }
        : null,
  };
}

/** Each finding's power from the measured rows (null where the test cannot run on these data). */
export function powerAtSizeFrom(
  m: InjectionPowerResult,
  scenario: PowerAtAllegedSizeInput['scenario'],
): LateCountPowerAtSize {
  return {
    projectionGap: powerInput(m, 'projection_gap', scenario),
    projectionThreshold: powerInput(m, 'projection_threshold', scenario),
    jump: powerInput(m, 'jump', scenario),
    jumpWithinAreas: powerInput(m, 'jump_within_areas', scenario),
    measured: m,
  };
}
