/**
 * Wild cluster bootstrap of one coefficient, restricted (the null imposed on the bootstrap data, "WCR"),
 * with symmetric p-values: Cameron, Gelbach & Miller (2008), "Bootstrap-based improvements for inference
 * with clustered errors", REStat 90(3):414-427; computed cluster by cluster as in Roodman, MacKinnon,
 * Nielsen & Webb (2019), "Fast and wild: bootstrap inference in Stata using boottest", Stata Journal
 * 19(1):4-60, so one replication costs O(G K) (O(G^2) when fixed effects cross the clusters), not O(n).
 * Weights: Rademacher (+-1), or Webb's six points (+-sqrt(1/2), +-1, +-sqrt(3/2)) for very few clusters
 * (Webb 2014, "Reworking wild bootstrap based inference for clustered errors", Queen's WP 1315). With
 * Rademacher weights and 2^G <= replications every sign vector is enumerated instead of drawn.
 * The confidence interval inverts the test: the values r whose bootstrap p-value is at least 1 - level,
 * found by bisection with the same draws for every r.
 */

import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { demeanColumns, type Factor, isNestedIn } from './absorb.ts';
import { solveLeastSquares } from './least_squares.ts';
import type { LinearModelFit } from './linear_model.ts';
import { coefficientVariance } from './variance.ts';

export type WildWeights = 'rademacher' | 'webb';

/** The test: H0 coefficient = nullValue, clustered one-way by `clusters` (codes over the input rows). */
export interface WildBootstrapOptions {
  readonly coefficient: string;
  readonly nullValue?: number;
  readonly clusters: Factor;
  /** Default Rademacher; Webb's six-point weights are better below about 12 clusters. */
  readonly weights?: WildWeights;
  /** Default 999. */
  readonly replications?: number;
  /** When given (e.g. 0.95), an interval by test inversion. */
  readonly confidenceLevel?: number;
}

export interface WildBootstrapResult {
  readonly coefficient: string;
  readonly estimate: number;
  readonly nullValue: number;
  /** The CR1 t statistic of the original data against nullValue. */
  readonly t: number;
  /** Share of replications with |t*| >= |t|. */
  readonly pValue: number;
  readonly replications: number;
  /** True when all 2^G Rademacher sign vectors were used (then the p-value has no simulation error). */
  readonly enumerated: boolean;
  readonly weights: WildWeights;
  readonly clusters: number;
  readonly interval: { readonly level: number; readonly low: number; readonly high: number } | null;
}

const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];
/** Clusters above which fixed effects crossing the clusters are refused (the method keeps a G x G matrix). */
export const MAX_CROSSED_CLUSTERS = 2000;

/** Per-cluster sums the replications are built from, for restricted residuals u = ua - r ub. */
interface ClusterSums {
  /** Q_h = X~' u restricted to cluster h, G x K, for ua and ub. */
  readonly qa: Float64Array;
  readonly qb: Float64Array;
  /** Sum over cluster g of c_i [M_D (u 1_h)]_i: G x G, or its diagonal (length G) when the FE nest in the clusters. */
  readonly sa: Float64Array;
  readonly sb: Float64Array;
  readonly diagonal: boolean;
  /** C_g = sum over cluster g of c_i X~_i, G x K. */
  readonly cg: Float64Array;
}

/** Runs the test (and the interval when asked). `fit` is the unrestricted model. */
export function wildClusterBootstrap(
  fit: LinearModelFit,
  options: WildBootstrapOptions,
  rng: Rng,
): Result<WildBootstrapResult> {
  const j = fit.names.indexOf(options.coefficient);
  if (j < 0)
    return err({
      kind: 'invalid_options',
      option: 'coefficient',
      message: `no coefficient "${options.coefficient}" in the fit (${fit.names.join(', ')})`,
    });
  const replications = options.replications ?? 999;
  if (!Number.isInteger(replications) || replications < 99)
    return err({ kind: 'invalid_options', option: 'replications', message: 'replications must be an integer >= 99' });
  const level = options.confidenceLevel;
  if (level !== undefined && !(level > 0 && level < 1))
    return err({ kind: 'invalid_options', option: 'confidenceLevel', message: 'confidenceLevel must be in (0, 1)' });
  const weightKind = options.weights ?? 'rademacher';
  const variance = coefficientVariance(fit, { type: 'CR1', clusters: [options.clusters] });
  if (!variance.ok) return variance;
  const G = variance.value.clusterCounts[0];
  const { n } = fit;
  const k = fit.names.length;
  const codes = new Int32Array(n);
  const dense = new Int32Array(options.clusters.count).fill(-1);
  for (let r = 0, next = 0; r < n; r++) {
    const g = options.clusters.codes[fit.rowsUsed[r]];
    if (dense[g] === -1) dense[g] = next++;
    codes[r] = dense[g];
  }
  const fixedEffects = fit.absorbedFactors;
  const clusterFactor = { name: options.clusters.name, codes, count: G };
  // A factor spanned by a finer one (department over recinto) changes nothing in the projection.
  const redundant = fit.absorbed?.redundant ?? [];
  const nested = fixedEffects.every((f) => redundant.includes(f.name) || isNestedIn(f, clusterFactor, fit.weights));
  if (!nested && G > MAX_CROSSED_CLUSTERS)
    return err({
      kind: 'invalid_options',
      option: 'clusters',
      message: `fixed effects that cross the clusters are supported up to ${MAX_CROSSED_CLUSTERS} clusters (got ${G})`,
    });
  const sums = clusterSums(fit, j, codes, G, nested, fixedEffects);
  const factor = ((G / (G - 1)) * (n - 1)) / (n - fit.rank);
  const estimate = fit.coefficients[j];
  const se = variance.value.se[j];
  const enumerated = weightKind === 'rademacher' && G <= 30 && 2 ** G <= replications;
  const reps = enumerated ? 2 ** G : replications;
  const draws = new Float64Array(reps * G);
  for (let b = 0; b < reps; b++)
    for (let g = 0; g < G; g++)
      draws[b * G + g] = enumerated
        ? Math.floor(b / 2 ** g) % 2 === 0
          ? 1
          : -1
        : weightKind === 'rademacher'
          ? rng.uniform() < 0.5
            ? -1
            : 1
          : WEBB[rng.int(6)];
  const bread = fit.inverseGram;
  const q = new Float64Array(k);
  const delta = new Float64Array(k);
  const vu = new Float64Array(G);
  const pValueAt = (r: number): number => {
    const tObserved = Math.abs((estimate - r) / se);
    let atLeast = 0;
    for (let b = 0; b < reps; b++) {
      q.fill(0);
      for (let h = 0; h < G; h++) {
        const v = draws[b * G + h];
        for (let a = 0; a < k; a++) q[a] += v * (sums.qa[h * k + a] - r * sums.qb[h * k + a]);
      }
      for (let a = 0; a < k; a++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += bread[a * k + c] * q[c];
        delta[a] = s;
      }
      let meat = 0;
      if (sums.diagonal) {
        for (let g = 0; g < G; g++) vu[g] = draws[b * G + g] * (sums.sa[g] - r * sums.sb[g]);
      } else {
        for (let g = 0; g < G; g++) {
          let s = 0;
          for (let h = 0; h < G; h++) s += draws[b * G + h] * (sums.sa[g * G + h] - r * sums.sb[g * G + h]);
          vu[g] = s;
        }
      }
      for (let g = 0; g < G; g++) {
        let score = vu[g];
        for (let a = 0; a < k; a++) score -= sums.cg[g * k + a] * delta[a];
        meat += score * score;
      }
      const tStar = Math.abs(delta[j] / Math.sqrt(factor * meat));
      // A tie within rounding counts as "at least as large" (identical sign vectors give identical |t*|).
      if (tStar >= tObserved * (1 - 1e-12)) atLeast++;
    }
    return atLeast / reps;
  };
  const nullValue = options.nullValue ?? 0;
  const pValue = pValueAt(nullValue);
  let interval: WildBootstrapResult['interval'] = null;
  if (level !== undefined) {
    const alpha = 1 - level;
    const bound = (direction: 1 | -1): number => {
      // Widen until rejected, then bisect between a value not rejected (the estimate) and one rejected.
      let inside = estimate;
      let step = Math.max(se, 1e-12 * Math.abs(estimate));
      let outside = estimate + direction * step;
      for (let tries = 0; pValueAt(outside) >= alpha && tries < 60; tries++) {
        inside = outside;
        step *= 2;
        outside = estimate + direction * step;
      }
      for (let iter = 0; iter < 60 && Math.abs(outside - inside) > 1e-9 * se; iter++) {
        const mid = (inside + outside) / 2;
        if (pValueAt(mid) >= alpha) inside = mid;
        else outside = mid;
      }
      return (inside + outside) / 2;
    };
    interval = { level, low: bound(-1), high: bound(1) };
  }
  return ok({
    coefficient: options.coefficient,
    estimate,
    nullValue,
    t: (estimate - nullValue) / se,
    pValue,
    replications: reps,
    enumerated,
    weights: weightKind,
    clusters: G,
    interval,
  });
}

/** Restricted residuals (ua - r ub) and the per-cluster sums of the fast algorithm. */
function clusterSums(
  fit: LinearModelFit,
  j: number,
  codes: Int32Array,
  G: number,
  nested: boolean,
  fixedEffects: readonly Factor[],
): ClusterSums {
  const { n, design, inverseGram: bread } = fit;
  const k = design.length;
  // The transformed outcome: X~ b + sqrt(w) e.
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) y[r] = Math.sqrt(fit.weights[r]) * fit.residuals[r];
  for (let a = 0; a < k; a++) for (let r = 0; r < n; r++) y[r] += design[a][r] * fit.coefficients[a];
  const others = design.filter((_, a) => a !== j);
  const residualOn = (target: Float64Array) =>
    others.length === 0
      ? Float64Array.from(target)
      : solveLeastSquares(
          others,
          target,
          others.map(() => 0),
        ).residuals;
  const ua = residualOn(y);
  const ub = residualOn(design[j]);
  // c_i = (B X~_i)_j: the row of the bread that gives coefficient j.
  const c = new Float64Array(n);
  for (let a = 0; a < k; a++) {
    const bja = bread[j * k + a];
    for (let r = 0; r < n; r++) c[r] += bja * design[a][r];
  }
  const qa = new Float64Array(G * k);
  const qb = new Float64Array(G * k);
  const cg = new Float64Array(G * k);
  for (let a = 0; a < k; a++) {
    const col = design[a];
    for (let r = 0; r < n; r++) {
      const g = codes[r] * k + a;
      qa[g] += col[r] * ua[r];
      qb[g] += col[r] * ub[r];
      cg[g] += c[r] * col[r];
    }
  }
  if (nested) {
    const sa = new Float64Array(G);
    const sb = new Float64Array(G);
    for (let r = 0; r < n; r++) {
      sa[codes[r]] += c[r] * ua[r];
      sb[codes[r]] += c[r] * ub[r];
    }
    return { qa, qb, sa, sb, diagonal: true, cg };
  }
  // Fixed effects crossing the clusters: M_D (u 1_h) spreads cluster h's residuals over other clusters.
  const sa = new Float64Array(G * G);
  const sb = new Float64Array(G * G);
  const sqrtW = fit.weights.map(Math.sqrt);
  for (const [u, s] of [
    [ua, sa],
    [ub, sb],
  ] as const) {
    for (let h = 0; h < G; h++) {
      const z = new Float64Array(n);
      for (let r = 0; r < n; r++) if (codes[r] === h) z[r] = u[r] / sqrtW[r];
      demeanColumns([z], fixedEffects, fit.weights);
      for (let r = 0; r < n; r++) s[codes[r] * G + h] += c[r] * sqrtW[r] * z[r];
    }
  }
  return { qa, qb, sa, sb, diagonal: false, cg };
}
