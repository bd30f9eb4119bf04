/**
 * Least squares on a few long columns by Householder QR (Golub & Van Loan, Matrix Computations,
 * 4th ed., 5.2): more accurate than a Cholesky of X'X (which squares the condition number) and, with
 * a handful of columns, as fast. Columns are processed in order; one whose remaining norm is below
 * `COLLINEAR_TOLERANCE` times its norm before any projection is dropped, as R's lm does (its QR
 * tolerance is also 1e-7 relative to the column norm), so a later collinear column goes, never an earlier one.
 */

/** Relative norm below which a column counts as a combination of earlier ones (and of the fixed effects). */
export const COLLINEAR_TOLERANCE = 1e-7;

/** A least-squares solution on the kept columns. */
export interface LeastSquaresSolution {
  /** Indices of the input columns kept, in order. */
  readonly kept: number[];
  /** Indices of the input columns dropped as collinear. */
  readonly dropped: number[];
  /** Coefficients of the kept columns. */
  readonly coefficients: Float64Array;
  /** Residuals y - X b. */
  readonly residuals: Float64Array;
  /** (X'X)^-1 on the kept columns, row-major k x k. */
  readonly inverseGram: Float64Array;
}

/**
 * Solves min |y - X b| for columns X (each of y's length). `referenceNorms[j]` is the norm column j
 * is compared with for collinearity (its norm before the fixed effects were absorbed).
 */
export function solveLeastSquares(
  columns: readonly Float64Array[],
  y: Float64Array,
  referenceNorms: readonly number[],
): LeastSquaresSolution {
  const n = y.length;
  const work = columns.map((c) => Float64Array.from(c));
  const qty = Float64Array.from(y);
  const kept: number[] = [];
  const dropped: number[] = [];
  const rColumns: Float64Array[] = [];
  for (let j = 0; j < work.length; j++) {
    const col = work[j];
    const k = kept.length;
    let tail = 0;
    for (let i = k; i < n; i++) tail += col[i] * col[i];
    const tailNorm = Math.sqrt(tail);
    if (!(tailNorm > COLLINEAR_TOLERANCE * referenceNorms[j]) || k >= n) {
      dropped.push(j);
      continue;
    }
    // Householder vector v with H = I - 2 v v' / (v'v) taking col[k..] to (alpha, 0, ..., 0).
    const alpha = col[k] > 0 ? -tailNorm : tailNorm;
    const v = new Float64Array(n);
    for (let i = k; i < n; i++) v[i] = col[i];
    v[k] -= alpha;
    let vv = 0;
    for (let i = k; i < n; i++) vv += v[i] * v[i];
    const apply = (target: Float64Array) => {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i] * target[i];
      const f = (2 * dot) / vv;
      for (let i = k; i < n; i++) target[i] -= f * v[i];
    };
    for (let later = j + 1; later < work.length; later++) apply(work[later]);
    apply(qty);
    const r = new Float64Array(k + 1);
    for (let i = 0; i < k; i++) r[i] = col[i];
    r[k] = alpha;
    rColumns.push(r);
    kept.push(j);
  }
  const p = kept.length;
  // R is upper triangular p x p with column j = rColumns[j].
  const coefficients = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i];
    for (let j = i + 1; j < p; j++) s -= rColumns[j][i] * coefficients[j];
    coefficients[i] = s / rColumns[i][i];
  }
  // R^-1 (upper triangular), then (X'X)^-1 = R^-1 R^-T.
  const rInv = new Float64Array(p * p);
  for (let c = 0; c < p; c++) {
    rInv[c * p + c] = 1 / rColumns[c][c];
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let j = i + 1; j <= c; j++) s += rColumns[j][i] * rInv[j * p + c];
      rInv[i * p + c] = -s / rColumns[i][i];
    }
  }
  const inverseGram = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = a; b < p; b++) {
      let s = 0;
      for (let j = Math.max(a, b); j < p; j++) s += rInv[a * p + j] * rInv[b * p + j];
      inverseGram[a * p + b] = s;
      inverseGram[b * p + a] = s;
    }
  const residuals = Float64Array.from(y);
  for (let a = 0; a < p; a++) {
    const col = columns[kept[a]];
    const b = coefficients[a];
    for (let i = 0; i < n; i++) residuals[i] -= b * col[i];
  }
  return { kept, dropped, coefficients, residuals, inverseGram };
}
