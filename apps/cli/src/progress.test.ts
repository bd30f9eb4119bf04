import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../test/run_cli.ts';
import { progressDisplay } from './progress.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-progress-'));
const csv = join(dir, 'sim.csv');
after(() => rmSync(dir, { recursive: true, force: true }));

before(async () => {
  const r = await runCli(['simulate', '--stations', '500', '--seed', '9', '--out', csv]);
  assert.equal(r.code, 0, r.stderr);
});

const args = () => ['run', csv, '--preset', 'tally-simulated', '--methods', 'c05s,integer_percent', '--bootstrap', '5'];

test('tally run off a terminal: one progress line per phase on stderr, stdout the same as with --quiet', async () => {
  const loud = await runCli(args());
  const quiet = await runCli([...args(), '--quiet']);
  assert.equal(loud.code, 0, loud.stderr);
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.equal(loud.stdout, quiet.stdout);
  assert.equal(quiet.stderr, '');
  const lines = loud.stderr.trim().split('\n');
  assert.deepEqual(
    lines.map((l) => l.split(' ').slice(0, 2).join(' ')),
    ['tally: reading', 'tally: battery', 'tally: running'],
  );
  assert.match(lines[0], /sim\.csv/);
});

test('tally run --json and --quiet print no progress', async () => {
  const json = await runCli([...args(), '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(json.stderr, '');
  JSON.parse(json.stdout);
});

test('on a terminal the display draws a bar per phase and escapes control characters from data', () => {
  let written = '';
  const stream = {
    isTTY: true,
    columns: 100,
    write: (text: string) => {
      written += text;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  const display = progressDisplay({ quiet: false, lang: 'en', stream });
  display.phase('load', 'evil\u001b[2Jname.csv');
  display.onProgress({ phase: 'battery', label: 'c05s', done: 0, total: 8 });
  display.onProgress({ phase: 'battery', label: 'c05s', done: 8, total: 8 });
  display.stop();
  assert.match(written, /tally: reading evil\\u001b\[2Jname\.csv/);
  assert.ok(!written.includes('\u001b[2J'), 'the clear-screen sequence from the label reached the terminal');
  assert.match(written, /tally: battery \(c05s\) \[[^\]]*\] 8\/8/);
  let silent = '';
  const write = (t: string) => {
    silent += t;
    return true;
  };
  const quiet = progressDisplay({ quiet: true, lang: 'en', stream: { ...stream, write } as never });
  quiet.phase('load', 'x');
  quiet.onProgress({ phase: 'battery', label: 'c05s', done: 1, total: 2 });
  quiet.stop();
  assert.equal(silent, '');
});
