/**
 * The counterfactual projection's simulation loop on simulated tables (`tally simulate --seed 1`, made by
 * `npm run bench` into bench/.data/sim_<n>.csv.gz): defaults (1,000 sims, donor rule, resampling), the table
 * loaded once, then `run` timed twice in the same process (the second run shows whether V8 keeps its optimised
 * loop). Prints wall and CPU seconds (CPU is the steadier figure on a shared machine) and a SHA-256 of the result, which must not change when the loop is rewritten. Not a test.
 *
 *   node --import tsx bench/counterfactual_projection.ts [stations ...]   (default: 100000 1000000)
 */
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { counterfactualProjection, createRng } from '@tally/core';
import { loadTable } from '@tally/ingest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [100_000, 1_000_000];

for (const stations of sizes) {
  const loaded = await loadTable(join(ROOT, 'bench/.data', `sim_${stations}.csv.gz`), { preset: 'tally-simulated' });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const table = loaded.value.table;
  for (const attempt of ['first', 'second']) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = counterfactualProjection.run(table, {}, createRng(1));
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (!result.ok) throw new Error(result.error.message);
    const digest = createHash('sha256').update(JSON.stringify(result.value)).digest('hex').slice(0, 16);
    console.log(
      `${stations} stations, ${attempt} run: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, result sha256 ${digest}`,
    );
  }
}
