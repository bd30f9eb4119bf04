/**
 * Small simulated counts for the late-count tests: department > municipality > site > station, rural
 * municipalities lean to candidate A and report late, and optionally a fixed number of votes is moved
 * from B to A in the late stations. Test support only (not exported by the package).
 */
import { createRng } from '../src/rng.ts';
import type { RegionLevel, StationTable } from '../src/station_table.ts';

/** Parameters of a simulated late count. */
export interface LateSimOptions {
  readonly departments?: number;
  readonly municipalitiesPerDepartment?: number;
  readonly sitesPerMunicipality?: number;
  /** Stations per site are 1..maxStationsPerSite. */
  readonly maxStationsPerSite?: number;
  /** Logit boost of A in rural municipalities (rural ones also report late). */
  readonly ruralLean?: number;
  /** How strongly rurality drives arrival (0 = arrival unrelated to geography). */
  readonly ruralLate?: number;
  /** Percent of stations counted before the cutoff. */
  readonly cutoff?: number;
  /** Votes moved from B to A in stations after the cutoff. */
  readonly movedVotes?: number;
  /**
   * Logit boost of A per unit of a station's own lateness inside its site (a standard normal that also
   * orders arrival), so late stations differ from early ones of the same site (default 0: exchangeable).
   */
  readonly withinSiteLate?: number;
}

/** A simulated count with what the tests need to know. */
export interface LateSim {
  readonly table: StationTable;
  readonly cutoff: number;
  /** Margin (points) before any votes were moved. */
  readonly cleanFinalMargin: number;
  readonly totalValid: number;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Simulates one count (candidates A, B, C) with arrival ranks; deterministic per seed. */
export function simulateLateCount(seed: number, o: LateSimOptions = {}): LateSim {
  const rng = createRng(seed);
  const D = o.departments ?? 3;
  const M = o.municipalitiesPerDepartment ?? 6;
  const S = o.sitesPerMunicipality ?? 5;
  const K = o.maxStationsPerSite ?? 4;
  const ruralLean = o.ruralLean ?? 0.6;
  const ruralLate = o.ruralLate ?? 1.2;
  const cutoff = o.cutoff ?? 80;
  const withinSiteLate = o.withinSiteLate ?? 0;
  const ids: string[] = [];
  const codes: number[][] = [[], [], [], []];
  const labels: string[][] = [['Country'], [], [], []];
  const reg: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const score: number[] = [];
  for (let d = 0; d < D; d++) {
    labels[1].push(`d${d}`);
    const dEff = 0.3 * rng.normal();
    for (let m = 0; m < M; m++) {
      labels[2].push(`d${d}/m${m}`);
      const rural = rng.uniform() < 0.5 ? 1 : 0;
      const mEff = dEff + 0.3 * rng.normal() + ruralLean * rural;
      for (let s = 0; s < S; s++) {
        labels[3].push(`d${d}/m${m}/s${s}`);
        const sEff = mEff + 0.2 * rng.normal();
        const sLate = rural * ruralLate + 0.5 * rng.normal();
        const k = 1 + rng.int(K);
        for (let j = 0; j < k; j++) {
          ids.push(`${ids.length + 1}`);
          codes[0].push(0);
          codes[1].push(labels[1].length - 1);
          codes[2].push(labels[2].length - 1);
          codes[3].push(labels[3].length - 1);
          const r = 150 + rng.int(250);
          const valid = rng.binomial(r, logistic(1.5 + 0.2 * rng.normal()));
          // Without a within-site effect the draws stay in their original order (same tables per seed).
          const z = withinSiteLate === 0 ? 0 : rng.normal();
          const sa = 0.85 * logistic(sEff + 0.1 * rng.normal() + withinSiteLate * z);
          const va = rng.binomial(valid, sa);
          const vb = rng.binomial(valid - va, (0.85 - sa) / (1 - sa));
          reg.push(r);
          a.push(va);
          b.push(vb);
          c.push(valid - va - vb);
          score.push(sLate + 0.5 * (withinSiteLate === 0 ? rng.normal() : z));
        }
      }
    }
  }
  const n = ids.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => score[x] - score[y] || x - y);
  const rank = new Float64Array(n);
  for (let k = 0; k < n; k++) rank[order[k]] = k + 1;
  const A = Float64Array.from(a);
  const B = Float64Array.from(b);
  const C = Float64Array.from(c);
  const valid = new Float64Array(n);
  for (let i = 0; i < n; i++) valid[i] = A[i] + B[i] + C[i];
  let totalValid = 0;
  let diff = 0;
  for (let i = 0; i < n; i++) {
    totalValid += valid[i];
    diff += A[i] - B[i];
  }
  const cleanFinalMargin = (100 * diff) / totalValid;
  const moved = o.movedVotes ?? 0;
  if (moved > 0) {
    // Late = after the cutoff in arrival order (mid-rank percent above the cutoff).
    let lateB = 0;
    for (let i = 0; i < n; i++) if ((100 * (rank[i] - 0.5)) / n > cutoff) lateB += B[i];
    let left = moved;
    for (let i = 0; i < n && left > 0; i++) {
      if ((100 * (rank[i] - 0.5)) / n <= cutoff) continue;
      const take = Math.min(B[i], Math.ceil((moved * B[i]) / lateB), left);
      B[i] -= take;
      A[i] += take;
      left -= take;
    }
  }
  const regions: RegionLevel[] = ['country', 'department', 'municipality', 'site'].map((name, l) => ({
    name,
    labels: labels[l],
    codes: Int32Array.from(codes[l]),
  }));
  const invalid = new Float64Array(n);
  const table: StationTable = {
    n,
    ids,
    regions,
    registered: Float64Array.from(reg),
    ballotsCast: valid.slice(),
    ballotsFound: valid.slice(),
    valid,
    invalid,
    candidates: [
      { name: 'A', votes: A },
      { name: 'B', votes: B },
      { name: 'C', votes: C },
    ],
    shareOf: 'valid',
    arrival: { kind: 'rank', column: 'rank', values: rank },
    meta: { name: `late-count sim ${seed}` },
  };
  return { table, cutoff, cleanFinalMargin, totalValid };
}
