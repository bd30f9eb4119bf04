/**
 * Donor areas for the counterfactual projection: every uncounted station is assigned the most
 * specific region level at which its area has enough counted stations. When that level is wider
 * than the narrowest one, the uncounted station's own sub-area (one level down) had no donors, so
 * its stations share whatever made that sub-area different; the projection then draws a donor
 * sub-area (a "cluster") once per uncounted sub-area and draws stations inside it, which keeps that
 * shared effect in the spread of the projection instead of averaging it away.
 */
import type { StationTable } from '../station_table.ts';

/** Donor pools in compressed-row form. */
export interface DonorGroups {
  readonly count: number;
  /** Region level index of each group (-1 = all counted stations). */
  readonly level: Int32Array;
  /** Level whose codes define clusters inside each group (-1 = none: draw stations directly). */
  readonly childLevel: Int32Array;
  readonly donorOff: Int32Array;
  /** Final-table indices of donors, sorted by cluster inside each group. */
  readonly donors: Int32Array;
  /** Clusters of group g are clusterBegin/End[clusterOff[g] .. clusterOff[g+1]), as donor-array ranges. */
  readonly clusterOff: Int32Array;
  readonly clusterBegin: Int32Array;
  readonly clusterEnd: Int32Array;
  readonly memberOff: Int32Array;
  /** Final-table indices of the uncounted stations, sorted by cluster inside each group. */
  readonly members: Int32Array;
  /** Projected stations per level used, narrowest first ("all" = every counted station). */
  readonly levels: { level: string; stations: number }[];
}

/** Builds donor groups for the uncounted stations (counted[i] = 0) from eligible donors. */
export function buildDonorGroups(
  final: Pick<StationTable, 'n' | 'regions'>,
  counted: Uint8Array,
  eligible: Uint8Array,
  minDonors: number,
): DonorGroups {
  const n = final.n;
  const regions = final.regions;
  const L = regions.length;
  const donorCount = regions.map((r) => {
    const c = new Int32Array(r.labels.length);
    for (let i = 0; i < n; i++) if (eligible[i] === 1) c[r.codes[i]]++;
    return c;
  });
  const groupOf = regions.map((r) => new Int32Array(r.labels.length).fill(-1));
  let allGroup = -1;
  const levelList: number[] = [];
  const memberGroup = new Int32Array(n).fill(-1);
  const perLevel = new Float64Array(L + 1);
  for (let u = 0; u < n; u++) {
    if (counted[u] === 1) continue;
    let l = L - 1;
    while (l >= 0 && donorCount[l][regions[l].codes[u]] < minDonors) l--;
    let g: number;
    if (l < 0) {
      if (allGroup < 0) {
        allGroup = levelList.length;
        levelList.push(-1);
      }
      g = allGroup;
    } else {
      const code = regions[l].codes[u];
      if (groupOf[l][code] < 0) {
        groupOf[l][code] = levelList.length;
        levelList.push(l);
      }
      g = groupOf[l][code];
    }
    memberGroup[u] = g;
    perLevel[l + 1]++;
  }
  const G = levelList.length;
  const level = Int32Array.from(levelList);
  const childLevel = new Int32Array(G);
  for (let g = 0; g < G; g++) childLevel[g] = level[g] + 1 < L ? level[g] + 1 : -1;
  const donorOff = new Int32Array(G + 1);
  const memberOff = new Int32Array(G + 1);
  const eachDonorGroup = (i: number, f: (g: number) => void): void => {
    for (let l = 0; l < L; l++) {
      const g = groupOf[l][regions[l].codes[i]];
      if (g >= 0) f(g);
    }
    if (allGroup >= 0) f(allGroup);
  };
  for (let i = 0; i < n; i++) {
    if (eligible[i] === 1) eachDonorGroup(i, (g) => donorOff[g + 1]++);
    if (memberGroup[i] >= 0) memberOff[memberGroup[i] + 1]++;
  }
  for (let g = 0; g < G; g++) {
    donorOff[g + 1] += donorOff[g];
    memberOff[g + 1] += memberOff[g];
  }
  const donors = new Int32Array(donorOff[G]);
  const members = new Int32Array(memberOff[G]);
  const dFill = donorOff.slice(0, G);
  const mFill = memberOff.slice(0, G);
  for (let i = 0; i < n; i++) {
    if (eligible[i] === 1)
      eachDonorGroup(i, (g) => {
        donors[dFill[g]++] = i;
      });
    if (memberGroup[i] >= 0) members[mFill[memberGroup[i]]++] = i;
  }
  // Sort donors and members of clustered groups by cluster code; record cluster ranges.
  const begins: number[] = [];
  const ends: number[] = [];
  const clusterOff = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) {
    const cl = childLevel[g];
    if (cl >= 0) {
      const codes = regions[cl].codes;
      const byCode = (x: number, y: number): number => codes[x] - codes[y] || x - y;
      donors.subarray(donorOff[g], donorOff[g + 1]).sort(byCode);
      members.subarray(memberOff[g], memberOff[g + 1]).sort(byCode);
      let k = donorOff[g];
      while (k < donorOff[g + 1]) {
        let e = k + 1;
        while (e < donorOff[g + 1] && codes[donors[e]] === codes[donors[k]]) e++;
        begins.push(k);
        ends.push(e);
        k = e;
      }
    }
    clusterOff[g + 1] = begins.length;
  }
  const levels: { level: string; stations: number }[] = [];
  for (let l = L - 1; l >= -1; l--) {
    if (perLevel[l + 1] > 0) levels.push({ level: l < 0 ? 'all' : regions[l].name, stations: perLevel[l + 1] });
  }
  return {
    count: G,
    level,
    childLevel,
    donorOff,
    donors,
    clusterOff,
    clusterBegin: Int32Array.from(begins),
    clusterEnd: Int32Array.from(ends),
    memberOff,
    members,
    levels,
  };
}
