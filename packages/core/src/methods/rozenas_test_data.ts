/** Test data shared by the rozenas_spikes test files (Rozenas 2017, Political Analysis 25(1): 41-56). */
import type { Rng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';

/** A minimal table: registered, valid (= ballots) and one leader column plus the rest. */
export function table(registered: number[], valid: number[], leader: number[]): StationTable {
  const n = registered.length;
  const f = (a: number[]) => Float64Array.from(a);
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => `s${i}`),
    regions: [],
    registered: f(registered),
    ballotsCast: f(valid),
    ballotsFound: f(valid),
    valid: f(valid),
    invalid: new Float64Array(n),
    candidates: [
      { name: 'Leader', votes: f(leader) },
      { name: 'Other', votes: f(valid.map((v, i) => v - leader[i])) },
    ],
    shareOf: 'valid',
    meta: { name: 'test' },
  };
}

/** Clean beta-binomial election with two turnout clusters, many small stations (natural spikes at 1/2). */
export function cleanCounts(n: number, rng: Rng): { N: number[]; T: number[]; V: number[] } {
  const N: number[] = [];
  const T: number[] = [];
  const V: number[] = [];
  for (let i = 0; i < n; i++) {
    const size = i % 10 === 0 ? 4 + rng.int(20) : 100 + rng.int(900);
    const pt = i % 3 === 0 ? rng.beta(20, 30) : rng.beta(60, 25);
    const t = Math.max(1, rng.binomial(size, pt));
    N.push(size);
    T.push(t);
    V.push(rng.binomial(t, rng.beta(30, 25)));
  }
  return { N, T, V };
}

/**
 * Writes in coarse shares (1/2, 3/5, 2/3, 3/4) at about `rate` of the stations with >= 100 registered, their
 * totals rounded down to a multiple of 60 (so the shares are exact); returns the share of stations changed.
 */
export function injectCoarse(c: { N: number[]; T: number[]; V: number[] }, rate: number, rng: Rng): number {
  const coarse = [0.5, 0.6, 2 / 3, 0.75];
  let injected = 0;
  for (let i = 0; i < c.N.length; i++) {
    if (c.N[i] < 100 || rng.uniform() >= rate) continue;
    const f = coarse[rng.int(coarse.length)];
    const t = 60 * Math.floor(c.T[i] / 60);
    if (t < 60) continue;
    c.T[i] = t;
    c.V[i] = Math.round(f * t);
    injected++;
  }
  return injected / c.N.length;
}
