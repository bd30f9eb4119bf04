/**
 * `node --import tsx bench/batch.ts [--rounds R] [--batch FILE]`: `tally batch` on one shard (one process, the default
 * threads) against two shards run as two processes at once with cores/2 threads each (at least 1), as
 * docs/scale/local.sh starts them; whole processes, wall time and CPU time (issue 22's target: 2 shards ≤ 0.6 × 1
 * shard). Every timed run starts with an empty ingest cache of its own, as the first run of a batch after an upgrade
 * does, so that one run never reads what the other wrote. Rounds alternate the order (1 then 2, 2 then 1) so that a
 * change of load on a shared machine hits both. Prints a Markdown table and writes it to bench/batch_results.md;
 * BENCHMARKS.md quotes it. Not a test: nothing asserts a time.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TALLY = join(ROOT, 'apps/cli/bin/tally.js');
const OUT = join(ROOT, 'out/bench/batch');

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(name);
  return k >= 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

const batch = arg('--batch', 'examples/batch.yaml');
const rounds = Number(arg('--rounds', '1'));

/** Runs one shard as a process; resolves with its exit code and its stderr (one line per job, with its seconds). */
function shard(index: number, count: number, out: string, cacheDir: string): Promise<{ code: number; log: string }> {
  const args = [TALLY, 'batch', batch, '--out', out, '--shard', `${index}/${count}`];
  if (count > 1) args.push('--threads', String(Math.max(1, Math.floor(availableParallelism() / count))));
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', TALLY_CACHE_DIR: cacheDir },
    });
    let log = '';
    child.stderr.on('data', (d) => {
      log += d;
    });
    child.on('close', (code) => done({ code: code ?? -1, log }));
  });
}

async function timed(count: number): Promise<{ seconds: number; cpu: number[]; logs: string[] }> {
  for (let i = 0; i < count; i++) rmSync(join(OUT, `${count}-${i}`), { recursive: true, force: true });
  const cacheDir = mkdtempSync(join(tmpdir(), 'tally-bench-batch-cache-'));
  const started = process.hrtime.bigint();
  const runs = await Promise.all(
    Array.from({ length: count }, (_, i) => shard(i, count, join(OUT, `${count}-${i}`), cacheDir)),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(cacheDir, { recursive: true, force: true });
  for (const r of runs) if (r.code !== 0) throw new Error(`a shard exited ${r.code}:\n${r.log}`);
  const logs = runs.map((r) => r.log);
  return { seconds, cpu: logs.map(jobCpuSeconds), logs };
}

/** The CPU seconds of a shard's jobs, summed from its log lines ("... ok (12.3 s, 10.1 s CPU)"). */
function jobCpuSeconds(log: string): number {
  return [...log.matchAll(/, ([\d.]+) s CPU\)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

const rows: string[] = [];
const identical: boolean[] = [];
const ratios: number[] = [];
for (let round = 0; round < rounds; round++) {
  const load = loadavg()[0].toFixed(1);
  const order = round % 2 === 0 ? [1, 2] : [2, 1];
  const measured = new Map<number, { seconds: number; cpu: number[]; logs: string[] }>();
  for (const count of order) measured.set(count, await timed(count));
  const one = measured.get(1) as { seconds: number; cpu: number[] };
  const two = measured.get(2) as { seconds: number; cpu: number[]; logs: string[] };
  ratios.push(two.seconds / one.seconds);
  // The acceptance check, on the real batch: the two merges give the same index.json.
  for (const count of [1, 2]) {
    const dirs = Array.from({ length: count }, (_, i) => join(OUT, `${count}-${i}`));
    execFileSync(process.execPath, [TALLY, 'batch', 'merge', ...dirs, '--out', join(OUT, `merged-${count}`)]);
  }
  const index = (count: number) => readFileSync(join(OUT, `merged-${count}`, 'index.json'));
  identical.push(index(1).equals(index(2)));
  rows.push(
    `| ${round + 1} | ${order.join(' then ')} | ${load} | ${one.seconds.toFixed(1)} (${one.cpu[0].toFixed(1)}) | ` +
      `${two.seconds.toFixed(1)} (${two.cpu.map((c) => c.toFixed(1)).join(' + ')}) | ` +
      `${(two.seconds / one.seconds).toFixed(2)} | ${identical.at(-1) ? 'yes' : 'NO'} |`,
  );
  process.stderr.write(`${rows.at(-1)}\n${two.logs.join('')}`);
}
const jobs = (readFileSync(join(ROOT, batch), 'utf8').match(/^\s+- id:/gm) ?? []).length;
const table = [
  `\`tally batch ${batch}\` (${jobs} jobs), ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores ` +
    `(${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; load average (1 min) at the start of each round; ` +
    "in brackets the CPU seconds of the jobs (each shard's, from its log lines); the ingest cache empty at each start.",
  '',
  '| round | order | load | 1 shard, 1 process, default threads: wall s (CPU s) | 2 shards, 2 processes, cores/2 threads each: wall s (CPU s) | ratio (target ≤ 0.6) | merged index.json identical |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
process.stdout.write(table);
writeFileSync(join(ROOT, 'bench/batch_results.md'), `${table}\n`);
