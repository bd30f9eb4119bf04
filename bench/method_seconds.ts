/**
 * Seconds of each registry method alone, in one thread, on a simulated table loaded once (issue 22's
 * 1,000,000-station rung: `npm run bench` makes bench/.data/sim_<n>.csv.gz with `tally simulate --seed 1`).
 * Each method runs with its default options and the seed `tally run --seed 1` would give it outside the
 * battery (deriveSeed(1, its registry index)), as many times as asked; the script prints wall and CPU
 * seconds of every run (CPU is the steadier figure on a shared machine), the load average, and a SHA-256
 * of each result, which a speed-up must leave unchanged. With --out DIR it also writes each method's
 * result as DIR/<id>.json, to compare with `cmp`. The loaded table is kept in the ingest cache under
 * bench/.data/cache, so a second invocation skips parsing. Not a test.
 *
 *   node --import tsx bench/method_seconds.ts [--stations N] [--methods a,b] [--runs R] [--out DIR]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, deriveSeed, methodRegistry } from '@tally/core';
import { loadTable, useIngestCache } from '@tally/ingest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const stations = Number(argument('stations') ?? 1_000_000);
const runs = Number(argument('runs') ?? 1);
const outDir = argument('out');
const wanted = argument('methods')?.split(',');
const methods = methodRegistry.filter((m) => wanted === undefined || wanted.includes(m.id));
if (methods.length === 0) throw new Error(`no registry method among ${wanted?.join(', ')}`);

useIngestCache({ dir: join(ROOT, 'bench/.data/cache'), version: 'bench-method-seconds' });
const loadStart = performance.now();
const loaded = await loadTable(join(ROOT, 'bench/.data', `sim_${stations}.csv.gz`), { preset: 'tally-simulated' });
if (!loaded.ok) throw new Error(loaded.error.message);
const table = loaded.value.table;
console.log(
  `${stations} stations loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s; ` +
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
);
if (outDir !== undefined) mkdirSync(outDir, { recursive: true });

for (const method of methods) {
  const seed = deriveSeed(1, methodRegistry.indexOf(method));
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = method.run(table, {}, createRng(seed));
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const json = JSON.stringify(result);
    const digest = createHash('sha256').update(json).digest('hex').slice(0, 16);
    if (outDir !== undefined && run === 0) writeFileSync(join(outDir, `${method.id}.json`), json);
    console.log(
      `${method.id.padEnd(36)} ${seconds.toFixed(2).padStart(6)} s wall ${((cpu.user + cpu.system) / 1e6)
        .toFixed(2)
        .padStart(6)} s CPU  sha256 ${digest}  load ${loadavg()[0].toFixed(2)}`,
    );
  }
}
