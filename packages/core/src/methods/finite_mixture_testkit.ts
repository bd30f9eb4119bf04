/**
 * Test helpers for finite_mixture: a generator that follows the model's own generative process and a
 * minimal StationTable builder. Used by the finite_mixture tests and bench/finite_mixture.ts only.
 */
import type { Rng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';

/** Counts drawn from the three-class model with the given class probabilities and magnitudes. */
export interface ModelDraw {
  readonly N: Float64Array;
  readonly t: Float64Array;
  readonly w: Float64Array;
  readonly z: Int32Array;
}

/** Draws n stations from the model: tau ~ Beta(12, 8), nu ~ Beta(9, 11), N uniform on [300, 1199]. */
export function drawFromModel(
  n: number,
  rng: Rng,
  pi: readonly number[] = [0.9, 0.08, 0.02],
  incremental: readonly number[] = [0.3, 0.25],
  extreme: readonly number[] = [0.9, 0.85],
): ModelDraw {
  const N = new Float64Array(n);
  const t = new Float64Array(n);
  const w = new Float64Array(n);
  const z = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    N[i] = 300 + rng.int(900);
    const u = rng.uniform();
    const k = u < pi[0] ? 0 : u < pi[0] + pi[1] ? 1 : 2;
    z[i] = k;
    const tau = rng.beta(12, 8);
    const nu = rng.beta(9, 11);
    let T = tau;
    let S = nu;
    if (k > 0) {
      const [m, s] = k === 1 ? incremental : extreme;
      T = 1 - (1 - tau) * (1 - m);
      S = (tau * nu * (1 - s) + m * (1 - tau) + s * tau) / T;
    }
    t[i] = Math.max(1, rng.binomial(N[i], T));
    w[i] = rng.binomial(t[i], S);
  }
  return { N, t, w, z };
}

/** A table with one winner column and one other column; valid votes = ballots = t. */
export function countsTable(N: ArrayLike<number>, t: ArrayLike<number>, w: ArrayLike<number>): StationTable {
  const n = N.length;
  const f = (a: ArrayLike<number>) => Float64Array.from(a);
  const other = Float64Array.from({ length: n }, (_, i) => t[i] - w[i]);
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => `st${String(i).padStart(6, '0')}`),
    regions: [],
    registered: f(N),
    ballotsCast: f(t),
    ballotsFound: f(t),
    valid: f(t),
    invalid: new Float64Array(n),
    candidates: [
      { name: 'Winner', votes: f(w) },
      { name: 'Other', votes: other },
    ],
    shareOf: 'valid',
    meta: { name: 'finite mixture test' },
  };
}
