import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrateMethod, defaultConditions, defaultScenarios, persistence, summarizeForJson } from '@tally/core';
import { main } from '../main.ts';
import { BLOCK_BEGIN, BLOCK_END, calibrationMarkdown, methodBlock, withMethodBlock } from './calibrate_docs.ts';
import { calibratableMethods, calibrateAll } from './calibrate_run.ts';

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  let out = '';
  // Binary chunks are node's test runner reporting to its parent: pass them through (see apps/cli/test/run_cli.ts).
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return { code: await main(['node', 'tally', ...argv]), out };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

const plan = {
  reps: 12,
  powerReps: 4,
  seed: 2,
  alpha: 0.05,
  conditions: { ...defaultConditions, simulation: { stations: 200 } },
  scenarios: [{ kind: 'late_count' as const, fraction: 0.1, intensity: 0.2 }],
};

test('persistence is calibratable, and worker threads give the same result as one thread', async () => {
  assert.ok(calibratableMethods().some((m) => m.id === 'persistence'));
  const serial = await calibrateAll([persistence], plan, 1);
  const parallel = await calibrateAll([persistence], plan, 2);
  assert.deepEqual(parallel, serial);
  assert.deepEqual(serial[0], calibrateMethod(persistence, plan));
});

test('tally calibrate --json prints falsePositiveRate with its interval and a power table per method', async () => {
  const r = await capture([
    'calibrate',
    '--methods',
    'persistence',
    '--reps',
    '10',
    '--power-reps',
    '3',
    '--stations',
    '200',
    '--inject',
    'late_count:0.1:0.2',
    '--workers',
    '1',
    '--json',
  ]);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out);
  const p = json.methods.persistence;
  assert.equal(p.runs, 10);
  assert.equal(typeof p.falsePositiveRate, 'number');
  assert.equal(p.falsePositiveRate, p.rejections / p.runs);
  // Clopper-Pearson by its definition, summed here from the binomial pmf: at the lower bound P(X >= k) = 0.025,
  // at the upper bound P(X <= k) = 0.025 (and the bound is 0 or 1 when k is 0 or n).
  const pmf = (k: number, n: number, q: number) => {
    let c = 1;
    for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
    return c * q ** k * (1 - q) ** (n - k);
  };
  const tail = (from: number, to: number, q: number) => {
    let s = 0;
    for (let k = from; k <= to; k++) s += pmf(k, p.runs, q);
    return s;
  };
  const { lower, upper } = p.falsePositiveInterval;
  if (p.rejections === 0) assert.equal(lower, 0);
  else assert.ok(Math.abs(tail(p.rejections, p.runs, lower) - 0.025) < 1e-6, `lower ${lower}`);
  if (p.rejections === p.runs) assert.equal(upper, 1);
  else assert.ok(Math.abs(tail(0, p.rejections, upper) - 0.025) < 1e-6, `upper ${upper}`);
  assert.equal(p.power.length, 1);
  assert.equal(p.power[0].kind, 'late_count');
  assert.equal(p.power[0].runs, 3);
  assert.equal(json.conditions.stations, 200);
});

test('tally calibrate rejects unknown methods and bad numbers with exit code 2', async () => {
  assert.equal((await capture(['calibrate', '--methods', 'nope'])).code, 2);
  assert.equal((await capture(['calibrate', '--reps', '0'])).code, 2);
  assert.equal((await capture(['calibrate', '--alpha', '2'])).code, 2);
  assert.equal((await capture(['calibrate', '--inject', 'late_count:7'])).code, 2);
});

test('docs: the table quotes every method, flags large sizes, and method blocks are replaced in place', () => {
  const c = summarizeForJson(calibrateMethod(persistence, { ...plan, scenarios: defaultScenarios.slice(0, 2) }));
  const bad = { ...c, method: 'bad_method', falsePositiveRate: 0.2, sizeExceedsThreshold: true };
  const md = calibrationMarkdown([c, bad], 'npx tally calibrate --write-docs');
  assert.match(md, /\| \[persistence\]\(methods\/persistence\.md\)/);
  assert.match(md, /bad_method.*size above 0\.08/);
  assert.doesNotMatch(md, /fraud detected/i);
  const page = '# persistence\n\ntext\n';
  const once = withMethodBlock(page, methodBlock(c, 'cmd'));
  assert.ok(once.startsWith('# persistence\n\ntext\n\n'));
  const twice = withMethodBlock(once, methodBlock(c, 'cmd'));
  assert.equal(twice, once);
  assert.equal(twice.split(BLOCK_BEGIN).length, 2);
  assert.ok(twice.trimEnd().endsWith(BLOCK_END));
});

test('--write-docs writes docs/calibration.md, the measured table and the block of each method page', async () => {
  const { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'tally-calibrate-'));
  const cwd = process.cwd();
  try {
    mkdirSync(join(dir, 'packages', 'core', 'src', 'calibrate'), { recursive: true });
    mkdirSync(join(dir, 'docs', 'methods'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'methods', 'persistence.md'), '# persistence\n\nhand-written text\n');
    process.chdir(dir);
    const args = ['calibrate', '--methods', 'persistence', '--reps', '4', '--power-reps', '1', '--stations', '100'];
    const r = await capture([...args, '--workers', '1', '--write-docs']);
    assert.equal(r.code, 0);
    const md = readFileSync(join(dir, 'docs', 'calibration.md'), 'utf8');
    assert.match(md, /\| \[persistence\]\(methods\/persistence\.md\) \| default, 100 stations/);
    const measured = JSON.parse(
      readFileSync(join(dir, 'packages', 'core', 'src', 'calibrate', 'measured_calibrations.json'), 'utf8'),
    );
    assert.equal(measured.length, 1);
    assert.equal(measured[0].runs, 4);
    const page = readFileSync(join(dir, 'docs', 'methods', 'persistence.md'), 'utf8');
    assert.ok(page.startsWith('# persistence\n\nhand-written text\n\n'));
    assert.match(page, /## Measured size and power/);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
});
