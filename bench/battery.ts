/**
 * The battery benchmark of issue 5: `tally run <russia 2018> --preset russia-cik --by region
 * --bootstrap 1000 --seed 1 --json` as a whole process (wall, user and system CPU, peak RSS, via
 * /usr/bin/time), plus an in-process split of load vs battery CPU, and the machine's load average
 * (this machine is shared: wall times under load are not the program's speed). Writes
 * bench/battery_results.md. Usage: node --import tsx bench/battery.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batteryMethods, defaultBatteryIds, runByRegion } from '@tally/core';
import { loadTable } from '@tally/ingest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = 'examples/russia-2018/russia_2018_president_uik.csv.gz';
const runs = Number(process.argv[2] ?? 3);
const args = ['run', FILE, '--preset', 'russia-cik', '--by', 'region', '--bootstrap', '1000', '--seed', '1', '--json'];

const rows: string[] = [];
for (let i = 0; i < runs; i++) {
  const before = loadavg()[0];
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', process.execPath, join(ROOT, 'apps/cli/bin/tally.js'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const [wall, user, sys, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  rows.push(
    `| ${i + 1} | ${wall.toFixed(2)} | ${user.toFixed(2)} | ${sys.toFixed(2)} | ${(rss / 1024).toFixed(0)} | ${before.toFixed(1)} | ${r.status} |`,
  );
  console.log(rows[rows.length - 1]);
}

const c0 = process.cpuUsage();
const loaded = await loadTable(join(ROOT, FILE), { preset: 'russia-cik' });
if (!loaded.ok) throw new Error(loaded.error.message);
const c1 = process.cpuUsage(c0);
const methods = batteryMethods.filter((m) => defaultBatteryIds.includes(m.id));
const split: string[] = [];
for (const B of [0, 1000]) {
  const a = process.cpuUsage();
  const out = runByRegion(loaded.value.table, { methods, by: 'region', bootstrap: B, seed: 1 });
  const b = process.cpuUsage(a);
  if (!out.ok) throw new Error(out.error.message);
  split.push(
    `| battery, bootstrap ${B} | ${((b.user + b.system) / 1e6).toFixed(2)} | ${out.value.results.length} cells |`,
  );
}

const md = `# Battery benchmark (issue 5)

Command: \`node apps/cli/bin/tally.js ${args.join(' ')}\`; target: under 5 s as a whole process on the 2-core machine.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, measured ${new Date().toISOString().slice(0, 10)}.
This machine is shared by several engineers running tests; the load average column shows how busy it
was. Wall time under load is not the program's speed; user + system CPU is the better figure.

| run | wall s | user s | sys s | peak RSS MB | load avg (1 min) | exit |
|---|---|---|---|---|---|---|
${rows.join('\n')}

In-process CPU split (same file, same options):

| step | CPU s | |
|---|---|---|
| load (DuckDB, preset, validation) | ${((c1.user + c1.system) / 1e6).toFixed(2)} | ${loaded.value.table.n} stations |
${split.join('\n')}
`;
writeFileSync(join(ROOT, 'bench/battery_results.md'), md);
console.log(readFileSync(join(ROOT, 'bench/battery_results.md'), 'utf8'));
