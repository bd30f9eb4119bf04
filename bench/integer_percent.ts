/**
 * integer_percent on the Russian CIK files: timings (load, prepare + Monte Carlo, per thread count)
 * and the comparison with Kobak, Shpilkin & Pshenichnikov's own Monte Carlo.
 * Usage: node --import tsx bench/integer_percent.ts [--threads 1,2] [--replicates 1000] [year ...]
 * Reference figures: excess stations (either / leader / turnout) and the MC SD of "either", as in
 * issue 6, from dkobak/elections significance2018/montecarlo.pickle.
 */
import { createRng, integerPercentMethod } from '@tally/core';
import { loadTable } from '@tally/ingest';
import { runMethod } from '@tally/parallel';

/** Kobak et al.'s figures: [either, leader, turnout, sd(either)]. */
export const kobakReference: Record<string, [number, number, number, number]> = {
  '2011': [1003, 767, 449, 113],
  '2012': [1160, 735, 635, 116],
  '2018': [1709, 859, 1296, 117],
};

const files: Record<string, string> = {
  '2011': 'examples/russia-2011/russia_2011_duma_uik.csv.gz',
  '2012': 'examples/russia-2012/russia_2012_president_uik.csv.gz',
  '2018': 'examples/russia-2018/russia_2018_president_uik.csv.gz',
};

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const threadList = flag('--threads', '1').split(',').map(Number);
const replicates = Number(flag('--replicates', '1000'));
const years = args.length > 0 ? args : Object.keys(files);

for (const year of years) {
  let t0 = performance.now();
  let c0 = process.cpuUsage();
  const loaded = await loadTable(files[year], { preset: 'russia-cik' });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const loadMs = performance.now() - t0;
  const loadCpu = process.cpuUsage(c0);
  for (const threads of threadList) {
    t0 = performance.now();
    c0 = process.cpuUsage();
    const res = await runMethod(integerPercentMethod, loaded.value.table, { replicates }, createRng(2016), { threads });
    const runMs = performance.now() - t0;
    // process.cpuUsage counts every thread of the process (DuckDB's and workers' too).
    const runCpu = process.cpuUsage(c0);
    if (!res.ok) throw new Error(res.error.message);
    const d = res.value[0].details as {
      excess: Record<string, number>;
      sd: Record<string, number>;
      threshold: Record<string, number>;
      exact: { expected: Record<string, number>; sd: Record<string, number> };
      observed: Record<string, number>;
    };
    const [ke, kl, kt, ksd] = kobakReference[year];
    const exactExcess = (k: string) => d.observed[k] - d.exact.expected[k];
    const within = [ke, kl, kt].every((ref, j) => {
      const k = ['either', 'leader', 'turnout'][j];
      return Math.abs(d.excess[k] - ref) <= 0.5 * ksd;
    });
    console.log(
      JSON.stringify({
        year,
        rows: loaded.value.rows,
        stations: res.value[0].n,
        threads,
        replicates,
        loadMs: Math.round(loadMs),
        loadCpuMs: Math.round((loadCpu.user + loadCpu.system) / 1000),
        runMs: Math.round(runMs),
        runCpuMs: Math.round((runCpu.user + runCpu.system) / 1000),
        uptimeMs: Math.round(performance.now()),
        excess: [d.excess.either, d.excess.leader, d.excess.turnout].map((x) => Math.round(x * 10) / 10),
        sdEither: Math.round(d.sd.either * 10) / 10,
        exactExcess: ['either', 'leader', 'turnout'].map((k) => Math.round(exactExcess(k) * 10) / 10),
        exactSdEither: Math.round(d.exact.sd.either * 10) / 10,
        threshold999Either: d.threshold.either,
        kobak: { excess: [ke, kl, kt], sdEither: ksd },
        withinHalfSd: within,
      }),
    );
  }
}
