/**
 * Seeded generator of clean synthetic elections (and pairs of elections on the same stations).
 * Each station i in district d of region r gets
 *   logit(turnout_i) = logit(turnout) + a_r + a_d + a_i + remoteTurnoutEffect * z_d
 *   log(support_ic) = log(share_c) + b_rc + b_dc + b_ic (+ remoteLeaderEffect * z_d for the leader)
 * with normal effects, shares = softmax(support), then counts drawn binomially (or beta-binomially,
 * i.e. rates drawn from Beta / Dirichlet with the given concentration first). z_d is the district's
 * remoteness; arrival order sorts stations by arrivalGeography * z_d + sqrt(1 - g^2) * noise, so
 * remote (late) stations differ in turnout and support, as in Bolivia 2019.
 */
import { assert } from '../assert.ts';
import type { Rng } from '../rng.ts';
import type { RegionLevel, StationTable } from '../station_table.ts';
import type { GroundTruth, SimulatedElection } from './ground_truth.ts';
import { cleanTruth } from './ground_truth.ts';
import { defaultCandidateNames, defaultShares, resolveSimulationOptions, type SimulationOptions } from './options.ts';

/** The persistent (election-independent) structure of a simulated country. */
export interface SimulatedLatent {
  readonly options: SimulationOptions;
  readonly n: number;
  readonly regionCodes: Int32Array;
  readonly districtCodes: Int32Array;
  readonly regionLabels: readonly string[];
  readonly districtLabels: readonly string[];
  readonly ids: readonly string[];
  readonly registered: Float64Array;
  /** District remoteness (standard normal) of each station. */
  readonly remoteness: Float64Array;
  /** Expected logit(turnout) per station. */
  readonly turnoutLogit: Float64Array;
  /** Expected log support per candidate, each of length n. */
  readonly supportLog: readonly Float64Array[];
  readonly candidateNames: readonly string[];
}

/** Swing between two elections on the same stations (log-support and logit-turnout scale). */
export interface SwingOptions {
  /** Uniform change of the leader's log support relative to the others. */
  readonly leaderSwing: number;
  /** Sd of region, district and station swings of each candidate's log support. */
  readonly regionSwingSd: number;
  readonly districtSwingSd: number;
  readonly stationSwingSd: number;
  /** Uniform change of logit(turnout) and the sd of its region-level change. */
  readonly turnoutSwing: number;
  readonly turnoutRegionSwingSd: number;
  /** Sd of the relative change of the electoral roll per station (registered voters). */
  readonly registeredChangeSd: number;
}

/** Defaults: modest national swing, regional swings of a few points, little station-level churn. */
export const defaultSwingOptions: SwingOptions = {
  leaderSwing: -0.05,
  regionSwingSd: 0.08,
  districtSwingSd: 0.05,
  stationSwingSd: 0.05,
  turnoutSwing: 0.05,
  turnoutRegionSwingSd: 0.08,
  registeredChangeSd: 0.02,
};

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function pad(k: number, width: number): string {
  return String(k).padStart(width, '0');
}

/** Draws the persistent structure (geography, sizes, expected rates) of a simulated country. */
export function simulateLatent(options: Partial<SimulationOptions>, rng: Rng): SimulatedLatent {
  const resolved = resolveSimulationOptions(options);
  assert(resolved.ok, resolved.ok ? '' : `invalid simulation options: ${resolved.error.message}`);
  const o = resolved.value;
  const n = o.stations;
  const R = o.regions;
  const D = R * o.districtsPerRegion;
  const C = o.candidates;
  const shares = o.shares ?? defaultShares(C);
  const names = o.candidateNames ?? defaultCandidateNames(C);

  // District sizes vary: gamma(2) weights; stations are assigned and then grouped by district.
  const weights = new Float64Array(D);
  let wTotal = 0;
  for (let d = 0; d < D; d++) {
    weights[d] = rng.gamma(2);
    wTotal += weights[d];
  }
  const counts = new Int32Array(D);
  for (let i = 0; i < n; i++) {
    let u = rng.uniform() * wTotal;
    let d = 0;
    while (d < D - 1 && u >= weights[d]) {
      u -= weights[d];
      d++;
    }
    counts[d]++;
  }
  const districtCodes = new Int32Array(n);
  const regionCodes = new Int32Array(n);
  const rw = Math.max(2, String(R).length);
  const dw = Math.max(2, String(o.districtsPerRegion).length);
  const sw = Math.max(4, String(n).length);
  const regionLabels = Array.from({ length: R }, (_, r) => `R${pad(r + 1, rw)}`);
  const districtLabels = Array.from(
    { length: D },
    (_, d) => `${regionLabels[Math.floor(d / o.districtsPerRegion)]}-D${pad((d % o.districtsPerRegion) + 1, dw)}`,
  );
  const ids = new Array<string>(n);
  for (let d = 0, i = 0; d < D; d++) {
    for (let k = 0; k < counts[d]; k++, i++) {
      districtCodes[i] = d;
      regionCodes[i] = Math.floor(d / o.districtsPerRegion);
      ids[i] = `${districtLabels[d]}-${pad(i + 1, sw)}`;
    }
  }

  const remoteD = new Float64Array(D);
  const turnoutR = new Float64Array(R);
  const turnoutD = new Float64Array(D);
  for (let d = 0; d < D; d++) remoteD[d] = rng.normal();
  for (let r = 0; r < R; r++) turnoutR[r] = o.turnoutRegionSd * rng.normal();
  for (let d = 0; d < D; d++) turnoutD[d] = o.turnoutDistrictSd * rng.normal();
  const supportR = Array.from({ length: C }, () => new Float64Array(R));
  const supportD = Array.from({ length: C }, () => new Float64Array(D));
  for (let c = 0; c < C; c++) {
    for (let r = 0; r < R; r++) supportR[c][r] = o.supportRegionSd * rng.normal();
    for (let d = 0; d < D; d++) supportD[c][d] = o.supportDistrictSd * rng.normal();
  }

  const registered = new Float64Array(n);
  const remoteness = new Float64Array(n);
  const turnoutLogit = new Float64Array(n);
  const supportLog = Array.from({ length: C }, () => new Float64Array(n));
  const t0 = logit(o.turnout);
  const size = o.size;
  for (let i = 0; i < n; i++) {
    const d = districtCodes[i];
    const r = regionCodes[i];
    const z = remoteD[d];
    remoteness[i] = z;
    if (size.kind === 'lognormal') {
      const x = Math.round(size.median * Math.exp(size.sdLog * rng.normal() + o.remoteSizeEffect * z));
      registered[i] = Math.min(size.max, Math.max(size.min, x));
    } else {
      registered[i] = Math.round(size.values[rng.int(size.values.length)]);
    }
    turnoutLogit[i] = t0 + turnoutR[r] + turnoutD[d] + o.turnoutStationSd * rng.normal() + o.remoteTurnoutEffect * z;
    for (let c = 0; c < C; c++) {
      let s = Math.log(shares[c]) + supportR[c][r] + supportD[c][d] + o.supportStationSd * rng.normal();
      if (c === 0) s += o.remoteLeaderEffect * z;
      supportLog[c][i] = s;
    }
  }
  return {
    options: o,
    n,
    regionCodes,
    districtCodes,
    regionLabels,
    districtLabels,
    ids,
    registered,
    remoteness,
    turnoutLogit,
    supportLog,
    candidateNames: names,
  };
}

/** Draws one election's counts from a latent structure: a complete, consistent StationTable. */
export function drawElection(latent: SimulatedLatent, rng: Rng): SimulatedElection {
  const o = latent.options;
  const n = latent.n;
  const C = latent.supportLog.length;
  const beta = o.noise === 'beta_binomial';
  const phi = o.concentration;
  const ballotsCast = new Float64Array(n);
  const invalid = new Float64Array(n);
  const valid = new Float64Array(n);
  const votes = Array.from({ length: C }, () => new Float64Array(n));
  const share = new Float64Array(C);
  for (let i = 0; i < n; i++) {
    let t = 1 / (1 + Math.exp(-latent.turnoutLogit[i]));
    if (beta) t = rng.beta(t * phi, (1 - t) * phi);
    const cast = rng.binomial(latent.registered[i], t);
    let q = o.invalidRate;
    if (beta && q > 0) q = rng.beta(q * phi, (1 - q) * phi);
    const inv = rng.binomial(cast, q);
    ballotsCast[i] = cast;
    invalid[i] = inv;
    const v = cast - inv;
    valid[i] = v;
    // Softmax of log support, then (for beta-binomial) a Dirichlet draw around it.
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < C; c++) if (latent.supportLog[c][i] > max) max = latent.supportLog[c][i];
    let total = 0;
    for (let c = 0; c < C; c++) {
      share[c] = Math.exp(latent.supportLog[c][i] - max);
      total += share[c];
    }
    for (let c = 0; c < C; c++) share[c] /= total;
    if (beta && C > 1) {
      total = 0;
      for (let c = 0; c < C; c++) {
        share[c] = rng.gamma(share[c] * phi);
        total += share[c];
      }
      for (let c = 0; c < C; c++) share[c] = total > 0 ? share[c] / total : 1 / C;
    }
    // Multinomial through conditional binomials.
    let left = v;
    let massLeft = 1;
    for (let c = 0; c < C - 1; c++) {
      const k = left > 0 && massLeft > 0 ? rng.binomial(left, Math.min(1, share[c] / massLeft)) : 0;
      votes[c][i] = k;
      left -= k;
      massLeft -= share[c];
    }
    votes[C - 1][i] = left;
  }
  const arrival = arrivalRanks(latent, rng);
  const regions: RegionLevel[] = [
    { name: 'country', labels: ['Simland'], codes: new Int32Array(n) },
    { name: 'region', labels: latent.regionLabels, codes: latent.regionCodes.slice() },
    { name: 'district', labels: latent.districtLabels, codes: latent.districtCodes.slice() },
  ];
  const table: StationTable = {
    n,
    ids: latent.ids.slice(),
    regions,
    registered: latent.registered.slice(),
    ballotsCast,
    ballotsFound: ballotsCast.slice(),
    valid,
    invalid,
    candidates: latent.candidateNames.map((name, c) => ({ name, votes: votes[c] })),
    shareOf: 'valid',
    arrival: { kind: 'rank', column: 'arrival_rank', values: arrival },
    meta: { name: o.name, country: 'Simland', source: 'tally-simulated' },
  };
  const truth: GroundTruth = cleanTruth(n, latent.candidateNames[0]);
  return { table, truth };
}

function arrivalRanks(latent: SimulatedLatent, rng: Rng): Float64Array {
  const n = latent.n;
  const g = latent.options.arrivalGeography;
  const h = Math.sqrt(1 - g * g);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = g * latent.remoteness[i] + h * rng.normal();
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => score[a] - score[b] || a - b);
  const rank = new Float64Array(n);
  for (let k = 0; k < n; k++) rank[order[k]] = k + 1;
  return rank;
}

/** Simulates one clean election: a complete StationTable plus (empty) ground truth. Deterministic per rng seed. */
export function simulateElection(options: Partial<SimulationOptions>, rng: Rng): SimulatedElection {
  return drawElection(simulateLatent(options, rng), rng);
}

/** Applies a swing to a latent structure: the same stations one election later. */
export function swingLatent(latent: SimulatedLatent, swing: SwingOptions, rng: Rng): SimulatedLatent {
  const n = latent.n;
  const C = latent.supportLog.length;
  const R = latent.regionLabels.length;
  const D = latent.districtLabels.length;
  const regionT = new Float64Array(R);
  for (let r = 0; r < R; r++) regionT[r] = swing.turnoutSwing + swing.turnoutRegionSwingSd * rng.normal();
  const regionS = Array.from({ length: C }, () => new Float64Array(R));
  const districtS = Array.from({ length: C }, () => new Float64Array(D));
  for (let c = 0; c < C; c++) {
    for (let r = 0; r < R; r++) regionS[c][r] = swing.regionSwingSd * rng.normal();
    for (let d = 0; d < D; d++) districtS[c][d] = swing.districtSwingSd * rng.normal();
  }
  const registered = new Float64Array(n);
  const turnoutLogit = new Float64Array(n);
  const supportLog = Array.from({ length: C }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const r = latent.regionCodes[i];
    const d = latent.districtCodes[i];
    const reg = Math.round(latent.registered[i] * (1 + swing.registeredChangeSd * rng.normal()));
    registered[i] = Math.max(1, reg);
    turnoutLogit[i] = latent.turnoutLogit[i] + regionT[r];
    for (let c = 0; c < C; c++) {
      let s = latent.supportLog[c][i] + regionS[c][r] + districtS[c][d] + swing.stationSwingSd * rng.normal();
      if (c === 0) s += swing.leaderSwing;
      supportLog[c][i] = s;
    }
  }
  return { ...latent, registered, turnoutLogit, supportLog };
}

/** Two clean elections on the same stations (same ids and regions) with a realistic swing between them. */
export function simulateElectionPair(
  options: Partial<SimulationOptions>,
  rng: Rng,
  swing: Partial<SwingOptions> = {},
): { first: SimulatedElection; second: SimulatedElection } {
  const latent = simulateLatent(options, rng);
  const first = drawElection(latent, rng);
  const later = swingLatent(latent, { ...defaultSwingOptions, ...swing }, rng);
  const second = drawElection(later, rng);
  return {
    first: {
      table: { ...first.table, meta: { ...first.table.meta, name: `${latent.options.name} (first)` } },
      truth: first.truth,
    },
    second: {
      table: { ...second.table, meta: { ...second.table.meta, name: `${latent.options.name} (second)` } },
      truth: second.truth,
    },
  };
}
