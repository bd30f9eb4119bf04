/**
 * The scheduler recipes of docs/scale.md (docs/scale/*): their syntax, the environment variables they read, and the
 * exact `tally` command each builds, captured by a stub in place of Tally. The local recipe also runs for real.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { ensureBuilt, ROOT } from './run_cli.ts';

const SCALE = join(ROOT, 'docs', 'scale');
const dir = mkdtempSync(join(tmpdir(), 'tally-scale-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// The stub Tally: writes its arguments, one call per line, to $STUB_LOG and succeeds.
const stubDir = join(dir, 'bin');
mkdirSync(stubDir);
const stub = join(stubDir, 'tally');
writeFileSync(stub, '#!/bin/sh\nprintf \'%s\\n\' "$*" >> "$STUB_LOG"\n');
chmodSync(stub, 0o755);

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): { code: number; calls: string[]; stderr: string } {
  const log = join(dir, `calls-${Math.random().toString(36).slice(2)}.log`);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SLURM_')));
  const r = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...clean, STUB_LOG: log, ...env } });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n') : [];
  return { code: r.status ?? -1, calls, stderr: r.stderr };
}

/** Names the script reads as $NAME or ${NAME...}, upper case only (the environment, by convention). */
function envRead(script: string): string[] {
  const names = new Set<string>();
  for (const m of readFileSync(join(SCALE, script), 'utf8').matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)) names.add(m[1]);
  return [...names].sort();
}

test('every script parses (bash -n) and reads only the variables its header documents', () => {
  for (const script of ['local.sh', 'slurm.sh', 'slurm_merge.sh']) {
    execFileSync('bash', ['-n', join(SCALE, script)]);
  }
  assert.deepEqual(envRead('local.sh'), ['TALLY']);
  assert.deepEqual(envRead('slurm.sh'), [
    'BATCH',
    'OUT',
    'SLURM_ARRAY_TASK_COUNT',
    'SLURM_ARRAY_TASK_ID',
    'SLURM_ARRAY_TASK_MIN',
    'SLURM_CPUS_PER_TASK',
    'TALLY',
  ]);
  assert.deepEqual(envRead('slurm_merge.sh'), ['OUT', 'SHARDS', 'TALLY']);
});

test('local.sh starts one shard per process with cores/N threads each, then merges them all', () => {
  const cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  const threads = Math.max(1, Math.floor(cores / 3));
  const r = run('bash', [join(SCALE, 'local.sh'), 'b.yaml', 'o', '3'], { TALLY: stub });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.calls.slice(0, 3).sort(), [
    `batch b.yaml --out o/shard-0 --shard 0/3 --threads ${threads}`,
    `batch b.yaml --out o/shard-1 --shard 1/3 --threads ${threads}`,
    `batch b.yaml --out o/shard-2 --shard 2/3 --threads ${threads}`,
  ]);
  assert.equal(r.calls[3], 'batch merge o/shard-0 o/shard-1 o/shard-2 --out o/merged');
  assert.equal(r.calls.length, 4);
  // N defaults to the cores: one thread per process.
  const byCores = run('bash', [join(SCALE, 'local.sh'), 'b.yaml', 'o'], { TALLY: stub });
  assert.equal(byCores.calls.length, cores + 1);
  assert.ok(
    byCores.calls.slice(0, cores).every((c) => c.endsWith(`/${cores} --threads 1`)),
    byCores.calls.join('\n'),
  );
  for (const bad of ['x', '0', '08']) {
    assert.equal(run('bash', [join(SCALE, 'local.sh'), 'b.yaml', 'o', bad], { TALLY: stub }).code, 2, bad);
  }
});

test('slurm.sh runs the shard of its array task; without Slurm it refuses', () => {
  const env = { TALLY: stub, SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0' };
  const r = run('bash', [join(SCALE, 'slurm.sh')], { ...env, BATCH: 'b.yaml', OUT: 'shared/o' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.calls, ['batch b.yaml --out shared/o/shard-1 --shard 1/3 --threads 1']);
  const defaults = run('bash', [join(SCALE, 'slurm.sh')], { ...env, SLURM_CPUS_PER_TASK: '2' });
  assert.deepEqual(defaults.calls, ['batch examples/batch.yaml --out out/batch/shard-1 --shard 1/3 --threads 2']);
  const outside = run('bash', [join(SCALE, 'slurm.sh')], { TALLY: stub });
  assert.equal(outside.code, 2);
  assert.match(outside.stderr, /SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT are unset/);
  assert.equal(run('bash', [join(SCALE, 'slurm.sh')], { ...env, SLURM_ARRAY_TASK_MIN: '1' }).code, 2);
  const merge = run('bash', [join(SCALE, 'slurm_merge.sh')], { TALLY: stub, SHARDS: '3' });
  assert.deepEqual(merge.calls, [
    'batch merge out/batch/shard-0 out/batch/shard-1 out/batch/shard-2 --out out/batch/merged',
  ]);
  assert.equal(run('bash', [join(SCALE, 'slurm_merge.sh')], { TALLY: stub }).code, 2);
});

function k8sJob(file: string) {
  const docs = parseAllDocuments(readFileSync(join(SCALE, file), 'utf8'));
  assert.equal(docs.length, 1);
  const job = (docs[0] as { toJS(): unknown }).toJS() as {
    kind: string;
    spec: {
      completionMode?: string;
      completions?: number;
      parallelism?: number;
      template: {
        spec: {
          containers: {
            command: string[];
            args: string[];
            env: { name: string; value: string }[];
            resources?: { requests?: { cpu?: string } };
          }[];
        };
      };
    };
  };
  assert.equal(job.kind, 'Job');
  const container = job.spec.template.spec.containers[0];
  const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
  return { job, container, env };
}

test('the Kubernetes Indexed Job runs shard JOB_COMPLETION_INDEX of SHARDS = completions; the merge Job merges them', () => {
  const { job, container, env } = k8sJob('k8s-indexed-job.yaml');
  assert.equal(job.spec.completionMode, 'Indexed');
  assert.equal(Number(env.SHARDS), job.spec.completions);
  assert.equal(job.spec.parallelism, job.spec.completions);
  assert.deepEqual(container.command, ['sh', '-c']);
  // The pod's shell command, run by sh with the manifest's environment and the index Kubernetes would set.
  const path = `${stubDir}:${process.env.PATH}`;
  const pod = run('sh', ['-c', container.args[0]], { ...env, JOB_COMPLETION_INDEX: '2', PATH: path });
  assert.equal(pod.code, 0, pod.stderr);
  assert.deepEqual(pod.calls, ['batch data/batch.yaml --out out/shard-2 --shard 2/4 --threads 2']);
  // A pod sees every core of its node; it runs as many threads as it requests.
  assert.equal(env.THREADS, container.resources?.requests?.cpu);
  const merge = k8sJob('k8s-merge-job.yaml');
  assert.equal(merge.env.SHARDS, env.SHARDS);
  const merged = run('sh', ['-c', merge.container.args[0]], { ...merge.env, PATH: path });
  assert.deepEqual(merged.calls, ['batch merge out/shard-0 out/shard-1 out/shard-2 out/shard-3 --out out/merged']);
});

test('local.sh with the real Tally: two processes, one merged folder', async () => {
  ensureBuilt();
  const data = join(dir, 'real');
  mkdirSync(data);
  const bin = join(ROOT, 'apps', 'cli', 'bin', 'tally.js');
  execFileSync(process.execPath, [bin, 'simulate', '--stations', '300', '--seed', '5', '--out', join(data, 'sim.csv')]);
  const job = (id: string, seed: number) =>
    `  - id: ${id}\n    run: sim.csv\n    preset: tally-simulated\n    methods: [last_digit]\n    bootstrap: 0\n    seed: ${seed}\n`;
  writeFileSync(join(data, 'batch.yaml'), `version: 1\njobs:\n${job('first', 1)}${job('second', 2)}`);
  const r = run('bash', [join(SCALE, 'local.sh'), join(data, 'batch.yaml'), join(dir, 'real-out'), '2'], {
    TALLY: `${process.execPath} ${bin}`,
  });
  assert.equal(r.code, 0, r.stderr);
  const index = JSON.parse(readFileSync(join(dir, 'real-out', 'merged', 'index.json'), 'utf8'));
  assert.deepEqual(
    index.jobs.map((j: { id: string; status: string }) => `${j.id}:${j.status}`),
    ['first:ok', 'second:ok'],
  );
});
