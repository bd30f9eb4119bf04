/**
 * The simulation loop of the counterfactual projection (Johnston & Rosnick 2019; Curiel & Williams
 * 2020; Idrobo, Kronick & Rodríguez 2022), kept apart from the option handling. Per-station values
 * read together by a draw are packed side by side, so a draw touches one cache line instead of four
 * arrays indexed through `donors`; the random draws and the order of every sum are those of the
 * plain loop over station arrays, so a seed gives the same margins bit for bit.
 */
import type { DonorGroups } from '../latecount/donor_groups.ts';
import { indexFromUint32, type Rng, rejectionLimit } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { WordReader } from '../word_reader.ts';

/** Inputs of the simulation loop. */
export interface SimulationInput {
  readonly final: StationTable;
  readonly groups: DonorGroups;
  /** Counted A, B, share denominator and registered voters per station of `final`. */
  readonly countedA: Float64Array;
  readonly countedB: Float64Array;
  readonly countedDenominator: Float64Array;
  readonly countedRegistered: Float64Array;
  /** Counted totals of A, B and the denominator. */
  readonly totalA: number;
  readonly totalB: number;
  readonly totalDenominator: number;
  readonly rule: 'donor' | 'mean';
  readonly scale: 'registered' | 'none';
  readonly resample: boolean;
}

/** Projected final margin (points) of each of `sims` simulations. */
export function simulateMargins(input: SimulationInput, sims: number, rng: Rng): Float64Array {
  const { final, groups, rule, scale, resample } = input;
  const { countedA, countedB, countedDenominator, countedRegistered } = input;
  const { donorOff, donors, memberOff, members, childLevel, clusterOff, clusterBegin, clusterEnd } = groups;
  const areaCount = groups.count;
  const registered = scale === 'registered';
  // [registered, A, B, denominator] of each donor position, in donor-array order: a draw reads one
  // cache line instead of four arrays indexed through `donors`. Always 64-bit, so the summing loop
  // sees one array type (bench/counterfactual_projection.ts measured the cost against 32-bit floats).
  const donorCount = donors.length;
  const donorValues = new Float64Array(4 * donorCount);
  for (let position = 0; position < donorCount; position++) {
    const station = donors[position];
    donorValues[4 * position] = countedRegistered[station];
    donorValues[4 * position + 1] = countedA[station];
    donorValues[4 * position + 2] = countedB[station];
    donorValues[4 * position + 3] = countedDenominator[station];
  }
  // Registered voters and sub-area code of each uncounted station, in member order.
  const memberCount = members.length;
  const memberRegistered = new Float64Array(memberCount);
  const memberSubArea = new Int32Array(memberCount);
  const stationRegistered = final.registered;
  for (let k = 0; k < memberCount; k++) memberRegistered[k] = stationRegistered[members[k]];
  let maxDonors = 0;
  for (let area = 0; area < areaCount; area++) {
    maxDonors = Math.max(maxDonors, donorOff[area + 1] - donorOff[area]);
    if (childLevel[area] < 0 || clusterOff[area + 1] === clusterOff[area]) continue;
    const codes = final.regions[childLevel[area]].codes;
    for (let k = memberOff[area]; k < memberOff[area + 1]; k++) memberSubArea[k] = codes[members[k]];
  }
  // Lazy bootstrap of one area: [stamp, slot] pairs by local donor index, the slot holding a donor
  // position; a slot belongs to one area, so one small buffer stamped per area visit serves them all.
  const slotStamps = new Int32Array(2 * maxDonors).fill(-1);
  let visit = 0;
  // The same for sub-areas: [stamp, slot] by cluster index, stamped by simulation.
  const clusterCount = clusterBegin.length;
  const clusterStamps = new Int32Array(2 * clusterCount).fill(-1);
  // [first, end) donor positions of each cluster, side by side.
  const clusterRanges = new Int32Array(2 * clusterCount);
  for (let c = 0; c < clusterCount; c++) {
    clusterRanges[2 * c] = clusterBegin[c];
    clusterRanges[2 * c + 1] = clusterEnd[c];
  }
  const margins = new Float64Array(sims);
  const countedMargin = input.totalA - input.totalB;
  const totalDenominator = input.totalDenominator;
  if (rule === 'mean') {
    for (let s = 0; s < sims; s++) {
      let projectedA = 0;
      let projectedB = 0;
      let projectedDenominator = 0;
      for (let area = 0; area < areaCount; area++) {
        const donorStart = donorOff[area];
        const areaDonors = donorOff[area + 1] - donorStart;
        const clusterStart = clusterOff[area];
        const areaClusters = clusterOff[area + 1] - clusterStart;
        let sumA = 0;
        let sumB = 0;
        let sumDenominator = 0;
        let sumRegistered = 0;
        let sumStations = 0;
        const draws = areaClusters > 0 ? areaClusters : areaDonors;
        for (let k = 0; k < draws; k++) {
          let first = donorStart + (resample ? rng.int(areaDonors) : k);
          let end = first + 1;
          if (areaClusters > 0) {
            const c = clusterStart + (resample ? rng.int(areaClusters) : k);
            first = clusterRanges[2 * c];
            end = clusterRanges[2 * c + 1];
          }
          for (let at = 4 * first; at < 4 * end; at += 4) {
            sumRegistered += donorValues[at];
            sumA += donorValues[at + 1];
            sumB += donorValues[at + 2];
            sumDenominator += donorValues[at + 3];
          }
          sumStations += end - first;
        }
        let factor = 0;
        if (registered) {
          for (let k = memberOff[area]; k < memberOff[area + 1]; k++) factor += memberRegistered[k] / sumRegistered;
        } else {
          for (let k = memberOff[area]; k < memberOff[area + 1]; k++) factor += 1 / sumStations;
        }
        projectedA += factor * sumA;
        projectedB += factor * sumB;
        projectedDenominator += factor * sumDenominator;
      }
      margins[s] = (100 * (countedMargin + projectedA - projectedB)) / (totalDenominator + projectedDenominator);
    }
    return margins;
  }
  // Donor rule, a batch of simulations at a time: first every draw of the batch, in the order of the
  // plain loop (simulation, area, station), as donor positions; then the sums area by area, each
  // simulation keeping its own running totals in the plain loop's order. An area's donor values are
  // then read for the whole batch while they sit in cache, and the loads wait behind no branch.
  const batchSize = Math.max(1, Math.min(sims, 32, Math.floor(4194304 / Math.max(1, memberCount))));
  // Drawn donor position of each (simulation of the batch, member), simulation-major.
  const drawnPositions = new Int32Array(batchSize * memberCount);
  // Running [A, B, denominator] of each simulation of the batch.
  const totals = new Float64Array(3 * batchSize);
  // The draws read the stream a block at a time, exactly as far as rng.int would have read it.
  const reader = new WordReader(rng);
  for (let batchStart = 0; batchStart < sims; batchStart += batchSize) {
    const inBatch = Math.min(batchSize, sims - batchStart);
    for (let b = 0; b < inBatch; b++) {
      const s = batchStart + b;
      for (let area = 0; area < areaCount; area++) {
        const donorStart = donorOff[area];
        const areaDonors = donorOff[area + 1] - donorStart;
        const clusterStart = clusterOff[area];
        const areaClusters = clusterOff[area + 1] - clusterStart;
        const firstMember = memberOff[area];
        const drawStart = b * memberCount + firstMember;
        const areaMembers = memberOff[area + 1] - firstMember;
        // Every member of this and each later simulation reads at least one word (its station or slot).
        const wordsAhead = (sims - s) * memberCount - firstMember;
        if (areaClusters > 0) {
          // One donor sub-area per uncounted sub-area, then a station inside it.
          let previousSubArea = -1;
          let clusterFirst = 0;
          let clusterSize = 0;
          let sizeLimit = 0;
          const clusterLimit = rejectionLimit(areaClusters);
          for (let i = 0; i < areaMembers; i++) {
            const atLeast = wordsAhead - i;
            if (memberSubArea[firstMember + i] !== previousSubArea) {
              previousSubArea = memberSubArea[firstMember + i];
              let c = clusterStart + reader.index(areaClusters, clusterLimit, atLeast);
              if (resample) {
                if (clusterStamps[2 * c] !== s) {
                  clusterStamps[2 * c + 1] = clusterStart + reader.index(areaClusters, clusterLimit, atLeast);
                  clusterStamps[2 * c] = s;
                }
                c = clusterStamps[2 * c + 1];
              }
              clusterFirst = clusterRanges[2 * c];
              clusterSize = clusterRanges[2 * c + 1] - clusterFirst;
              sizeLimit = rejectionLimit(clusterSize);
            }
            drawnPositions[drawStart + i] = clusterFirst + reader.index(clusterSize, sizeLimit, atLeast);
          }
        } else if (resample) {
          if (visit === 0x3fffffff) {
            slotStamps.fill(-1);
            visit = 0;
          }
          visit++;
          drawBootstrap(
            reader,
            wordsAhead,
            slotStamps,
            visit,
            donorStart,
            areaDonors,
            drawnPositions,
            drawStart,
            areaMembers,
          );
        } else {
          const limit = rejectionLimit(areaDonors);
          for (let i = 0; i < areaMembers; i++)
            drawnPositions[drawStart + i] = donorStart + reader.index(areaDonors, limit, wordsAhead - i);
        }
      }
    }
    totals.fill(0);
    for (let area = 0; area < areaCount; area++) {
      const firstMember = memberOff[area];
      const areaMembers = memberOff[area + 1] - firstMember;
      for (let b = 0; b < inBatch; b++) {
        const drawStart = b * memberCount + firstMember;
        addDraws(
          donorValues,
          memberRegistered,
          firstMember,
          drawnPositions,
          drawStart,
          areaMembers,
          registered,
          totals,
          3 * b,
        );
      }
    }
    for (let b = 0; b < inBatch; b++) {
      margins[batchStart + b] =
        (100 * (countedMargin + totals[3 * b] - totals[3 * b + 1])) / (totalDenominator + totals[3 * b + 2]);
    }
  }
  if (!reader.drained()) throw new Error('internal error: the projection read random words it did not use');
  return margins;
}

/**
 * Adds the projected A, B and denominator of `count` uncounted stations (members from `firstMember`,
 * their drawn donor positions at positions[start..]) to totals[at..at+3), in member order.
 */
function addDraws(
  donorValues: Float64Array,
  memberRegistered: Float64Array,
  firstMember: number,
  positions: Int32Array,
  start: number,
  count: number,
  registered: boolean,
  totals: Float64Array,
  at: number,
): void {
  let projectedA = totals[at];
  let projectedB = totals[at + 1];
  let projectedDenominator = totals[at + 2];
  if (registered) {
    for (let i = 0; i < count; i++) {
      const donor = 4 * positions[start + i];
      const factor = memberRegistered[firstMember + i] / donorValues[donor];
      projectedA += factor * donorValues[donor + 1];
      projectedB += factor * donorValues[donor + 2];
      projectedDenominator += factor * donorValues[donor + 3];
    }
  } else {
    for (let i = 0; i < count; i++) {
      const donor = 4 * positions[start + i];
      projectedA += donorValues[donor + 1];
      projectedB += donorValues[donor + 2];
      projectedDenominator += donorValues[donor + 3];
    }
  }
  totals[at] = projectedA;
  totals[at + 1] = projectedB;
  totals[at + 2] = projectedDenominator;
}

/**
 * Donor positions of `count` stations of one area into positions[start..]: each draws slot j of the
 * area's resampled donor list, which is itself drawn the first time it is used in this visit. Draws
 * are rng.int(areaDonors) read from `reader`; `wordsAhead` words are sure to be read from the first.
 * Whether a slot is new is not known in advance, so the loop does not branch on it: the donor is
 * computed from the next word either way, and the word is used, and the slot written, only when new.
 */
function drawBootstrap(
  reader: WordReader,
  wordsAhead: number,
  slotStamps: Int32Array,
  visit: number,
  donorStart: number,
  areaDonors: number,
  positions: Int32Array,
  start: number,
  count: number,
): void {
  const limit = rejectionLimit(areaDonors);
  const words = reader.words;
  let at = reader.at;
  for (let i = 0; i < count; i++) {
    let slot = -1;
    while (slot < 0) {
      if (at === reader.end) {
        reader.refill(wordsAhead - i);
        at = 0;
      }
      slot = indexFromUint32(words[at++], areaDonors, limit);
    }
    const stamp = 2 * slot;
    const differs = slotStamps[stamp] ^ visit;
    // 1 when the slot has no donor yet in this visit, else 0.
    const fresh = (differs | -differs) >>> 31;
    if (at + fresh > reader.end) {
      reader.refill(wordsAhead - i);
      at = 0;
    }
    let donor = indexFromUint32(words[at], areaDonors, limit);
    if (donor < 0 && fresh === 1) {
      // A rejected word: the next ones, as rng.int draws again.
      do {
        at++;
        if (at === reader.end) {
          reader.refill(wordsAhead - i);
          at = 0;
        }
        donor = indexFromUint32(words[at], areaDonors, limit);
      } while (donor < 0);
    }
    at += fresh;
    const kept = slotStamps[stamp + 1];
    const position = kept + ((donorStart + donor - kept) & -fresh);
    slotStamps[stamp + 1] = position;
    slotStamps[stamp] = visit;
    positions[start + i] = position;
  }
  reader.at = at;
}
