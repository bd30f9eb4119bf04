import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MethodResult, methodRegistry, persistence } from '@tally/core';
import { buildReport, type ReportInput } from './build_report.ts';
import { familyOf, INNOCENT_EXPLANATIONS, type MethodFamily } from './families.ts';
import { LANGS } from './i18n/index.ts';
import type { Report } from './model.ts';
import { benjaminiHochberg, holm } from './multiple_testing.ts';
import { renderJson } from './render/json.ts';
import { decideVerdict } from './verdict.ts';

function result(method: string, pValue: number | null, extra: Partial<MethodResult> = {}): MethodResult {
  return {
    method,
    statistic: 1.5,
    statisticName: 'stat',
    pValue,
    pValueKind: pValue === null ? 'none' : 'asymptotic',
    n: 1000,
    excluded: [],
    details: {},
    warnings: [],
    ...extra,
  };
}

function build(input: Partial<ReportInput> & Pick<ReportInput, 'results'>): Report {
  const r = buildReport({ title: 't', inputs: [], seed: 1, version: '0.1.0', ...input });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

test('decision rule: reject at adjusted p <= alpha, direction, power and calibration', () => {
  const base = { alpha: 0.05, direction: 'any' as const, effect: 1, n: 100 };
  assert.deepEqual(decideVerdict({ ...base, adjustedPValue: 0.05 }), {
    verdict: 'consistent_with_allegation',
    reason: 'significant_in_alleged_direction',
  });
  assert.equal(decideVerdict({ ...base, adjustedPValue: 0.0500001 }).verdict, 'not_supported');
  assert.equal(decideVerdict({ ...base, adjustedPValue: null }).reason, 'no_test');
  assert.equal(decideVerdict({ ...base, adjustedPValue: 0.001, minStations: 200 }).reason, 'too_few_stations');
  assert.equal(
    decideVerdict({ ...base, adjustedPValue: 0.001, direction: 'positive', effect: -2 }).reason,
    'significant_opposite_direction',
  );
  assert.equal(
    decideVerdict({ ...base, adjustedPValue: 0.001, direction: 'positive', effect: 0 }).verdict,
    'not_supported',
  );
  assert.equal(
    decideVerdict({ ...base, adjustedPValue: 0.001, direction: 'negative', effect: -2 }).verdict,
    'consistent_with_allegation',
  );
  const weak = { falsePositiveRate: 0.05, alpha: 0.05, runs: 400, power: 0.3 };
  assert.equal(decideVerdict({ ...base, adjustedPValue: 0.4, calibration: weak }).reason, 'low_power');
  assert.equal(
    decideVerdict({ ...base, adjustedPValue: 0.001, calibration: weak }).verdict,
    'consistent_with_allegation',
  );
  const loose = { falsePositiveRate: 0.2, alpha: 0.05, runs: 400 };
  assert.equal(decideVerdict({ ...base, adjustedPValue: 0.001, calibration: loose }).reason, 'miscalibrated');
  // 0.07 over 400 runs is inside noise of 0.05: no miscalibration.
  const ok = { falsePositiveRate: 0.07, alpha: 0.05, runs: 400 };
  assert.equal(
    decideVerdict({ ...base, adjustedPValue: 0.001, calibration: ok }).verdict,
    'consistent_with_allegation',
  );
});

test('adjusted p-values are BH (default) or Holm over the findings that have a p-value', () => {
  const ps = [0.01, 0.04, null, 0.03, 0.2];
  const results = ps.map((p, i) => ({ result: result(`m${i}`, p) }));
  const bh = build({ results });
  const present = ps.filter((p): p is number => p !== null);
  assert.deepEqual(
    bh.findings.map((f) => f.adjustedPValue),
    [benjaminiHochberg(present)[0], benjaminiHochberg(present)[1], null, ...benjaminiHochberg(present).slice(2)],
  );
  assert.equal(bh.summary.tests, 4);
  const hm = build({ results, correction: 'holm' });
  assert.deepEqual(
    hm.findings.filter((f) => f.adjustedPValue !== null).map((f) => f.adjustedPValue),
    holm(present),
  );
  // 0.04 alone would reject at 0.05; after BH over 4 tests it is 0.04 * 4 / 3 and does not.
  assert.equal(bh.findings[1].verdict, 'not_supported');
  assert.equal(bh.findings[0].verdict, 'consistent_with_allegation');
  assert.equal(bh.findings[2].verdict, 'inconclusive');
});

test('every finding lists innocent explanations, for every family, in every language', () => {
  const families = Object.keys(INNOCENT_EXPLANATIONS) as MethodFamily[];
  for (const fam of families) assert.ok(INNOCENT_EXPLANATIONS[fam].length >= 3, fam);
  for (const lang of LANGS) {
    const rep = build({
      lang,
      results: families.map((family) => ({ result: result(`x_${family}`, 0.5), context: { family } })),
    });
    for (const f of rep.findings) {
      assert.ok(f.innocentExplanations.length >= 3);
      for (const e of f.innocentExplanations) assert.ok(e.text.length > 40);
    }
  }
});

test("a method's family is the one it declares; an unknown id is generic", () => {
  for (const method of [...methodRegistry, persistence]) {
    assert.equal(familyOf(method.id), method.family, method.id);
    assert.notEqual(method.family, 'generic', `${method.id} declares no family of its own`);
    assert.ok(INNOCENT_EXPLANATIONS[method.family].length >= 3, method.id);
    assert.match(method.question, /^[A-Z].{20,}\?$/, `${method.id}: its question is one sentence asking something`);
  }
  assert.equal(familyOf('something_new'), 'generic');
});

test('every verdict reason renders in every language, and no text says fraud was detected', () => {
  const cal = { falsePositiveRate: 0.3, alpha: 0.05, runs: 400 };
  const results = [
    { result: result('a', 0.001) },
    { result: result('b', 0.001), context: { direction: 'negative' as const, effect: 3, effectName: 'shift' } },
    { result: result('c', 0.9) },
    { result: result('d', null) },
    { result: result('e', 0.001, { n: 5 }), context: { minStations: 30 } },
    { result: result('f', 0.9), context: { calibration: { ...cal, falsePositiveRate: 0.05, power: 0.2 } } },
    { result: result('g', 0.0001), context: { calibration: cal } },
  ];
  for (const lang of LANGS) {
    const rep = build({ lang, results });
    assert.deepEqual(
      rep.findings.map((f) => f.verdictReason),
      [
        'significant_in_alleged_direction',
        'significant_opposite_direction',
        'not_significant',
        'no_test',
        'too_few_stations',
        'low_power',
        'miscalibrated',
      ],
    );
    const json = renderJson(rep);
    assert.doesNotMatch(json, /fraud detected|fraude detectado|фальсификация обнаружена/i);
    for (const f of rep.findings) assert.doesNotMatch(f.explanation.text, /\{[a-zA-Z]+\}/);
  }
});

test('same results in any order give byte-identical JSON; inputs are not mutated', () => {
  const results = [
    { result: result('persistence', 0.2, { target: 'MAS', region: 'La Paz' }) },
    { result: result('persistence', 0.01, { target: 'MAS' }) },
    { result: result('dip_test', 0.5, { target: 'turnout' }) },
    { result: result('dip_test', 0.5, { target: 'turnout' }) },
  ];
  const frozen = JSON.stringify(results);
  const issues = [
    { level: 'warning' as const, file: 'b.csv', row: 3, rule: 'r', message: 'm' },
    { level: 'error' as const, file: 'a.csv', row: 9, column: 'x', rule: 'r', message: 'm' },
  ];
  const inputs = [
    { path: 'z.csv', sha256: 'f'.repeat(64) },
    { path: 'a.csv', sha256: '0'.repeat(64) },
  ];
  const a = renderJson(build({ results, validationIssues: issues, inputs }));
  const b = renderJson(
    build({ results: [...results].reverse(), validationIssues: [...issues].reverse(), inputs: [...inputs].reverse() }),
  );
  assert.equal(a, b);
  assert.equal(JSON.stringify(results), frozen);
  const rep = build({ results, validationIssues: issues, inputs });
  assert.deepEqual(
    rep.findings.map((f) => f.id),
    ['dip_test:turnout', 'dip_test:turnout#2', 'persistence:MAS', 'persistence:MAS@La Paz'],
  );
  assert.equal(rep.validationIssues[0].file, 'a.csv');
  assert.equal(rep.inputs[0].path, 'a.csv');
  assert.equal(rep.summary.validationErrors, 1);
  assert.doesNotMatch(a, /"(generatedAt|timestamp|date)"/);
});

test('invalid alpha or correction is an invalid_options error; a bad p-value is degenerate_input', () => {
  for (const alpha of [0, 1, -0.1, Number.NaN]) {
    const r = buildReport({ title: 't', inputs: [], seed: 1, version: 'v', results: [], alpha });
    assert.ok(!r.ok && r.error.kind === 'invalid_options');
  }
  // biome-ignore lint/suspicious/noExplicitAny: deliberately invalid input from an untyped caller.
  const c = buildReport({ title: 't', inputs: [], seed: 1, version: 'v', results: [], correction: 'fdr' as any });
  assert.ok(!c.ok && c.error.kind === 'invalid_options');
  const p = buildReport({ title: 't', inputs: [], seed: 1, version: 'v', results: [{ result: result('m', 1.2) }] });
  assert.ok(!p.ok && p.error.kind === 'degenerate_input');
});

test('an empty report is valid and says so', () => {
  const rep = build({ results: [] });
  assert.equal(rep.summary.findings, 0);
  assert.equal(rep.caveats.length, 6);
  assert.equal(rep.allegation, null);
});

test('digit methods get a digit histogram from their details when the caller gives no plot', () => {
  const freq = [120, 115, 100, 98, 97, 95, 94, 93, 92, 96];
  const rep = build({
    results: [
      {
        result: result('second_digit_benford', 0.2, { details: { frequencies: freq, expected: freq.map(() => 100) } }),
      },
      {
        result: result('first_digit_benford', 0.2, {
          details: { frequencies: freq.slice(1), expected: freq.slice(1) },
        }),
      },
      { result: result('last_digit', 0.2, { details: { frequencies: freq } }) },
      { result: result('last_digit', 0.2, { details: { frequencies: [1, 2] } }) },
      { result: result('dip_test', 0.2, { details: { frequencies: freq } }) },
    ],
  });
  const byId = new Map(rep.findings.map((f) => [f.id, f.plot]));
  const second = byId.get('second_digit_benford');
  const last = byId.get('last_digit');
  assert.ok(second?.kind === 'digit_histogram' && last?.kind === 'digit_histogram');
  assert.ok(Math.abs(second.observed.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(second.observed[0], 120 / 1000);
  assert.equal(last.expected[3], 0.1);
  assert.equal(byId.get('last_digit#2'), null, 'malformed details give no plot');
  assert.equal(byId.get('dip_test'), null, 'other methods give no default plot');
  const digitsOf = rep.findings.find((f) => f.method === 'first_digit_benford')?.plot;
  assert.ok(digitsOf?.kind === 'digit_histogram' && digitsOf.digits[0] === 1 && digitsOf.digits.length === 9);
});

test('screens are worded as general checks, not as the allegation’s prediction', () => {
  for (const lang of LANGS) {
    const rep = build({
      lang,
      results: [
        { result: result('a_screen', 0.001), context: { role: 'screen' } },
        { result: result('b_screen', 0.9), context: { role: 'screen' } },
        { result: result('c_alleged', 0.001) },
      ],
    });
    assert.deepEqual(
      rep.findings.map((f) => [f.role, f.verdict, f.explanation.message.key]),
      [
        ['screen', 'consistent_with_allegation', 'reason.screen_significant'],
        ['screen', 'not_supported', 'reason.screen_not_significant'],
        ['allegation', 'consistent_with_allegation', 'reason.significant_in_alleged_direction'],
      ],
    );
  }
});
