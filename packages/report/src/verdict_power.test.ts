/** The verdict rule of issue #16: "not supported" only with power >= 0.8 at the alleged size; refusals are inconclusive. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerVerdict } from './bottom_line_text.ts';
import { decideVerdict, MIN_POWER } from './verdict.ts';

const base = { alpha: 0.05, direction: 'positive' as const, effect: 1, n: 1000 };

test('a non-rejection is not supported only when the power at the alleged size is at least 0.8', () => {
  assert.equal(MIN_POWER, 0.8);
  assert.deepEqual(decideVerdict({ ...base, adjustedPValue: 0.4, powerAtAllegedSize: 0.79 }), {
    verdict: 'inconclusive',
    reason: 'low_power',
  });
  assert.deepEqual(decideVerdict({ ...base, adjustedPValue: 0.4, powerAtAllegedSize: 0.8 }), {
    verdict: 'not_supported',
    reason: 'not_significant',
  });
  // Injection power takes precedence over a simulated calibration's power.
  const calibration = { falsePositiveRate: 0.05, alpha: 0.05, runs: 1000, power: 0.95 };
  assert.equal(
    decideVerdict({ ...base, adjustedPValue: 0.4, calibration, powerAtAllegedSize: 0.5 }).reason,
    'low_power',
  );
  // A rejection in the alleged direction does not need power.
  assert.equal(
    decideVerdict({ ...base, adjustedPValue: 0.01, powerAtAllegedSize: 0.1 }).verdict,
    'consistent_with_allegation',
  );
});

test('a test whose question these data cannot answer is inconclusive whatever its p-value', () => {
  for (const p of [0.001, 0.5])
    assert.deepEqual(decideVerdict({ ...base, adjustedPValue: p, powerAtAllegedSize: 1, identified: false }), {
      verdict: 'inconclusive',
      reason: 'not_identified',
    });
});

test('a bottom-line answer takes its verdict from the findings it rests on', () => {
  assert.equal(answerVerdict(['not_supported', 'consistent_with_allegation']), 'consistent_with_allegation');
  assert.equal(answerVerdict(['inconclusive', 'not_supported']), 'not_supported');
  assert.equal(answerVerdict(['inconclusive']), 'inconclusive');
  assert.equal(answerVerdict([]), 'inconclusive');
});
