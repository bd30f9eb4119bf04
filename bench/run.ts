/**
 * `npm run bench`: whole-process benchmarks of the `tally` command, wall time and peak RSS, written to
 * BENCHMARKS.md with the machine and the date. Not a test: nothing here asserts a time.
 *
 *   npm run bench                 all benchmarks, including the 1,000,000-station rung
 *   npm run bench -- --quick      skip the 1M rung
 *   npm run bench -- --only NAME  benchmarks whose name contains NAME (results are printed, BENCHMARKS.md is not written)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { methodRegistry } from '@tally/core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TALLY = join(ROOT, 'apps/cli/bin/tally.js');
const DATA = join(ROOT, 'bench/.data');
const OUT = join(ROOT, 'out/bench');
const LOAD_AT_START = loadavg()[0];

interface Bench {
  name: string;
  args: string[];
  /** Target from the issues, seconds, whole process. */
  target?: number;
  /** Runs to take the median of (expensive ones run once). */
  runs?: number;
  group: 'real' | 'scale';
  stations?: number;
  /** Start through `npx tally` (as the issues write the commands) instead of `node apps/cli/bin/tally.js`. */
  npx?: boolean;
  /**
   * 'warm': a repeat run, the ingest cache holding the input (one untimed run first). Otherwise the run reads and
   * validates its input (`--no-cache`), as every run did before the cache.
   */
  cache?: 'warm';
  /** A peer's figure for the same work, shown beside ours (issue 22). */
  peer?: string;
}

interface Measured extends Bench {
  seconds: number;
  /** User + system CPU seconds of the process and its threads: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  rssMb: number;
  exitCode: number;
}

const allMethods = methodRegistry.map((m) => m.id).join(',');

function benches(quick: boolean): Bench[] {
  const list: Bench[] = [
    {
      group: 'real',
      name: 'summary, Bolivia 2019 final count',
      args: ['summary', 'examples/bolivia-2019', '--json'],
      runs: 3,
    },
    {
      group: 'real',
      name: 'validate, Russia 2018 (97,699 rows)',
      args: ['validate', 'examples/russia-2018', '--json'],
      target: 3,
      runs: 3,
    },
    {
      group: 'real',
      name: 'full audit, Bolivia 2019 (README command)',
      args: ['audit', 'examples/bolivia-2019/allegation.yaml', '--out', join(OUT, 'audit')],
      target: 10,
    },
    {
      group: 'real',
      name: 'late-count analysis, Bolivia 2019',
      args: ['latecount', 'examples/bolivia-2019', '--cutoff', 'trep-2019-10-20', '--seed', '1', '--json'],
    },
    {
      group: 'real',
      name: 'battery by region, bootstrap 1,000, Russia 2018',
      args: ['run', 'examples/russia-2018', '--by', 'region', '--bootstrap', '1000', '--seed', '1', '--json'],
      target: 5,
      runs: 3,
    },
    {
      group: 'real',
      name: 'the same, started through npx (issue 5 writes `npx tally`)',
      args: ['run', 'examples/russia-2018', '--by', 'region', '--bootstrap', '1000', '--seed', '1', '--json'],
      target: 5,
      runs: 3,
      npx: true,
    },
    {
      group: 'real',
      name: 'integer percentages, 1,000 MC reps, Russia 2018',
      args: [
        'run',
        'examples/russia-2018',
        '--methods',
        'integer_percent',
        '--bootstrap',
        '0',
        '--seed',
        '1',
        '--json',
      ],
      target: 2,
      runs: 3,
    },
    {
      group: 'real',
      name: 'the same, started through npx',
      args: ['run', 'examples/russia-2018', '--methods', 'integer_percent', '--seed', '1', '--json'],
      target: 2,
      runs: 3,
      npx: true,
    },
    {
      group: 'real',
      name: 'integer percentages, 1,000 MC reps, Russia 2018, repeat run (warm cache)',
      args: [
        'run',
        'examples/russia-2018',
        '--methods',
        'integer_percent',
        '--bootstrap',
        '0',
        '--seed',
        '1',
        '--json',
      ],
      target: 0.7,
      runs: 5,
      cache: 'warm',
      peer: 'Kobak et al. Python, 1,000 reps: 72–125 s',
    },
    {
      group: 'real',
      name: 'EFT battery by region, bootstrap 1,000, Russia 2018, repeat run (warm cache)',
      args: ['run', 'examples/russia-2018', '--by', 'region', '--bootstrap', '1000', '--seed', '1', '--json'],
      target: 3.5,
      runs: 3,
      cache: 'warm',
      peer: 'EFToolkit (R), R = 1,000: ≈ 3,500 s',
    },
    {
      group: 'real',
      name: 'Klimek fit, Russia 2011',
      args: [
        'run',
        'examples/russia-2011',
        '--methods',
        'klimek_fraud_model',
        '--bootstrap',
        '0',
        '--seed',
        '1',
        '--json',
      ],
      target: 20,
    },
    {
      group: 'real',
      name: 'Klimek fit, Russia 2018',
      args: [
        'run',
        'examples/russia-2018',
        '--methods',
        'klimek_fraud_model',
        '--bootstrap',
        '0',
        '--seed',
        '1',
        '--json',
      ],
      target: 20,
    },
    {
      group: 'real',
      name: 'finite-mixture fit, Russia 2018',
      args: ['run', 'examples/russia-2018', '--methods', 'finite_mixture', '--bootstrap', '0', '--seed', '1', '--json'],
    },
  ];
  for (const n of quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]) {
    list.push({
      group: 'scale',
      stations: n,
      name: `every method, ${n.toLocaleString('en-US')} simulated stations`,
      args: [
        'run',
        join(DATA, `sim_${n}.csv.gz`),
        '--preset',
        'tally-simulated',
        '--methods',
        allMethods,
        '--bootstrap',
        '0',
        '--seed',
        '1',
        '--json',
      ],
      target: n === 1_000_000 ? 60 : undefined,
    });
  }
  if (!quick) {
    const cold = list.at(-1)!;
    list.push({ ...cold, name: `${cold.name}, repeat run (warm cache)`, target: 30, cache: 'warm' });
  }
  return list;
}

function measure(b: Bench): Measured {
  const runs: { seconds: number; cpuSeconds: number; rssMb: number; exitCode: number }[] = [];
  const command = b.npx ? ['npx', 'tally'] : [process.execPath, TALLY];
  const args = b.cache === 'warm' ? b.args : [...b.args, '--no-cache'];
  // The benchmarks' own cache folder: never the user's, and warm only where a row says so.
  const env = { ...process.env, TALLY_CACHE_DIR: join(OUT, 'cache') };
  if (b.cache === 'warm') spawnSync(command[0], [...command.slice(1), ...args], { cwd: ROOT, env, maxBuffer: 1 << 30 });
  for (let r = 0; r < (b.runs ?? 1); r++) {
    const res = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', ...command, ...args], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const last = res.stderr.trim().split('\n').at(-1) ?? '';
    const [secs, kb, user, system] = last.split(' ').map(Number);
    runs.push({ seconds: secs, cpuSeconds: user + system, rssMb: kb / 1024, exitCode: res.status ?? -1 });
    if (res.status !== 0) process.stderr.write(`  ${b.name}: exit ${res.status}\n${res.stderr.slice(-2000)}\n`);
  }
  runs.sort((a, b2) => a.seconds - b2.seconds);
  const mid = runs[Math.floor(runs.length / 2)];
  return { ...b, ...mid };
}

function ensureSimulated(n: number): void {
  const file = join(DATA, `sim_${n}.csv.gz`);
  if (existsSync(file)) return;
  mkdirSync(DATA, { recursive: true });
  const csv = join(DATA, `sim_${n}.csv`);
  execFileSync(process.execPath, [TALLY, 'simulate', '--stations', String(n), '--seed', '1', '--out', csv], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync('gzip', ['-f', csv]);
}

/** Slope of log(seconds) on log(stations): 1 means linear growth. */
export function growthExponent(points: { stations: number; seconds: number }[]): number {
  const xs = points.map((p) => Math.log(p.stations));
  const ys = points.map((p) => Math.log(p.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  return sxy / sxx;
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

function row(m: Measured): string {
  const met =
    m.target === undefined
      ? ''
      : m.exitCode !== 0
        ? 'failed'
        : m.seconds <= m.target
          ? `≤ ${m.target} s: met`
          : `≤ ${m.target} s: NOT met`;
  const args = m.args.map((a) => (a === allMethods ? '<every registered method>' : a.replaceAll(`${ROOT}/`, '')));
  if (m.cache !== 'warm') args.push('--no-cache');
  return `| ${m.name} | \`${m.npx ? 'npx ' : ''}tally ${args.join(' ')}\` | ${m.seconds.toFixed(2)} | ${m.cpuSeconds.toFixed(2)} | ${m.rssMb.toFixed(0)} | ${met} | ${m.peer ?? ''} |`;
}

function main(): void {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const selected = benches(quick).filter((b) => !only || b.name.includes(only));
  const results: Measured[] = [];
  for (const b of selected) {
    if (b.stations) ensureSimulated(b.stations);
    process.stderr.write(`running: ${b.name}\n`);
    const m = measure(b);
    process.stderr.write(`  ${m.seconds.toFixed(2)} s, ${m.cpuSeconds.toFixed(2)} s CPU, ${m.rssMb.toFixed(0)} MB\n`);
    results.push(m);
  }
  if (only) return;
  const scale = results.filter((r) => r.group === 'scale' && r.exitCode === 0);
  const exponent =
    scale.length >= 2 ? growthExponent(scale.map((s) => ({ stations: s.stations!, seconds: s.seconds }))) : Number.NaN;
  const head = '| benchmark | command | wall s | CPU s | peak RSS MB | target | peer |\n|---|---|---|---|---|---|---|';
  const notesPath = join(ROOT, 'bench/NOTES.md');
  const notes = existsSync(notesPath) ? readFileSync(notesPath, 'utf8') : '';
  const md = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${machine()}.`,
    'Each figure is one whole `tally` process (startup included), measured with `/usr/bin/time` (wall seconds, user +',
    'system CPU seconds, maximum resident set size); quick benchmarks are the median of 3 runs. Rows marked "warm',
    'cache" are repeat runs with the input in the ingest cache; the others read and validate their input',
    `(\`--no-cache\`). Load average at the start: ${LOAD_AT_START.toFixed(1)}. Nothing in the test suite asserts a time.`,
    '',
    '## Real data',
    '',
    head,
    ...results.filter((r) => r.group === 'real').map(row),
    '',
    '## Scale ladder (synthetic elections from `tally simulate`, every registered method, no bootstrap)',
    '',
    head,
    ...results.filter((r) => r.group === 'scale').map(row),
    '',
    `Growth exponent (slope of log time on log stations): ${Number.isFinite(exponent) ? exponent.toFixed(2) : 'n/a'} (1.00 = linear).`,
    '',
    notes,
  ].join('\n');
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), md);
  process.stderr.write('wrote BENCHMARKS.md\n');
}

main();
