/**
 * `tally batch` and `tally batch merge` as a user runs them: a four-job batch (an audit, a run of a bundled example,
 * a job that fails, a run of a simulated election) in two shards of one thread and in one shard of any thread count,
 * merged to the same bytes; each job's output equal to what `tally audit` / `tally run` write for the same input and
 * seed; bad batch files and bad merges refused with the file, line and field.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, runCli } from './run_cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-batch-'));
const data = join(dir, 'data');
const batchFile = join(data, 'batch.yaml');
const out = (name: string) => join(dir, name);
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `root`, relative path to bytes. */
function tree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(root, p), readFileSync(p));
    }
  };
  walk(root);
  return files;
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

before(async () => {
  cpSync(join(ROOT, 'apps/cli/test/fixtures/batch'), data, { recursive: true });
  cpSync(join(ROOT, 'examples/bolivia-2016-referendum'), join(data, 'bolivia-2016-referendum'), { recursive: true });
  const sim = await runCli(['simulate', '--stations', '600', '--seed', '3', '--out', join(data, 'sim.csv')]);
  assert.equal(sim.code, 0, sim.stderr);
  // The two shards run at once with one thread each, as docs/scale/local.sh starts them on two cores; then the whole
  // batch as one shard with the default threads (its inputs now in the ingest cache), and again with three threads
  // forced (workers even on small tables) and without the cache.
  const [s0, s1] = await Promise.all([
    runCli(['batch', batchFile, '--out', out('s0'), '--shard', '0/2', '--threads', '1']),
    runCli(['batch', batchFile, '--out', out('s1'), '--shard', '1/2', '--threads', '1']),
  ]);
  // Shard 0 holds jobs 0 and 2 (2 is the failing one): exit 1. Shard 1 holds jobs 1 and 3: exit 0.
  assert.equal(s0.code, 1, s0.stderr);
  assert.match(s0.stderr, /1 job\(s\) failed/);
  assert.equal(s1.code, 0, s1.stderr);
  const whole = await runCli(['batch', batchFile, '--out', out('all')]);
  assert.equal(whole.code, 1, whole.stderr);
  const threaded = await runCli(['batch', batchFile, '--out', out('all3'), '--threads', '3', '--no-cache']);
  assert.equal(threaded.code, 1, threaded.stderr);
  for (const [from, to] of [
    [[out('s0'), out('s1')], out('merged2')],
    [[out('all')], out('merged1')],
    [[out('all3')], out('merged1-threads3')],
  ] as const) {
    const m = await runCli(['batch', 'merge', ...from, '--out', to]);
    assert.equal(m.code, 0, m.stderr);
  }
});

test('two shards of one thread merged give the same bytes as one shard, whatever its threads and cache', () => {
  const one = tree(out('merged1'));
  for (const other of ['merged2', 'merged1-threads3']) {
    const two = tree(out(other));
    assert.deepEqual([...two.keys()], [...one.keys()], other);
    for (const [name, bytes] of one) assert.ok(bytes.equals(two.get(name) as Buffer), `${other}: ${name} differs`);
  }
  assert.ok(one.has('index.json') && one.has('index.html') && one.has('findings.csv'));
  assert.ok(one.has('sim-audit/report.html') && one.has('referendum/run.json') && one.has('missing/status.json'));
  // Shard folders hold only their own jobs.
  assert.deepEqual(readdirSync(out('s0')).sort(), ['batch.json', 'missing', 'sim-audit']);
});

test('index.json lists every job in batch order with its status; the failed job says why, with no folder prefix', () => {
  const index = json(join(out('merged1'), 'index.json'));
  assert.deepEqual(
    index.jobs.map((j: { id: string; status: string }) => `${j.id}:${j.status}`),
    ['sim-audit:ok', 'referendum:ok', 'missing:failed', 'sim-run:ok'],
  );
  assert.deepEqual(index.counts, { ok: 3, failed: 1 });
  const missing = index.jobs[2];
  assert.equal(missing.exitCode, 1);
  assert.equal(missing.error.message, 'nowhere<b>.csv: no such file or folder');
  const audit = index.jobs[0];
  const report = json(join(out('merged1'), 'sim-audit/report.json'));
  assert.deepEqual(audit.summary, report.summary);
  assert.equal(index.jobs[3].run.results, json(join(out('merged1'), 'sim-run/run.json')).results.length);
  assert.ok(!JSON.stringify(index).includes(dir), 'no absolute path');
});

test("each job's output equals what tally audit / tally run write for the same input and seed", async () => {
  const audit = await runCli(['audit', join(data, 'allegation.yaml'), '--out', out('alone'), '--seed', '1']);
  assert.equal(audit.code, 0, audit.stderr);
  for (const name of ['report.json', 'report.html']) {
    assert.ok(readFileSync(join(out('alone'), name)).equals(readFileSync(join(out('all'), 'sim-audit', name))), name);
  }
  const run = await runCli([
    ...['run', join(data, 'sim.csv'), '--preset', 'tally-simulated', '--methods', 'last_digit,p05s'],
    ...['--by', 'region', '--bootstrap', '20', '--seed', '7', '--json'],
  ]);
  assert.equal(run.code, 0, run.stderr);
  const alone = JSON.parse(run.stdout);
  const batched = json(join(out('all'), 'sim-run/run.json'));
  assert.deepEqual(batched.results, alone.results);
  assert.equal(batched.seed, 7);
  // Paths are the batch file's own spelling, so run.json does not depend on where the batch ran.
  assert.equal(batched.input, 'sim.csv');
  assert.deepEqual(batched.rowAccounting[0], { ...alone.rowAccounting[0], file: 'sim.csv' });
});

test('findings.csv has one row per finding of every job that ran, in batch order, with escaped cells', () => {
  const lines = readFileSync(join(out('merged1'), 'findings.csv'), 'utf8')
    .trimEnd()
    .split('\r\n');
  assert.equal(
    lines[0],
    'job,kind,finding,method,target,region,statistic_name,statistic,p_value,adjusted_p_value,n,verdict',
  );
  const report = json(join(out('merged1'), 'sim-audit/report.json'));
  const referendum = json(join(out('merged1'), 'referendum/run.json'));
  const simRun = json(join(out('merged1'), 'sim-run/run.json'));
  const jobs = lines.slice(1).map((l) => l.split(',')[0]);
  const expected = [
    ...report.findings.map(() => 'sim-audit'),
    ...referendum.results.map(() => 'referendum'),
    ...simRun.results.map(() => 'sim-run'),
  ];
  assert.deepEqual(jobs, expected);
  const first = lines[1].split(',');
  assert.equal(first[2], report.findings[0].id);
  assert.equal(Number(first[8]), report.findings[0].pValue);
  assert.equal(first[11], report.findings[0].verdict);
});

test('index.html links each job and escapes what the batch file holds', () => {
  const html = readFileSync(join(out('merged1'), 'index.html'), 'utf8');
  assert.match(html, /<a href="sim-audit\/report.html">report.html<\/a>/);
  assert.match(html, /<a href="missing\/status.json">status.json<\/a>/);
  assert.ok(html.includes('nowhere&lt;b&gt;.csv'));
  assert.ok(!html.includes('nowhere<b>'));
  assert.ok(!/<script|https?:/.test(html), 'self-contained');
});

test('merge refuses a missing shard and a job given twice, naming the job', async () => {
  const missing = await runCli(['batch', 'merge', out('s0'), '--out', out('bad1')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /job 1 "referendum" is in none of the shards given/);
  const twice = await runCli(['batch', 'merge', out('s0'), out('s1'), out('all'), '--out', out('bad2')]);
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, /job 0 "sim-audit" is in both .*s0 \(shard 0\/2\) and .*all \(shard 0\/1\)/);
  assert.ok(!existsSync(join(out('bad1'), 'index.json')));
});

test('a bad batch file is refused before any job runs: exit 1, the file, line and field, no stack trace', async () => {
  // Every rule is checked in process in src/batch/batch_file.test.ts; here, what the user sees.
  const file = join(data, 'bad.yaml');
  writeFileSync(file, 'version: 1\njobs:\n  - id: a\n    run: sim.csv\n  - id: A\n    run: sim.csv\n');
  const r = await runCli(['batch', file, '--out', out('bad')]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `error: ${file}: line 5, jobs[1].id: "A" is already the id of jobs[0] [invalid_batch]\n`);
  assert.ok(!existsSync(out('bad')), 'nothing ran');
  const shard = await runCli(['batch', batchFile, '--out', out('bad'), '--shard', '2/2']);
  assert.equal(shard.code, 2);
  assert.match(shard.stderr, /--shard must be i\/n with 0 <= i < n/);
  const threads = await runCli(['batch', batchFile, '--out', out('bad'), '--threads', '0']);
  assert.equal(threads.code, 2);
  assert.match(threads.stderr, /--threads must be an integer >= 1, got "0"/);
  assert.ok(!existsSync(out('bad')), 'nothing ran');
});

test('an audit may not read data outside the batch folder, and a rerun that fails leaves no stale report', async () => {
  const file = join(data, 'escape.yaml');
  const allegation = readFileSync(join(data, 'allegation.yaml'), 'utf8').replace(
    'data: sim.csv',
    'data: ../outside.csv',
  );
  writeFileSync(join(dir, 'outside.csv'), readFileSync(join(data, 'sim.csv')));
  writeFileSync(join(data, 'escaping.yaml'), allegation);
  writeFileSync(file, 'version: 1\njobs:\n  - id: sim-audit\n    audit: escaping.yaml\n');
  const target = out('rerun');
  cpSync(join(out('all'), 'sim-audit'), join(target, 'sim-audit'), { recursive: true });
  const r = await runCli(['batch', file, '--out', target]);
  assert.equal(r.code, 1);
  const status = json(join(target, 'sim-audit/status.json'));
  assert.equal(status.status, 'failed');
  assert.match(status.error.message, /elections\.sim\.data: \S*outside\.csv is outside the batch file's folder/);
  assert.deepEqual(readdirSync(join(target, 'sim-audit')), ['status.json']);
});
