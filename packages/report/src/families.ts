/** Method families and the innocent explanations that always accompany their findings. */
import { type MethodFamily, methodRegistry, persistence } from '@tally/core';
import type { MessageKey } from './i18n/index.ts';

/** A method's family, as the method declares it (core's method contract). */
export type { MethodFamily } from '@tally/core';

/** Catalogue keys of innocent explanations. */
export type InnocentKey = Extract<MessageKey, `innocent.${string}`>;

const DECLARED_FAMILY = new Map<string, MethodFamily>(
  [...methodRegistry, persistence].map((method) => [method.id, method.family]),
);

/** The family a method declares, by its id; 'generic' for an id the registry does not know. */
export function familyOf(methodId: string): MethodFamily {
  return DECLARED_FAMILY.get(methodId) ?? 'generic';
}

/** Innocent explanations per family, most important first. Never empty. */
export const INNOCENT_EXPLANATIONS: Readonly<Record<MethodFamily, readonly InnocentKey[]>> = {
  digits: [
    'innocent.honest_rounding',
    'innocent.small_stations',
    'innocent.digit_assumptions',
    'innocent.heterogeneity',
    'innocent.data_errors',
  ],
  distribution: [
    'innocent.urban_rural',
    'innocent.heterogeneity',
    'innocent.mobilisation',
    'innocent.special_stations',
    'innocent.data_errors',
  ],
  fingerprint: [
    'innocent.urban_rural',
    'innocent.heterogeneity',
    'innocent.mobilisation',
    'innocent.special_stations',
    'innocent.small_stations',
    'innocent.data_errors',
  ],
  integer_percent: [
    'innocent.small_stations',
    'innocent.honest_rounding',
    'innocent.special_stations',
    'innocent.data_errors',
  ],
  turnout_excess: [
    'innocent.model_assumptions',
    'innocent.urban_rural',
    'innocent.heterogeneity',
    'innocent.mobilisation',
    'innocent.special_stations',
  ],
  late_count: [
    'innocent.composition',
    'innocent.transmission_delays',
    'innocent.urban_rural',
    'innocent.arrival_order',
    'innocent.data_errors',
  ],
  persistence: [
    'innocent.voter_change',
    'innocent.regression_to_mean',
    'innocent.boundary_changes',
    'innocent.heterogeneity',
    'innocent.urban_rural',
  ],
  announced_totals: [
    'innocent.missing_not_at_random',
    'innocent.announced_other_stations',
    'innocent.sheet_transcription',
    'innocent.data_errors',
  ],
  tally_sheets: ['innocent.second_reader_errors', 'innocent.scrutiny_corrections', 'innocent.data_errors'],
  generic: [
    'innocent.heterogeneity',
    'innocent.urban_rural',
    'innocent.small_stations',
    'innocent.honest_rounding',
    'innocent.data_errors',
  ],
};

/** Catalogue key of a family's display name. */
export function familyKey(family: MethodFamily): MessageKey {
  return `family.${family}`;
}
