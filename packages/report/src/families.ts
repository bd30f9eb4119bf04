/** Method families and the innocent explanations that always accompany their findings. */
import type { MessageKey } from './i18n/index.ts';

/** A group of methods that share assumptions and therefore innocent explanations. */
export type MethodFamily =
  | 'digits'
  | 'distribution'
  | 'fingerprint'
  | 'integer_percent'
  | 'turnout_excess'
  | 'late_count'
  | 'persistence'
  | 'generic';

/** Catalogue keys of innocent explanations. */
export type InnocentKey = Extract<MessageKey, `innocent.${string}`>;

// Order matters: the first pattern that matches a method id wins.
const RULES: readonly [RegExp, MethodFamily][] = [
  [/persist/, 'persistence'],
  [/late|margin_curve|projection|discontinu|composition|snapshot|trep/, 'late_count'],
  [/fingerprint|klimek/, 'fingerprint'],
  [/integer|rozenas|spike/, 'integer_percent'],
  [/digit|benford|2bl|c05|p05/, 'digits'],
  [/peak|excess|mixture|eforensics|fraud_model/, 'turnout_excess'],
  [/skew|kurt|dip|correlation|sobyanin|unimodal|turnout_share/, 'distribution'],
];

/** The family of a method id (by its name), 'generic' when none matches. */
export function familyOf(methodId: string): MethodFamily {
  for (const [re, family] of RULES) if (re.test(methodId)) return family;
  return 'generic';
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
