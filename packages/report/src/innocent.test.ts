import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INNOCENT_EXPLANATIONS, type MethodFamily } from './families.ts';
import { LANGS, renderMessage } from './i18n/index.ts';
import { type InnocentInput, innocentExplanations } from './innocent.ts';

const base: InnocentInput = {
  method: 'x',
  family: 'generic',
  target: 'MAS - IPSP',
  role: 'allegation',
  direction: 'any',
  effect: 0,
  statistic: 0,
  n: 5580,
  onFlaggedStations: false,
  details: {},
};

// The numbers of the Bolivia 2019 projection finding (report.json of the bundled audit).
const projection: InnocentInput = {
  ...base,
  method: 'counterfactual_projection',
  family: 'late_count',
  target: 'MAS - IPSP - CC',
  direction: 'positive',
  effect: 0.2437,
  statistic: 0.2437,
  details: {
    lateShift: 2.6929,
    median: 10.3203,
    lo: 9.77,
    hi: 10.86,
    composition: {
      earlyMargin: 7.8829,
      lateMargin: 24.6509,
      regions: [
        { level: 'department', expectedLateMargin: 11.0811, shareExplained: 0.1907 },
        { level: 'recinto', expectedLateMargin: 21.7614, shareExplained: 0.8277 },
        { level: 'recinto_code', expectedLateMargin: 21.7614, shareExplained: 0.8277 },
      ],
      otherElection: { name: 'Bolivia 2020', earlyMargin: 8.2521, lateMargin: 24.9314, shareExplained: 0.7577 },
    },
  },
};

function texts(input: InnocentInput, lang: 'en' | 'es' | 'ru' = 'en'): string[] {
  return innocentExplanations(input).map((m) => renderMessage(m, lang));
}

test('late count: the explanations quote the finding’s own composition, other election and late shift', () => {
  const en = texts(projection);
  assert.equal(
    en[0],
    'The stations counted late gave a margin of 24.65 points, against 7.88 in those counted early. Had each late station voted like the early ones of its own recinto, the late margin would have been 21.76: where the late stations are explains 83% of the difference.',
  );
  assert.ok(en[1].startsWith('In Bolivia 2020, ') && en[1].includes('24.93') && en[1].includes('76%'));
  assert.ok(en[2].includes('+2.69 points after the cutoff'));
  assert.ok(en[3].includes('10.32 points, interval 9.77 to 10.86'));
  // The family's general composition and transmission bullets are replaced by the specific ones.
  const keys = innocentExplanations(projection).map((m) => m.key);
  assert.ok(!keys.includes('innocent.composition') && !keys.includes('innocent.transmission_delays'));
  assert.equal(keys.length, 5);
});

test('the same family gives different explanations for different findings', () => {
  const threshold = { ...projection, details: { median: 10.3, lo: 9.8, hi: 10.9, shareAbove: 0.87 } };
  assert.notDeepEqual(texts(projection), texts(threshold));
  const c05s = { ...base, method: 'c05s', family: 'digits' as const, statistic: 0.1973, details: { nullShare: 0.2 } };
  const benford = {
    ...base,
    method: 'first_digit_benford',
    family: 'digits' as const,
    details: { ordersOfMagnitude: { central90: 0.88, range: 2.36 } },
  };
  assert.ok(texts(benford)[0].includes('span about 0.9 orders of magnitude,'));
  const lastDigit = { ...base, method: 'last_digit', family: 'digits' as const, details: { minCount: 10 } };
  assert.ok(texts(c05s)[0].startsWith('19.7% of these MAS - IPSP figures end in 0 or 5, against 20% expected'));
  assert.ok(texts(lastDigit)[0].includes('well above 10'));
  assert.notDeepEqual(texts(c05s), texts(lastDigit));
});

test('direction decides the wording: persistence gain or loss, correlation sign', () => {
  const persistence = {
    ...base,
    method: 'persistence',
    family: 'persistence' as const,
    details: { electionA: 'bolivia-2019', electionB: 'bolivia-2020', stratum: 'municipality' },
  };
  assert.equal(innocentExplanations({ ...persistence, effect: -1.49 })[0].key, 'innocent.persistence_regression');
  assert.equal(innocentExplanations({ ...persistence, effect: 2.4 })[0].key, 'innocent.persistence_gain');
  assert.ok(texts({ ...persistence, effect: -1.49 })[0].includes('-1.49 points for MAS - IPSP'));
  const correlation = { ...base, method: 'turnout_share_correlation', family: 'distribution' as const };
  assert.equal(innocentExplanations({ ...correlation, statistic: 0.04 })[0].key, 'innocent.turnout_support_together');
  assert.equal(innocentExplanations({ ...correlation, statistic: -0.2 })[0].key, 'innocent.turnout_support_opposite');
});

test('screens on the flagged stations say so; every family and method gives 1 to 5 explanations in every language', () => {
  const flagged = innocentExplanations({
    ...base,
    family: 'distribution',
    method: 'dip_test',
    role: 'screen',
    onFlaggedStations: true,
  });
  assert.ok(flagged.some((m) => m.key === 'innocent.flagged_selection'));
  const methods = [
    'x',
    'c05s',
    'p05s',
    'first_digit_benford',
    'last_digit',
    'dip_test',
    'skew_kurtosis',
    'sobyanin_sukhovolsky',
    'clean_peak_excess',
    'election_fingerprint',
    'discontinuity',
    'persistence',
  ];
  for (const family of Object.keys(INNOCENT_EXPLANATIONS) as MethodFamily[])
    for (const method of methods)
      for (const details of [{}, projection.details]) {
        const list = innocentExplanations({ ...base, family, method, details });
        assert.ok(list.length >= 1 && list.length <= 5, `${family}/${method}`);
        assert.equal(new Set(list.map((m) => m.key)).size, list.length, 'no repeated explanation');
        for (const lang of LANGS) for (const m of list) assert.ok(renderMessage(m, lang).length > 40);
      }
});
