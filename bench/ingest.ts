/**
 * Ingest alone, in process: the time `loadTable` takes on each bundled example (median of several runs after one
 * warm-up), without the start-up of a `tally` process. The whole-process figures are in BENCHMARKS.md (`npm run bench`).
 * Usage: node --import tsx bench/ingest.ts [--runs 5]
 */
import { loadTable } from '@tally/ingest';

const files: [string, string][] = [
  ['examples/bolivia-2019/computo_final_2019-10-25_21-09-30.csv.gz', 'bolivia-2019-computo'],
  ['examples/russia-2011/russia_2011_duma_uik.csv.gz', 'russia-cik'],
  ['examples/russia-2012/russia_2012_president_uik.csv.gz', 'russia-cik'],
  ['examples/russia-2018/russia_2018_president_uik.csv.gz', 'russia-cik'],
];

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;

for (const [file, preset] of files) {
  const times: number[] = [];
  let stations = 0;
  for (let k = 0; k <= runs; k++) {
    const start = performance.now();
    const loaded = await loadTable(file, { preset });
    if (!loaded.ok) throw new Error(`${file}: ${loaded.error.message}`);
    stations = loaded.value.table.n;
    if (k > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${file}: ${stations} stations, median ${(median / 1000).toFixed(3)} s over ${runs} runs`);
}
