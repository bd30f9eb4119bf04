/**
 * Absorbed fixed effects: group codes, weighted demeaning by alternating projections (the method of
 * Guimarães & Portugal 2010 and Gaure 2013, "OLS with multiple high dimensional category variables",
 * Computational Statistics & Data Analysis 66:8-18), singleton groups, and the rank of the dummies.
 */

/** A categorical variable: a code in 0..count-1 per row. */
export interface Factor {
  readonly name: string;
  readonly codes: ArrayLike<number>;
  readonly count: number;
}

/** How the demeaning ended. */
export interface DemeaningReport {
  /** Sweeps over all factors for the slowest column. */
  readonly sweeps: number;
  /** Largest change of any value in the last sweep, relative to the column's root mean square. */
  readonly lastChange: number;
  readonly converged: boolean;
}

/** Default demeaning tolerance: a sweep changing no value by more than this times the column's RMS stops it. */
export const DEFAULT_DEMEAN_TOLERANCE = 1e-13;
/** Sweeps before the demeaning gives up (it then reports converged = false). */
export const MAX_DEMEAN_SWEEPS = 10_000;

/**
 * Replaces each column in place by its residual from the weighted projection on the dummies of all
 * factors (one factor: one exact pass; several: alternating projections until a sweep changes no
 * value by more than `tolerance` times the column's root mean square).
 */
export function demeanColumns(
  columns: readonly Float64Array[],
  factors: readonly Factor[],
  weights: Float64Array,
  tolerance = DEFAULT_DEMEAN_TOLERANCE,
): DemeaningReport {
  const n = weights.length;
  const groupWeights = factors.map((f) => {
    const total = new Float64Array(f.count);
    for (let i = 0; i < n; i++) total[f.codes[i]] += weights[i];
    return total;
  });
  const sums = factors.map((f) => new Float64Array(f.count));
  let sweepsMax = 0;
  let lastChangeMax = 0;
  let converged = true;
  for (const column of columns) {
    let ss = 0;
    for (let i = 0; i < n; i++) ss += column[i] * column[i];
    const scale = Math.sqrt(ss / Math.max(n, 1)) || 1;
    let sweeps = 0;
    let change = Number.POSITIVE_INFINITY;
    while (sweeps < MAX_DEMEAN_SWEEPS) {
      change = 0;
      for (let k = 0; k < factors.length; k++) {
        const codes = factors[k].codes;
        const sum = sums[k];
        const total = groupWeights[k];
        sum.fill(0);
        for (let i = 0; i < n; i++) sum[codes[i]] += weights[i] * column[i];
        for (let g = 0; g < sum.length; g++) {
          const mean = total[g] > 0 ? sum[g] / total[g] : 0;
          sum[g] = mean;
          if (Math.abs(mean) > change) change = Math.abs(mean);
        }
        for (let i = 0; i < n; i++) column[i] -= sum[codes[i]];
      }
      sweeps++;
      change /= scale;
      if (factors.length === 1 || change <= tolerance) break;
    }
    if (factors.length > 1 && change > tolerance) converged = false;
    sweepsMax = Math.max(sweepsMax, sweeps);
    lastChangeMax = Math.max(lastChangeMax, factors.length === 1 ? 0 : change);
  }
  return { sweeps: sweepsMax, lastChange: lastChangeMax, converged };
}

/** Number of codes of `factor` that occur in the rows with positive weight. */
export function levelsPresent(factor: Factor, weights: Float64Array): number {
  const seen = new Uint8Array(factor.count);
  let levels = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] > 0)) continue;
    const g = factor.codes[i];
    if (seen[g] === 0) {
      seen[g] = 1;
      levels++;
    }
  }
  return levels;
}

/**
 * Rows that are alone in a group of some factor, found iteratively as reghdfe does (Correia 2015,
 * "Singletons, cluster-robust standard errors and fixed effects"): dropping one singleton can make
 * another. Returns a 0/1 mask of the singleton rows among those with `keep[i] = 1`.
 */
export function singletonRows(factors: readonly Factor[], keep: Uint8Array): Uint8Array {
  const n = keep.length;
  const singleton = new Uint8Array(n);
  let changed = factors.length > 0;
  while (changed) {
    changed = false;
    for (const factor of factors) {
      const counts = new Int32Array(factor.count);
      for (let i = 0; i < n; i++) if (keep[i] === 1 && singleton[i] === 0) counts[factor.codes[i]]++;
      for (let i = 0; i < n; i++) {
        if (keep[i] === 1 && singleton[i] === 0 && counts[factor.codes[i]] === 1) {
          singleton[i] = 1;
          changed = true;
        }
      }
    }
  }
  return singleton;
}

/**
 * True when every group of `inner` lies within one group of `outer` (rows with positive weight):
 * then the dummies of `outer` are spanned by those of `inner`.
 */
export function isNestedIn(inner: Factor, outer: Factor, weights: Float64Array): boolean {
  const parent = new Int32Array(inner.count).fill(-1);
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] > 0)) continue;
    const g = inner.codes[i];
    const h = outer.codes[i];
    if (parent[g] === -1) parent[g] = h;
    else if (parent[g] !== h) return false;
  }
  return true;
}

/** Connected components of the bipartite graph whose edges are the rows joining a level of `a` to one of `b`. */
function bipartiteComponents(a: Factor, b: Factor, weights: Float64Array): number {
  const parent = new Int32Array(a.count + b.count);
  for (let k = 0; k < parent.length; k++) parent[k] = k;
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]];
      k = parent[k];
    }
    return k;
  };
  const present = new Uint8Array(parent.length);
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] > 0)) continue;
    const u = a.codes[i];
    const v = a.count + b.codes[i];
    present[u] = 1;
    present[v] = 1;
    const ru = find(u);
    const rv = find(v);
    if (ru !== rv) parent[ru] = rv;
  }
  let components = 0;
  for (let k = 0; k < parent.length; k++) if (present[k] === 1 && find(k) === k) components++;
  return components;
}

/** The rank the absorbed dummies add to the model, and whether it is exact. */
export interface FixedEffectRank {
  readonly rank: number;
  /** False with three or more factors none nested in another: the rank is then an upper bound. */
  readonly exact: boolean;
  /** Factors whose dummies are spanned by another factor's (nested in a finer one): they add nothing. */
  readonly redundant: string[];
}

/**
 * Rank of the dummy columns of all factors together (the intercept included). A factor containing a
 * finer one adds nothing; one factor adds its levels; two add levels(a) + levels(b) - components of
 * their bipartite graph (Abowd, Creecy & Kramarz 2002), exact; each further factor adds levels - 1,
 * which is an upper bound on its contribution (the conservative count reghdfe also uses).
 */
export function fixedEffectRank(factors: readonly Factor[], weights: Float64Array): FixedEffectRank {
  const redundant: string[] = [];
  const kept: Factor[] = [];
  for (let k = 0; k < factors.length; k++) {
    const coarse = factors.some(
      (other, j) =>
        j !== k &&
        isNestedIn(other, factors[k], weights) &&
        // of two factors nested in each other (the same partition), keep the first
        !(j > k && isNestedIn(factors[k], other, weights)),
    );
    if (coarse) redundant.push(factors[k].name);
    else kept.push(factors[k]);
  }
  if (kept.length === 0) return { rank: 0, exact: true, redundant };
  let rank = levelsPresent(kept[0], weights);
  if (kept.length >= 2) rank += levelsPresent(kept[1], weights) - bipartiteComponents(kept[0], kept[1], weights);
  for (let k = 2; k < kept.length; k++) rank += levelsPresent(kept[k], weights) - 1;
  return { rank, exact: kept.length <= 2, redundant };
}
