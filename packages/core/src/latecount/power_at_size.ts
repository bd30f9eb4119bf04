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
import type { Result } from '../result.ts';
import { createRng, deriveSeed } from '../rng.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';
import { buildCountView, type CountView, type CutoffSpec, pooledMargin } from './count_view.ts';
import { jumpPValue, thresholdPValue } from './p_values.ts';
import { type InjectionPowerResult, type PowerTest, powerByInjection } from './power.ts';

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
 * Measures the power of the late-count tests (projection_gap, projection_threshold, jump, jump_within_areas) at the
 * alleged votes moved and three times that, seeded.
 */
export function measureLateCountPower(task: LateCountPowerTask): Result<InjectionPowerResult> {
  const { final, cutoff, names, threshold, votes, seed, jumpCutoff, jumpRuns } = task;
  const view = buildCountView(final, cutoff, names);
  if (!view.ok) return view;
  const v = view.value;
  const jumpView = jumpCutoff ? buildCountView(final, jumpCutoff, names) : view;
  const { pair, counted } = v;
  const draws = projectCountDraws(v, { sims: POWER_PROJECTION_SIMS, threshold }, createRng(deriveSeed(seed, 1)));
  // One discontinuity per injected table, shared by the raw jump and its within-area repeat.
  let lastTable: StationTable | null = null;
  let lastJump: DiscontinuitySummary | null = null;
  const jump = (t: StationTable) => {
    if (t !== lastTable) {
      lastTable = t;
      lastJump = jumpView.ok ? jumpOn(jumpView.value, t) : null;
    }
    return lastJump;
  };
  const hasOrder = jumpView.ok && jumpView.value.position !== null && (jumpRuns ?? discontinuityAt(jumpView.value).ok);
  const tests: PowerTest[] = [];
  const jumpTests: PowerTest[] = [];
  if (draws.ok) {
    const margins = draws.value.margins;
    const fixedThresholdP = thresholdPValue(draws.value.summary);
    tests.push(
      {
        name: 'projection_gap',
        pValue: (t) =>
          projectionPValue(
            margins,
            pooledMargin(t.candidates[pair.a].votes, t.candidates[pair.b].votes, shareDenominator(t)),
          ),
      },
      { name: 'projection_threshold', pValue: () => fixedThresholdP },
    );
  }
  if (hasOrder)
    jumpTests.push(
      {
        name: 'jump',
        pValue: (t) => {
          const d = jump(t);
          return d ? jumpPValue(d).pValue : null;
        },
      },
      { name: 'jump_within_areas', pValue: (t) => jump(t)?.fixedEffects?.pValue ?? null },
    );
  const late = Uint8Array.from(counted, (c) => 1 - c);
  const manipulation = { favoured: pair.a, rival: pair.b, stations: late, votes };
  // The same seed: the jump's injections are the first JUMP_POWER_INJECTIONS of the projection's.
  const options = { multipliers: [1, 3], seed: deriveSeed(seed, 2) };
  const measured = powerByInjection(v.final, manipulation, tests, { ...options, injections: POWER_INJECTIONS });
  if (!measured.ok) return measured;
  const jumps = powerByInjection(v.final, manipulation, jumpTests, { ...options, injections: JUMP_POWER_INJECTIONS });
  if (!jumps.ok) return jumps;
  return { ok: true, value: { ...measured.value, rows: [...measured.value.rows, ...jumps.value.rows] } };
}
