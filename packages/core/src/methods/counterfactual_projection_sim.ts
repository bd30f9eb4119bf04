/**
 * The simulation loop of the counterfactual projection (Johnston & Rosnick 2019; Curiel & Williams
 * 2020; Idrobo, Kronick & Rodríguez 2022), kept apart from the option handling. Per-station values
 * read together by a draw are packed side by side, so a draw touches one cache line instead of four
 * arrays indexed through `donors`; the random draws and the order of every sum are those of the
 * plain loop over station arrays, so a seed gives the same margins bit for bit.
 */
import type { DonorGroups } from '../latecount/donor_groups.ts';
import type { Rng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';

/** Inputs of the simulation loop. */
export interface SimulationInput {
  readonly final: StationTable;
  readonly groups: DonorGroups;
  /** Counted A, B, share denominator and registered voters per station of `final`. */
  readonly cA: Float64Array;
  readonly cB: Float64Array;
  readonly cD: Float64Array;
  readonly cR: Float64Array;
  /** Counted totals of A, B and the denominator. */
  readonly CA: number;
  readonly CB: number;
  readonly CD: number;
  readonly rule: 'donor' | 'mean';
  readonly scale: 'registered' | 'none';
  readonly resample: boolean;
}

/** Projected final margin (points) of each of `sims` simulations. */
export function simulateMargins(input: SimulationInput, sims: number, rng: Rng): Float64Array {
  const { final, groups, cA, cB, cD, cR, CA, CB, CD, rule, scale, resample } = input;
  const { donorOff, donors, memberOff, members, childLevel, clusterOff, clusterBegin, clusterEnd } = groups;
  const G = groups.count;
  const registered = scale === 'registered';
  // [registered, A, B, denominator] of each donor position, in donor-array order; 32-bit floats when
  // every value is one exactly (vote counts are), which halves the memory the random draws walk over.
  const nd = donors.length;
  let exact32 = true;
  for (let p = 0; p < nd && exact32; p++) {
    const d = donors[p];
    exact32 = fits32(cR[d]) && fits32(cA[d]) && fits32(cB[d]) && fits32(cD[d]);
  }
  const dv = exact32 ? new Float32Array(4 * nd) : new Float64Array(4 * nd);
  for (let p = 0; p < nd; p++) {
    const d = donors[p];
    dv[4 * p] = cR[d];
    dv[4 * p + 1] = cA[d];
    dv[4 * p + 2] = cB[d];
    dv[4 * p + 3] = cD[d];
  }
  // Registered voters and sub-area code of each uncounted station, in member order.
  const nm = members.length;
  const mr = new Float64Array(nm);
  const mc = new Int32Array(nm);
  const reg = final.registered;
  for (let k = 0; k < nm; k++) mr[k] = reg[members[k]];
  let maxDonors = 0;
  for (let g = 0; g < G; g++) {
    maxDonors = Math.max(maxDonors, donorOff[g + 1] - donorOff[g]);
    if (childLevel[g] < 0 || clusterOff[g + 1] === clusterOff[g]) continue;
    const codes = final.regions[childLevel[g]].codes;
    for (let k = memberOff[g]; k < memberOff[g + 1]; k++) mc[k] = codes[members[k]];
  }
  // Lazy bootstrap of one area: [stamp, slot] pairs by local donor index, the slot holding a donor
  // position; a slot belongs to one area, so one small buffer stamped per area visit serves them all.
  const ss = new Int32Array(2 * maxDonors).fill(-1);
  let visit = 0;
  // The same for sub-areas: [stamp, slot] by cluster index, stamped by simulation.
  const nClusters = clusterBegin.length;
  const cs = new Int32Array(2 * nClusters).fill(-1);
  const cr = new Int32Array(2 * nClusters);
  for (let c = 0; c < nClusters; c++) {
    cr[2 * c] = clusterBegin[c];
    cr[2 * c + 1] = clusterEnd[c];
  }
  const margins = new Float64Array(sims);
  const base = CA - CB;
  if (rule === 'mean') {
    for (let s = 0; s < sims; s++) {
      let xA = 0;
      let xB = 0;
      let xD = 0;
      for (let g = 0; g < G; g++) {
        const off = donorOff[g];
        const ng = donorOff[g + 1] - off;
        const cOff = clusterOff[g];
        const nc = clusterOff[g + 1] - cOff;
        let sA = 0;
        let sB = 0;
        let sD = 0;
        let sR = 0;
        let sN = 0;
        const draws = nc > 0 ? nc : ng;
        for (let k = 0; k < draws; k++) {
          let b0 = off + (resample ? rng.int(ng) : k);
          let b1 = b0 + 1;
          if (nc > 0) {
            const c = cOff + (resample ? rng.int(nc) : k);
            b0 = cr[2 * c];
            b1 = cr[2 * c + 1];
          }
          for (let q = 4 * b0; q < 4 * b1; q += 4) {
            sR += dv[q];
            sA += dv[q + 1];
            sB += dv[q + 2];
            sD += dv[q + 3];
          }
          sN += b1 - b0;
        }
        let f = 0;
        if (registered) for (let k = memberOff[g]; k < memberOff[g + 1]; k++) f += mr[k] / sR;
        else for (let k = memberOff[g]; k < memberOff[g + 1]; k++) f += 1 / sN;
        xA += f * sA;
        xB += f * sB;
        xD += f * sD;
      }
      margins[s] = (100 * (base + xA - xB)) / (CD + xD);
    }
    return margins;
  }
  // Donor rule, a batch of simulations at a time: first every draw of the batch, in the order of the
  // plain loop (simulation, area, station), as donor positions; then the sums area by area, each
  // simulation keeping its own running totals in the plain loop's order. An area's donor values are
  // then read for the whole batch while they sit in cache, and the loads wait behind no branch.
  const B = Math.max(1, Math.min(sims, 32, Math.floor(4194304 / Math.max(1, nm))));
  const qall = new Int32Array(B * nm);
  const acc = new Float64Array(3 * B);
  for (let s0 = 0; s0 < sims; s0 += B) {
    const nb = Math.min(B, sims - s0);
    for (let b = 0; b < nb; b++) {
      const s = s0 + b;
      for (let g = 0; g < G; g++) {
        const off = donorOff[g];
        const ng = donorOff[g + 1] - off;
        const cOff = clusterOff[g];
        const nc = clusterOff[g + 1] - cOff;
        const q0 = b * nm + memberOff[g];
        const len = memberOff[g + 1] - memberOff[g];
        if (nc > 0) {
          // One donor sub-area per uncounted sub-area, then a station inside it.
          const m0 = memberOff[g];
          let prev = -1;
          let cb = 0;
          let cn = 0;
          for (let i = 0; i < len; i++) {
            if (mc[m0 + i] !== prev) {
              prev = mc[m0 + i];
              let c = cOff + rng.int(nc);
              if (resample) {
                if (cs[2 * c] !== s) {
                  cs[2 * c + 1] = cOff + rng.int(nc);
                  cs[2 * c] = s;
                }
                c = cs[2 * c + 1];
              }
              cb = cr[2 * c];
              cn = cr[2 * c + 1] - cb;
            }
            qall[q0 + i] = cb + rng.int(cn);
          }
        } else if (resample) {
          if (visit === 0x3fffffff) {
            ss.fill(-1);
            visit = 0;
          }
          visit++;
          drawBootstrap(rng, ss, visit, off, ng, qall, q0, len);
        } else {
          for (let i = 0; i < len; i++) qall[q0 + i] = off + rng.int(ng);
        }
      }
    }
    acc.fill(0);
    for (let g = 0; g < G; g++) {
      const m0 = memberOff[g];
      const len = memberOff[g + 1] - m0;
      for (let b = 0; b < nb; b++) {
        if (dv instanceof Float32Array) addDraws32(dv, mr, m0, qall, b * nm + m0, len, registered, acc, 3 * b);
        else addDraws64(dv, mr, m0, qall, b * nm + m0, len, registered, acc, 3 * b);
      }
    }
    for (let b = 0; b < nb; b++) margins[s0 + b] = (100 * (base + acc[3 * b] - acc[3 * b + 1])) / (CD + acc[3 * b + 2]);
  }
  return margins;
}

function fits32(x: number): boolean {
  return Math.fround(x) === x;
}

/** Adds the projected A, B and denominator of `len` uncounted stations (donor positions qs[q0..]) to acc[a..a+3), in member order. */
function addDraws32(
  dv: Float32Array,
  mr: Float64Array,
  m0: number,
  qs: Int32Array,
  q0: number,
  len: number,
  registered: boolean,
  acc: Float64Array,
  a: number,
): void {
  let xA = acc[a];
  let xB = acc[a + 1];
  let xD = acc[a + 2];
  if (registered) {
    for (let i = 0; i < len; i++) {
      const q = 4 * qs[q0 + i];
      const f = mr[m0 + i] / dv[q];
      xA += f * dv[q + 1];
      xB += f * dv[q + 2];
      xD += f * dv[q + 3];
    }
  } else {
    for (let i = 0; i < len; i++) {
      const q = 4 * qs[q0 + i];
      xA += dv[q + 1];
      xB += dv[q + 2];
      xD += dv[q + 3];
    }
  }
  acc[a] = xA;
  acc[a + 1] = xB;
  acc[a + 2] = xD;
}

/** addDraws32 over 64-bit donor values (a copy, so that each loop sees one array type). */
function addDraws64(
  dv: Float64Array,
  mr: Float64Array,
  m0: number,
  qs: Int32Array,
  q0: number,
  len: number,
  registered: boolean,
  acc: Float64Array,
  a: number,
): void {
  let xA = acc[a];
  let xB = acc[a + 1];
  let xD = acc[a + 2];
  if (registered) {
    for (let i = 0; i < len; i++) {
      const q = 4 * qs[q0 + i];
      const f = mr[m0 + i] / dv[q];
      xA += f * dv[q + 1];
      xB += f * dv[q + 2];
      xD += f * dv[q + 3];
    }
  } else {
    for (let i = 0; i < len; i++) {
      const q = 4 * qs[q0 + i];
      xA += dv[q + 1];
      xB += dv[q + 2];
      xD += dv[q + 3];
    }
  }
  acc[a] = xA;
  acc[a + 1] = xB;
  acc[a + 2] = xD;
}

/**
 * Donor positions of `len` stations of one area into qs[q0..]: each draws slot j of the area's
 * resampled donor list, which is itself drawn the first time it is used in this visit.
 */
function drawBootstrap(
  rng: Rng,
  ss: Int32Array,
  visit: number,
  off: number,
  ng: number,
  qs: Int32Array,
  q0: number,
  len: number,
): void {
  for (let i = 0; i < len; i++) {
    const j2 = 2 * rng.int(ng);
    if (ss[j2] !== visit) {
      ss[j2 + 1] = off + rng.int(ng);
      ss[j2] = visit;
    }
    qs[q0 + i] = ss[j2 + 1];
  }
}
