/**
 * Ordinary (or weighted) least squares with any number of absorbed fixed effects: the outcome and
 * regressors are demeaned within the groups of every factor (Frisch-Waugh-Lovell), then solved by QR.
 * Coefficients, residuals and degrees of freedom match R's lm with the factors as dummies, and
 * estimatr's lm_robust(fixed_effects = ~ a + b).
 */
import { err, ok, type Result } from '../result.ts';
import {
  DEFAULT_DEMEAN_TOLERANCE,
  type DemeaningReport,
  demeanColumns,
  type Factor,
  type FixedEffectRank,
  fixedEffectRank,
  singletonRows,
} from './absorb.ts';
import { solveLeastSquares } from './least_squares.ts';

/** A named numeric column, one value per input row. */
export interface NamedColumn {
  readonly name: string;
  readonly values: ArrayLike<number>;
}

/** What to fit. All columns, factors and weights have one entry per input row. */
export interface LinearModelInput {
  readonly outcome: NamedColumn;
  readonly regressors: readonly NamedColumn[];
  /** Factors whose fixed effects are absorbed (not estimated). */
  readonly fixedEffects?: readonly Factor[];
  /** Non-negative weights (weighted least squares); rows with weight 0 are left out, as lm does. */
  readonly weights?: ArrayLike<number>;
  /** Adds a constant column named "(Intercept)" (default true; never with fixed effects, which absorb it). */
  readonly intercept?: boolean;
  /** 1 = use the row (default: every row). */
  readonly rows?: Uint8Array;
  /** Leave out rows alone in a fixed-effect group, iteratively, as reghdfe does (default false, as lm_robust). */
  readonly dropSingletons?: boolean;
  /** Demeaning tolerance relative to each column's root mean square (default 1e-13). */
  readonly demeanTolerance?: number;
}

/** The absorbed fixed effects of a fit. */
export interface AbsorbedEffects extends FixedEffectRank {
  readonly factors: string[];
  /** Rows left out as singletons (0 unless dropSingletons). */
  readonly singletonsDropped: number;
  /** Rows alone in a group of some factor among those used (they fit exactly). */
  readonly singletonsKept: number;
  readonly demeaning: DemeaningReport;
}

/** A fitted linear model. Arrays over rows cover the rows used, in input order (`rowsUsed`). */
export interface LinearModelFit {
  /** Names of the estimated coefficients (regressors kept). */
  readonly names: string[];
  readonly coefficients: Float64Array;
  /** Regressors dropped as collinear with earlier ones or with the fixed effects. */
  readonly dropped: string[];
  /** Number of rows used. */
  readonly n: number;
  /** Input index of each row used. */
  readonly rowsUsed: Int32Array;
  /** Coefficients estimated plus the rank of the absorbed dummies: the K of n - K. */
  readonly rank: number;
  readonly dfResidual: number;
  readonly absorbed: AbsorbedEffects | null;
  /** The absorbed factors with codes over the rows used (what the wild bootstrap projects with). */
  readonly absorbedFactors: readonly Factor[];
  /** y - X b - fixed effects, per row used. */
  readonly residuals: Float64Array;
  /** Weights of the rows used (all 1 without weights). */
  readonly weights: Float64Array;
  /** sqrt(weight) times the demeaned regressors kept: the design the variance formulas use. */
  readonly design: Float64Array[];
  /** (X'WX)^-1 of the demeaned design, row-major. */
  readonly inverseGram: Float64Array;
}

const INTERCEPT = '(Intercept)';

function checkColumn(column: NamedColumn, n: number, rows: Uint8Array): Result<void> {
  if (column.values.length !== n)
    return err({
      kind: 'invalid_options',
      option: column.name,
      message: `column "${column.name}" has ${column.values.length} values for ${n} rows`,
    });
  for (let i = 0; i < n; i++) {
    if (rows[i] === 1 && !Number.isFinite(column.values[i]))
      return err({
        kind: 'degenerate_input',
        message: `column "${column.name}", row ${i + 1}: value ${column.values[i]} is not a finite number`,
      });
  }
  return ok(undefined);
}

function checkFactor(factor: Factor, n: number): Result<void> {
  if (factor.codes.length !== n)
    return err({
      kind: 'invalid_options',
      option: factor.name,
      message: `factor "${factor.name}" has ${factor.codes.length} codes for ${n} rows`,
    });
  for (let i = 0; i < n; i++) {
    const g = factor.codes[i];
    if (!Number.isInteger(g) || g < 0 || g >= factor.count)
      return err({
        kind: 'degenerate_input',
        message: `factor "${factor.name}", row ${i + 1}: code ${g} is not an integer in 0..${factor.count - 1}`,
      });
  }
  return ok(undefined);
}

/** Restricts a factor to the rows used, keeping its codes. */
function takeFactor(factor: Factor, rowsUsed: Int32Array): Factor {
  const codes = new Int32Array(rowsUsed.length);
  for (let r = 0; r < rowsUsed.length; r++) codes[r] = factor.codes[rowsUsed[r]];
  return { name: factor.name, codes, count: factor.count };
}

/** Fits the model; a tagged error for bad input or when no regressor is left to estimate. */
export function fitLinearModel(input: LinearModelInput): Result<LinearModelFit> {
  const n = input.outcome.values.length;
  const factors = input.fixedEffects ?? [];
  const rows = input.rows ?? new Uint8Array(n).fill(1);
  if (rows.length !== n)
    return err({ kind: 'invalid_options', option: 'rows', message: `rows has ${rows.length} entries for ${n} rows` });
  for (const column of [input.outcome, ...input.regressors]) {
    const checked = checkColumn(column, n, rows);
    if (!checked.ok) return checked;
  }
  for (const factor of factors) {
    const checked = checkFactor(factor, n);
    if (!checked.ok) return checked;
  }
  const use = Uint8Array.from(rows);
  if (input.weights !== undefined) {
    const weights = input.weights;
    if (weights.length !== n)
      return err({ kind: 'invalid_options', option: 'weights', message: `${weights.length} weights for ${n} rows` });
    for (let i = 0; i < n; i++) {
      if (use[i] === 0) continue;
      if (!(weights[i] >= 0) || !Number.isFinite(weights[i]))
        return err({
          kind: 'degenerate_input',
          message: `weights, row ${i + 1}: ${weights[i]} is not a finite number >= 0`,
        });
      if (weights[i] === 0) use[i] = 0;
    }
  }
  let singletonsDropped = 0;
  if (input.dropSingletons === true && factors.length > 0) {
    const singles = singletonRows(factors, use);
    for (let i = 0; i < n; i++)
      if (singles[i] === 1) {
        use[i] = 0;
        singletonsDropped++;
      }
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += use[i];
  const rowsUsed = new Int32Array(m);
  for (let i = 0, r = 0; i < n; i++) if (use[i] === 1) rowsUsed[r++] = i;
  const weights = new Float64Array(m);
  for (let r = 0; r < m; r++) weights[r] = input.weights === undefined ? 1 : input.weights[rowsUsed[r]];
  const take = (values: ArrayLike<number>) => {
    const out = new Float64Array(m);
    for (let r = 0; r < m; r++) out[r] = values[rowsUsed[r]];
    return out;
  };
  const withIntercept = (input.intercept ?? true) && factors.length === 0;
  const names = [...(withIntercept ? [INTERCEPT] : []), ...input.regressors.map((c) => c.name)];
  const columns = [
    ...(withIntercept ? [new Float64Array(m).fill(1)] : []),
    ...input.regressors.map((c) => take(c.values)),
  ];
  const y = take(input.outcome.values);
  const sqrtW = weights.map(Math.sqrt);
  const norm = (c: Float64Array) => {
    let s = 0;
    for (let r = 0; r < m; r++) s += weights[r] * c[r] * c[r];
    return Math.sqrt(s);
  };
  const referenceNorms = columns.map(norm);
  let absorbed: AbsorbedEffects | null = null;
  const used = factors.map((f) => takeFactor(f, rowsUsed));
  if (factors.length > 0) {
    const demeaning = demeanColumns([y, ...columns], used, weights, input.demeanTolerance ?? DEFAULT_DEMEAN_TOLERANCE);
    if (!demeaning.converged)
      return err({
        kind: 'degenerate_input',
        message: `absorbing the fixed effects (${factors.map((f) => f.name).join(', ')}) did not converge in ${demeaning.sweeps} sweeps`,
      });
    const all = new Uint8Array(m).fill(1);
    let singletonsKept = 0;
    const singles = singletonRows(used, all);
    for (let r = 0; r < m; r++) singletonsKept += singles[r];
    absorbed = {
      ...fixedEffectRank(used, weights),
      factors: factors.map((f) => f.name),
      singletonsDropped,
      singletonsKept,
      demeaning,
    };
  }
  for (const c of [y, ...columns]) for (let r = 0; r < m; r++) c[r] *= sqrtW[r];
  const solution = solveLeastSquares(columns, y, referenceNorms);
  const rank = solution.kept.length + (absorbed?.rank ?? 0);
  if (solution.kept.length === 0)
    return err({
      kind: 'degenerate_input',
      message: 'no regressor is left to estimate: every one is collinear with the fixed effects or constant',
    });
  if (m <= rank)
    return err({
      kind: 'insufficient_data',
      message: `${m} rows for ${rank} parameters (coefficients and absorbed effects): no residual degrees of freedom`,
      needed: rank + 1,
      got: m,
    });
  const residuals = new Float64Array(m);
  for (let r = 0; r < m; r++) residuals[r] = solution.residuals[r] / sqrtW[r];
  return ok({
    names: solution.kept.map((j) => names[j]),
    coefficients: solution.coefficients,
    dropped: solution.dropped.map((j) => names[j]),
    n: m,
    rowsUsed,
    rank,
    dfResidual: m - rank,
    absorbed,
    absorbedFactors: used,
    residuals,
    weights,
    design: solution.kept.map((j) => columns[j]),
    inverseGram: solution.inverseGram,
  });
}
