/**
 * Power at the alleged size for the late-count findings (issue #16): the manipulation the allegation describes
 * (votes moved from the rival to the favoured candidate in the stations counted after the cutoff, enough to lift the
 * final margin over the threshold, or the stated votes) is injected into the real final table by powerByInjection
 * (power.ts), and each finding's test is rerun on every injected table. Plain data in and out, so the audit can run it
 * on a worker thread.
 *
 * The projection's simulated margins depend only on the counted stations and the registered voters of the uncounted
 * ones, which the injection leaves unchanged; so each injected table is judged against one set of draws
 * (projectCountDraws), which makes hundreds of injections cheap. The threshold test ("would the counted stations
 * alone have reached the threshold?") reads only the counted stations: manipulation in the late ones cannot move it,
 * and its measured power says so.
 */
import { projectCountDraws, projectionPValue } from '../methods/counterfactual_projection.ts';
import { type DiscontinuitySummary, discontinuityAt } from '../methods/discontinuity.ts';
import { ok, type Result } from '../result.ts';
import { createRng, deriveSeed } from '../rng.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';
import { buildCountView, type CountView, type CutoffSpec, pooledMargin } from './count_view.ts';
import { jumpPValue, thresholdPValue } from './p_values.ts';
import {
  type AllegedManipulation,
  addInjectionCounts,
  type InjectionCounts,
  type InjectionPowerResult,
  type InjectionRange,
  injectionCounts,
  type PowerOptions,
  type PowerTest,
  powerFromCounts,
} from './power.ts';

/**
 * Injections per size. The Monte Carlo standard error of a power estimate p is sqrt(p(1-p)/200) <= 0.035 (at p = 0.5),
 * and each row carries its Clopper-Pearson interval.
 */
export const POWER_INJECTIONS = 200;

/**
 * Injections per size for the jump at the cutoff: each rerun fits the discontinuity and its placebo cutoffs, so fewer
 * are run; 0 of 25 has a Clopper-Pearson upper bound of 0.137 and 25 of 25 a lower one of 0.863, enough to place the
 * power on either side of 0.8 when it is far from it (the interval is reported either way).
 */
export const JUMP_POWER_INJECTIONS = 25;

/** Simulations behind the projection draws every injection is judged against (smallest p-value 2/1001). */
export const POWER_PROJECTION_SIMS = 1000;

/** What the power study needs: the count, its cutoff, the pair, the threshold, the alleged votes and the seed. */
export interface LateCountPowerTask {
  readonly final: StationTable;
  readonly cutoff: CutoffSpec;
  readonly names: readonly string[];
  readonly threshold: number;
  readonly votes: number;
  readonly seed: number;
  /** The jump's own cutoff, when the allegation gives one (the injection stays in the late stations). */
  readonly jumpCutoff?: CutoffSpec;
  /** Whether the discontinuity runs on the real table at the jump's cutoff, when the caller knows. */
  readonly jumpRuns?: boolean;
}

/** The discontinuity on an injected table: the view of the real count with the injected final votes. */
function jumpOn(view: CountView, table: StationTable): DiscontinuitySummary | null {
  const d = discontinuityAt({ ...view, final: table });
  return d.ok ? d.value : null;
}

/**
 * One part of the power study, for a worker thread: the projection's tests over every injection, or the jump's tests
 * over the injections `range` (the jump's reruns are the slow ones, so they are spread over parts).
 */
export type LateCountPowerPart =
  | { readonly task: LateCountPowerTask; readonly part: 'projection' }
  | { readonly task: LateCountPowerTask; readonly part: 'jump'; readonly range: InjectionRange };

/** What a part gives back: its tests' names and counts (one per size for the projection, the range's for a jump). */
export interface LateCountPowerPartOutput {
  readonly names: readonly string[];
  readonly counts: readonly Result<InjectionCounts>[];
}

/** Sizes measured, as multiples of the alleged votes. */
const POWER_MULTIPLIERS = [1, 3];

/** Injections of each jump part: 25 fits with their placebos come in five parts per size. */
export const JUMP_PART_INJECTIONS = 5;

/** The parts of a power study, in the order lateCountPowerFromParts reads them. */
export function lateCountPowerParts(task: LateCountPowerTask): LateCountPowerPart[] {
  const parts: LateCountPowerPart[] = [{ task, part: 'projection' }];
  for (let size = 0; size < POWER_MULTIPLIERS.length; size++)
    for (let from = 0; from < JUMP_POWER_INJECTIONS; from += JUMP_PART_INJECTIONS)
      parts.push({
        task,
        part: 'jump',
        range: { size, from, to: Math.min(JUMP_POWER_INJECTIONS, from + JUMP_PART_INJECTIONS) },
      });
  return parts;
}

/** The views, the manipulation and the injection seed of a task: what every part starts from. */
interface PowerSetup {
  readonly view: CountView;
  readonly jumpView: Result<CountView>;
  readonly manipulation: AllegedManipulation;
  readonly options: PowerOptions;
}

// A thread that runs several parts of one task builds its views once (the task object is the key: one structured
// clone keeps one object for all the parts of a payload). The views are pure functions of the task.
const setups = new WeakMap<LateCountPowerTask, Result<PowerSetup>>();

function setupOf(task: LateCountPowerTask): Result<PowerSetup> {
  const kept = setups.get(task);
  if (kept) return kept;
  const { final, cutoff, names, votes, seed, jumpCutoff } = task;
  const view = buildCountView(final, cutoff, names);
  let setup: Result<PowerSetup>;
  if (!view.ok) setup = view;
  else {
    const v = view.value;
    const late = Uint8Array.from(v.counted, (c) => 1 - c);
    setup = ok({
      view: v,
      jumpView: jumpCutoff ? buildCountView(final, jumpCutoff, names) : view,
      manipulation: { favoured: v.pair.a, rival: v.pair.b, stations: late, votes },
      // The same seed: the jump's injections are the first JUMP_POWER_INJECTIONS of the projection's.
      options: { multipliers: POWER_MULTIPLIERS, seed: deriveSeed(seed, 2) },
    });
  }
  setups.set(task, setup);
  return setup;
}

function projectionTests(task: LateCountPowerTask, v: CountView): PowerTest[] {
  const draws = projectCountDraws(
    v,
    { sims: POWER_PROJECTION_SIMS, threshold: task.threshold },
    createRng(deriveSeed(task.seed, 1)),
  );
  if (!draws.ok) return [];
  const { pair } = v;
  const margins = draws.value.margins;
  const fixedThresholdP = thresholdPValue(draws.value.summary);
  return [
    {
      name: 'projection_gap',
      pValue: (t) =>
        projectionPValue(
          margins,
          pooledMargin(t.candidates[pair.a].votes, t.candidates[pair.b].votes, shareDenominator(t)),
        ),
    },
    { name: 'projection_threshold', pValue: () => fixedThresholdP },
  ];
}

function jumpTests(task: LateCountPowerTask, jumpView: Result<CountView>): PowerTest[] {
  if (!jumpView.ok) return [];
  const jv = jumpView.value;
  const hasOrder = jv.position !== null && (task.jumpRuns ?? discontinuityAt(jv).ok);
  if (!hasOrder) return [];
  // One discontinuity per injected table, shared by the raw jump and its within-area repeat.
  let lastTable: StationTable | null = null;
  let lastJump: DiscontinuitySummary | null = null;
  const jump = (t: StationTable) => {
    if (t !== lastTable) {
      lastTable = t;
      lastJump = jumpOn(jv, t);
    }
    return lastJump;
  };
  return [
    {
      name: 'jump',
      pValue: (t) => {
        const d = jump(t);
        return d ? jumpPValue(d).pValue : null;
      },
    },
    { name: 'jump_within_areas', pValue: (t) => jump(t)?.fixedEffects?.pValue ?? null },
  ];
}

/** Runs one part of a power study. */
export function runLateCountPowerPart(part: LateCountPowerPart): Result<LateCountPowerPartOutput> {
  const setup = setupOf(part.task);
  if (!setup.ok) return setup;
  const { view, jumpView, manipulation, options } = setup.value;
  if (part.part === 'projection') {
    const tests = projectionTests(part.task, view);
    const counts: Result<InjectionCounts>[] = [];
    for (let size = 0; size < POWER_MULTIPLIERS.length; size++) {
      const c = injectionCounts(
        view.final,
        manipulation,
        tests,
        { ...options, injections: POWER_INJECTIONS },
        {
          size,
          from: 0,
          to: POWER_INJECTIONS,
        },
      );
      counts.push(c);
      // As powerByInjection: the measurement stops at the first failed injection.
      if (!c.ok) break;
    }
    return ok({ names: tests.map((t) => t.name), counts });
  }
  const tests = jumpTests(part.task, jumpView);
  const counts = injectionCounts(
    view.final,
    manipulation,
    tests,
    { ...options, injections: JUMP_POWER_INJECTIONS },
    part.range,
  );
  return ok({ names: tests.map((t) => t.name), counts: [counts] });
}

/** The power study from its parts' outputs, in the order of lateCountPowerParts. */
export function lateCountPowerFromParts(
  task: LateCountPowerTask,
  parts: readonly LateCountPowerPart[],
  outputs: readonly Result<LateCountPowerPartOutput>[],
): Result<InjectionPowerResult> {
  const first = outputs[0];
  if (!first.ok) return first;
  const options = { multipliers: POWER_MULTIPLIERS, seed: deriveSeed(task.seed, 2) };
  const measured = powerFromCounts(
    task.votes,
    first.value.names,
    { ...options, injections: POWER_INJECTIONS },
    first.value.counts,
  );
  if (!measured.ok) return measured;
  const bySize: Result<InjectionCounts>[][] = POWER_MULTIPLIERS.map(() => []);
  let names: readonly string[] = [];
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k];
    const out = outputs[k];
    if (!out.ok) return out;
    if (part.part !== 'jump') continue;
    names = out.value.names;
    bySize[part.range.size].push(out.value.counts[0]);
  }
  const counts = bySize.map((p) => addInjectionCounts(p, names.length));
  const jumps = powerFromCounts(task.votes, names, { ...options, injections: JUMP_POWER_INJECTIONS }, counts);
  if (!jumps.ok) return jumps;
  return { ok: true, value: { ...measured.value, rows: [...measured.value.rows, ...jumps.value.rows] } };
}

/**
 * Measures the power of the late-count tests (projection_gap, projection_threshold, jump, jump_within_areas) at the
 * alleged votes moved and three times that, seeded: the parts of lateCountPowerParts, in this thread.
 */
export function measureLateCountPower(task: LateCountPowerTask): Result<InjectionPowerResult> {
  const parts = lateCountPowerParts(task);
  return lateCountPowerFromParts(task, parts, parts.map(runLateCountPowerPart));
}
