/**
 * p-value of Hartigan's dip against the uniform null from the simulated table in dip_table.ts:
 * linear interpolation in the quantiles of sqrt(n) * dip, then in log(n) between table rows; beyond
 * the largest tabulated n the sqrt(n) * dip distribution is taken as converged (as diptest does).
 */
import { dipTableProbs, dipTableQuantiles, dipTableReplicates, dipTableSizes } from './dip_table.ts';

/** Smallest sample size the table covers. */
export const dipMinN: number = dipTableSizes[0];

function rowPValue(row: readonly number[], stat: number): number {
  const last = row.length - 1;
  if (stat <= row[0]) return 1;
  if (stat >= row[last]) return 1 / (dipTableReplicates + 1);
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (row[mid] <= stat) lo = mid;
    else hi = mid;
  }
  const span = row[hi] - row[lo];
  const f =
    span > 0
      ? dipTableProbs[lo] + ((stat - row[lo]) / span) * (dipTableProbs[hi] - dipTableProbs[lo])
      : dipTableProbs[hi];
  return Math.max(1 - f, 1 / (dipTableReplicates + 1));
}

/** Upper-tail p-value of dip `dip` at sample size n (n >= dipMinN). */
export function dipPValue(dip: number, n: number): number {
  const stat = Math.sqrt(n) * dip;
  const sizes = dipTableSizes;
  if (n <= sizes[0]) return rowPValue(dipTableQuantiles[0], stat);
  if (n >= sizes[sizes.length - 1]) return rowPValue(dipTableQuantiles[sizes.length - 1], stat);
  let k = 0;
  while (sizes[k + 1] < n) k++;
  const w = (Math.log(n) - Math.log(sizes[k])) / (Math.log(sizes[k + 1]) - Math.log(sizes[k]));
  return (1 - w) * rowPValue(dipTableQuantiles[k], stat) + w * rowPValue(dipTableQuantiles[k + 1], stat);
}
