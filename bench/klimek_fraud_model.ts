/**
 * klimek_fraud_model on the Russian CIK files: run time (wall and CPU) and the fitted fractions.
 * Usage: node --import tsx bench/klimek_fraud_model.ts [year ...]
 */
import { createRng, klimekFraudModelMethod } from '@tally/core';
import { loadTable } from '@tally/ingest';

const files: Record<string, string> = {
  '2011': 'examples/russia-2011/russia_2011_duma_uik.csv.gz',
  '2012': 'examples/russia-2012/russia_2012_president_uik.csv.gz',
  '2018': 'examples/russia-2018/russia_2018_president_uik.csv.gz',
};
const years = process.argv.length > 2 ? process.argv.slice(2) : ['2011', '2018'];
for (const year of years) {
  const loaded = await loadTable(files[year], { preset: 'russia-cik' });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = klimekFraudModelMethod.run(loaded.value.table, {}, createRng(2012));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (!r.ok) throw new Error(r.error.message);
  const d = r.value[0].details as Record<string, unknown>;
  console.log(
    JSON.stringify({
      year,
      stations: r.value[0].n,
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      fi: d.fi,
      fe: d.fe,
      fiInterval95: d.fiInterval95,
      feInterval95: d.feInterval95,
      theta: d.theta,
      fair: d.fair,
      warnings: r.value[0].warnings,
    }),
  );
}
