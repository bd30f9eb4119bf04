import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'tally-run-options-'));
const csv = join(dir, 'sim.csv');
after(() => rmSync(dir, { recursive: true, force: true }));

const bin = fileURLToPath(new URL('../../bin/tally.js', import.meta.url));

function capture(argv: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const klimek = (...options: string[]) =>
  capture([
    'run',
    csv,
    '--preset',
    'tally-simulated',
    '--methods',
    'klimek_fraud_model',
    ...options.flatMap((o) => ['--option', o]),
    '--json',
  ]);

before(() => {
  const r = capture(['simulate', '--stations', '600', '--seed', '5', '--out', csv]);
  assert.equal(r.code, 0, r.err);
});

test('--option reaches the method: alpha, min_voters (snake case) and replicates', () => {
  const r = klimek('alpha=2.3', 'min_voters=500', 'klimek_fraud_model.replicates=5');
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(r.out).results[0];
  assert.equal(result.details.alpha, 2.3);
  assert.equal(result.details.minVoters, 500);
  assert.equal(result.replicates, 5);
  const small = result.excluded.find((e: { reason: string }) => e.reason.includes('minVoters'));
  assert.ok(small !== undefined && small.count > 0, JSON.stringify(result.excluded));
  assert.equal(result.n + small.count, 600);
});

test('--option: unknown names, bad values and malformed text exit 2 naming the option', () => {
  const cases: [string, RegExp][] = [
    ['gamma=1', /unknown option "gamma"/],
    ['alpha=abc', /option "alpha" of klimek_fraud_model must be a number/],
    ['alpha=0', /option "alpha" of klimek_fraud_model must be between/],
    ['bins=2.5', /option "bins" of klimek_fraud_model must be a whole number/],
    ['min_voters=-1', /option "min_voters" of klimek_fraud_model must be between/],
    ['alpha', /option "alpha" must be written name=value/],
    ['dip_test.alpha=1', /method "dip_test" is not among the chosen methods/],
  ];
  for (const [option, message] of cases) {
    const r = klimek(option);
    assert.equal(r.code, 2, `${option}: ${r.err}`);
    assert.match(r.err, message, option);
    assert.doesNotMatch(r.err, /\n\s+at /, `${option}: no stack trace`);
  }
});
