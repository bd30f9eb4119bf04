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
  methodRegistry,
  ok,
  planBattery,
  type Result,
  regionLevelIndex,
  type SkippedCell,
  type StationTable,
  selectStations,
  type TallyError,
  type ThreadTaskOutput,
  type ThreadTasksPayload,
  threadTasksChunk,
  threadTasksInOrder,
  threadTasksModule,
} from '@tally/core';
import { bundledEntry, type ChunkFunction, ChunkPool, defaultThreads, runMethod } from '@tally/parallel';
import { benjaminiHochberg } from '@tally/report/multiple_testing';
import { noProgress, type OnProgress } from './progress.ts';

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

/** Runs registry (non-battery) methods with their options (else defaults), overall and per region of `by`. */
async function runOthers(
  table: StationTable,
  methods: readonly ForensicMethod[],
  methodOptions: ReadonlyMap<string, Record<string, unknown>>,
  by: string | undefined,
  seed: number,
  candidates: string[] | undefined,
  threads: { pool: ChunkPool; explicit: boolean },
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
  const optionsOf = (m: (typeof methods)[number]) => ({
    ...(candidates && candidates.length > 0 ? { candidate: candidates[0] } : {}),
    ...methodOptions.get(m.id),
  });
  const threaded = (m: (typeof methods)[number], n: number) =>
    isChunkedMethod(m) &&
    threads.pool.threads > 1 &&
    (threads.explicit ||
      (n >= MIN_STATIONS_FOR_THREADS &&
        (m.chunked.repaysThreads === undefined || m.chunked.repaysThreads(optionsOf(m)))));
  const seedOf = (k: number, gi: number) => deriveSeed(deriveSeed(seed, 0x5eed + k), gi);
  // Workers start while the first method prepares its Monte Carlo.
  if (methods.some((m) => groups.some((g) => threaded(m, g.table.n)))) threads.pool.warm();
  const sideBySide = await runSideBySide(table, methods, optionsOf, seedOf, threads);
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
        (gi === 0 ? sideBySide.get(k) : undefined) ??
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

/**
 * The whole-table runs of the methods without a chunked Monte Carlo, as whole tasks side by side on the pool's
 * workers, by method index; empty when the pool has one thread, the table is small (unless threads were asked for)
 * or fewer than two such methods run. Each task's random source starts from the seed the sequential loop would give
 * it, so every result is the same as in this thread.
 */
async function runSideBySide(
  table: StationTable,
  methods: readonly ForensicMethod[],
  optionsOf: (m: ForensicMethod) => Record<string, unknown>,
  seedOf: (k: number, gi: number) => number,
  threads: { pool: ChunkPool; explicit: boolean },
): Promise<Map<number, Result<MethodResult[]>>> {
  const out = new Map<number, Result<MethodResult[]>>();
  // Only registered methods: a worker finds a task's method by id in the registry.
  const plain = [...methods.entries()].filter(([, m]) => !isChunkedMethod(m) && methodRegistry.includes(m));
  const worthIt = threads.explicit || table.n >= MIN_STATIONS_FOR_THREADS;
  if (threads.pool.threads <= 1 || !worthIt || plain.length < 2) return out;
  // One task per chunk, on core's thread-task runner (the audit's battery and power study use the same one).
  const payload: ThreadTasksPayload = {
    tables: [table],
    tasks: plain.map(([k, m]) => ({ kind: 'method', table: 0, id: m.id, options: optionsOf(m), seed: seedOf(k, 0) })),
    chunkOf: plain.map((_, i) => i),
  };
  const outputs = (await threads.pool.run(
    threadTasksModule,
    'threadTasksChunk',
    payload,
    plain.length,
    threadTasksChunk as ChunkFunction,
  )) as ThreadTaskOutput[][];
  const results = threadTasksInOrder(payload, outputs);
  for (const [i, [k]] of plain.entries()) out.set(k, results[i] as Result<MethodResult[]>);
  return out;
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
          // Workers get the counts alone: no station ids, coordinates or attributes to clone.
          table: batteryTable(table),
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
        outputs = plan.value.spec.ranges.map((_, c) => {
          const output = plan.value.runChunk(c);
          onProgress({ phase: 'battery', label, done: c + 1, total: chunks });
          return output;
        });
      }
      report = plan.value.finish(outputs);
    }
    if (options.other.length > 0) {
      const o = await runOthers(
        table,
        options.other,
        options.methodOptions ?? new Map(),
        by,
        seed,
        candidates,
        { pool, explicit: threads.explicit },
        onProgress,
      );
      report = { ...report, results: [...report.results, ...o.results], skipped: [...report.skipped, ...o.skipped] };
    }
  } finally {
    await pool.close();
  }
  return ok({ report, results: withAdjustedP(report.results) });
}
