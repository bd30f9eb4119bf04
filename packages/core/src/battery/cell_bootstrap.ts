/**
 * The bootstrap of battery cells: multinomial redraws for categorical statistics (digit frequencies) and one
 * station redraw per replicate shared by every moment-based statistic of a region group.
 */
import type { Rng } from '../rng.ts';
import { drawMultinomial } from './bootstrap.ts';
import type { BootstrapPlan, CellMethod, CellOutput } from './cell.ts';
import type { FastBinomial } from './fast_binomial.ts';
import { type MomentCombo, momentBootstrap } from './moment_bootstrap.ts';
import type { MomentSums } from './moments.ts';
import type { Target } from './targets.ts';

/** Stations of one region group (or the whole table). */
export interface Group {
  readonly region?: string;
  readonly stations: Int32Array;
}

/** A computed cell waiting for its bootstrap replicates. */
export interface PendingCell {
  readonly method: CellMethod;
  readonly target: Target;
  readonly targetIndex: number;
  readonly group: number;
  readonly out: CellOutput;
  readonly reps: Float64Array[];
}

/** Fills a categorical cell's replicates by multinomial redraws of its counts. */
export function bootstrapCategorical(
  plan: Extract<BootstrapPlan, { kind: 'categorical' }>,
  reps: Float64Array[],
  rng: FastBinomial,
): void {
  let total = 0;
  for (let k = 0; k < plan.counts.length; k++) total += plan.counts[k];
  const draw = new Float64Array(plan.counts.length);
  const out = new Float64Array(plan.names.length);
  const B = reps.length > 0 ? reps[0].length : 0;
  for (let r = 0; r < B; r++) {
    drawMultinomial(rng, plan.counts, total, draw);
    plan.evaluate(draw, out);
    for (let j = 0; j < out.length; j++) reps[j][r] = out[j];
  }
}

/** Fills every moment-based cell of one group: one draw of the group's stations per replicate, shared by all. */
export function bootstrapMoments(
  group: Group,
  cells: PendingCell[],
  targets: readonly Target[],
  turnout: Float64Array,
  B: number,
  rng: Rng,
): void {
  const keys: string[] = [];
  const combos: MomentCombo[] = [];
  const comboOf: number[] = [];
  for (const cell of cells) {
    const key = comboKey(cell);
    let ci = keys.indexOf(key);
    if (ci < 0) {
      ci = keys.length;
      keys.push(key);
      combos.push(comboFor(cell, targets, turnout));
    }
    comboOf.push(ci);
  }
  const outs = cells.map((c) => new Float64Array(c.reps.length));
  momentBootstrap(group.stations, combos, B, rng, (r, sums) => {
    for (let k = 0; k < cells.length; k++) evaluateInto(cells[k], sums[comboOf[k]], outs[k], r);
  });
}

/** Identifies a (target, variables) combination. */
export function comboKey(cell: PendingCell): string {
  const plan = cell.out.bootstrap as Extract<BootstrapPlan, { kind: 'moments' }>;
  return `${cell.targetIndex}:${plan.x}:${plan.usesProportion}`;
}

/** The arrays a combination bootstraps. */
export function comboFor(cell: PendingCell, targets: readonly Target[], turnout: Float64Array): MomentCombo {
  const plan = cell.out.bootstrap as Extract<BootstrapPlan, { kind: 'moments' }>;
  const target = targets[cell.targetIndex];
  return { X: plan.x === 'turnout' ? turnout : target.proportion, Y: plan.usesProportion ? target.proportion : null };
}

/** Evaluates a cell's statistics on replicate r's sums. */
export function evaluateInto(cell: PendingCell, s: MomentSums, out: Float64Array, r: number): void {
  const plan = cell.out.bootstrap as Extract<BootstrapPlan, { kind: 'moments' }>;
  if (s.w === 0) out.fill(Number.NaN);
  else plan.evaluate(s, out);
  for (let j = 0; j < out.length; j++) cell.reps[j][r] = out[j];
}
