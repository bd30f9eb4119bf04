/**
 * The ingest cache through the real binary: a repeat run prints exactly what the first printed (stdout, stderr with
 * its validation warnings and errors, exit code), `--no-cache` neither reads nor writes it, and `tally cache
 * info|clear` report and empty it. The cache folder is this test's own (TALLY_CACHE_DIR).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run_cli.ts';

const work = mkdtempSync(join(tmpdir(), 'tally-cache-cli-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

const CORPUS = 'packages/ingest/test/corpus';
const MAP = `${CORPUS}/map.json`;

async function inFolder(name: string) {
  process.env.TALLY_CACHE_DIR = join(work, name);
  const info = async () => JSON.parse((await runCli(['cache', 'info', '--json'])).stdout) as { entries: number };
  return { info };
}

const REPEATS: [string, string[]][] = [
  ['validate, warnings', ['validate', `${CORPUS}/ballots_exceed_registered.csv`, '--map', MAP]],
  ['validate, errors (exit 1)', ['validate', `${CORPUS}/negative_count.csv`, '--map', MAP]],
  ['summary of a dataset folder, warnings on stderr', ['summary', 'examples/bolivia-2014']],
  [
    'run, JSON',
    ['run', 'examples/bolivia-2014', '--methods', 'integer_percent', '--option', 'replicates=50', '--json'],
  ],
];

for (const [name, args] of REPEATS) {
  test(`a warm run prints exactly what the cold run printed: ${name}`, async () => {
    const { info } = await inFolder(name.replace(/\W+/g, '-'));
    const cold = await runCli(args);
    assert.equal((await info()).entries, 1, 'the cold run wrote one entry');
    const warm = await runCli(args);
    assert.deepStrictEqual(warm, cold);
    assert.ok(cold.stdout.length > 0);
    const uncached = await runCli([...args, '--no-cache']);
    assert.deepStrictEqual(uncached, cold);
  });
}

test('--no-cache neither writes nor reads the cache; cache clear empties it', async () => {
  const { info } = await inFolder('no-cache');
  const args = ['validate', `${CORPUS}/ballots_exceed_registered.csv`, '--map', MAP];
  await runCli([...args, '--no-cache']);
  assert.equal((await info()).entries, 0);
  await runCli(args);
  assert.equal((await info()).entries, 1);
  const cleared = await runCli(['cache', 'clear']);
  assert.equal(cleared.code, 0);
  assert.match(cleared.stdout, /^removed 1 entries \(/);
  assert.equal((await info()).entries, 0);
  const shown = await runCli(['cache', 'info']);
  assert.equal(shown.stdout, `${join(work, 'no-cache')}\n0 entries, 0.0 MiB\n`);
});
