import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../test/run_cli.ts';
import { abbreviations } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-run-table-'));
const csv = join(dir, 'long-names.csv');
after(() => rmSync(dir, { recursive: true, force: true }));

// Two parties whose names agree on their first 22 characters, as in the Russian CIK files.
const A = '7. Политическая партия «Справедливая Россия»';
const B = '7. Политическая партия «Единая Россия»';

before(async () => {
  const sim = join(dir, 'sim.csv');
  const r = await runCli(['simulate', '--stations', '600', '--seed', '5', '--out', sim]);
  assert.equal(r.code, 0, r.stderr);
  const [header, ...rows] = readFileSync(sim, 'utf8').split('\n');
  const cols = header.split(',');
  const first = cols.indexOf('arrival_rank') + 1;
  cols[first] = A;
  cols[first + 1] = B;
  writeFileSync(csv, [cols.join(','), ...rows].join('\n'));
});

test('abbreviations: a name that fits is kept; longer ones are cut, tagged and keyed in full', () => {
  const names = abbreviations(22);
  assert.equal(names.cell('turnout'), 'turnout');
  const a = names.cell(A);
  const b = names.cell(B);
  assert.equal(a.length, 22);
  assert.ok(a.endsWith('… [1]') && b.endsWith('… [2]'));
  assert.notEqual(a, b);
  assert.equal(names.cell(A), a);
  assert.deepEqual(names.key(), [
    [1, A],
    [2, B],
  ]);
});

test('tally run: long names are told apart with a key, each warning is printed under its row, regions shown', async () => {
  const r = await runCli([
    'run',
    csv,
    '--preset',
    'tally-simulated',
    '--methods',
    'c05s,integer_percent',
    '--option',
    'integer_percent.replicates=50',
    '--bootstrap',
    '0',
    '--candidates',
    `${A},${B}`,
    '--quiet',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const key = lines.indexOf('Names in full:');
  assert.ok(key > 0, r.stdout);
  const keyed = lines.slice(key + 1, key + 3);
  assert.deepEqual(keyed.map((l) => l.replace(/^ {2}\[\d\] /, '')).sort(), [A, B].sort());
  for (const l of keyed) {
    const tag = /^ {2}(\[\d\])/.exec(l)![1];
    assert.ok(
      lines.some((row) => row.includes(`… ${tag}`) && row.includes('c05s')),
      `no c05s row tagged ${tag}`,
    );
  }
  // integer_percent warns with fewer than 1000 replicates: the reason is printed under the marked row.
  const marked = lines.findIndex((l) => l.includes('integer_percent') && l.endsWith(' !'));
  assert.ok(marked > 0, r.stdout);
  assert.match(lines[marked + 1], /^ {4}! only 50 replicates/);

  const json = await runCli([
    'run',
    csv,
    '--preset',
    'tally-simulated',
    '--methods',
    'integer_percent',
    '--option',
    'replicates=50',
    '--bootstrap',
    '0',
    '--json',
  ]);
  assert.equal(json.code, 0, json.stderr);
  const ip = JSON.parse(json.stdout).results as { region?: string }[];
  // The method's own per-region rows (the widest level with two or more labels) carry their region.
  assert.equal(ip[0].region, undefined);
  assert.ok(ip.length > 2);
  for (const x of ip.slice(1)) assert.match(x.region ?? '', /\S/);
  const lines2 = (
    await runCli(['run', csv, '--preset', 'tally-simulated', '--methods', 'integer_percent', '--bootstrap', '0'])
  ).stdout;
  for (const x of ip.slice(1)) assert.ok(lines2.includes(`\n${x.region}\n`), `no heading for ${x.region}`);
});
