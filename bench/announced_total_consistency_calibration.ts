/**
 * Size and power of announced_total_consistency on simulated elections with a known truth (the numbers in
 * docs/methods/announced_total_consistency.md). Each replicate: a clean election (`simulateElection`, 3,000
 * stations, 5 regions x 8 districts), a share of stations missing, announced totals = the true totals (size) or the
 * true totals with a share of ballots moved from the rival to the favoured candidate (power). Missing at random, or
 * not at random: the missing stations are drawn with probability rising with the favoured candidate's share (the
 * collection failing where the favoured candidate is strongest). Not a test.
 *
 *   node --import tsx bench/announced_total_consistency_calibration.ts [reps]   (default 400)
 */
import { announcedTotalConsistency, createRng, deriveSeed, selectStations, simulateElection } from '@tally/core';

const reps = Number(process.argv[2] ?? 400);
const SHIFTS = [0, 0.0025, 0.005, 0.01];

function run(missing: number, mnar: boolean): { shift: number; rate: number; medianDelta: number }[] {
  const hits = SHIFTS.map(() => 0);
  const deltas: number[][] = SHIFTS.map(() => []);
  for (let rep = 0; rep < reps; rep++) {
    const rng = createRng(deriveSeed(19, rep));
    const { table } = simulateElection({ stations: 3000, regions: 5, districtsPerRegion: 8 }, rng);
    const [fav, riv] = [table.candidates[0], table.candidates[1]];
    let A = 0;
    let B = 0;
    let T = 0;
    let R = 0;
    for (let i = 0; i < table.n; i++) {
      A += fav.votes[i];
      B += riv.votes[i];
      T += table.ballotsCast[i];
      R += table.registered[i];
    }
    const kept: number[] = [];
    for (let i = 0; i < table.n; i++) {
      const share = fav.votes[i] / Math.max(1, table.valid[i]);
      const p = mnar ? Math.min(0.95, missing * 2 * share * 2) : missing;
      if (rng.uniform() >= p) kept.push(i);
    }
    const sub = selectStations(table, kept);
    SHIFTS.forEach((s, k) => {
      const moved = Math.round(s * T);
      const r = announcedTotalConsistency(
        sub,
        { favoured: A + moved, rival: B - moved, ballotsCast: T, registered: R },
        { favoured: fav.name, rival: riv.name, sims: 400 },
        rng,
      );
      if (!r.ok) throw new Error(r.error.message);
      if (r.value.consistency.pValue < 0.05) hits[k]++;
      deltas[k].push(r.value.consistency.delta.needed);
    });
  }
  return SHIFTS.map((shift, k) => {
    const d = deltas[k].sort((x, y) => x - y);
    return { shift, rate: hits[k] / reps, medianDelta: d[Math.floor(d.length / 2)] };
  });
}

for (const [missing, mnar] of [
  [0.15, false],
  [0.3, false],
  [0.15, true],
] as const) {
  for (const r of run(missing, mnar)) {
    console.log(
      `missing ${missing * 100}% ${mnar ? 'not at random' : 'at random'}; shift ${(r.shift * 100).toFixed(2)}% of ballots: rejection rate ${r.rate.toFixed(3)} (${reps} reps), median delta needed ${r.medianDelta.toFixed(2)} points`,
    );
  }
}
