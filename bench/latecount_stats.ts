/**
 * The late-count statistics on the bundled Bolivia counts, for the figures in docs/methods/latecount.md:
 * projection interval (2019 at the TREP halt; 2020 at percentile cutoffs of its first-seen times) and
 * power at the alleged size by injection. Not a test.
 *
 *   node --import tsx bench/latecount_stats.ts [--injections N]
 */
import { buildCountView, createRng, lateCountPower, lateCountSensitivity, projectCount } from '@tally/core';
import { loadManifestDataset } from '@tally/ingest';

const injections = Number(process.argv[process.argv.indexOf('--injections') + 1] || 100);

async function load(dir: string, id: string) {
  const r = await loadManifestDataset(dir, id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.table;
}

const final19 = await load('examples/bolivia-2019', 'computo');
const trep = await load('examples/bolivia-2019', 'trep-2019-10-20');
const cut19 = { kind: 'snapshot' as const, snapshot: trep, label: 'trep-2019-10-20' };
const view19 = buildCountView(final19, cut19);
if (!view19.ok) throw new Error(view19.error.message);
const p19 = projectCount(view19.value, {}, createRng(1));
console.log('2019 projection', JSON.stringify(p19.ok ? { ...p19.value, levels: undefined } : p19.error));
const t0 = Date.now();
const power = lateCountPower(final19, cut19, { injections, seed: 1 });
console.log('2019 power', JSON.stringify(power.ok ? power.value : power.error), `${(Date.now() - t0) / 1000}s`);
const partial20 = await load('examples/bolivia-2020', 'computo-partial');
for (const value of [60, 80, 90]) {
  const v = buildCountView(partial20, { kind: 'percentile', value });
  if (!v.ok) throw new Error(v.error.message);
  const p = projectCount(v.value, {}, createRng(1));
  console.log(
    `2020 partial, ${v.value.cutoffLabel}`,
    JSON.stringify(p.ok ? { ...p.value, levels: undefined } : p.error),
  );
}
const sensitivity = lateCountSensitivity(final19, cut19, {
  seed: 1,
  cutoffs: [
    { label: 'percentile 80', cutoff: { kind: 'percentile', value: 80 } },
    { label: 'percentile 90', cutoff: { kind: 'percentile', value: 90 } },
    { label: 'percentile 95', cutoff: { kind: 'percentile', value: 95 } },
  ],
});
if (!sensitivity.ok) throw new Error(sensitivity.error.message);
for (const row of sensitivity.value.rows) console.log('2019 sensitivity', JSON.stringify(row));
console.log('2019 sensitivity spread', JSON.stringify(sensitivity.value.spread));
