import assert from 'node:assert/strict';
import { test } from 'node:test';
import { terminalSafe } from './terminal_safe.ts';

test('escape sequences, C1 controls and bidi overrides from data are written as visible escapes', () => {
  assert.equal(terminalSafe('A\u001b[2JB'), 'A\\u001b[2JB');
  assert.equal(terminalSafe('\u001b]0;title\u0007x'), '\\u001b]0;title\\u0007x');
  assert.equal(terminalSafe('a\u009b2Jb'), 'a\\u009b2Jb');
  assert.equal(terminalSafe('abc\u202edef'), 'abc\\u202edef');
  assert.equal(terminalSafe('x\ry'), 'x\\u000dy');
  assert.equal(terminalSafe('tab\tand\nline'), 'tab\tand\nline');
  assert.equal(terminalSafe('Potosí 日本'), 'Potosí 日本');
});

test("the CLI's own colors survive only when color is on; hiding styles never do", () => {
  assert.equal(terminalSafe('\u001b[31merror:\u001b[39m', true), '\u001b[31merror:\u001b[39m');
  assert.equal(terminalSafe('\u001b[31merror:\u001b[39m', false), '\\u001b[31merror:\\u001b[39m');
  assert.equal(terminalSafe('\u001b[8mhidden', true), '\\u001b[8mhidden');
});

test('inside JSON strings the escape is the same character', () => {
  const json = JSON.stringify({ name: 'A\u202eB\u0085' });
  assert.deepEqual(JSON.parse(terminalSafe(json)), { name: 'A\u202eB\u0085' });
});
