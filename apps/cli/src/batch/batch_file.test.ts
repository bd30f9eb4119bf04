import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DataError } from '../cli_io.ts';
import { parseShard, parseThreads } from '../commands/batch.ts';
import { isJobId, readBatchFile, shardJobs } from './batch_file.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-batch-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const folder = join(dir, 'data');
mkdirSync(folder);
writeFileSync(join(folder, 'sim.csv'), 'a\n');
writeFileSync(join(dir, 'secret.csv'), 'a\n');
symlinkSync(join(dir, 'secret.csv'), join(folder, 'link.csv'));

function refused(text: string): string {
  const file = join(folder, 'batch.yaml');
  writeFileSync(file, text);
  try {
    readBatchFile(file);
  } catch (e) {
    assert.ok(e instanceof DataError, String(e));
    assert.ok(e.message.startsWith(`${file}: `), e.message);
    return e.message.slice(file.length + 2);
  }
  assert.fail(`accepted: ${text}`);
}

test('a batch file is read with its defaults and its paths as written', () => {
  const file = join(folder, 'ok.yaml');
  writeFileSync(
    file,
    'version: 1\njobs:\n  - id: a\n    audit: x.yaml\n    lang: es\n  - id: b\n    run: sim.csv\n    methods: [last_digit]\n    options: { alpha: 2.3, klimek_fraud_model.min_voters: 100 }\n',
  );
  const batch = readBatchFile(file);
  assert.equal(batch.folder, folder);
  assert.equal(batch.sha256.length, 64);
  assert.deepEqual(batch.jobs[0], { kind: 'audit', id: 'a', source: 'x.yaml', seed: undefined, lang: 'es' });
  const run = batch.jobs[1];
  assert.equal(run.kind, 'run');
  assert.deepEqual(run.kind === 'run' && run.options, { alpha: 2.3, 'klimek_fraud_model.min_voters': 100 });
});

test('every rule of a batch file names the line and the field', () => {
  const cases: [string, string][] = [
    [
      'version: 1\njobs:\n  - id: a\n    run: sim.csv\n  - id: A\n    run: sim.csv\n',
      'line 5, jobs[1].id: "A" is already the id of jobs[0] [invalid_batch]',
    ],
    [
      'version: 1\njobs:\n  - id: a\n    run: sim.csv\n    colour: red\n',
      'line 5, jobs[0].colour: unknown key for a run job',
    ],
    [
      'version: 1\njobs:\n  - id: a\n    audit: x.yaml\n    methods: [a]\n',
      'line 5, jobs[0].methods: unknown key for a audit job',
    ],
    ['version: 1\njobs:\n  - id: ../x\n    run: sim.csv\n', 'line 3, jobs[0].id: "../x" must be 1 to 64 letters'],
    [
      'version: 1\njobs:\n  - id: a\n    run: ../../etc\n',
      "line 4, jobs[0].run: ../../etc lies outside the batch file's folder",
    ],
    [
      'version: 1\njobs:\n  - id: a\n    run: /etc/passwd\n',
      'line 4, jobs[0].run: /etc/passwd: write the path relative to the batch file',
    ],
    [
      'version: 1\njobs:\n  - id: a\n    run: link.csv\n',
      "line 4, jobs[0].run: link.csv lies outside the batch file's folder",
    ],
    [
      'version: 1\njobs:\n  - id: a\n    audit: x.yaml\n    run: sim.csv\n',
      'line 3, jobs[0]: needs exactly one of audit: or run:',
    ],
    ['version: 2\njobs: []\n', 'line 1, version: must be 1'],
    ['version: 1\njobs: []\n', 'line 2, jobs: must be a non-empty list of jobs'],
    [
      'version: 1\njobs:\n  - id: a\n    run: sim.csv\n    bootstrap: -1\n',
      'line 5, jobs[0].bootstrap: must be a whole number from 0 to 1000000',
    ],
    ['version: 1\njobs:\n  - id: a\n    run: sim.csv\n    seed: 1.5\n', 'line 5, jobs[0].seed: must be a whole number'],
    [
      'version: 1\njobs:\n  - id: a\n    run: sim.csv\n    preset: p\n    map: sim.csv\n',
      'line 6, jobs[0].map: give preset or map, not both',
    ],
    [
      'version: 1\njobs:\n  - id: a\n    run: sim.csv\n    options: { alpha: [1] }\n',
      'line 5, jobs[0].options.alpha: must be a single value',
    ],
    ['version: 1\njobs:\n  - id: a\n    audit: x.yaml\n    lang: fr\n', 'line 5, jobs[0].lang: must be en, es or ru'],
    ['version: 1\nversion: 1\n', 'line 2, column 1: Map keys must be unique [invalid_yaml]'],
    ['- 1\n', 'line 1, top level: must be a mapping'],
    ['version: 1\nextra: 2\njobs: []\n', 'line 2, extra: unknown key'],
  ];
  for (const [text, message] of cases) {
    const got = refused(text);
    assert.ok(got.startsWith(message), `${JSON.stringify(text)}\n  got:  ${got}\n  want: ${message}`);
  }
});

test('the shards of n partition the jobs: each job in exactly one, k in shard k mod n, file order kept', () => {
  const jobs = Array.from({ length: 11 }, (_, k) => `job${k}`);
  for (let n = 1; n <= 13; n++) {
    const seen: number[] = [];
    for (let i = 0; i < n; i++) {
      const mine = shardJobs(jobs, i, n);
      for (const { job, position } of mine) {
        assert.equal(position % n, i);
        assert.equal(job, jobs[position]);
      }
      assert.deepEqual(
        mine.map((x) => x.position),
        [...mine.map((x) => x.position)].sort((a, b) => a - b),
      );
      seen.push(...mine.map((x) => x.position));
    }
    assert.deepEqual(
      seen.sort((a, b) => a - b),
      jobs.map((_, k) => k),
    );
  }
});

test('--shard takes i/n with 0 <= i < n and nothing else', () => {
  assert.deepEqual(parseShard('0/1'), { index: 0, count: 1 });
  assert.deepEqual(parseShard('3/4'), { index: 3, count: 4 });
  for (const bad of ['4/4', '1/0', '-1/2', '1', '1/2/3', 'a/b', '0.5/2', '']) {
    assert.throws(() => parseShard(bad), /--shard must be i\/n/, bad);
  }
});

test('--threads takes an integer >= 1, as tally run does', () => {
  assert.equal(parseThreads('1'), 1);
  assert.equal(parseThreads('16'), 16);
  for (const bad of ['0', '-1', '1.5', 'two', '']) {
    assert.throws(() => parseThreads(bad), /--threads must be an integer >= 1/, bad);
  }
});

test('job ids are safe folder names: no dots, slashes, control characters or device names', () => {
  for (const good of ['a', 'bolivia-2019_oas', 'A1', 'x'.repeat(64)]) assert.ok(isJobId(good), good);
  for (const bad of ['', '.', '..', 'a.b', 'a/b', '-a', '_a', 'a b', 'nul', 'COM1', 'x'.repeat(65), 'a\u0000', 'é']) {
    assert.ok(!isJobId(bad), bad);
  }
});
