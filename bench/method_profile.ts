/**
 * Seconds of each method of `tally run --methods <every registered method> --bootstrap 0` on one file, one method at a
 * time in this thread (no workers), to see which methods dominate a scale-ladder run. The battery's cell methods run
 * together, as `tally run` runs them. Prints one line per method: CPU seconds of the process (user + system, so the
 * garbage collector's helper threads count), wall seconds and the resident set after the method. Not a test.
 *
 *   node --import tsx bench/method_profile.ts bench/.data/sim_1000000.csv.gz [--preset tally-simulated] [--only ID,ID]
 */
import { loadavg } from 'node:os';
import { runBattery } from '@tally/audit';
import { createRng, deriveSeed, findBatteryMethod, type MethodResult, methodRegistry } from '@tally/core';
import { loadTable } from '@tally/ingest';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--preset');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (file === undefined) throw new Error('usage: bench/method_profile.ts FILE [--preset NAME] [--only ID,ID]');
const only = flag('--only')?.split(',');

const loaded = await loadTable(file, { preset: flag('--preset') ?? 'tally-simulated' });
if (!loaded.ok) throw new Error(loaded.error.message);
const table = loaded.value.table;
process.stdout.write(`${file}: ${table.n} stations, load average ${loadavg()[0].toFixed(1)}\n`);

function timed(label: string, run: () => unknown): void {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - start) / 1000;
  const rss = process.memoryUsage().rss / 2 ** 20;
  const line = `${label.padEnd(28)} cpu ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} s`;
  process.stdout.write(`${line}   wall ${wall.toFixed(2).padStart(7)} s   rss ${rss.toFixed(0).padStart(5)} MB\n`);
}

const wanted = only ?? methodRegistry.map((m) => m.id);
const battery = wanted.filter((id) => findBatteryMethod(id) !== undefined);
if (battery.length > 0) {
  const methods = battery.map((id) => findBatteryMethod(id)!);
  let results: MethodResult[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  const run = await runBattery(table, {
    battery: methods,
    other: [],
    by: undefined,
    bootstrap: 0,
    seed: 1,
    candidates: undefined,
    threads: 1,
  });
  if (run.ok) results = run.value.results;
  const used = process.cpuUsage(cpu);
  const line = `battery (${battery.length} methods)`.padEnd(28);
  process.stdout.write(
    `${line} cpu ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} s   wall ${((performance.now() - start) / 1000).toFixed(2).padStart(7)} s   ${results.length} cells\n`,
  );
}
for (const [k, m] of methodRegistry.entries()) {
  if (!wanted.includes(m.id) || findBatteryMethod(m.id) !== undefined) continue;
  timed(m.id, () => m.run(table, {}, createRng(deriveSeed(1, k))));
}
