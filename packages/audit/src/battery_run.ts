/**
 * The computation behind `tally run`: the battery's cells (methods x targets x regions, with bootstrap intervals) and
 * any other registry method, overall and per region, then Benjamini-Hochberg adjusted p-values across every cell
 * that has a p-value (Benjamini & Hochberg 1995, JRSS B 57(1):289-300). Work is spread over a worker pool only where
 * it repays starting the workers; the numbers never depend on the thread count.
 */
import {
  type BatteryChunkOutput,
  type BatteryReport,
  batteryChunk,
  batteryChunkModule,
  batteryTable,
  type CellMethod,
  createRng,
  deriveSeed,
  type ForensicMethod,
  isChunkedMethod,
  type MethodResult,
  ok,
  planBattery,
  type Result,
  regionLevelIndex,
  type SkippedCell,
  type StationTable,
  selectStations,
  shareStationTable,
  type TallyError,
} from '@tally/core';
import { bundledEntry, type ChunkFunction, ChunkPool, defaultThreads, runMethod } from '@tally/parallel';
import { benjaminiHochberg } from '@tally/report/multiple_testing';
import { noProgress, type OnProgress } from './progress.ts';
import { type SideBySide, startSideBySide } from './side_by_side.ts';

/** Region chunks of a battery run: fixed, so results never depend on the thread count. */
const CHUNKS = 8;

/**
 * Without an explicit thread count, a chunked registry method uses workers only on a table this large:
 * integer_percent's Monte Carlo takes about 0.65 s on 100k stations, so on a smaller table it gains less than starting
 * the workers (about 0.05 s each, once per run) and copying the table to them cost.
 */
const MIN_STATIONS_FOR_THREADS = 50_000;

/**
 * The threads a run uses unless told: the machine's cores (at most 8) when workers start from the bundled CLI, else 1
 * (a worker that loads the TypeScript sources through tsx costs about 1.5 s to start).
 */
export function defaultRunThreads(): number {
  return bundledEntry('chunk_worker.mjs') === undefined ? 1 : defaultThreads();
}

/**
 * Whether the battery's region bootstrap is worth spreading over workers when no thread count is given: each worker
 * starts (about 0.1 s) and re-plans the battery (about 3 us a station) before taking its share of about 35 ns per
 * station and replicate (measured on russia-2018, 97k stations: 0.3 s to plan, 3.4 s of region chunks at B = 1000).
 */
function batteryRepaysThreads(stations: number, bootstrap: number): boolean {
  return (stations * bootstrap * 35e-9) / 2 > 0.1 + stations * 3e-6;
}

/** A result with its Benjamini-Hochberg adjusted p-value (null where the result has no p-value). */
export type AdjustedResult = MethodResult & { pAdjusted: number | null };

/** What `tally run` asks for. */
export interface BatteryRunOptions {
  readonly battery: readonly CellMethod[];
  readonly other: readonly ForensicMethod[];
  /** Region level to repeat every method in, or undefined for the whole table only. */
  readonly by: string | undefined;
  readonly bootstrap: number;
  readonly seed: number;
  readonly candidates: string[] | undefined;
  /** Options of the registry methods by method id (from `--option`); a method not named runs with its defaults. */
  readonly methodOptions?: ReadonlyMap<string, Record<string, unknown>>;
  /** Worker threads, or undefined for defaultRunThreads() where the work repays them. */
  readonly threads: number | undefined;
  /** Told of each step: the battery's region chunks, then each method on each region. */
  readonly onProgress?: OnProgress;
}

/** The options a registry method runs with: the first asked-for candidate, then its own `--option`s. */
function othersOptions(
  methodOptions: ReadonlyMap<string, Record<string, unknown>>,
  candidates: string[] | undefined,
): (m: ForensicMethod) => Record<string, unknown> {
  return (m) => ({
    ...(candidates && candidates.length > 0 ? { candidate: candidates[0] } : {}),
    ...methodOptions.get(m.id),
  });
}

/** The seed of method k's run on group gi (0 = the whole table, then the regions of `by`). */
function othersSeed(seed: number): (k: number, gi: number) => number {
  return (k, gi) => deriveSeed(deriveSeed(seed, 0x5eed + k), gi);
}

/**
 * Runs registry (non-battery) methods with their options (else defaults), overall and per region of `by`; the
 * whole-table runs that `sideBySide` took come from there.
 */
async function runOthers(
  table: StationTable,
  methods: readonly ForensicMethod[],
  methodOptions: ReadonlyMap<string, Record<string, unknown>>,
  by: string | undefined,
  seed: number,
  candidates: string[] | undefined,
  threads: { pool: ChunkPool; explicit: boolean },
  sideBySide: SideBySide | undefined,
  onProgress: OnProgress,
): Promise<{ results: MethodResult[]; skipped: SkippedCell[] }> {
  const results: MethodResult[] = [];
  const skipped: SkippedCell[] = [];
  const groups: { region?: string; table: StationTable }[] = [{ table }];
  if (by !== undefined) {
    const level = table.regions[regionLevelIndex(table, by)];
    const members = level.labels.map(() => [] as number[]);
    for (let i = 0; i < table.n; i++) if (level.codes[i] >= 0) members[level.codes[i]].push(i);
    level.labels.forEach((label, c) => {
      if (members[c].length > 0) groups.push({ region: label, table: selectStations(table, members[c]) });
    });
  }
  // Chunked methods give the same results on any number of threads (packages/parallel).
  const optionsOf = othersOptions(methodOptions, candidates);
  const threaded = (m: (typeof methods)[number], n: number) =>
    isChunkedMethod(m) &&
    threads.pool.threads > 1 &&
    (threads.explicit ||
      (n >= MIN_STATIONS_FOR_THREADS &&
        (m.chunked.repaysThreads === undefined || m.chunked.repaysThreads(optionsOf(m)))));
  const seedOf = othersSeed(seed);
  const wholeTable = (await sideBySide?.results()) ?? new Map<number, Result<MethodResult[]>>();
  // Workers start while the first method prepares its Monte Carlo.
  if (methods.some((m, k) => groups.some((g, gi) => !(gi === 0 && wholeTable.has(k)) && threaded(m, g.table.n)))) {
    threads.pool.warm();
  }
  for (const [k, m] of methods.entries()) {
    for (const [gi, g] of groups.entries()) {
      onProgress({
        phase: 'methods',
        label: g.region === undefined ? m.id : `${m.id} / ${g.region}`,
        done: k * groups.length + gi,
        total: methods.length * groups.length,
      });
      const opts = optionsOf(m);
      const rng = createRng(seedOf(k, gi));
      const r =
        (gi === 0 ? wholeTable.get(k) : undefined) ??
        (threaded(m, g.table.n)
          ? await runMethod(m, g.table, opts, rng, { pool: threads.pool })
          : m.run(g.table, opts, rng));
      if (!r.ok) {
        skipped.push({ method: m.id, target: '', region: g.region, error: r.error });
        continue;
      }
      for (const x of r.value) results.push({ ...x, region: joinRegion(g.region, x.region) });
    }
  }
  return { results, skipped };
}

/**
 * The region of a method's own per-region result (integer_percent reports one per region) inside a group of the run:
 * the group's region, then the method's ("" or undefined = the whole group).
 */
function joinRegion(group: string | undefined, own: string | undefined): string | undefined {
  const inner = own === undefined || own === '' ? undefined : own;
  if (group === undefined) return inner;
  return inner === undefined ? group : `${group} / ${inner}`;
}

/** Adds BH-adjusted p-values across all cells that have a p-value (null elsewhere). */
export function withAdjustedP(results: readonly MethodResult[]): AdjustedResult[] {
  const tested = results.map((r, i) => ({ p: r.pValue, i })).filter((x) => x.p !== null) as { p: number; i: number }[];
  const adjusted = benjaminiHochberg(tested.map((x) => x.p));
  const out = results.map((r) => ({ ...r, pAdjusted: null as number | null }));
  tested.forEach((x, k) => {
    out[x.i].pAdjusted = adjusted[k];
  });
  return out;
}

/**
 * Runs the battery and the other methods on `table`; the report keeps every cell (and every skipped one), `results`
 * the same cells with their adjusted p-values.
 */
export async function runBattery(
  table: StationTable,
  options: BatteryRunOptions,
): Promise<Result<{ report: BatteryReport; results: AdjustedResult[] }, TallyError>> {
  const { by, bootstrap, seed, candidates } = options;
  const onProgress = options.onProgress ?? noProgress;
  const threads = { count: options.threads ?? defaultRunThreads(), explicit: options.threads !== undefined };
  let report: BatteryReport = {
    by: by ?? null,
    seed,
    replicates: bootstrap,
    level: 0.95,
    targets: [],
    results: [],
    skipped: [],
  };
  // One pool for the whole run: its workers start once, on first use.
  const pool = new ChunkPool(threads.count);
  const methodOptions = options.methodOptions ?? new Map<string, Record<string, unknown>>();
  // The other methods' whole-table runs, side by side on the workers and this thread, where a large table repays it.
  const startOthers = () =>
    threads.explicit || table.n >= MIN_STATIONS_FOR_THREADS
      ? startSideBySide(table, options.other, othersOptions(methodOptions, candidates), othersSeed(seed), pool)
      : Promise.resolve(undefined);
  let sideBySide: SideBySide | undefined;
  try {
    if (options.battery.length > 0) {
      const batteryOptions = { by, bootstrap, seed, candidates };
      const plan = planBattery(table, { ...batteryOptions, methods: [...options.battery] }, CHUNKS);
      if (!plan.ok) return plan;
      const chunks = plan.value.spec.ranges.length;
      let outputs: BatteryChunkOutput[];
      const label = options.battery.map((m) => m.id).join(', ');
      onProgress({ phase: 'battery', label, done: 0, total: chunks });
      if (threads.count > 1 && chunks > 1 && (threads.explicit || batteryRepaysThreads(table.n, bootstrap))) {
        const payload = {
          // Workers get the counts alone, on shared memory: no station ids, coordinates or attributes to clone.
          table: batteryTable(shareStationTable(table)),
          methodIds: options.battery.map((m) => m.id),
          options: batteryOptions,
          chunks: CHUNKS,
          spec: plan.value.spec,
        };
        outputs = (await pool.run(
          batteryChunkModule,
          'batteryChunk',
          payload,
          chunks,
          batteryChunk as ChunkFunction,
        )) as BatteryChunkOutput[];
      } else {
        // The workers start on the other methods while this thread runs the battery.
        sideBySide = await startOthers();
        outputs = plan.value.spec.ranges.map((_, c) => {
          const output = plan.value.runChunk(c);
          onProgress({ phase: 'battery', label, done: c + 1, total: chunks });
          return output;
        });
      }
      report = plan.value.finish(outputs);
    }
    if (options.other.length > 0) {
      sideBySide ??= await startOthers();
      const o = await runOthers(
        table,
        options.other,
        methodOptions,
        by,
        seed,
        candidates,
        { pool, explicit: threads.explicit },
        sideBySide,
        onProgress,
      );
      report = { ...report, results: [...report.results, ...o.results], skipped: [...report.skipped, ...o.skipped] };
    }
  } finally {
    await pool.close();
  }
  return ok({ report, results: withAdjustedP(report.results) });
}
