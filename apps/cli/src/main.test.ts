import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProgram } from './main.ts';

const NAMES = [
  'audit',
  'validate',
  'summary',
  'latecount',
  'presets',
  'run',
  'simulate',
  'calibrate',
  'serve',
  'batch',
  'map',
  'cache',
];

test('buildProgram loads only the command argv names, none for --version, and every command (in help order) otherwise', async () => {
  for (const version of ['--version', '-V']) {
    const program = await buildProgram(['node', 'tally', version]);
    assert.deepEqual(program.commands, [], version);
  }
  for (const argv of [['--help'], [], ['runn'], ['help', 'run'], ['--version', 'run']]) {
    const program = await buildProgram(['node', 'tally', ...argv]);
    assert.deepEqual(
      program.commands.map((c) => c.name()),
      NAMES,
      argv.join(' '),
    );
  }
  for (const name of NAMES) {
    const program = await buildProgram(['node', 'tally', name, 'x']);
    assert.deepEqual(
      program.commands.map((c) => c.name()),
      [name],
    );
  }
});
