/**
 * Ingest alone, in process: the time `loadTable` takes on each bundled example (median of several runs after one
 * warm-up), without the start-up of a `tally` process, reading the file (`cold`) and from the ingest cache (`warm`),
 * with the CPU time of each and the size of the cache entry. The whole-process figures are in BENCHMARKS.md
 * (`npm run bench`).
 * Usage: node --import tsx bench/ingest.ts [--runs 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCacheEntries, loadTable, useIngestCache } from '@tally/ingest';

const files: [string, string][] = [
  ['examples/bolivia-2019/computo_final_2019-10-25_21-09-30.csv.gz', 'bolivia-2019-computo'],
  ['examples/russia-2011/russia_2011_duma_uik.csv.gz', 'russia-cik'],
  ['examples/russia-2012/russia_2012_president_uik.csv.gz', 'russia-cik'],
  ['examples/russia-2018/russia_2018_president_uik.csv.gz', 'russia-cik'],
];

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;

const cacheDir = mkdtempSync(join(tmpdir(), 'tally-bench-cache-'));

async function timeLoads(file: string, preset: string): Promise<{ wall: number; cpu: number; stations: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  let stations = 0;
  for (let k = 0; k <= runs; k++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const loaded = await loadTable(file, { preset });
    const used = process.cpuUsage(cpu);
    if (!loaded.ok) throw new Error(`${file}: ${loaded.error.message}`);
    stations = loaded.value.table.n;
    if (k > 0) {
      walls.push(performance.now() - start);
      cpus.push((used.user + used.system) / 1000);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(walls), cpu: median(cpus), stations };
}

for (const [file, preset] of files) {
  useIngestCache(undefined);
  const cold = await timeLoads(file, preset);
  useIngestCache({ dir: cacheDir, version: 'bench' });
  const warm = await timeLoads(file, preset);
  const bytes = listCacheEntries(cacheDir).reduce((s, e) => s + e.bytes, 0);
  rmSync(join(cacheDir), { recursive: true, force: true });
  const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
  console.log(
    `${file}: ${cold.stations} stations; cold ${s(cold.wall)} (CPU ${s(cold.cpu)}), warm ${s(warm.wall)} ` +
      `(CPU ${s(warm.cpu)}), entry ${(bytes / 2 ** 20).toFixed(1)} MiB; medians of ${runs}`,
  );
}
rmSync(cacheDir, { recursive: true, force: true });
