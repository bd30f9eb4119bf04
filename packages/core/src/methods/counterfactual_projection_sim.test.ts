/**
 * The projection's simulation loop against the plain loop it stands for: simulation by simulation, area by
 * area, station by station, each draw an rng.int call and each sum taken as it comes. The margins must be the
 * same bits and the stream must be left at the same place (the late shift draws from it next), with and
 * without resampling, scaled by registered voters or not, with donor sub-areas (clusters) and without.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateLateCount } from '../../test/latecount_sim.ts';
import { buildCountView } from '../latecount/count_view.ts';
import { buildDonorGroups } from '../latecount/donor_groups.ts';
import { createRng, type Rng } from '../rng.ts';
import { type SimulationInput, simulateMargins } from './counterfactual_projection_sim.ts';

function plainMargins(input: SimulationInput, sims: number, rng: Rng): Float64Array {
  const { final, groups, countedA, countedB, countedDenominator, countedRegistered } = input;
  const margins = new Float64Array(sims);
  for (let s = 0; s < sims; s++) {
    let projectedA = 0;
    let projectedB = 0;
    let projectedDenominator = 0;
    for (let area = 0; area < groups.count; area++) {
      const donorStart = groups.donorOff[area];
      const areaDonors = groups.donorOff[area + 1] - donorStart;
      const clusterStart = groups.clusterOff[area];
      const areaClusters = groups.clusterOff[area + 1] - clusterStart;
      // The area's resampled donor list (slot -> position) and sub-area list (cluster -> cluster), drawn on first use.
      const resampledSlots = new Map<number, number>();
      const resampledClusters = new Map<number, number>();
      let previousSubArea = -1;
      let clusterFirst = 0;
      let clusterSize = 0;
      for (let k = groups.memberOff[area]; k < groups.memberOff[area + 1]; k++) {
        const member = groups.members[k];
        let position: number;
        if (areaClusters > 0) {
          const subArea = final.regions[groups.childLevel[area]].codes[member];
          if (subArea !== previousSubArea) {
            previousSubArea = subArea;
            let cluster = clusterStart + rng.int(areaClusters);
            if (input.resample) {
              if (!resampledClusters.has(cluster)) resampledClusters.set(cluster, clusterStart + rng.int(areaClusters));
              cluster = resampledClusters.get(cluster) as number;
            }
            clusterFirst = groups.clusterBegin[cluster];
            clusterSize = groups.clusterEnd[cluster] - clusterFirst;
          }
          position = clusterFirst + rng.int(clusterSize);
        } else if (input.resample) {
          const slot = rng.int(areaDonors);
          if (!resampledSlots.has(slot)) resampledSlots.set(slot, donorStart + rng.int(areaDonors));
          position = resampledSlots.get(slot) as number;
        } else position = donorStart + rng.int(areaDonors);
        const donor = groups.donors[position];
        const factor = input.scale === 'registered' ? final.registered[member] / countedRegistered[donor] : 1;
        projectedA += factor * countedA[donor];
        projectedB += factor * countedB[donor];
        projectedDenominator += factor * countedDenominator[donor];
      }
    }
    margins[s] =
      (100 * (input.totalA - input.totalB + projectedA - projectedB)) / (input.totalDenominator + projectedDenominator);
  }
  return margins;
}

test('the simulation loop gives the plain loop’s margins bit for bit and leaves the stream where it does', () => {
  const sim = simulateLateCount(4, { maxStationsPerSite: 6 });
  const view = buildCountView(sim.table, { kind: 'percentile', value: sim.cutoff });
  assert.ok(view.ok);
  const { final, counted, countedA, countedB, countedDenominator, countedRegistered } = view.value;
  let clustered = 0;
  for (const scale of ['registered', 'none'] as const)
    for (const resample of [true, false])
      for (const minDonors of [3, 12]) {
        const eligible = new Uint8Array(final.n);
        let totalA = 0;
        let totalB = 0;
        let totalDenominator = 0;
        for (let i = 0; i < final.n; i++) {
          if (counted[i] === 0) continue;
          if (scale === 'none' || countedRegistered[i] > 0) eligible[i] = 1;
          totalA += countedA[i];
          totalB += countedB[i];
          totalDenominator += countedDenominator[i];
        }
        const groups = buildDonorGroups(final, counted, eligible, minDonors);
        if (groups.clusterBegin.length > 0) clustered++;
        const input: SimulationInput = {
          ...{ final, groups, countedA, countedB, countedDenominator, countedRegistered },
          ...{ totalA, totalB, totalDenominator, rule: 'donor', scale, resample },
        };
        const label = `scale ${scale}, resample ${resample}, minDonors ${minDonors}`;
        for (const sims of [1, 37]) {
          const fast = createRng(sims);
          const plain = createRng(sims);
          const margins = simulateMargins(input, sims, fast);
          const expected = plainMargins(input, sims, plain);
          for (let s = 0; s < sims; s++) assert.ok(Object.is(margins[s], expected[s]), `${label}, simulation ${s}`);
          assert.equal(fast.nextUint32(), plain.nextUint32(), `${label}: the stream's next word`);
        }
      }
  assert.ok(clustered > 0, 'some settings draw donor sub-areas');
});
