/**
 * Binned Gaussian kernel density on the grid 0, 1/(G-1), ..., 1, computed as R's density() does
 * internally: each value's unit mass is split linearly between its two neighbouring grid points,
 * then the binned masses are convolved with the kernel phi(k * step / h) / h, truncated where it is
 * below 1e-22 of its peak (10 bandwidths). With h much smaller than the grid step (the spikes default)
 * the density at a grid point is the linear-binned mass there, so shares between grid points still
 * count (a share of 2/3 counts mostly at 0.667). Also counts values per nearest grid point.
 */

const INV_SQRT_2PI = 0.3989422804014327;

/** Reusable accumulator: add values in [0, 1], then read the density and bin counts. */
export class GridKde {
  readonly gridSize: number;
  readonly bandwidth: number;
  /** Linear-binned mass per grid point. */
  readonly mass: Float64Array;
  /** Number of values whose nearest grid point is j. */
  readonly binCounts: Int32Array;
  count = 0;
  private readonly kernel: Float64Array;

  constructor(gridSize: number, bandwidth: number) {
    this.gridSize = gridSize;
    this.bandwidth = bandwidth;
    const step = 1 / (gridSize - 1);
    const reach = Math.floor((10 * bandwidth) / step);
    this.kernel = new Float64Array(reach + 1);
    for (let k = 0; k <= reach; k++) {
      const z = (k * step) / bandwidth;
      this.kernel[k] = (INV_SQRT_2PI * Math.exp(-0.5 * z * z)) / bandwidth;
    }
    this.mass = new Float64Array(gridSize);
    this.binCounts = new Int32Array(gridSize);
  }

  /** Clears the accumulator. */
  reset(): void {
    this.mass.fill(0);
    this.binCounts.fill(0);
    this.count = 0;
  }

  /** Adds one value in [0, 1]. */
  add(x: number): void {
    const u = x * (this.gridSize - 1);
    const c = Math.floor(u);
    const frac = u - c;
    if (c >= this.gridSize - 1) this.mass[this.gridSize - 1] += 1;
    else {
      this.mass[c] += 1 - frac;
      this.mass[c + 1] += frac;
    }
    this.binCounts[Math.round(u)]++;
    this.count++;
  }

  /** Writes the density sum_k mass_k K_h(x_j - x_k) / count into `out`. */
  densityInto(out: Float64Array): void {
    const G = this.gridSize;
    const reach = this.kernel.length - 1;
    const inv = this.count > 0 ? 1 / this.count : 0;
    for (let j = 0; j < G; j++) {
      let s = this.mass[j] * this.kernel[0];
      for (let k = 1; k <= reach; k++) {
        if (j - k >= 0) s += this.mass[j - k] * this.kernel[k];
        if (j + k < G) s += this.mass[j + k] * this.kernel[k];
      }
      out[j] = s * inv;
    }
  }
}
