/**
 * Size and power of tally_sheet_agreement, and the coverage of the count-series projection, on simulated data with a
 * known truth: the figures in docs/methods/tally_sheet_agreement.md and docs/methods/count_series.md. Not a test.
 *
 *   nice node --import tsx bench/new_stats_calibration.ts [--reps 1000]
 */

import type { CountSeries, SeriesState } from '@tally/core';
import {
  clopperPearson,
  createRng,
  deriveSeed,
  projectFromSeries,
  simulateSheets,
  tallySheetAgreement,
} from '@tally/core';

const reps = Number(process.argv[process.argv.indexOf('--reps') + 1] || 1000);

function rate(hits: number, n: number): string {
  const ci = clopperPearson(hits, n);
  return `${(hits / n).toFixed(3)} [${ci.lower.toFixed(3)}, ${ci.upper.toFixed(3)}]`;
}

const scenarios = [
  { label: 'size: 5% misread, +-1..10', misreadRate: 0.05, shiftedShare: 0, shiftVotes: 0 },
  { label: 'size: 20% misread, +-1..10', misreadRate: 0.2, shiftedShare: 0, shiftVotes: 0 },
  { label: 'power: 1% shifted by 10', misreadRate: 0.05, shiftedShare: 0.01, shiftVotes: 10 },
  { label: 'power: 2% shifted by 10', misreadRate: 0.05, shiftedShare: 0.02, shiftVotes: 10 },
  { label: 'power: 5% shifted by 10', misreadRate: 0.05, shiftedShare: 0.05, shiftVotes: 10 },
  { label: 'power: 5% shifted by 2', misreadRate: 0.05, shiftedShare: 0.05, shiftVotes: 2 },
];
console.log(`tally_sheet_agreement, 500 stations, ${reps} elections each; rejection rate at 0.05 (exact sign test)`);
for (const [j, sc] of scenarios.entries()) {
  let hits = 0;
  let flips = 0;
  for (let k = 0; k < reps; k++) {
    const t = simulateSheets({ stations: 500, maxMisread: 10, ...sc }, createRng(deriveSeed(100 + j, k)));
    const r = tallySheetAgreement(t, { candidate: 'F', rival: 'R', replicates: 199 }, createRng(k));
    if (!r.ok) throw new Error(r.error.message);
    if ((r.value[0].pValue ?? 1) < 0.05) hits++;
    if ((r.value[0].details as { signFlipPValue: number }).signFlipPValue < 0.05) flips++;
  }
  console.log(`| ${sc.label} | ${rate(hits, reps)} | ${rate(flips, reps)} |`);
}

function simulateCount(seed: number, lateShift: number): CountSeries {
  const rng = createRng(seed);
  const states: SeriesState[] = [];
  for (let d = 0; d < 12; d++) {
    const units = 150 + rng.int(251);
    const share = 0.35 + 0.3 * rng.uniform();
    let counted = 0;
    let f = 0;
    let r = 0;
    let time = 0;
    while (counted < units) {
      const batch = Math.min(units - counted, 5 + rng.int(16));
      for (let j = 0; j < batch; j++) {
        const voters = 150 + rng.int(150);
        const p = counted + j >= 0.6 * units ? Math.min(1, share + lateShift) : share;
        const vf = rng.binomial(voters, p);
        f += vf;
        r += voters - vf;
      }
      counted += batch;
      time += 1 + rng.int(3);
      states.push({ time, region: `d${d}`, units: counted, unitsTotal: units, votes: [f, r] });
    }
  }
  return { candidates: ['F', 'R'], states };
}
console.log(`count-series projection, 12 regions, cut at 60% of the instants, ${reps} counts each`);
for (const shift of [0, 0.02, 0.05]) {
  let covered = 0;
  let rejected = 0;
  let width = 0;
  for (let k = 0; k < reps; k++) {
    const series = simulateCount(deriveSeed(7, k), shift);
    const maxTime = Math.max(...series.states.map((x) => x.time));
    const r = projectFromSeries(series, Math.floor(0.6 * maxTime), 0, 1, 500, createRng(k));
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value;
    if (p.finalMargin >= p.interval95[0] && p.finalMargin <= p.interval95[1]) covered++;
    if (p.pValue < 0.05) rejected++;
    width += p.interval95[1] - p.interval95[0];
  }
  console.log(
    `| last 40% of each region's units +${(shift * 100).toFixed(0)} points to F | coverage ${rate(covered, reps)} | rejection ${rate(rejected, reps)} | mean width ${(width / reps).toFixed(2)} points |`,
  );
}
