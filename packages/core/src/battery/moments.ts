/**
 * Power sums of a centred pair (x, y) over a list of stations, and the shape statistics built from
 * them. Centring at the cell's mean first keeps the raw-moment formulas accurate (no cancellation),
 * so the same code serves the point estimate and the bootstrap replicates.
 */

/** Sums over valid stations of x = X - cx and y = Y - cy (y terms are 0 when there is no Y). */
export interface MomentSums {
  w: number;
  sx: number;
  sxx: number;
  sxxx: number;
  sxxxx: number;
  sy: number;
  syy: number;
  syyy: number;
  syyyy: number;
  sxy: number;
  sxxy: number;
  /** The centring constants. */
  cx: number;
  cy: number;
}

/** A zeroed MomentSums with the given centres. */
export function emptySums(cx: number, cy: number): MomentSums {
  return { w: 0, sx: 0, sxx: 0, sxxx: 0, sxxxx: 0, sy: 0, syy: 0, syyy: 0, syyyy: 0, sxy: 0, sxxy: 0, cx, cy };
}

/**
 * Accumulates sums over `idx` (station indices) into `out`. A station counts when X (and Y, when
 * given) is finite. `len` limits how many entries of idx are read.
 */
export function accumulateSums(
  X: Float64Array,
  Y: Float64Array | null,
  idx: Int32Array,
  len: number,
  out: MomentSums,
): void {
  const cx = out.cx;
  const cy = out.cy;
  let w = 0;
  let sx = 0;
  let sxx = 0;
  let sxxx = 0;
  let sxxxx = 0;
  let sy = 0;
  let syy = 0;
  let syyy = 0;
  let syyyy = 0;
  let sxy = 0;
  let sxxy = 0;
  if (Y === null) {
    for (let k = 0; k < len; k++) {
      const v = X[idx[k]];
      if (Number.isNaN(v)) continue;
      const x = v - cx;
      const x2 = x * x;
      w++;
      sx += x;
      sxx += x2;
      sxxx += x2 * x;
      sxxxx += x2 * x2;
    }
  } else {
    for (let k = 0; k < len; k++) {
      const i = idx[k];
      const u = X[i];
      const v = Y[i];
      if (Number.isNaN(u) || Number.isNaN(v)) continue;
      const x = u - cx;
      const y = v - cy;
      const x2 = x * x;
      const y2 = y * y;
      w++;
      sx += x;
      sxx += x2;
      sxxx += x2 * x;
      sxxxx += x2 * x2;
      sy += y;
      syy += y2;
      syyy += y2 * y;
      syyyy += y2 * y2;
      sxy += x * y;
      sxxy += x2 * y;
    }
  }
  out.w = w;
  out.sx = sx;
  out.sxx = sxx;
  out.sxxx = sxxx;
  out.sxxxx = sxxxx;
  out.sy = sy;
  out.syy = syy;
  out.syyy = syyy;
  out.syyyy = syyyy;
  out.sxy = sxy;
  out.sxxy = sxxy;
}

/** Mean of the valid values of X at idx (NaN when none). */
export function meanAt(X: Float64Array, Y: Float64Array | null, idx: Int32Array): number {
  let s = 0;
  let w = 0;
  for (let k = 0; k < idx.length; k++) {
    const v = X[idx[k]];
    if (Number.isNaN(v)) continue;
    if (Y !== null && Number.isNaN(Y[idx[k]])) continue;
    s += v;
    w++;
  }
  return w > 0 ? s / w : Number.NaN;
}

/** Central moments m2, m3, m4 (population, divisor n) from power sums of a centred variable. */
export function centralMoments(
  w: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
): { m2: number; m3: number; m4: number } {
  const d = s1 / w;
  const e2 = s2 / w;
  const e3 = s3 / w;
  const e4 = s4 / w;
  const m2 = e2 - d * d;
  const m3 = e3 - 3 * d * e2 + 2 * d * d * d;
  const m4 = e4 - 4 * d * e3 + 6 * d * d * e2 - 3 * d * d * d * d;
  return { m2, m3, m4 };
}

/** Moment skewness m3 / m2^1.5 of x (population moments, as R's moments::skewness). */
export function skewnessOfX(s: MomentSums): number {
  const { m2, m3 } = centralMoments(s.w, s.sx, s.sxx, s.sxxx, s.sxxxx);
  return m2 > 0 ? m3 / m2 ** 1.5 : Number.NaN;
}

/** Pearson kurtosis m4 / m2^2 of x (normal = 3; as R's moments::kurtosis, not excess). */
export function kurtosisOfX(s: MomentSums): number {
  const { m2, m4 } = centralMoments(s.w, s.sx, s.sxx, s.sxxx, s.sxxxx);
  return m2 > 0 ? m4 / (m2 * m2) : Number.NaN;
}

/** Sample covariance pieces: var(x), var(y), cov(x, y) with divisor w. */
export function covariances(s: MomentSums): { vx: number; vy: number; cxy: number } {
  const mx = s.sx / s.w;
  const my = s.sy / s.w;
  return { vx: s.sxx / s.w - mx * mx, vy: s.syy / s.w - my * my, cxy: s.sxy / s.w - mx * my };
}

/** Pearson correlation of x and y. */
export function correlation(s: MomentSums): number {
  const { vx, vy, cxy } = covariances(s);
  return vx > 0 && vy > 0 ? cxy / Math.sqrt(vx * vy) : Number.NaN;
}

/** OLS slope of y on x. */
export function slopeYonX(s: MomentSums): number {
  const { vx, cxy } = covariances(s);
  return vx > 0 ? cxy / vx : Number.NaN;
}

/** Mean of Y (uncentred). */
export function meanY(s: MomentSums): number {
  return s.cy + s.sy / s.w;
}

/**
 * OLS slope of Y * X on X (uncentred), i.e. the Sobyanin-Sukhovolsky slope of a candidate's votes per
 * registered voter on turnout when X is turnout and Y the share.
 */
export function slopeOfProductOnX(s: MomentSums): number {
  const { vx, cxy } = covariances(s);
  if (!(vx > 0)) return Number.NaN;
  const mx = s.sx / s.w;
  const covXYwithX = s.sxxy / s.w - (s.sxy / s.w) * mx;
  return (covXYwithX + s.cy * vx + s.cx * cxy) / vx;
}
