/**
 * A small worker_threads pool for chunked Monte Carlo. Each job names the module that exports the chunk function
 * (linked into the bundled CLI's worker entry, or imported by URL through tsx) and a payload that each worker
 * receives once; the workers then pull chunk indices from a shared queue. Outputs are returned in chunk order, so the
 * reduction never depends on which thread ran what. A pool serves job after job, so its workers start only once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bundledEntry } from './bundle_location.ts';
import { type ChunkFunction, type FromWorker, importChunkFunction, type ToWorker } from './chunk_worker_loop.ts';

/** Default thread count: the machine's parallelism, at most 8. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The worker entry: the bundled one (no TypeScript loader, about 0.05 s to start) or the tsx one (about 1.5 s). */
function workerEntry(): URL {
  // The .mjs entry registers tsx, then loads the TypeScript worker and the chunk modules.
  return bundledEntry('chunk_worker.mjs') ?? new URL('./chunk_worker_entry.mjs', import.meta.url);
}

async function runInThread(
  moduleUrl: string,
  exportName: string,
  payload: unknown,
  chunks: number,
  local: ChunkFunction | undefined,
): Promise<unknown[]> {
  const fn = local ?? (await importChunkFunction(moduleUrl, exportName));
  const outputs = new Array<unknown>(chunks);
  for (let c = 0; c < chunks; c++) outputs[c] = fn(payload, c);
  return outputs;
}

/** Worker threads reused across jobs; started on first use, stopped by close(). Jobs run one at a time. */
export class ChunkPool {
  private readonly workers: Worker[] = [];
  private nextJob = 0;
  private queue: Promise<unknown> = Promise.resolve();

  /** A pool of at most `threads` workers (1 or less: every job runs in the calling thread). */
  constructor(readonly threads: number) {}

  /**
   * Runs `exportName(payload, c)` from `moduleUrl` for c = 0 .. chunks-1 and returns the outputs in chunk order: on
   * up to `threads` workers, or in this thread when only one thread or chunk is there (with `local` when given: the
   * bundled CLI cannot import a .ts module by URL).
   */
  run(
    moduleUrl: string,
    exportName: string,
    payload: unknown,
    chunks: number,
    local?: ChunkFunction,
  ): Promise<unknown[]> {
    const size = Math.min(Math.floor(this.threads), chunks);
    return this.enqueue(() =>
      size <= 1
        ? runInThread(moduleUrl, exportName, payload, chunks, local)
        : this.runNow(moduleUrl, exportName, payload, chunks, size),
    );
  }

  /**
   * Runs `exportName(payload, c)` for c = 0 .. workers-1, each chunk on a worker of its own (started if needed; at
   * most the pool's size), even for one chunk, and returns the outputs in chunk order. The calling thread stays free
   * for its own share of the work (e.g. tasks it takes from the same queue in shared memory); the job is posted once
   * the jobs before it have finished and the caller has yielded.
   */
  runOnWorkers(moduleUrl: string, exportName: string, payload: unknown, workers: number): Promise<unknown[]> {
    const size = Math.max(1, Math.min(Math.floor(this.threads), Math.floor(workers)));
    return this.enqueue(() => this.runNow(moduleUrl, exportName, payload, size, size));
  }

  private enqueue(job: () => Promise<unknown[]>): Promise<unknown[]> {
    const result = this.queue.then(job);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Starts the pool's workers now, so that their start-up overlaps with the caller's own work before the first job
   * (e.g. a method's preparation). A no-op for a one-thread pool or one already started.
   */
  warm(): void {
    if (this.threads <= 1) return;
    const entry = workerEntry();
    while (this.workers.length < Math.floor(this.threads)) this.workers.push(this.start(entry));
  }

  /** Stops the workers. The pool can still be used afterwards (it starts new ones). */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private start(entry: URL): Worker {
    const worker = new Worker(entry);
    // Between jobs nobody else listens: an error is followed by 'exit', and a worker that exited leaves the pool.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      const i = this.workers.indexOf(worker);
      if (i >= 0) this.workers.splice(i, 1);
    });
    return worker;
  }

  private async runNow(
    moduleUrl: string,
    exportName: string,
    payload: unknown,
    chunks: number,
    size: number,
  ): Promise<unknown[]> {
    const entry = workerEntry();
    while (this.workers.length < size) this.workers.push(this.start(entry));
    const workers = this.workers.slice(0, size);
    const job = this.nextJob++;
    const outputs = new Array<unknown>(chunks);
    let next = 0;
    let received = 0;
    const listeners: (() => void)[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (e: Error) => {
          // A worker that died or threw is not reused: the next job starts fresh ones.
          void this.close();
          reject(e);
        };
        for (const worker of workers) {
          const feed = () => {
            if (next < chunks) worker.postMessage({ kind: 'chunk', job, chunk: next++ } satisfies ToWorker);
          };
          const onMessage = (m: FromWorker) => {
            if (m.job !== job) return;
            if ('error' in m) return fail(new Error(m.error));
            outputs[m.chunk] = m.output;
            if (++received === chunks) resolve();
            else feed();
          };
          const onError = (e: Error) => fail(e);
          const onExit = (code: number) => fail(new Error(`worker exited with code ${code}`));
          worker.on('message', onMessage);
          worker.on('error', onError);
          worker.on('exit', onExit);
          listeners.push(() => {
            worker.off('message', onMessage);
            worker.off('error', onError);
            worker.off('exit', onExit);
          });
          worker.postMessage({ kind: 'job', job, moduleUrl, exportName, payload } satisfies ToWorker);
          feed();
        }
      });
    } finally {
      for (const off of listeners) off();
    }
    return outputs;
  }
}

/**
 * Runs `exportName(payload, c)` from `moduleUrl` for c = 0 .. chunks-1 on up to `threads` worker threads started for
 * this call (in this thread when threads <= 1, with `local` when given) and returns the outputs in chunk order.
 */
export async function runChunked(
  moduleUrl: string,
  exportName: string,
  payload: unknown,
  chunks: number,
  threads: number,
  local?: ChunkFunction,
): Promise<unknown[]> {
  const pool = new ChunkPool(threads);
  try {
    return await pool.run(moduleUrl, exportName, payload, chunks, local);
  } finally {
    await pool.close();
  }
}
