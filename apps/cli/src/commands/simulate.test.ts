import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createRng, injectFraud, simulateElection, simulateElectionPair } from '@tally/core';
import { loadTable } from '@tally/ingest';
import { main } from '../main.ts';
import { csvField } from './simulate_csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-simulate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function quietly(argv: string[]): Promise<{ code: number; out: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  // Binary chunks are node's test runner reporting to its parent: pass them through (see apps/cli/test/run_cli.ts).
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    return { code: await main(['node', 'tally', ...argv]), out };
  } finally {
    process.stdout.write = write;
  }
}

test('tally simulate writes a CSV that ingest reads back as the same table, and its ground truth', async () => {
  const out = join(dir, 'sim.csv');
  const r = await quietly([
    'simulate',
    '--stations',
    '300',
    '--inject',
    'vote_switching:0.1',
    '--seed',
    '5',
    '--out',
    out,
  ]);
  assert.equal(r.code, 0);
  const rng = createRng(5);
  const expected = injectFraud(
    simulateElection({ stations: 300 }, rng),
    { kind: 'vote_switching', fraction: 0.1 },
    rng,
  );
  const loaded = await loadTable(out, { preset: 'tally-simulated' });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
  const t = loaded.value.table;
  const e = expected.table;
  assert.equal(t.n, e.n);
  assert.deepEqual(t.ids, e.ids);
  assert.deepEqual(Array.from(t.registered), Array.from(e.registered));
  assert.deepEqual(Array.from(t.ballotsCast), Array.from(e.ballotsCast));
  assert.deepEqual(Array.from(t.valid), Array.from(e.valid));
  assert.deepEqual(Array.from(t.invalid), Array.from(e.invalid));
  assert.deepEqual(
    t.candidates.map((c) => [c.name, Array.from(c.votes)]),
    e.candidates.map((c) => [c.name, Array.from(c.votes)]),
  );
  assert.deepEqual(Array.from(t.arrival?.values ?? []), Array.from(e.arrival?.values ?? []));
  assert.deepEqual(
    t.regions.map((l) => l.name),
    ['country', 'region', 'district'],
  );
  assert.equal(t.shareOf, 'valid');
  const truth = readFileSync(join(dir, 'sim.truth.csv'), 'utf8').trim().split('\n');
  assert.equal(truth.length, 301);
  const flagged = truth.slice(1).filter((line) => line.split(',')[1] === '1').length;
  assert.equal(flagged, expected.truth.injections[0].stationsChanged);
  assert.ok(flagged > 20);
});

test('tally simulate is byte-identical per seed and rejects bad flags with exit code 2', async () => {
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  assert.equal((await quietly(['simulate', '--stations', '50', '--seed', '9', '--out', a])).code, 0);
  assert.equal((await quietly(['simulate', '--stations', '50', '--seed', '9', '--out', b])).code, 0);
  assert.equal(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'));
  const stderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    assert.equal((await quietly(['simulate', '--stations', '0', '--out', a])).code, 2);
    assert.equal((await quietly(['simulate', '--inject', 'bogus:0.1', '--out', a])).code, 2);
    assert.equal((await quietly(['simulate', '--stations', '10'])).code, 2);
  } finally {
    process.stderr.write = stderr;
  }
});

test('tally simulate --previous writes an earlier clean election on the same stations', async () => {
  const out = join(dir, 'now.csv');
  const prev = join(dir, 'before.csv');
  const argv = ['simulate', '--stations', '120', '--inject', 'late_count:0.2', '--seed', '4'];
  const r = await quietly([...argv, '--out', out, '--previous', prev]);
  assert.equal(r.code, 0);
  const rng = createRng(4);
  const pair = simulateElectionPair({ stations: 120 }, rng);
  const expected = injectFraud(pair.second, { kind: 'late_count', fraction: 0.2 }, rng);
  const now = await loadTable(out, { preset: 'tally-simulated' });
  const before = await loadTable(prev, { preset: 'tally-simulated' });
  assert.ok(now.ok && before.ok);
  assert.deepEqual(now.value.table.ids, before.value.table.ids);
  assert.deepEqual(Array.from(now.value.table.valid), Array.from(expected.table.valid));
  assert.deepEqual(
    Array.from(before.value.table.candidates[0].votes),
    Array.from(pair.first.table.candidates[0].votes),
  );
});

test('CSV fields with commas, quotes or padding are quoted', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "x"'), '"say ""x"""');
  assert.equal(csvField(' pad'), '" pad"');
  assert.equal(csvField(12), '12');
});
