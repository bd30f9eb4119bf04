/**
 * Innocent explanations written for one finding: first those derived from the method, the direction of its effect
 * and the numbers in its details (what this result itself could come from), then the family's general ones that
 * these do not already cover. Never empty.
 */
import { INNOCENT_EXPLANATIONS, type InnocentKey, type MethodFamily } from './families.ts';
import type { Message, MessageParam } from './i18n/index.ts';
import type { Direction, FindingRole } from './model.ts';

/** Most explanations listed per finding. */
const MAX_EXPLANATIONS = 5;

/** What the explanations are derived from: a finding's method, numbers and context. */
export interface InnocentInput {
  readonly method: string;
  readonly family: MethodFamily;
  /** The finding's target as a display parameter (a candidate, "turnout", a margin). */
  readonly target: MessageParam;
  readonly role: FindingRole;
  readonly direction: Direction;
  readonly effect: number;
  readonly statistic: number;
  readonly n: number;
  /** True when the finding was computed on the allegation's flagged stations only. */
  readonly onFlaggedStations: boolean;
  readonly details: Readonly<Record<string, unknown>>;
}

/** An innocent explanation as a catalogue message whose key is an innocent explanation. */
export interface InnocentMessage extends Message {
  readonly key: InnocentKey;
}

/** The general explanations each specific one makes redundant. */
const COVERS: Partial<Record<InnocentKey, readonly InnocentKey[]>> = {
  'innocent.late_where': ['innocent.composition'],
  'innocent.late_other_election': ['innocent.composition'],
  'innocent.late_rural_arrival': ['innocent.transmission_delays', 'innocent.urban_rural'],
  'innocent.persistence_regression': ['innocent.regression_to_mean'],
  'innocent.persistence_gain': ['innocent.voter_change'],
  'innocent.round_endings': ['innocent.honest_rounding'],
  'innocent.benford_range': ['innocent.digit_assumptions'],
  'innocent.last_digit_small': ['innocent.small_stations'],
  'innocent.two_kinds_of_places': ['innocent.heterogeneity', 'innocent.urban_rural'],
  'innocent.shape_regions': ['innocent.heterogeneity', 'innocent.urban_rural'],
  'innocent.turnout_support_together': ['innocent.mobilisation'],
  'innocent.turnout_support_opposite': ['innocent.mobilisation'],
  'innocent.fingerprint_corner': ['innocent.special_stations'],
  'innocent.support_rises_with_turnout': ['innocent.mobilisation', 'innocent.model_assumptions'],
  'innocent.whole_number_habits': ['innocent.honest_rounding', 'innocent.small_stations'],
};

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const points = (value: number): MessageParam => ({ kind: 'number', value, digits: 2 });
const signedPoints = (value: number): MessageParam => ({ kind: 'signed', value, digits: 2 });
const percent = (value: number): MessageParam => ({ kind: 'percent', value, digits: 0 });

/** Late count: where the late stations are, how the same places vote in another election, late arrival. */
function lateCount(f: InnocentInput): InnocentMessage[] {
  const out: InnocentMessage[] = [];
  const d = f.details;
  const composition = record(d.composition);
  const early = num(composition?.earlyMargin);
  const late = num(composition?.lateMargin);
  if (composition && early !== null && late !== null) {
    // Report the area level that explains the most (the finest one, in practice; the first of equals).
    const regions = Array.isArray(composition.regions) ? composition.regions.map(record) : [];
    const finest = regions.reduce<Record<string, unknown> | null>(
      (best, r) => ((num(r?.shareExplained) ?? -1) > (num(best?.shareExplained) ?? -1) ? r : best),
      null,
    );
    const expected = num(finest?.expectedLateMargin);
    const share = num(finest?.shareExplained);
    if (finest && expected !== null && share !== null && typeof finest.level === 'string')
      out.push({
        key: 'innocent.late_where',
        params: {
          late: points(late),
          early: points(early),
          level: finest.level,
          expected: points(expected),
          share: percent(share),
        },
      });
    const other = record(composition.otherElection);
    const otherEarly = num(other?.earlyMargin);
    const otherLate = num(other?.lateMargin);
    const otherShare = num(other?.shareExplained);
    if (other && otherEarly !== null && otherLate !== null && otherShare !== null && typeof other.name === 'string')
      out.push({
        key: 'innocent.late_other_election',
        params: {
          election: other.name,
          late: points(otherLate),
          early: points(otherEarly),
          share: percent(otherShare),
        },
      });
  }
  const shift = num(d.lateShift);
  if (shift !== null)
    out.push({ key: 'innocent.late_rural_arrival', params: { target: f.target, shift: signedPoints(shift) } });
  const median = num(d.median);
  const lo = num(d.lo);
  const hi = num(d.hi);
  if (f.method === 'counterfactual_projection' && median !== null && lo !== null && hi !== null)
    out.push({
      key: 'innocent.projection_assumption',
      params: { median: points(median), lo: points(lo), hi: points(hi) },
    });
  if (f.method.startsWith('discontinuity')) out.push({ key: 'innocent.batch_reporting' });
  return out;
}

function persistence(f: InnocentInput): InnocentMessage[] {
  const d = f.details;
  const a = d.electionA;
  const b = d.electionB;
  const stratum = d.stratum;
  if (typeof a !== 'string' || typeof b !== 'string' || typeof stratum !== 'string') return [];
  const candidate = typeof d.candidateA === 'string' ? d.candidateA : f.target;
  // A gain for the favoured candidate fits local swings; a loss is what regression to the mean predicts.
  return [
    {
      key: f.effect > 0 ? 'innocent.persistence_gain' : 'innocent.persistence_regression',
      params: { a, b, stratum, candidate, effect: signedPoints(f.effect) },
    },
  ];
}

function digits(f: InnocentInput): InnocentMessage[] {
  const d = f.details;
  if (f.method === 'c05s' || f.method === 'p05s') {
    const expected = num(d.nullShare);
    if (expected !== null)
      return [
        {
          key: 'innocent.round_endings',
          params: {
            observed: { kind: 'percent', value: f.statistic, digits: 1 },
            expected: { kind: 'percent', value: expected, digits: 1 },
            target: f.target,
          },
        },
      ];
  }
  // The span that holds the central 90% of counts: the law needs several orders of magnitude there.
  const orders = num(record(d.ordersOfMagnitude)?.central90 ?? d.ordersOfMagnitude);
  if (f.method === 'first_digit_benford' && orders !== null)
    return [
      {
        key: 'innocent.benford_range',
        params: { target: f.target, orders: { kind: 'number', value: orders, digits: 1 } },
      },
    ];
  const min = num(d.minCount);
  if (f.method === 'last_digit' && min !== null)
    return [{ key: 'innocent.last_digit_small', params: { target: f.target, min: { kind: 'count', value: min } } }];
  return [];
}

function distribution(f: InnocentInput): InnocentMessage[] {
  const n: MessageParam = { kind: 'count', value: f.n };
  switch (f.method) {
    case 'dip_test':
      return [{ key: 'innocent.two_kinds_of_places', params: { target: f.target, n } }];
    case 'skew_kurtosis':
      return [{ key: 'innocent.shape_regions', params: { target: f.target, n, skew: points(f.statistic) } }];
    case 'turnout_share_correlation':
    case 'sobyanin_sukhovolsky':
      return [
        {
          key: f.statistic >= 0 ? 'innocent.turnout_support_together' : 'innocent.turnout_support_opposite',
          params: { target: f.target, statistic: { kind: 'number', value: f.statistic, digits: 3 } },
        },
      ];
    default:
      return [];
  }
}

function fingerprint(f: InnocentInput): InnocentMessage[] {
  const stations = num(f.details.cornerStations);
  return stations === null
    ? []
    : [{ key: 'innocent.fingerprint_corner', params: { stations: { kind: 'count', value: stations } } }];
}

function specific(f: InnocentInput): InnocentMessage[] {
  switch (f.family) {
    case 'late_count':
      return lateCount(f);
    case 'persistence':
      return persistence(f);
    case 'digits':
      return digits(f);
    case 'distribution':
      return distribution(f);
    case 'fingerprint':
      return fingerprint(f);
    case 'turnout_excess':
      return f.method === 'clean_peak_excess'
        ? [
            {
              key: 'innocent.support_rises_with_turnout',
              params: { target: f.target, statistic: { kind: 'count', value: f.statistic } },
            },
          ]
        : [];
    case 'integer_percent':
      return [{ key: 'innocent.whole_number_habits', params: { target: f.target } }];
    case 'announced_totals':
    case 'tally_sheets':
    case 'generic':
      return [];
  }
}

/** The innocent explanations of one finding, most specific first; at least one, at most five. */
export function innocentExplanations(f: InnocentInput): InnocentMessage[] {
  const own = specific(f);
  if (f.onFlaggedStations && f.role === 'screen')
    own.push({ key: 'innocent.flagged_selection', params: { n: { kind: 'count', value: f.n } } });
  const covered = new Set<InnocentKey>(own.flatMap((m) => [m.key, ...(COVERS[m.key] ?? [])]));
  const general = INNOCENT_EXPLANATIONS[f.family].filter((key) => !covered.has(key)).map((key) => ({ key }));
  return [...own, ...general].slice(0, MAX_EXPLANATIONS);
}
