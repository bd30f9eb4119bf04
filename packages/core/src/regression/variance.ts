/**
 * Variance of least-squares coefficients: classical, heteroskedasticity-robust HC1 (MacKinnon & White
 * 1985) and cluster-robust CR1, one-way (Liang & Zeger 1986) or two-way (Cameron, Gelbach & Miller
 * 2011, "Robust inference with multiway clustering", JBES 29(2):238-249), with the small-sample
 * factors of Stata and R:
 * - HC1: n / (n - K), as estimatr's lm_robust(se_type = "HC1") and sandwich::vcovHC(type = "HC1");
 * - CR1: G / (G - 1) * (n - 1) / (n - K), as lm_robust(se_type = "stata") and sandwich::vcovCL(type = "HC1");
 * - two-way: V_a + V_b - V_ab, each term with the G / (G - 1) of its own clustering (groups of a, of b,
 *   and of the intersection a x b) and all with (n - 1) / (n - K), as sandwich::vcovCL(cluster = ~ a + b).
 * K counts the absorbed fixed effects (LinearModelFit.rank).
 */
import { standardNormalQuantile, studentTwoSided } from '../numeric/distributions.ts';
import { err, ok, type Result } from '../result.ts';
import { type Factor, fixedEffectRank, isNestedIn } from './absorb.ts';
import type { LinearModelFit } from './linear_model.ts';

export type VarianceType = 'classical' | 'HC1' | 'CR1';

/** Which variance to compute; clusters (one or two factors over the input rows) only for CR1. */
export interface VarianceOptions {
  readonly type: VarianceType;
  readonly clusters?: readonly Factor[];
  /**
   * K of CR1's (n - 1) / (n - K): 'all' (default) counts every absorbed effect, as lm and sandwich do;
   * 'reghdfe' leaves out the effects of factors nested in a clustering factor, as Stata's reghdfe does
   * (Correia 2015): those effects are sums of cluster-level terms that the cluster scores already absorb.
   */
  readonly nestedEffects?: 'all' | 'reghdfe';
}

/** A coefficient covariance matrix and what inference on it should use. */
export interface CoefficientVariance {
  readonly type: VarianceType;
  /** Row-major K x K over the fit's coefficients. */
  readonly matrix: Float64Array;
  readonly se: Float64Array;
  /** Clusters per clustering factor (CR1), in order. */
  readonly clusterCounts: number[];
  /**
   * Degrees of freedom of the t reference: n - K (classical, HC1); G - 1 (one-way CR1, as Stata and
   * estimatr); min(G_a, G_b) - 1 (two-way, as Cameron, Gelbach & Miller 2011 suggest).
   */
  readonly df: number;
  /** Two-way variances can have a negative diagonal (the difference of positive terms): then that se is NaN. */
  readonly warnings: string[];
}

/** Sandwich B M B with B = (X'WX)^-1 and M = sum over groups of s_g s_g', s_g = sum of the group's scores. */
function clusterSandwich(fit: LinearModelFit, codes: Int32Array, groups: number, factor: number): Float64Array {
  const k = fit.names.length;
  const scores = new Float64Array(groups * k);
  const { design, residuals, weights, n } = fit;
  for (let a = 0; a < k; a++) {
    const column = design[a];
    for (let r = 0; r < n; r++) scores[codes[r] * k + a] += column[r] * Math.sqrt(weights[r]) * residuals[r];
  }
  const meat = new Float64Array(k * k);
  for (let g = 0; g < groups; g++)
    for (let a = 0; a < k; a++) {
      const sa = scores[g * k + a];
      if (sa === 0) continue;
      for (let b = 0; b < k; b++) meat[a * k + b] += sa * scores[g * k + b];
    }
  return sandwich(fit.inverseGram, meat, k, factor);
}

function sandwich(bread: Float64Array, meat: Float64Array, k: number, factor: number): Float64Array {
  const half = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += bread[a * k + c] * meat[c * k + b];
      half[a * k + b] = s;
    }
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += half[a * k + c] * bread[c * k + b];
      out[a * k + b] = factor * s;
    }
  return out;
}

/** Dense codes 0..G-1 over the fit's rows for the given factors (their intersection when several). */
function clusterCodes(fit: LinearModelFit, factors: readonly Factor[]): { codes: Int32Array; groups: number } {
  const codes = new Int32Array(fit.n);
  const dense = new Map<number, number>();
  for (let r = 0; r < fit.n; r++) {
    const i = fit.rowsUsed[r];
    // Mixed-radix key of the row's codes: exact while the product of the counts stays below 2^53.
    let key = 0;
    for (const f of factors) key = key * f.count + f.codes[i];
    let g = dense.get(key);
    if (g === undefined) {
      g = dense.size;
      dense.set(key, g);
    }
    codes[r] = g;
  }
  return { codes, groups: dense.size };
}

/** The coefficient covariance of a fit. */
export function coefficientVariance(fit: LinearModelFit, options: VarianceOptions): Result<CoefficientVariance> {
  const k = fit.names.length;
  const { n, rank } = fit;
  const warnings: string[] = [];
  const finish = (matrix: Float64Array, clusterCounts: number[], df: number): Result<CoefficientVariance> => {
    const se = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      const v = matrix[a * k + a];
      se[a] = v >= 0 ? Math.sqrt(v) : Number.NaN;
      if (!(v >= 0))
        warnings.push(`the variance of "${fit.names[a]}" is negative (two-way clustering): no standard error`);
    }
    return ok({ type: options.type, matrix, se, clusterCounts, df, warnings });
  };
  if (options.type !== 'CR1' && options.clusters !== undefined && options.clusters.length > 0)
    return err({
      kind: 'invalid_options',
      option: 'clusters',
      message: `clusters are used only by CR1, not ${options.type}`,
    });
  if (options.type === 'classical') {
    let ss = 0;
    for (let r = 0; r < n; r++) ss += fit.weights[r] * fit.residuals[r] * fit.residuals[r];
    const sigma2 = ss / (n - rank);
    return finish(
      fit.inverseGram.map((v) => v * sigma2),
      [],
      n - rank,
    );
  }
  if (options.type === 'HC1') {
    const codes = new Int32Array(n);
    for (let r = 0; r < n; r++) codes[r] = r;
    return finish(clusterSandwich(fit, codes, n, n / (n - rank)), [], n - rank);
  }
  const clusters = options.clusters ?? [];
  if (clusters.length !== 1 && clusters.length !== 2)
    return err({ kind: 'invalid_options', option: 'clusters', message: 'CR1 needs one or two clustering factors' });
  for (const factor of clusters) {
    for (let r = 0; r < n; r++) {
      const g = factor.codes[fit.rowsUsed[r]];
      if (!Number.isInteger(g) || g < 0 || g >= factor.count)
        return err({
          kind: 'degenerate_input',
          message: `cluster "${factor.name}", row ${fit.rowsUsed[r] + 1}: code ${g} is not an integer in 0..${factor.count - 1}`,
        });
    }
  }
  const common = (n - 1) / (n - (options.nestedEffects === 'reghdfe' ? rank - nestedRank(fit, clusters) : rank));
  const term = (factors: readonly Factor[]) => {
    const { codes, groups } = clusterCodes(fit, factors);
    return {
      groups,
      matrix: groups > 1 ? clusterSandwich(fit, codes, groups, (common * groups) / (groups - 1)) : null,
    };
  };
  const terms = clusters.length === 1 ? [term(clusters)] : [term([clusters[0]]), term([clusters[1]]), term(clusters)];
  const counts = terms.slice(0, clusters.length).map((t) => t.groups);
  if (counts.some((g) => g < 2))
    return err({ kind: 'insufficient_data', message: 'cluster-robust variance needs at least 2 clusters', needed: 2 });
  const matrix = new Float64Array(k * k);
  terms.forEach((t, index) => {
    const sign = index === 2 ? -1 : 1;
    if (t.matrix !== null) for (let a = 0; a < k * k; a++) matrix[a] += sign * t.matrix[a];
  });
  return finish(matrix, counts, Math.min(...counts) - 1);
}

/** Rank of the absorbed factors nested in some clustering factor (over the rows used). */
function nestedRank(fit: LinearModelFit, clusters: readonly Factor[]): number {
  if (fit.absorbed === null) return 0;
  const redundant = fit.absorbed.redundant;
  const inCluster = clusters.map((c) => {
    const codes = new Int32Array(fit.n);
    for (let r = 0; r < fit.n; r++) codes[r] = c.codes[fit.rowsUsed[r]];
    return { name: c.name, codes, count: c.count };
  });
  const nested = fit.absorbedFactors.filter(
    (f) => !redundant.includes(f.name) && inCluster.some((c) => isNestedIn(f, c, fit.weights)),
  );
  return fixedEffectRank(nested, fit.weights).rank;
}

/** One row of a coefficient table. */
export interface CoefficientRow {
  readonly name: string;
  readonly estimate: number;
  readonly se: number;
  /** estimate / se. */
  readonly t: number;
  /** Two-sided, Student t with the variance's df. */
  readonly pValue: number;
  readonly low: number;
  readonly high: number;
}

/** Student t quantile by bisection on the two-sided p-value (the t cdf is all the core has). */
function studentQuantile(p: number, df: number): number {
  let low = 0;
  let high = Math.max(10, 2 * Math.abs(standardNormalQuantile(p)));
  while (studentTwoSided(high, df) > 2 * (1 - p)) high *= 2;
  for (let iter = 0; iter < 200; iter++) {
    const mid = (low + high) / 2;
    if (studentTwoSided(mid, df) > 2 * (1 - p)) low = mid;
    else high = mid;
    if (high - low <= 1e-14 * high) break;
  }
  return (low + high) / 2;
}

/** Estimates, standard errors, t, p-values and confidence intervals at `level` (default 0.95). */
export function coefficientTable(fit: LinearModelFit, variance: CoefficientVariance, level = 0.95): CoefficientRow[] {
  const q = studentQuantile(1 - (1 - level) / 2, variance.df);
  return fit.names.map((name, a) => {
    const estimate = fit.coefficients[a];
    const se = variance.se[a];
    const t = estimate / se;
    return {
      name,
      estimate,
      se,
      t,
      pValue: studentTwoSided(t, variance.df),
      low: estimate - q * se,
      high: estimate + q * se,
    };
  });
}
