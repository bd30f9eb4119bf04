/**
 * klimek_fraud_model on the Russian CIK files: the figures of docs/methods/klimek_fraud_model.md.
 *   1. PNAS comparison (Klimek et al. 2012: 2011 fi 0.64, fe 0.033 at alpha 2.3; 2012 fi 0.39, fe 0.021 at
 *      alpha 1.5; stations with fewer than 100 voters dropped): asserts fi within 0.05 and fe within 0.01.
 *   2. Seed stability: `tally run examples/russia-2011 --methods klimek_fraud_model --seed S --json` for five
 *      seeds; asserts that every seed's fi and fe lie inside every seed's 95% bootstrap interval.
 *   3. Sensitivity to the internal simulation seed (SEARCH_SEED): the point estimate with two other seeds.
 * Usage: node --import tsx bench/klimek_fraud_model.ts [pnas] [seeds] [internal]   (default: all three)
 * Exits 1 when an assertion fails. Wall and CPU times are printed, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidateOrLeaderIndex, createRng, fitKlimek, klimekFraudModelMethod, SEARCH_SEED } from '@tally/core';
import { loadTable } from '@tally/ingest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files: Record<string, string> = {
  '2011': 'examples/russia-2011/russia_2011_duma_uik.csv.gz',
  '2012': 'examples/russia-2012/russia_2012_president_uik.csv.gz',
};
const parts = process.argv.length > 2 ? process.argv.slice(2) : ['pnas', 'seeds', 'internal'];
let failed = false;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok' : 'FAIL'}: ${what}`);
  if (!ok) failed = true;
};
const f3 = (x: number) => x.toFixed(3);
const f4 = (x: number) => x.toFixed(4);

interface Details {
  fi: number;
  fe: number;
  fiInterval95: [number, number];
  feInterval95: [number, number];
  theta: number;
  alpha: number;
  distance: number;
  fairPeaks: string;
  logVoteRate: { kurtosis: number | null; n: number };
}

async function table(year: string) {
  const loaded = await loadTable(join(ROOT, files[year]), { preset: 'russia-cik' });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.table;
}

if (parts.includes('pnas')) {
  console.log(
    '| election | alpha | stations (>= 100 voters) | Tally fi (95% bootstrap) | PNAS fi | Tally fe (95% bootstrap) | PNAS fe | theta | kurtosis of nu | CPU s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [year, alpha, fi0, fe0] of [
    ['2011', 2.3, 0.64, 0.033],
    ['2012', 1.5, 0.39, 0.021],
  ] as const) {
    const t = await table(year);
    const cpu0 = process.cpuUsage();
    const r = klimekFraudModelMethod.run(t, { alpha, minVoters: 100 }, createRng(1));
    const cpu = process.cpuUsage(cpu0);
    if (!r.ok) throw new Error(r.error.message);
    const d = r.value[0].details as unknown as Details;
    console.log(
      `| ${year} | ${alpha} | ${r.value[0].n} | ${f3(d.fi)} (${f3(d.fiInterval95[0])}-${f3(d.fiInterval95[1])}) | ${fi0} | ${f4(d.fe)} (${f4(d.feInterval95[0])}-${f4(d.feInterval95[1])}) | ${fe0} | ${d.theta} | ${d.logVoteRate.kurtosis?.toFixed(2)} | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} |`,
    );
    check(Math.abs(d.fi - fi0) <= 0.05, `${year} fi ${f3(d.fi)} within 0.05 of ${fi0}`);
    check(Math.abs(d.fe - fe0) <= 0.01, `${year} fe ${f4(d.fe)} within 0.01 of ${fe0}`);
  }
}

if (parts.includes('seeds')) {
  const runs: Details[] = [];
  for (const seed of [1, 2, 3, 4, 5]) {
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, 'apps/cli/bin/tally.js'),
        'run',
        'examples/russia-2011',
        '--methods',
        'klimek_fraud_model',
        '--seed',
        String(seed),
        '--json',
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    const d = JSON.parse(r.stdout).results[0].details as Details;
    runs.push(d);
    console.log(
      `seed ${seed}: fi ${f4(d.fi)} [${f4(d.fiInterval95[0])}, ${f4(d.fiInterval95[1])}] fe ${f4(d.fe)} [${f4(d.feInterval95[0])}, ${f4(d.feInterval95[1])}] theta ${d.theta}`,
    );
  }
  for (const key of ['fi', 'fe'] as const) {
    const values = runs.map((d) => d[key]);
    const lower = Math.max(...runs.map((d) => d[`${key}Interval95`][0]));
    const upper = Math.min(...runs.map((d) => d[`${key}Interval95`][1]));
    check(
      Math.min(...values) >= lower && Math.max(...values) <= upper,
      `${key} over 5 seeds ${f4(Math.min(...values))}-${f4(Math.max(...values))} inside every interval (${f4(lower)}-${f4(upper)})`,
    );
  }
}

if (parts.includes('internal')) {
  for (const [year, alpha, minVoters] of [
    ['2011', 2.3, 100],
    ['2012', 1.5, 100],
    ['2011', 1, 0],
  ] as const) {
    const t = await table(year);
    const winner = t.candidates[candidateOrLeaderIndex(t, '')].votes;
    const keep: number[] = [];
    for (let i = 0; i < t.n; i++) {
      const [r, v, w] = [t.registered[i], t.valid[i], winner[i]];
      if (r > 0 && v > 0 && w >= 0 && v <= r && w <= v && r >= minVoters) keep.push(i);
    }
    const data = {
      registered: Float64Array.from(keep, (i) => t.registered[i]),
      valid: Float64Array.from(keep, (i) => t.valid[i]),
      winner: Float64Array.from(keep, (i) => winner[i]),
    };
    for (const seed of [SEARCH_SEED, 1, 2]) {
      const f = fitKlimek(data, { alpha, bins: 50, draws: 6, maxMode: 0.85 }, seed);
      if (f === undefined) throw new Error('degenerate');
      console.log(
        `${year} alpha ${alpha} min ${minVoters} internal seed ${seed === SEARCH_SEED ? 'SEARCH_SEED' : seed}: fi ${f4(f.fit.fi)} fe ${f4(f.fit.fe)} theta ${f.fit.theta} distance ${f.fit.distance.toFixed(0)} peaks ${f.peaks} (${f3(f.fair.turnoutMode)}, ${f3(f.fair.shareMode)})`,
      );
    }
  }
}
process.exit(failed ? 1 : 0);
