/**
 * Local-linear regression discontinuity at a cutoff of a running variable (e.g. the time a station's
 * tally arrived): weighted least squares of y on [1, above, x - c, (x - c) above] plus optional
 * covariates and absorbed fixed effects, triangular kernel weights max(0, 1 - |x - c| / h), rows with
 * positive weight only. The coefficient of `above` is the jump (right limit minus left limit); with no
 * covariates or fixed effects it equals the two one-sided local linear fits of latecount/local_linear.ts
 * (Hahn, Todd & Van der Klaauw 2001; Imbens & Lemieux 2008, J. Econometrics 142(2):615-635).
 * Conventions as local_linear.ts: the left side is x <= c. The bandwidth is given, or Imbens &
 * Kalyanaraman's (2012), computed on the outcome and running variable only (covariates and fixed effects
 * do not enter the selector). Standard errors: CR1 by the given clusters (one- or two-way), else HC1.
 * No bias correction (Calonico, Cattaneo & Titiunik's robust intervals are not implemented).
 */
import { ikBandwidth } from '../latecount/local_linear.ts';
import { err, ok, type Result } from '../result.ts';
import type { Factor } from './absorb.ts';
import { fitLinearModel, type LinearModelFit, type NamedColumn } from './linear_model.ts';
import { type CoefficientRow, coefficientTable, coefficientVariance, type VarianceType } from './variance.ts';

export interface RegressionDiscontinuityInput {
  readonly outcome: NamedColumn;
  readonly running: NamedColumn;
  readonly cutoff: number;
  /** Half-width of the kernel on the running variable's scale (default: Imbens-Kalyanaraman). */
  readonly bandwidth?: number;
  readonly covariates?: readonly NamedColumn[];
  readonly fixedEffects?: readonly Factor[];
  /** One or two clustering factors (CR1); none: HC1. */
  readonly clusters?: readonly Factor[];
  /** 1 = use the row (default: every row). */
  readonly rows?: Uint8Array;
  /** Confidence level of the interval (default 0.95). */
  readonly level?: number;
}

export interface RegressionDiscontinuityResult {
  readonly cutoff: number;
  readonly bandwidth: number;
  readonly bandwidthRule: 'given' | 'imbens_kalyanaraman';
  /** Jump of the outcome as the running variable crosses the cutoff. */
  readonly estimate: number;
  readonly se: number;
  readonly pValue: number;
  readonly level: number;
  readonly low: number;
  readonly high: number;
  readonly varianceType: VarianceType;
  /** Degrees of freedom of the t reference (see CoefficientVariance.df). */
  readonly df: number;
  /** Rows with positive kernel weight left of (x <= c) and right of the cutoff. */
  readonly nLeft: number;
  readonly nRight: number;
  /** Every coefficient of the local regression (above, the two slopes, covariates). */
  readonly coefficients: CoefficientRow[];
  readonly fit: LinearModelFit;
}

export const ABOVE = 'above';
export const RUNNING_CENTERED = 'running_centered';
export const RUNNING_ABOVE = 'running_centered_above';

/** Estimates the jump at the cutoff. */
export function regressionDiscontinuity(input: RegressionDiscontinuityInput): Result<RegressionDiscontinuityResult> {
  const x = input.running.values;
  const n = x.length;
  const c = input.cutoff;
  const rows = input.rows ?? new Uint8Array(n).fill(1);
  if (!Number.isFinite(c)) return err({ kind: 'invalid_options', option: 'cutoff', message: 'cutoff must be finite' });
  if (input.bandwidth !== undefined && !(input.bandwidth > 0 && Number.isFinite(input.bandwidth)))
    return err({ kind: 'invalid_options', option: 'bandwidth', message: 'bandwidth must be a finite number > 0' });
  let h = input.bandwidth;
  let bandwidthRule: RegressionDiscontinuityResult['bandwidthRule'] = 'given';
  if (h === undefined) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n; i++)
      if (rows[i] === 1 && Number.isFinite(x[i]) && Number.isFinite(input.outcome.values[i])) {
        xs.push(x[i]);
        ys.push(input.outcome.values[i]);
      }
    const chosen = ikBandwidth(xs, ys, c);
    if (!chosen.ok) return chosen;
    h = chosen.value;
    bandwidthRule = 'imbens_kalyanaraman';
  }
  const above = new Float64Array(n);
  const centered = new Float64Array(n);
  const slopeAbove = new Float64Array(n);
  const kernel = new Float64Array(n);
  const use = Uint8Array.from(rows);
  let nLeft = 0;
  let nRight = 0;
  for (let i = 0; i < n; i++) {
    if (rows[i] === 0) continue;
    if (!Number.isFinite(x[i]))
      return err({
        kind: 'degenerate_input',
        message: `column "${input.running.name}", row ${i + 1}: value ${x[i]} is not a finite number`,
      });
    const d = x[i] - c;
    kernel[i] = Math.max(0, 1 - Math.abs(d) / h);
    if (kernel[i] === 0) {
      use[i] = 0;
      continue;
    }
    above[i] = d > 0 ? 1 : 0;
    centered[i] = d;
    slopeAbove[i] = d * above[i];
    if (d > 0) nRight++;
    else nLeft++;
  }
  if (nLeft < 3 || nRight < 3)
    return err({
      kind: 'insufficient_data',
      message: `within ${h} of the cutoff ${c}: ${nLeft} rows left and ${nRight} right; at least 3 each are needed`,
      needed: 3,
      got: Math.min(nLeft, nRight),
    });
  const fitted = fitLinearModel({
    outcome: input.outcome,
    regressors: [
      { name: ABOVE, values: above },
      { name: RUNNING_CENTERED, values: centered },
      { name: RUNNING_ABOVE, values: slopeAbove },
      ...(input.covariates ?? []),
    ],
    fixedEffects: input.fixedEffects,
    weights: kernel,
    rows: use,
  });
  if (!fitted.ok) return fitted;
  const fit = fitted.value;
  const jumpIndex = fit.names.indexOf(ABOVE);
  if (jumpIndex < 0)
    return err({
      kind: 'degenerate_input',
      message: 'the jump is not identified: the side of the cutoff is collinear with the fixed effects',
    });
  const clusters = input.clusters ?? [];
  const varianceType: VarianceType = clusters.length > 0 ? 'CR1' : 'HC1';
  const variance = coefficientVariance(fit, {
    type: varianceType,
    clusters: clusters.length > 0 ? clusters : undefined,
  });
  if (!variance.ok) return variance;
  const level = input.level ?? 0.95;
  const coefficients = coefficientTable(fit, variance.value, level);
  const jump = coefficients[jumpIndex];
  return ok({
    cutoff: c,
    bandwidth: h,
    bandwidthRule,
    estimate: jump.estimate,
    se: jump.se,
    pValue: jump.pValue,
    level,
    low: jump.low,
    high: jump.high,
    varianceType,
    df: variance.value.df,
    nLeft,
    nRight,
    coefficients,
    fit,
  });
}
