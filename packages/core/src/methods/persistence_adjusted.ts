/**
 * The covariate-adjusted persistence statistic and its permutation null. The change d (A minus B, in
 * points) is regressed by weighted least squares on the flag, numeric covariates and a fixed effect per
 * cell (stratum, or stratum x urban/rural); the statistic is the flag's coefficient (Frisch-Waugh-Lovell:
 * Lovell 1963, JASA 58(304):993-1010). Without numeric covariates the null permutes flags within cells,
 * keeping each cell's number of flagged units (Rosenbaum 2002, Observational Studies, ch. 2): exact.
 * With numeric covariates, flags that go with a covariate cannot be permuted freely (the permuted flags
 * would lose that association and the null would be too narrow), so the null permutes, within cells,
 * the residuals of the regression without the flag (Freedman & Lane 1983, J. Business & Economic
 * Statistics 1(4):292-298; Anderson & Legendre 1999, J. Statist. Comput. Simul. 62:271-303).
 * Adding delta to the flagged units' d moves the coefficient by exactly delta.
 */
import { leastSquares } from '../latecount/local_linear.ts';
import type { Rng } from '../rng.ts';

/** Units ordered by cell: cell r holds indices [starts[r], starts[r+1]). */
export interface AdjustedUnits {
  readonly d: Float64Array;
  readonly w: Float64Array;
  readonly flagged: Uint8Array;
  readonly starts: Int32Array;
  /** Numeric covariates, one array per covariate, aligned with d. */
  readonly covariates: readonly Float64Array[];
}

/** The observed coefficient, its permutation null, and whether the covariates could be used. */
export interface AdjustedNull {
  readonly observed: number;
  readonly null: Float64Array;
  /** Coefficients of the covariates in the regression of d (points per unit of covariate). */
  readonly covariateCoefficients: number[];
}

/** Prepared sums for the flag coefficient given any flagged set. */
interface Prepared {
  /** Cell-demeaned d and covariates (weighted means). */
  readonly dt: Float64Array;
  readonly xt: Float64Array[];
  /** Inverse of X~'WX~ (p x p, row-major), null without covariates. */
  readonly inverse: Float64Array | null;
  readonly cellOf: Int32Array;
  readonly cellWeight: Float64Array;
}

function prepare(u: AdjustedUnits): Prepared | null {
  const n = u.d.length;
  const R = u.starts.length - 1;
  const cellOf = new Int32Array(n);
  const cellWeight = new Float64Array(R);
  const demean = (v: Float64Array): Float64Array => {
    const out = new Float64Array(n);
    for (let r = 0; r < R; r++) {
      let s = 0;
      let t = 0;
      for (let i = u.starts[r]; i < u.starts[r + 1]; i++) {
        s += u.w[i] * v[i];
        t += u.w[i];
      }
      for (let i = u.starts[r]; i < u.starts[r + 1]; i++) out[i] = v[i] - s / t;
    }
    return out;
  };
  for (let r = 0; r < R; r++)
    for (let i = u.starts[r]; i < u.starts[r + 1]; i++) {
      cellOf[i] = r;
      cellWeight[r] += u.w[i];
    }
  const dt = demean(u.d);
  const xt = u.covariates.map(demean);
  const p = xt.length;
  if (p === 0) return { dt, xt, inverse: null, cellOf, cellWeight };
  const inverse = new Float64Array(p * p);
  const sw = Float64Array.from(u.w, Math.sqrt);
  const columns = xt.map((x) => Float64Array.from(x, (v, i) => v * sw[i]));
  const use = new Uint8Array(n).fill(1);
  for (let j = 0; j < p; j++) {
    // Column j of the inverse: solve (X~'WX~) g = e_j through the normal equations of a weighted fit.
    const target = new Float64Array(p);
    target[j] = 1;
    const g = solveGram(columns, target, use);
    if (g === null) return null;
    for (let k = 0; k < p; k++) inverse[k * p + j] = g[k];
  }
  return { dt, xt, inverse, cellOf, cellWeight };
}

/** Solves (C'C) g = b for the columns C (small p): Gaussian elimination on the Gram matrix. */
function solveGram(columns: readonly Float64Array[], b: Float64Array, use: Uint8Array): number[] | null {
  const p = columns.length;
  // leastSquares solves (C'C) beta = C'y; pick y so that C'y = b is not available directly, so form the
  // Gram matrix here and reuse leastSquares on a p x p system with identity "rows".
  const gram = Array.from({ length: p }, () => new Float64Array(p));
  for (let r = 0; r < p; r++)
    for (let s = 0; s < p; s++) {
      let v = 0;
      for (let i = 0; i < columns[r].length; i++) if (use[i]) v += columns[r][i] * columns[s][i];
      gram[r][s] = v;
    }
  // (G'G) beta = G'b has the same solution as G beta = b for an invertible symmetric G.
  return leastSquares(gram, b, new Uint8Array(p).fill(1));
}

/** Scratch space for `coefficient`. */
interface Scratch {
  readonly wfCell: Float64Array;
  readonly xf: Float64Array;
  readonly gamma: Float64Array;
}

/**
 * The flag coefficient for the flagged set members[0..count): with f~ the cell-demeaned flag,
 * gamma = M^-1 X~'Wf and r = f~ - X~ gamma, beta = (f'W d~ - gamma' X~'W d~) / (f~'W f~ - gamma' X~'W f).
 */
function coefficient(
  prep: Prepared,
  u: AdjustedUnits,
  xd: Float64Array,
  members: ArrayLike<number>,
  count: number,
  scratch: Scratch,
): number {
  const p = prep.xt.length;
  const { wfCell, xf, gamma } = scratch;
  wfCell.fill(0);
  xf.fill(0);
  let num = 0;
  for (let t = 0; t < count; t++) {
    const i = members[t];
    const w = u.w[i];
    wfCell[prep.cellOf[i]] += w;
    num += w * prep.dt[i];
    for (let j = 0; j < p; j++) xf[j] += w * prep.xt[j][i];
  }
  // f~'Wf~ over cells: W_f - W_f^2 / W_cell.
  let den = 0;
  for (let r = 0; r < wfCell.length; r++) den += wfCell[r] - (wfCell[r] * wfCell[r]) / prep.cellWeight[r];
  if (prep.inverse !== null) {
    gamma.fill(0);
    for (let j = 0; j < p; j++) for (let q = 0; q < p; q++) gamma[j] += prep.inverse[j * p + q] * xf[q];
    for (let j = 0; j < p; j++) {
      num -= gamma[j] * xd[j];
      den -= gamma[j] * xf[j];
    }
  }
  return num / den;
}

/** Observed adjusted coefficient and `replicates` within-cell permutations; null when the covariates are collinear. */
export function adjustedPermutationNull(u: AdjustedUnits, replicates: number, rng: Rng): AdjustedNull | null {
  const prep = prepare(u);
  if (prep === null) return null;
  const n = u.d.length;
  const p = prep.xt.length;
  const R = u.starts.length - 1;
  const xd = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) xd[j] += u.w[i] * prep.xt[j][i] * prep.dt[i];
  const scratch: Scratch = { wfCell: new Float64Array(R), xf: new Float64Array(p), gamma: new Float64Array(p) };
  const flaggedIdx: number[] = [];
  for (let i = 0; i < n; i++) if (u.flagged[i]) flaggedIdx.push(i);
  const observed = coefficient(prep, u, xd, flaggedIdx, flaggedIdx.length, scratch);
  const covariateCoefficients: number[] = [];
  if (p > 0) {
    // The covariates' coefficients in the full regression, for the record: regress d~ - beta f~ on X~.
    const sw = Float64Array.from(u.w, Math.sqrt);
    const columns = prep.xt.map((x) => Float64Array.from(x, (v, i) => v * sw[i]));
    const flagWeight = new Float64Array(R);
    for (const i of flaggedIdx) flagWeight[prep.cellOf[i]] += u.w[i];
    const y = Float64Array.from(prep.dt, (v, i) => {
      const ft = u.flagged[i] - flagWeight[prep.cellOf[i]] / prep.cellWeight[prep.cellOf[i]];
      return (v - observed * ft) * sw[i];
    });
    covariateCoefficients.push(...(leastSquares(columns, y, new Uint8Array(n).fill(1)) ?? []));
  }
  const out = new Float64Array(replicates);
  if (p > 0) {
    freedmanLane(prep, u, xd, flaggedIdx, scratch, out, rng);
    return { observed, null: out, covariateCoefficients };
  }
  const k = new Int32Array(R);
  for (const i of flaggedIdx) k[prep.cellOf[i]]++;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const members = new Int32Array(flaggedIdx.length);
  for (let b = 0; b < replicates; b++) {
    // A uniform subset of k[r] units per cell: a partial Fisher-Yates from any permutation.
    let m = 0;
    for (let r = 0; r < R; r++) {
      const s = u.starts[r];
      const nr = u.starts[r + 1] - s;
      for (let t = 0; t < k[r]; t++) {
        const j = s + t + rng.int(nr - t);
        const tmp = perm[s + t];
        perm[s + t] = perm[j];
        perm[j] = tmp;
        members[m++] = perm[s + t];
      }
    }
    out[b] = coefficient(prep, u, xd, members, m, scratch);
  }
  return { observed, null: out, covariateCoefficients };
}

/**
 * Freedman-Lane null: e = residuals of d~ on X~ (the model without the flag); each replicate permutes e
 * within cells and takes the flag coefficient of the permuted residuals, sum w r e_pi / sum w r^2, where
 * r is the flag residualized on the cells and covariates (fitted values drop out: r is orthogonal to them).
 */
function freedmanLane(
  prep: Prepared,
  u: AdjustedUnits,
  xd: Float64Array,
  flaggedIdx: readonly number[],
  scratch: Scratch,
  out: Float64Array,
  rng: Rng,
): void {
  const n = u.d.length;
  const p = prep.xt.length;
  const inverse = prep.inverse as Float64Array;
  const theta = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let q = 0; q < p; q++) theta[j] += inverse[j * p + q] * xd[q];
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let j = 0; j < p; j++) fit += theta[j] * prep.xt[j][i];
    e[i] = prep.dt[i] - fit;
  }
  // r = f~ - X~ gamma, with gamma from the observed flags (coefficient() left it in scratch).
  coefficient(prep, u, xd, flaggedIdx, flaggedIdx.length, scratch);
  const flagWeight = new Float64Array(prep.cellWeight.length);
  for (const i of flaggedIdx) flagWeight[prep.cellOf[i]] += u.w[i];
  const wr = new Float64Array(n);
  let rr = 0;
  for (let i = 0; i < n; i++) {
    let r = u.flagged[i] - flagWeight[prep.cellOf[i]] / prep.cellWeight[prep.cellOf[i]];
    for (let j = 0; j < p; j++) r -= scratch.gamma[j] * prep.xt[j][i];
    wr[i] = u.w[i] * r;
    rr += wr[i] * r;
  }
  const perm = Float64Array.from(e);
  for (let b = 0; b < out.length; b++) {
    for (let c = 0; c + 1 < u.starts.length; c++) {
      const s = u.starts[c];
      for (let t = u.starts[c + 1] - 1; t > s; t--) {
        const j = s + rng.int(t - s + 1);
        const tmp = perm[t];
        perm[t] = perm[j];
        perm[j] = tmp;
      }
    }
    let num = 0;
    for (let i = 0; i < n; i++) num += wr[i] * perm[i];
    out[b] = num / rr;
  }
}
