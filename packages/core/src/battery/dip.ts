/**
 * Hartigan's dip statistic: the largest distance between the empirical distribution function and
 * the closest unimodal distribution function. Algorithm of Hartigan & Hartigan (1985), "The dip test
 * of unimodality", Ann. Statist. 13(1):70-84, and Hartigan (1985), Applied Statistics algorithm
 * AS 217: alternate greatest-convex-minorant / least-concave-majorant fits inside a shrinking modal
 * interval. O(n) after sorting.
 */

/** Dip of an ascending-sorted sample (length >= 1). Minimum value 1/(2n). */
export function dipOfSorted(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2 || x[0] === x[n - 1]) return 0.5 / n;
  // 1-based views to follow the published algorithm.
  const X = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) X[i + 1] = x[i];
  const mn = new Int32Array(n + 1);
  const mj = new Int32Array(n + 1);
  const gcm = new Int32Array(n + 2);
  const lcm = new Int32Array(n + 2);

  // Convex minorant fit from the left: mn[j] is the previous vertex of the GCM of x[1..j].
  mn[1] = 1;
  for (let j = 2; j <= n; j++) {
    mn[j] = j - 1;
    for (;;) {
      const a = mn[j];
      const b = mn[a];
      if (a === 1 || (X[j] - X[a]) * (a - b) < (X[a] - X[b]) * (j - a)) break;
      mn[j] = b;
    }
  }
  // Concave majorant fit from the right: mj[k] is the next vertex of the LCM of x[k..n].
  mj[n] = n;
  for (let k = n - 1; k >= 1; k--) {
    mj[k] = k + 1;
    for (;;) {
      const a = mj[k];
      const b = mj[a];
      if (a === n || (X[k] - X[a]) * (a - b) < (X[a] - X[b]) * (k - a)) break;
      mj[k] = b;
    }
  }

  let low = 1;
  let high = n;
  let dip = 1;
  for (;;) {
    // Vertices of the GCM on [low, high], from high down to low.
    let ig = 1;
    gcm[1] = high;
    while (gcm[ig] > low) {
      gcm[ig + 1] = mn[gcm[ig]];
      ig++;
    }
    const lGcm = ig;
    let ix = lGcm - 1;
    // Vertices of the LCM on [low, high], from low up to high.
    let ih = 1;
    lcm[1] = low;
    while (lcm[ih] < high) {
      lcm[ih + 1] = mj[lcm[ih]];
      ih++;
    }
    const lLcm = ih;
    let iv = 2;
    ig = lGcm;
    ih = lLcm;
    // Largest vertical distance (in units of 1/n) between the GCM and the LCM.
    let d = 0;
    if (lGcm !== 2 || lLcm !== 2) {
      for (;;) {
        const gx = gcm[ix];
        const lv = lcm[iv];
        if (gx > lv) {
          const g1 = gcm[ix + 1];
          const dx = lv - g1 + 1 - ((X[lv] - X[g1]) * (gx - g1)) / (X[gx] - X[g1]);
          iv++;
          if (dx >= d) {
            d = dx;
            ig = ix + 1;
            ih = iv - 1;
          }
        } else {
          const l1 = lcm[iv - 1];
          const dx = ((X[gx] - X[l1]) * (lv - l1)) / (X[lv] - X[l1]) - (gx - l1 - 1);
          ix--;
          if (dx >= d) {
            d = dx;
            ig = ix + 1;
            ih = iv;
          }
        }
        if (ix < 1) ix = 1;
        if (iv > lLcm) iv = lLcm;
        if (gcm[ix] === lcm[iv]) break;
      }
    } else {
      d = 1;
    }
    if (d < dip) break;
    // Dips of the convex minorant (left of the mode) and the concave majorant (right of it).
    let dipL = 0;
    for (let j = ig; j < lGcm; j++) {
      let maxT = 1;
      const jb = gcm[j + 1];
      const je = gcm[j];
      if (je - jb > 1 && X[je] !== X[jb]) {
        const C = (je - jb) / (X[je] - X[jb]);
        for (let jj = jb; jj <= je && Number.isFinite(C); jj++) {
          const t = jj - jb + 1 - (X[jj] - X[jb]) * C;
          if (maxT < t) maxT = t;
        }
      }
      if (dipL < maxT) dipL = maxT;
    }
    let dipU = 0;
    for (let j = ih; j < lLcm; j++) {
      let maxT = 1;
      const jb = lcm[j];
      const je = lcm[j + 1];
      if (je - jb > 1 && X[je] !== X[jb]) {
        const C = (je - jb) / (X[je] - X[jb]);
        for (let jj = jb; jj <= je && Number.isFinite(C); jj++) {
          const t = (X[jj] - X[jb]) * C - (jj - jb - 1);
          if (maxT < t) maxT = t;
        }
      }
      if (dipU < maxT) dipU = maxT;
    }
    const dipNew = dipL > dipU ? dipL : dipU;
    if (dip < dipNew) dip = dipNew;
    if (low === gcm[ig] && high === lcm[ih]) break;
    low = gcm[ig];
    high = lcm[ih];
  }
  return dip / (2 * n);
}
