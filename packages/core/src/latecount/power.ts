/**
 * Power at the alleged size, by injection into the real table: the allegation says what was done
 * (votes moved from a rival to the favoured candidate in named or late stations, enough to lift the
 * margin over a threshold), so that manipulation is added, seeded and many times, to the table that
 * was actually published, each test is rerun, and its power is the share of injections it rejects at
 * alpha, with a Clopper-Pearson interval (Clopper & Pearson 1934, Biometrika 26:404-413). Injecting
 * into the real data keeps everything a simulation would have to guess (geography, arrival, the real
 * late shift); the approach is that of design-based power analysis by simulation (Gelman & Hill 2007,
 * Data Analysis Using Regression and Multilevel/Hierarchical Models, ch. 20).
 *
 * Spreading rule (one injection): the areas (by default the narrowest region level, e.g. recintos)
 * that hold eligible stations with rival votes are put in a random order, and whole areas are taken
 * in that order until their eligible stations hold at least twice the votes to move (or every area is
 * taken); the votes are then split over the taken stations in proportion to their rival votes by
 * sequential binomial draws, capped at each station's rival votes. Manipulation thus lands in a random
 * subset of areas (across) and in every eligible station of those areas (inside), taking about half of
 * the rival votes where it lands. The share denominator (valid votes) does not change.
 */
import { clopperPearson, type RateEstimate } from '../calibrate/intervals.ts';
import { err, ok, type Result } from '../result.ts';
import { createRng, deriveSeed, type Rng } from '../rng.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';

/** The alleged manipulation: where votes may be moved, between whom, and how many. */
export interface AllegedManipulation {
  /** Candidate indices in the table: votes move from `rival` to `favoured`. */
  readonly favoured: number;
  readonly rival: number;
  /** 1 where the allegation says votes were moved (e.g. stations counted after the cutoff). */
  readonly stations: Uint8Array;
  /** Votes moved at the alleged size (multiplier 1). */
  readonly votes: number;
  /** Region level index whose areas are taken whole (default: the narrowest level). */
  readonly areaLevel?: number;
}

/** One test the power is measured for: its p-value on a (manipulated) table, or null when it cannot run. */
export interface PowerTest {
  readonly name: string;
  pValue(table: StationTable, rng: Rng): number | null;
}

/** Options of the power measurement. */
export interface PowerOptions {
  /** Injections per size (default 200). */
  readonly injections?: number;
  /** Rejection level (default 0.05). */
  readonly alpha?: number;
  /** Sizes as multiples of the alleged votes (default [1, 3]). */
  readonly multipliers?: readonly number[];
  readonly seed?: number;
}

/** Power of one test at one size. */
export interface InjectionPowerRow {
  readonly test: string;
  readonly multiplier: number;
  /** Votes moved in each injection. */
  readonly votes: number;
  /** Share of injections whose p-value was at most alpha, with its Clopper-Pearson 95% interval; null rate when the test never ran. */
  readonly power: RateEstimate;
  /** Injections where the test could not run. */
  readonly notRun: number;
}

/** The power table and how it was measured. */
export interface InjectionPowerResult {
  readonly alpha: number;
  readonly injections: number;
  readonly allegedVotes: number;
  readonly spreading: string;
  readonly rows: readonly InjectionPowerRow[];
  readonly seed: number;
}

/** The spreading rule in words, for reports. */
export const SPREADING_RULE =
  'random whole areas until they hold twice the votes to move; votes split over their eligible stations in proportion to rival votes';

/**
 * Votes that, moved from rival to favoured, lift the margin (points of the share denominator) from
 * `threshold` to its actual value: ceil((margin - threshold) * D / 200); 0 when the margin is not above.
 */
export function votesAboveThreshold(table: StationTable, favoured: number, rival: number, threshold: number): number {
  const den = shareDenominator(table);
  const a = table.candidates[favoured].votes;
  const b = table.candidates[rival].votes;
  let diff = 0;
  let d = 0;
  for (let i = 0; i < table.n; i++) {
    diff += a[i] - b[i];
    d += den[i];
  }
  const margin = (100 * diff) / d;
  return margin > threshold ? Math.ceil(((margin - threshold) * d) / 200) : 0;
}

/** A copy of `table` with `votes` moved from rival to favoured by the spreading rule; error when they do not fit. */
export function injectManipulation(
  table: StationTable,
  m: AllegedManipulation,
  votes: number,
  rng: Rng,
): Result<StationTable> {
  const level = table.regions[m.areaLevel ?? table.regions.length - 1];
  const codes = level?.codes ?? new Int32Array(table.n);
  const areaCount = level?.labels.length ?? 1;
  const rival = table.candidates[m.rival].votes;
  const areaVotes = new Float64Array(areaCount);
  for (let i = 0; i < table.n; i++) if (m.stations[i] === 1) areaVotes[codes[i]] += rival[i];
  const areas: number[] = [];
  let available = 0;
  for (let k = 0; k < areaCount; k++) {
    if (areaVotes[k] > 0) {
      areas.push(k);
      available += areaVotes[k];
    }
  }
  if (votes > available)
    return err({
      kind: 'insufficient_data',
      message: `cannot move ${votes} votes: the eligible stations hold ${available} votes of the rival`,
      needed: votes,
      got: available,
    });
  for (let k = areas.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [areas[k], areas[j]] = [areas[j], areas[k]];
  }
  const taken = new Uint8Array(areaCount);
  let held = 0;
  for (const k of areas) {
    if (held >= 2 * votes) break;
    taken[k] = 1;
    held += areaVotes[k];
  }
  const favouredVotes = Float64Array.from(table.candidates[m.favoured].votes);
  const rivalVotes = Float64Array.from(rival);
  let left = votes;
  let pool = held;
  // Sequential binomial split; a second pass places what the caps left over (rare, as the pool holds 2x).
  for (let pass = 0; pass < 2 && left > 0; pass++) {
    for (let i = 0; i < table.n && left > 0; i++) {
      if (m.stations[i] === 0 || taken[codes[i]] === 0 || rivalVotes[i] <= 0) continue;
      const share = pass === 0 ? rivalVotes[i] / pool : 1;
      const draw = share >= 1 ? left : rng.binomial(left, share);
      const move = Math.min(draw, rivalVotes[i], left);
      if (pass === 0) pool -= rivalVotes[i];
      rivalVotes[i] -= move;
      favouredVotes[i] += move;
      left -= move;
    }
    pool = 0;
  }
  if (left > 0) {
    // Whatever is still left goes to the other areas' eligible stations in arrival of their index.
    for (let i = 0; i < table.n && left > 0; i++) {
      if (m.stations[i] === 0) continue;
      const move = Math.min(rivalVotes[i], left);
      rivalVotes[i] -= move;
      favouredVotes[i] += move;
      left -= move;
    }
  }
  const candidates = table.candidates.map((c, j) =>
    j === m.favoured ? { ...c, votes: favouredVotes } : j === m.rival ? { ...c, votes: rivalVotes } : c,
  );
  return ok({ ...table, candidates });
}

/** Hits (p <= alpha) and runs (p finite) of each test over a range of injections at one size. */
export interface InjectionCounts {
  readonly hits: Int32Array;
  readonly runs: Int32Array;
}

/** Which injections a part of the measurement runs: multiplier index `size`, injections `from` to `to` - 1. */
export interface InjectionRange {
  readonly size: number;
  readonly from: number;
  readonly to: number;
}

function checkPowerOptions(
  table: StationTable,
  m: AllegedManipulation,
  injections: number,
  alpha: number,
): Result<undefined> {
  if (!(Number.isInteger(injections) && injections >= 1))
    return err({ kind: 'invalid_options', option: 'injections', message: 'injections must be an integer >= 1' });
  if (!(alpha > 0 && alpha < 1))
    return err({ kind: 'invalid_options', option: 'alpha', message: 'alpha must be in (0, 1)' });
  if (m.stations.length !== table.n)
    return err({ kind: 'invalid_options', option: 'stations', message: 'one flag per station is needed' });
  if (!(Number.isInteger(m.votes) && m.votes >= 0))
    return err({
      kind: 'invalid_options',
      option: 'votes',
      message: `alleged votes must be an integer >= 0, got ${m.votes}`,
    });
  return ok(undefined);
}

/**
 * Part of powerByInjection: the counts of the injections in `range`. Injection r at size s is seeded by (seed, s, r)
 * alone, so parts over disjoint ranges, added up, give powerByInjection's counts (whichever thread ran each part).
 */
export function injectionCounts(
  table: StationTable,
  m: AllegedManipulation,
  tests: readonly PowerTest[],
  options: PowerOptions,
  range: InjectionRange,
): Result<InjectionCounts> {
  const alpha = options.alpha ?? 0.05;
  const checked = checkPowerOptions(table, m, options.injections ?? 200, alpha);
  if (!checked.ok) return checked;
  const multipliers = options.multipliers ?? [1, 3];
  const seed = options.seed ?? 1;
  const votes = Math.round(multipliers[range.size] * m.votes);
  const hits = new Int32Array(tests.length);
  const runs = new Int32Array(tests.length);
  for (let r = range.from; r < range.to; r++) {
    const rng = createRng(deriveSeed(deriveSeed(seed, range.size), r));
    const injected = injectManipulation(table, m, votes, rng);
    if (!injected.ok) return injected;
    for (let t = 0; t < tests.length; t++) {
      const p = tests[t].pValue(injected.value, rng);
      if (p === null || !Number.isFinite(p)) continue;
      runs[t]++;
      if (p <= alpha) hits[t]++;
    }
  }
  return ok({ hits, runs });
}

/**
 * The power table from the counts of every size (counts[s] for multiplier s, each over all the injections), for
 * tests named `names` and `allegedVotes` at multiplier 1; the first error among the counts (in size order) when one
 * failed.
 */
export function powerFromCounts(
  allegedVotes: number,
  names: readonly string[],
  options: PowerOptions,
  counts: readonly Result<InjectionCounts>[],
): Result<InjectionPowerResult> {
  const injections = options.injections ?? 200;
  const multipliers = options.multipliers ?? [1, 3];
  const rows: InjectionPowerRow[] = [];
  for (let s = 0; s < multipliers.length; s++) {
    const c = counts[s];
    if (!c.ok) return c;
    const votes = Math.round(multipliers[s] * allegedVotes);
    for (let t = 0; t < names.length; t++)
      rows.push({
        test: names[t],
        multiplier: multipliers[s],
        votes,
        power: clopperPearson(c.value.hits[t], c.value.runs[t]),
        notRun: injections - c.value.runs[t],
      });
  }
  const alpha = options.alpha ?? 0.05;
  const seed = options.seed ?? 1;
  return ok({ alpha, injections, allegedVotes, spreading: SPREADING_RULE, rows, seed });
}

/** Adds up the counts of parts of one size (in part order: the first error wins). */
export function addInjectionCounts(parts: readonly Result<InjectionCounts>[], tests: number): Result<InjectionCounts> {
  const hits = new Int32Array(tests);
  const runs = new Int32Array(tests);
  for (const part of parts) {
    if (!part.ok) return part;
    for (let t = 0; t < tests; t++) {
      hits[t] += part.value.hits[t];
      runs[t] += part.value.runs[t];
    }
  }
  return ok({ hits, runs });
}

/** Measures each test's power at each multiple of the alleged size (seeded; injections shared by all tests). */
export function powerByInjection(
  table: StationTable,
  m: AllegedManipulation,
  tests: readonly PowerTest[],
  options: PowerOptions = {},
): Result<InjectionPowerResult> {
  const injections = options.injections ?? 200;
  const checked = checkPowerOptions(table, m, injections, options.alpha ?? 0.05);
  if (!checked.ok) return checked;
  const counts: Result<InjectionCounts>[] = [];
  const multipliers = options.multipliers ?? [1, 3];
  for (let s = 0; s < multipliers.length; s++) {
    const c = injectionCounts(table, m, tests, options, { size: s, from: 0, to: injections });
    // The serial measurement stops at the first failed injection.
    counts.push(c);
    if (!c.ok) break;
  }
  return powerFromCounts(
    m.votes,
    tests.map((t) => t.name),
    options,
    counts,
  );
}
