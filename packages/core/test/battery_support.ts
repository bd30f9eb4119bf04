/**
 * Test support for the battery methods: tables from plain vectors, a tiny clean-election generator
 * (independent turnout and support; a shared generator lives in src/simulate), fraud injectors, and
 * binomial acceptance bands for calibration.
 */
import type { CellInput, CellMethod, CellOutput } from '../src/battery/cell.ts';
import { selectTargets, turnoutColumn } from '../src/battery/targets.ts';
import { logChoose } from '../src/numeric/log_factorial.ts';
import type { Result } from '../src/result.ts';
import { createRng, type Rng } from '../src/rng.ts';
import type { StationTable } from '../src/station_table.ts';

/** Plain inputs of a table. */
export interface Vectors {
  registered: ArrayLike<number>;
  ballotsCast: ArrayLike<number>;
  /** The official share denominator per station (used as valid votes). */
  denominator?: ArrayLike<number>;
  candidates: Record<string, ArrayLike<number>>;
  regions?: { name: string; labels: string[]; codes: ArrayLike<number> }[];
}

/** Builds a StationTable whose share denominator is `denominator` (default: ballots cast). */
export function tableFromVectors(v: Vectors): StationTable {
  const n = v.registered.length;
  const f = (a: ArrayLike<number>) => Float64Array.from(a);
  const den = f(v.denominator ?? v.ballotsCast);
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => String(i + 1)),
    regions: (v.regions ?? []).map((r) => ({ name: r.name, labels: r.labels, codes: Int32Array.from(r.codes) })),
    registered: f(v.registered),
    ballotsCast: f(v.ballotsCast),
    ballotsFound: den,
    valid: den,
    invalid: new Float64Array(n),
    candidates: Object.entries(v.candidates).map(([name, votes]) => ({ name, votes: f(votes) })),
    shareOf: 'valid',
    meta: { name: 'test table' },
  };
}

/** Runs one cell method on every station of a table for the named target. */
export function runCell(method: CellMethod, table: StationTable, target: string, seed = 1): Result<CellOutput> {
  const targets = selectTargets(table, { candidates: table.candidates.map((c) => c.name) });
  if (!targets.ok) return targets;
  const t = targets.value.find((x) => x.name === target);
  if (!t) throw new Error(`no target ${target}`);
  const stations = Int32Array.from({ length: table.n }, (_, i) => i);
  const input: CellInput = { table, target: t, turnout: turnoutColumn(table), stations, rng: createRng(seed) };
  return method.compute(input);
}

/** Options of the clean generator. */
export interface CleanOptions {
  n: number;
  /** Registered voters per station, uniform on [minSize, maxSize]. */
  minSize?: number;
  maxSize?: number;
  /** Turnout ~ Beta(turnoutA, turnoutB), independent of support. */
  turnoutA?: number;
  turnoutB?: number;
  /** Expected shares of candidates A, B, C; station support ~ Dirichlet(concentration * shares). */
  shares?: number[];
  concentration?: number;
  regions?: number;
}

/** A clean election: turnout and support independent, counts binomial/multinomial. */
export function simulateClean(o: CleanOptions, rng: Rng): StationTable {
  const n = o.n;
  const minSize = o.minSize ?? 300;
  const maxSize = o.maxSize ?? 2500;
  const shares = o.shares ?? [0.55, 0.3, 0.15];
  const conc = o.concentration ?? 60;
  const registered = new Float64Array(n);
  const ballots = new Float64Array(n);
  const votes = shares.map(() => new Float64Array(n));
  const codes = new Int32Array(n);
  const k = o.regions ?? 4;
  const g = new Float64Array(shares.length);
  for (let i = 0; i < n; i++) {
    registered[i] = minSize + rng.int(maxSize - minSize + 1);
    const tau = rng.beta(o.turnoutA ?? 14, o.turnoutB ?? 6);
    ballots[i] = rng.binomial(registered[i], tau);
    let sum = 0;
    for (let j = 0; j < shares.length; j++) {
      g[j] = rng.gamma(conc * shares[j]);
      sum += g[j];
    }
    let left = ballots[i];
    let mass = 1;
    for (let j = 0; j < shares.length; j++) {
      const p = g[j] / sum;
      const x = j === shares.length - 1 ? left : rng.binomial(left, Math.min(1, p / mass));
      votes[j][i] = x;
      left -= x;
      mass -= p;
    }
    codes[i] = i % k;
  }
  const names = ['A', 'B', 'C', 'D', 'E'];
  const candidates: Record<string, Float64Array> = {};
  votes.forEach((v, j) => {
    candidates[names[j]] = v;
  });
  return tableFromVectors({
    registered,
    ballotsCast: ballots,
    candidates,
    regions: [{ name: 'region', labels: Array.from({ length: k }, (_, r) => `R${r + 1}`), codes }],
  });
}

/** Copies a table with new candidate vote columns and ballots (denominator follows ballots). */
export function withCounts(table: StationTable, ballots: Float64Array, votes: Float64Array[]): StationTable {
  return {
    ...table,
    ballotsCast: ballots,
    ballotsFound: ballots,
    valid: ballots,
    candidates: table.candidates.map((c, j) => ({ name: c.name, votes: votes[j] })),
  };
}

/** Ballot stuffing: in a fraction of stations, add `intensity` of the non-voters as ballots for candidate 0. */
export function stuff(table: StationTable, fraction: number, intensity: number, rng: Rng): StationTable {
  const ballots = Float64Array.from(table.ballotsCast);
  const votes = table.candidates.map((c) => Float64Array.from(c.votes));
  for (let i = 0; i < table.n; i++) {
    if (rng.uniform() >= fraction) continue;
    const add = Math.round(intensity * (table.registered[i] - ballots[i]));
    ballots[i] += add;
    votes[0][i] += add;
  }
  return withCounts(table, ballots, votes);
}

/** Exact binomial cdf P(X <= k). */
export function binomialCdf(k: number, n: number, p: number): number {
  let s = 0;
  for (let i = 0; i <= k; i++) s += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
  return s;
}

/** Central band [lo, hi] holding a Binomial(reps, alpha) count with probability >= conf. */
export function binomialBand(reps: number, alpha = 0.05, conf = 0.998): [number, number] {
  const tail = (1 - conf) / 2;
  let lo = 0;
  while (binomialCdf(lo, reps, alpha) < tail) lo++;
  let hi = reps;
  while (hi > 0 && 1 - binomialCdf(hi - 1, reps, alpha) < tail) hi--;
  return [lo, hi];
}

/** Rejections at `alpha` over `reps` clean elections for one method and target. */
export function rejectionCount(
  method: CellMethod,
  target: string,
  reps: number,
  seed: number,
  gen: (rng: Rng) => StationTable,
  alpha = 0.05,
): { rejections: number; errors: number } {
  let rejections = 0;
  let errors = 0;
  const rng = createRng(seed);
  for (let r = 0; r < reps; r++) {
    const table = gen(rng);
    const out = runCell(method, table, target);
    if (!out.ok || out.value.pValue === null) {
      errors++;
      continue;
    }
    if (out.value.pValue < alpha) rejections++;
  }
  return { rejections, errors };
}
