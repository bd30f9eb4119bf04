import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MethodOptionSpec } from './method.ts';
import { parseOptionValue, resolveMethodOptions } from './method_options.ts';

const number = (extra: Partial<MethodOptionSpec>): MethodOptionSpec => ({
  name: 'x',
  description: '',
  type: 'number',
  default: 0,
  ...extra,
});

test('parseOptionValue: types, whole numbers and inclusive ranges', () => {
  assert.deepEqual(parseOptionValue(number({ min: 1, max: 2 }), '1.5'), { ok: true, value: 1.5 });
  assert.deepEqual(parseOptionValue(number({ min: 1, max: 2 }), '2'), { ok: true, value: 2 });
  assert.equal(parseOptionValue(number({ min: 1, max: 2 }), '2.01').ok, false);
  assert.equal(parseOptionValue(number({ min: 1 }), '0.99').ok, false);
  assert.equal(parseOptionValue(number({ integer: true }), '3.5').ok, false);
  for (const bad of ['', ' ', 'abc', 'NaN', 'Infinity', '1e999'])
    assert.equal(parseOptionValue(number({}), bad).ok, false, bad);
  const flag: MethodOptionSpec = { name: 'f', description: '', type: 'boolean', default: false };
  assert.deepEqual(parseOptionValue(flag, 'true'), { ok: true, value: true });
  assert.deepEqual(parseOptionValue(flag, 'false'), { ok: true, value: false });
  assert.equal(parseOptionValue(flag, 'yes').ok, false);
  const text: MethodOptionSpec = { name: 's', description: '', type: 'string', default: '' };
  assert.deepEqual(parseOptionValue(text, 'a=b'), { ok: true, value: 'a=b' });
});

test('resolveMethodOptions: unqualified names go to every method declaring them, qualified to one', () => {
  const a = { id: 'a', options: [number({ name: 'minVoters' }), number({ name: 'alpha' })] };
  const b = { id: 'b', options: [number({ name: 'alpha' })] };
  const r = resolveMethodOptions([a, b], ['alpha=2', 'min_voters=100', 'b.alpha=3']);
  assert.ok(r.ok);
  assert.deepEqual(r.value.get('a'), { alpha: 2, minVoters: 100 });
  assert.deepEqual(r.value.get('b'), { alpha: 3 });
  const unknown = resolveMethodOptions([a, b], ['b.minVoters=1']);
  assert.ok(!unknown.ok && unknown.error.option === 'b.minVoters');
  const none = resolveMethodOptions([], ['alpha=1']);
  assert.ok(!none.ok && /unknown option "alpha"/.test(none.error.message));
});
