/**
 * Local linear regression at a cutoff and the Imbens-Kalyanaraman bandwidth. Conventions used by
 * every caller: the left side is x <= c (counted), the right side x > c (not yet counted); the
 * kernel is triangular, w = max(0, 1 - |x - c| / h).
 * Imbens & Kalyanaraman (2012), "Optimal Bandwidth Choice for the Regression Discontinuity
 * Estimator", Review of Economic Studies 79(3):933-959 (algorithm of their NBER w14726 version,
 * with the triangular-kernel constant 3.43754 and the regularisation constant 720).
 */

import { selectInPlace } from '../numeric/order_statistics.ts';
import { err, ok, type Result } from '../result.ts';

/** Intercept at the cutoff on one side, its slope and robust variance (HC0, or CR0 by cluster). */
export interface SideFit {
  readonly intercept: number;
  readonly slope: number;
  readonly variance: number;
  /** Stations with positive weight. */
  readonly n: number;
}

/** A local linear break estimate at one cutoff. */
export interface BreakEstimate {
  readonly cutoff: number;
  readonly bandwidth: number;
  /** Right intercept minus left intercept: the jump in y as the cutoff is crossed. */
  readonly estimate: number;
  readonly se: number;
  readonly left: SideFit;
  readonly right: SideFit;
}

/** Station clusters for robust variances: a code per station and the number of codes. */
export interface Clusters {
  readonly codes: ArrayLike<number>;
  readonly count: number;
}

/**
 * Weighted linear fit of y on (x - c) with triangular weights on one side; null when singular. The
 * variance is HC0, or cluster-robust (CR0) when clusters are given. `rows`, when given, lists the stations to
 * visit in ascending order (a superset of those within h of c, see position_window.ts); the result is the same.
 */
export function fitSide(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  c: number,
  h: number,
  side: 'left' | 'right',
  clusters: Clusters | null = null,
  rows: Int32Array | null = null,
): SideFit | null {
  return withVariance(bothSideLines(x, y, c, h, rows)[side], x, y, c, h, side, clusters, rows);
}

/** A side's fit from its line: the robust variance needs a second pass over the side's stations (residuals). */
function withVariance(
  line: SideLine | null,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  c: number,
  h: number,
  side: 'left' | 'right',
  clusters: Clusters | null,
  rows: Int32Array | null,
): SideFit | null {
  if (line === null) return null;
  const { intercept, slope, s1, s2, det, n } = line;
  let meat = 0;
  const score = clusters === null ? null : new Float64Array(clusters.count);
  const count = rows === null ? x.length : rows.length;
  for (let k = 0; k < count; k++) {
    const i = rows === null ? k : rows[k];
    const d = x[i] - c;
    if (side === 'left' ? d > 0 : d <= 0) continue;
    const w = 1 - Math.abs(d) / h;
    if (!(w > 0)) continue;
    const e = y[i] - intercept - slope * d;
    const g = w * e * (s2 - s1 * d);
    if (score === null) meat += g * g;
    else score[clusters!.codes[i]] += g;
  }
  if (score !== null) for (let k = 0; k < score.length; k++) meat += score[k] * score[k];
  return { intercept, slope, variance: meat / (det * det), n };
}

/** A side's weighted line without its variance, with the sums fitSide's variance needs. */
interface SideLine {
  readonly intercept: number;
  readonly slope: number;
  readonly s1: number;
  readonly s2: number;
  readonly det: number;
  readonly n: number;
}

/**
 * Both sides' weighted lines in one pass over the stations: the one place the local sums are taken (the placebo
 * cutoffs call this thousands of times, hence plain locals rather than arrays). Each side's sums see its terms in
 * station order, so a side's line is the same whichever caller asked.
 */
function bothSideLines(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  c: number,
  h: number,
  rows: Int32Array | null,
): { left: SideLine | null; right: SideLine | null } {
  let leftWeight = 0;
  let leftWeightD = 0;
  let leftWeightD2 = 0;
  let leftWeightY = 0;
  let leftWeightDY = 0;
  let leftN = 0;
  let rightWeight = 0;
  let rightWeightD = 0;
  let rightWeightD2 = 0;
  let rightWeightY = 0;
  let rightWeightDY = 0;
  let rightN = 0;
  const count = rows === null ? x.length : rows.length;
  for (let k = 0; k < count; k++) {
    const i = rows === null ? k : rows[k];
    const d = x[i] - c;
    const w = 1 - Math.abs(d) / h;
    if (!(w > 0)) continue;
    if (d > 0) {
      rightWeight += w;
      rightWeightD += w * d;
      rightWeightD2 += w * d * d;
      rightWeightY += w * y[i];
      rightWeightDY += w * d * y[i];
      rightN++;
    } else {
      leftWeight += w;
      leftWeightD += w * d;
      leftWeightD2 += w * d * d;
      leftWeightY += w * y[i];
      leftWeightDY += w * d * y[i];
      leftN++;
    }
  }
  return {
    left: lineFromSums(leftWeight, leftWeightD, leftWeightD2, leftWeightY, leftWeightDY, leftN),
    right: lineFromSums(rightWeight, rightWeightD, rightWeightD2, rightWeightY, rightWeightDY, rightN),
  };
}

/** A side's line from its weighted sums (of 1, d, d², y, d·y); null when fewer than 3 stations or singular. */
function lineFromSums(s0: number, s1: number, s2: number, t0: number, t1: number, n: number): SideLine | null {
  const det = s0 * s2 - s1 * s1;
  if (n < 3 || !(det > 1e-12 * s0 * s2)) return null;
  return { intercept: (s2 * t0 - s1 * t1) / det, slope: (s0 * t1 - s1 * t0) / det, s1, s2, det, n };
}

/** The jump at c with bandwidth h, or null when either side has too little data (`rows` as in fitSide). */
export function breakAt(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  c: number,
  h: number,
  clusters: Clusters | null = null,
  rows: Int32Array | null = null,
): BreakEstimate | null {
  const lines = bothSideLines(x, y, c, h, rows);
  const left = withVariance(lines.left, x, y, c, h, 'left', clusters, rows);
  const right = withVariance(lines.right, x, y, c, h, 'right', clusters, rows);
  if (left === null || right === null) return null;
  return {
    cutoff: c,
    bandwidth: h,
    estimate: right.intercept - left.intercept,
    se: Math.sqrt(left.variance + right.variance),
    left,
    right,
  };
}

/** breakAt's estimate alone (no variance), or null where breakAt is null: what a placebo cutoff needs. */
export function breakEstimateAt(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  c: number,
  h: number,
  rows: Int32Array | null = null,
): number | null {
  const { left, right } = bothSideLines(x, y, c, h, rows);
  return left === null || right === null ? null : right.intercept - left.intercept;
}

/** Least squares of y on columns (rows selected by `use`); null when the system is singular. */
export function leastSquares(columns: readonly Float64Array[], y: ArrayLike<number>, use: Uint8Array): number[] | null {
  const p = columns.length;
  const a = Array.from({ length: p }, () => new Float64Array(p + 1));
  for (let i = 0; i < y.length; i++) {
    if (use[i] === 0) continue;
    for (let r = 0; r < p; r++) {
      const xr = columns[r][i];
      for (let s = 0; s < p; s++) a[r][s] += xr * columns[s][i];
      a[r][p] += xr * y[i];
    }
  }
  // Gaussian elimination with partial pivoting on the normal equations (p <= 5 here).
  const scale = a.map((row, r) => Math.abs(row[r]) || 1);
  for (let k = 0; k < p; k++) {
    let piv = k;
    for (let r = k + 1; r < p; r++) if (Math.abs(a[r][k]) > Math.abs(a[piv][k])) piv = r;
    if (Math.abs(a[piv][k]) < 1e-10 * scale[k]) return null;
    [a[k], a[piv]] = [a[piv], a[k]];
    for (let r = k + 1; r < p; r++) {
      const f = a[r][k] / a[k][k];
      for (let s = k; s <= p; s++) a[r][s] -= f * a[k][s];
    }
  }
  const beta = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    let v = a[k][p];
    for (let s = k + 1; s < p; s++) v -= a[k][s] * beta[s];
    beta[k] = v / a[k][k];
  }
  return beta;
}

/**
 * Median of the values (which it reorders): the middle one, or the mean of the middle two, of the sorted values,
 * equal as a number to the sort's (a zero may carry the other sign).
 */
export function median(values: Float64Array): number {
  const m = values.length;
  if (m % 2 === 1) return rankValue(values, (m - 1) / 2);
  const upper = rankValue(values, m / 2);
  // The values below rank m/2 now sit before it; the largest of them is the value of rank m/2 - 1.
  let lower = values[0];
  for (let k = 1; k < m / 2; k++) if (values[k] > lower) lower = values[k];
  return (lower + upper) / 2;
}

/** The value of rank k (0-based), as a sort would place it; reorders the values so that none before k exceeds it. */
function rankValue(values: Float64Array, k: number): number {
  selectInPlace(values, k, 0, values.length);
  return values[k];
}

/** The Imbens-Kalyanaraman bandwidth for a triangular kernel at cutoff c. */
export function ikBandwidth(x: ArrayLike<number>, y: ArrayLike<number>, c: number): Result<number> {
  const n = x.length;
  const fail = (why: string): Result<number> =>
    err({ kind: 'degenerate_input', message: `cannot choose a bandwidth at ${c}: ${why}; give one explicitly` });
  if (n < 10) return fail('fewer than 10 stations');
  let mx = 0;
  for (let i = 0; i < n; i++) mx += x[i];
  mx /= n;
  let vx = 0;
  for (let i = 0; i < n; i++) vx += (x[i] - mx) ** 2;
  const sdx = Math.sqrt(vx / (n - 1));
  const h1 = 1.84 * sdx * n ** (-1 / 5);
  let nl = 0;
  let nr = 0;
  let yl = 0;
  let yr = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - c;
    if (d <= 0 && d >= -h1) {
      nl++;
      yl += y[i];
    } else if (d > 0 && d <= h1) {
      nr++;
      yr += y[i];
    }
  }
  if (nl < 2 || nr < 2) return fail('too few stations within the pilot bandwidth');
  yl /= nl;
  yr /= nr;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - c;
    if (d <= 0 && d >= -h1) ss += (y[i] - yl) ** 2;
    else if (d > 0 && d <= h1) ss += (y[i] - yr) ** 2;
  }
  const varY = ss / (nl + nr);
  const fbar = (nl + nr) / (2 * n * h1);
  let nLeftAll = 0;
  for (let i = 0; i < n; i++) if (x[i] <= c) nLeftAll++;
  const xl = new Float64Array(nLeftAll);
  const xr = new Float64Array(n - nLeftAll);
  for (let i = 0, l = 0, r = 0; i < n; i++) {
    if (x[i] <= c) xl[l++] = x[i];
    else xr[r++] = x[i];
  }
  if (xl.length < 3 || xr.length < 3) return fail('too few stations on one side');
  const medL = median(xl);
  const medR = median(xr);
  const ones = new Float64Array(n).fill(1);
  const step = new Float64Array(n);
  const d1 = new Float64Array(n);
  const d2 = new Float64Array(n);
  const d3 = new Float64Array(n);
  const use = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = x[i] - c;
    step[i] = d > 0 ? 1 : 0;
    d1[i] = d;
    d2[i] = d * d;
    d3[i] = d * d * d;
    use[i] = x[i] >= medL && x[i] <= medR ? 1 : 0;
  }
  const cubic = leastSquares([ones, step, d1, d2, d3], y, use);
  if (cubic === null) return fail('the global cubic is singular');
  const m3 = 6 * cubic[4];
  const nL = xl.length;
  const nR = xr.length;
  const core = (varY / (fbar * Math.max(m3 * m3, 0.01))) ** (1 / 7);
  const h2l = 3.56 * nL ** (-1 / 7) * core;
  const h2r = 3.56 * nR ** (-1 / 7) * core;
  const useL = new Uint8Array(n);
  const useR = new Uint8Array(n);
  let n2l = 0;
  let n2r = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - c;
    if (d <= 0 && d >= -h2l) {
      useL[i] = 1;
      n2l++;
    } else if (d > 0 && d <= h2r) {
      useR[i] = 1;
      n2r++;
    }
  }
  const qL = leastSquares([ones, d1, d2], y, useL);
  const qR = leastSquares([ones, d1, d2], y, useR);
  if (qL === null || qR === null) return fail('too few distinct positions near the cutoff for the curvature fits');
  const m2l = 2 * qL[2];
  const m2r = 2 * qR[2];
  const rl = (720 * varY) / (n2l * h2l ** 4);
  const rr = (720 * varY) / (n2r * h2r ** 4);
  const h = 3.43754 * ((2 * varY) / (fbar * ((m2r - m2l) ** 2 + rr + rl))) ** (1 / 5) * n ** (-1 / 5);
  if (!(h > 0 && Number.isFinite(h))) return fail('the bandwidth formula gave no finite value');
  return ok(h);
}
