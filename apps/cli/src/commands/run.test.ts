import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { methodRegistry } from '@tally/core';
import { ensureBuilt } from '../../test/run_cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-run-'));
const csv = join(dir, 'sim.csv');
after(() => rmSync(dir, { recursive: true, force: true }));

const bin = fileURLToPath(new URL('../../bin/tally.js', import.meta.url));

// The CLI runs as a child process: capturing process.stdout in-process would also capture the test
// runner's own messages, which travel on stdout.
function capture(argv: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

before(() => {
  ensureBuilt();
  const r = capture(['simulate', '--stations', '800', '--seed', '3', '--out', csv]);
  assert.equal(r.code, 0, r.err);
});

test('tally run --json: battery per region with bootstrap intervals and BH-adjusted p-values', () => {
  const r = capture([
    'run',
    csv,
    '--preset',
    'tally-simulated',
    '--by',
    'region',
    '--bootstrap',
    '40',
    '--seed',
    '2',
    '--threads',
    '1',
    '--json',
  ]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.by, 'region');
  assert.equal(j.bootstrap.replicates, 40);
  assert.ok(j.targets.length >= 2);
  assert.ok(j.results.some((x: { region?: string }) => x.region !== undefined));
  const tested = j.results.filter((x: { pValue: number | null }) => x.pValue !== null);
  assert.ok(tested.length > 10);
  for (const x of tested) assert.ok(x.pAdjusted >= x.pValue - 1e-15 && x.pAdjusted <= 1);
  // Same seed, same bytes, whatever the thread count.
  const threaded = capture([
    'run',
    csv,
    '--preset',
    'tally-simulated',
    '--by',
    'region',
    '--bootstrap',
    '40',
    '--seed',
    '2',
    '--threads',
    '2',
    '--json',
  ]);
  assert.equal(threaded.code, 0, threaded.err);
  assert.equal(threaded.out, r.out);
  const again = capture([
    'run',
    csv,
    '--preset',
    'tally-simulated',
    '--by',
    'region',
    '--bootstrap',
    '40',
    '--seed',
    '2',
    '--json',
  ]);
  assert.equal(again.out, r.out);
});

test('tally run: the whole-table bootstrap interval is the same with and without --by region', () => {
  const args = ['run', csv, '--preset', 'tally-simulated', '--bootstrap', '40', '--seed', '2', '--threads', '1'];
  const split = capture([...args, '--by', 'region', '--json']);
  const plain = capture([...args, '--json']);
  assert.equal(split.code, 0, split.err);
  assert.equal(plain.code, 0, plain.err);
  type Cell = { method: string; target: string; region?: string; details: { bootstrap?: unknown } };
  // BH adjusts over every cell of a run, so only the cells' own statistics and intervals are compared.
  const intervals = (cells: Cell[]) =>
    cells.filter((x) => x.region === undefined).map((x) => [x.method, x.target, x.details.bootstrap]);
  const whole = intervals(JSON.parse(split.out).results);
  assert.ok(whole.filter((x) => x[2] !== undefined).length >= 10);
  assert.deepEqual(whole, intervals(JSON.parse(plain.out).results));
});

test('tally run: a chunked method (integer_percent) per region gives the same JSON on 1 and 2 worker threads', () => {
  const args = ['run', csv, '--preset', 'tally-simulated', '--methods', 'integer_percent,c05s', '--by', 'region'];
  const one = capture([...args, '--bootstrap', '20', '--seed', '5', '--threads', '1', '--json']);
  assert.equal(one.code, 0, one.err);
  const ip = JSON.parse(one.out).results.filter((x: { method: string }) => x.method === 'integer_percent');
  assert.ok(ip.length >= 2, 'integer_percent ran overall and in at least one region');
  const two = capture([...args, '--bootstrap', '20', '--seed', '5', '--threads', '2', '--json']);
  assert.equal(two.code, 0, two.err);
  assert.equal(two.out, one.out);
});

test('tally run: every registered method gives the same JSON in one thread and side by side on 2 or 3 threads', () => {
  const methods = methodRegistry.map((m) => m.id).join(',');
  const args = ['run', csv, '--preset', 'tally-simulated', '--methods', methods, '--bootstrap', '0', '--seed', '4'];
  const one = capture([...args, '--threads', '1', '--json']);
  assert.equal(one.code, 0, one.err);
  assert.ok(JSON.parse(one.out).results.length >= methodRegistry.length - 2, 'most methods ran');
  // 2 threads: one worker and the main thread take the methods from one queue; 3: two workers and the main thread.
  for (const threads of ['2', '3']) {
    const side = capture([...args, '--threads', threads, '--json']);
    assert.equal(side.code, 0, side.err);
    assert.equal(side.out, one.out, `--threads ${threads}`);
  }
});

test('tally run prints a table, and rejects unknown methods and region levels with exit 2', () => {
  const t = capture(['run', csv, '--preset', 'tally-simulated', '--methods', 'c05s,p05s', '--bootstrap', '0']);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /c05s/);
  assert.match(t.out, /not verdicts/);
  const bad = capture(['run', csv, '--preset', 'tally-simulated', '--methods', 'benford_magic']);
  assert.equal(bad.code, 2);
  const lvl = capture(['run', csv, '--preset', 'tally-simulated', '--by', 'planet']);
  assert.equal(lvl.code, 2);
  const boot = capture(['run', csv, '--preset', 'tally-simulated', '--bootstrap', '-3']);
  assert.equal(boot.code, 2);
});
