/**
 * The within-area late-minus-early shift, measured on the counted part of the count itself. The
 * counterfactual projection treats an uncounted station as exchangeable with the counted stations of
 * its area; in real counts the later stations of an area vote differently from its earlier ones
 * (remote mesas, rural fringes). The counted stations carry their own arrival order, so the same
 * projection can be run at a placebo cut inside them: the last share of the counted stations (the
 * same share of stations as the real late part of the count) is projected from the earlier counted
 * ones, area by area, and the error of that projection, in points of margin among the projected
 * stations, is the shift. Its uncertainty comes from a block bootstrap over the narrowest areas
 * (Künsch 1989, Ann. Statist. 17(3):1217-1241; here the blocks are geographic, as in the cluster
 * bootstrap of Cameron, Gelbach & Miller 2008, REStat 90(3):414-427).
 */
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import type { CountView } from './count_view.ts';
import { buildDonorGroups } from './donor_groups.ts';

/** The measured shift and what it rests on. */
export interface LateShift {
  /** Arrival position of the placebo cut among the counted stations. */
  readonly placeboCut: number;
  /** Counted stations before and after the placebo cut. */
  readonly earlyStations: number;
  readonly lateStations: number;
  /** Actual minus projected margin (points) of the stations after the placebo cut, within their areas. */
  readonly shift: number;
  /** Block-bootstrap standard error of `shift`. */
  readonly se: number;
  /** Areas (narrowest region level) holding the placebo-late stations, and the real late ones. */
  readonly placeboBlocks: number;
  readonly lateBlocks: number;
  /** Area of each placebo-late station's residual sum, for drawing: residual and projected denominator per block. */
  readonly blockResidual: Float64Array;
  readonly blockDenominator: Float64Array;
}

/**
 * Measures the within-area late shift of a count view with arrival positions, projecting with the
 * rule and scale the projection uses (its expected value: the donor rule's mean of donor rates).
 */
export function measureLateShift(
  view: CountView,
  rule: 'donor' | 'mean',
  scale: 'registered' | 'none',
  minDonors: number,
  rng: Rng,
  bootstrap = 500,
): Result<LateShift> {
  const { final, counted, position } = view;
  if (position === null)
    return err({ kind: 'missing_column', column: 'arrival', message: 'the late shift needs an arrival order' });
  let m = 0;
  for (let i = 0; i < final.n; i++) if (counted[i] === 1 && Number.isFinite(position[i])) m++;
  const countedIdx = new Int32Array(m);
  for (let i = 0, j = 0; i < final.n; i++) if (counted[i] === 1 && Number.isFinite(position[i])) countedIdx[j++] = i;
  const lateShare = 1 - view.nCounted / final.n;
  // Ascending as numbers (no comparator); where the order of 0 and -0 differs, the cut found below does not.
  const sortedPos = Float64Array.from(countedIdx, (i) => position[i]).sort();
  let target = sortedPos[Math.max(0, Math.min(m - 1, Math.ceil((1 - lateShare) * m) - 1))];
  // A tie block at the end of the counted part (a batch) moves the cut to the position before it.
  if (target === sortedPos[m - 1]) {
    let before = Number.NEGATIVE_INFINITY;
    for (const p of sortedPos) if (p < target && p > before) before = p;
    target = before;
  }
  let next = Number.POSITIVE_INFINITY;
  for (const p of sortedPos) if (p > target && p < next) next = p;
  if (!Number.isFinite(target) || !Number.isFinite(next))
    return err({
      kind: 'insufficient_data',
      message: 'the counted stations have no arrival positions to cut between for the late-shift placebo',
    });
  const placeboCut = (target + next) / 2;
  // The counted stations' areas and registered voters (all the donor groups read of a table), and their
  // counted figures; early ones are counted at the placebo cut.
  const k = countedIdx.length;
  const sub = {
    n: k,
    regions: final.regions.map((level) => {
      const codes = new Int32Array(k);
      for (let j = 0; j < k; j++) codes[j] = level.codes[countedIdx[j]];
      return { name: level.name, labels: level.labels, codes };
    }),
    registered: new Float64Array(k),
  };
  for (let j = 0; j < k; j++) sub.registered[j] = final.registered[countedIdx[j]];
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  const d = new Float64Array(k);
  const r = new Float64Array(k);
  const early = new Uint8Array(k);
  const eligible = new Uint8Array(k);
  for (let j = 0; j < k; j++) {
    const i = countedIdx[j];
    a[j] = view.countedA[i];
    b[j] = view.countedB[i];
    d[j] = view.countedDenominator[i];
    r[j] = view.countedRegistered[i];
    early[j] = position[i] <= placeboCut ? 1 : 0;
    eligible[j] = early[j] === 1 && (scale === 'none' || r[j] > 0) ? 1 : 0;
  }
  const groups = buildDonorGroups(sub, early, eligible, minDonors);
  const blockLevel = sub.regions[sub.regions.length - 1];
  const blockCodes = blockLevel?.codes ?? new Int32Array(k);
  // Block of each area code, numbered in order of first appearance (-1: none yet).
  const blockIndex = new Int32Array(blockLevel?.labels.length ?? 1).fill(-1);
  const residual: number[] = [];
  const denominator: number[] = [];
  let lateStations = 0;
  for (let g = 0; g < groups.count; g++) {
    let sA = 0;
    let sB = 0;
    let sD = 0;
    const nd = groups.donorOff[g + 1] - groups.donorOff[g];
    // Expected A, B and denominator per registered voter (or per station) of a donor drawn at random.
    for (let q = groups.donorOff[g]; q < groups.donorOff[g + 1]; q++) {
      const s = groups.donors[q];
      const f = scale === 'registered' ? (rule === 'donor' ? 1 / r[s] : 1) : 1;
      sA += f * a[s];
      sB += f * b[s];
      sD += f * d[s];
    }
    let sR = 0;
    if (scale === 'registered' && rule === 'mean')
      for (let q = groups.donorOff[g]; q < groups.donorOff[g + 1]; q++) sR += r[groups.donors[q]];
    const per = scale === 'registered' ? (rule === 'donor' ? 1 / nd : 1 / sR) : 1 / nd;
    for (let q = groups.memberOff[g]; q < groups.memberOff[g + 1]; q++) {
      const u = groups.members[q];
      const f = (scale === 'registered' ? sub.registered[u] : 1) * per;
      const code = blockCodes[u];
      let blk = blockIndex[code];
      if (blk < 0) {
        blk = residual.length;
        blockIndex[code] = blk;
        residual.push(0);
        denominator.push(0);
      }
      residual[blk] += a[u] - b[u] - f * (sA - sB);
      denominator[blk] += f * sD;
      lateStations++;
    }
  }
  const blocks = residual.length;
  if (blocks < 2)
    return err({
      kind: 'insufficient_data',
      message: 'too few areas after the late-shift placebo cut',
      needed: 2,
      got: blocks,
    });
  const blockResidual = Float64Array.from(residual);
  const blockDenominator = Float64Array.from(denominator);
  const shift = ratio(blockResidual, blockDenominator);
  let ss = 0;
  for (let s = 0; s < bootstrap; s++) ss += (drawShift(blockResidual, blockDenominator, rng) - shift) ** 2;
  const finalLevel = final.regions[final.regions.length - 1];
  const finalBlocks = finalLevel?.codes;
  const isLateBlock = new Uint8Array(finalLevel?.labels.length ?? 1);
  let lateBlocks = 0;
  for (let i = 0; i < final.n; i++) {
    if (counted[i] !== 0) continue;
    const code = finalBlocks ? finalBlocks[i] : 0;
    if (isLateBlock[code] === 0) {
      isLateBlock[code] = 1;
      lateBlocks++;
    }
  }
  return ok({
    placeboCut,
    earlyStations: k - lateStations,
    lateStations,
    shift,
    se: Math.sqrt(ss / bootstrap),
    placeboBlocks: blocks,
    lateBlocks,
    blockResidual,
    blockDenominator,
  });
}

function ratio(num: Float64Array, den: Float64Array): number {
  let s = 0;
  let t = 0;
  for (let j = 0; j < num.length; j++) {
    s += num[j];
    t += den[j];
  }
  return t > 0 ? (100 * s) / t : 0;
}

/** One block-bootstrap draw of the shift: blocks resampled with replacement. */
export function drawShift(blockResidual: Float64Array, blockDenominator: Float64Array, rng: Rng): number {
  const nb = blockResidual.length;
  let s = 0;
  let t = 0;
  for (let j = 0; j < nb; j++) {
    const q = rng.int(nb);
    s += blockResidual[q];
    t += blockDenominator[q];
  }
  return t > 0 ? (100 * s) / t : 0;
}
