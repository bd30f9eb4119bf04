import { createRng, type Rng } from '../src/rng.ts';
import type { StationTable } from '../src/station_table.ts';

/**
 * Elections drawn from the model of Klimek et al. (2012) with known fractions, written directly
 * from the paper's description (independent of klimek_model.ts): fair turnout and winner share
 * normal, binomial counts, then with probability fi a share x ~ |N(0, theta)| of non-voters added
 * to the winner and x of the opponents' votes moved to the winner, with probability fe the same with
 * 1 - x ~ |N(0, 0.075)|.
 */
export function klimekElection(n: number, fi: number, fe: number, seed: number, theta = 0.2, sd = 0.07): StationTable {
  const rng: Rng = createRng(seed);
  const registered = new Float64Array(n);
  const winner = new Float64Array(n);
  const other = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const size = Math.max(100, Math.round(1200 * Math.exp(0.5 * rng.normal())));
    let a = -1;
    while (a < 0 || a > 1) a = 0.55 + sd * rng.normal();
    let v = -1;
    while (v < 0 || v > 1) v = 0.5 + sd * rng.normal();
    const votes = rng.binomial(size, a);
    let w = rng.binomial(votes, v);
    let o = votes - w;
    const u = rng.uniform();
    let x = 0;
    if (u < fi) {
      x = 1;
      while (x >= 1) x = Math.abs(theta * rng.normal());
    } else if (u < fi + fe) {
      x = 0;
      while (x <= 0) x = 1 - Math.abs(0.075 * rng.normal());
    }
    if (x > 0) {
      const stolen = Math.round(x * o);
      w += Math.floor(x * (size - w - o)) + stolen;
      o -= stolen;
    }
    registered[i] = size;
    winner[i] = w;
    other[i] = o;
  }
  const valid = Float64Array.from(winner, (w, i) => w + other[i]);
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => String(i)),
    regions: [],
    registered,
    ballotsCast: valid,
    ballotsFound: valid,
    valid,
    invalid: new Float64Array(n),
    candidates: [
      { name: 'Winner', votes: winner },
      { name: 'Other', votes: other },
    ],
    shareOf: 'valid',
    meta: { name: 'Klimek model election' },
  };
}
