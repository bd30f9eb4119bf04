/**
 * The README audit, whole process, timed: `node bench/audit.ts [runs] [--ref DIR]` runs
 * `tally audit examples/bolivia-2019/allegation.yaml --out out/bench/audit-N` under `nice`, prints wall, user and
 * system seconds of each run (from /usr/bin/time) with the load average before and after, and checks that every
 * run's report.json is byte-identical to the first (and to DIR/report.json with --ref). Not a test: nothing here
 * asserts a time. Record the figures in BENCHMARKS.md with the machine's state.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TALLY = join(ROOT, 'apps/cli/bin/tally.js');
const args = process.argv.slice(2);
const refAt = args.indexOf('--ref');
const ref = refAt >= 0 ? args[refAt + 1] : undefined;
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && i !== refAt + 1) ?? 3);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

console.log(`node ${process.version}, ${availableParallelism()} cores, ${new Date().toISOString()}`);
execFileSync('node', [join(ROOT, 'apps/cli/build.mjs')], { stdio: 'ignore' });
let first: Buffer | undefined;
for (let k = 0; k < runs; k++) {
  const out = join(ROOT, 'out/bench', `audit-${k}`);
  mkdirSync(out, { recursive: true });
  const before = load();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', 'nice', 'node', TALLY, 'audit', 'examples/bolivia-2019/allegation.yaml', '--out', out],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const [wall, user, sys, rss] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const json = readFileSync(join(out, 'report.json'));
  first ??= json;
  const same = first.equals(json) && (ref === undefined || readFileSync(join(ref, 'report.json')).equals(json));
  console.log(
    `run ${k + 1}: exit ${r.status}, ${wall.toFixed(2)} s wall, ${user.toFixed(2)} s user, ${sys.toFixed(2)} s sys, ` +
      `${Math.round(rss / 1024)} MB peak; load ${before} -> ${load()}; report.json ${same ? 'identical' : 'DIFFERS'}`,
  );
}
