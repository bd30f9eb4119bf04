/**
 * A small worker_threads pool for chunked Monte Carlo. Each worker finds the chunk function (linked into the
 * bundled CLI's worker entry, or imported by URL through tsx), receives the payload once, then pulls chunk indices
 * from a shared queue. Outputs are returned in chunk order, so the reduction never depends on which thread ran what.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bundledEntry } from './bundle_location.ts';
import { type ChunkFunction, importChunkFunction } from './chunk_worker_loop.ts';

/** Default thread count: the machine's parallelism, at most 8. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** The worker entry: the bundled one (no TypeScript loader, ~0.1 s to start) or the tsx one (~1.5 s). */
function workerEntry(): URL {
  // The .mjs entry registers tsx, then loads the TypeScript worker and the chunk module.
  return bundledEntry('chunk_worker.mjs') ?? new URL('./chunk_worker_entry.mjs', import.meta.url);
}

/**
 * Runs `exportName(payload, c)` from `moduleUrl` for c = 0 .. chunks-1 on up to `threads` worker
 * threads (in this thread when threads <= 1, with `local` when given: the bundled CLI cannot import a .ts module
 * by URL) and returns the outputs in chunk order.
 */
export async function runChunked(
  moduleUrl: string,
  exportName: string,
  payload: unknown,
  chunks: number,
  threads: number,
  local?: ChunkFunction,
): Promise<unknown[]> {
  const outputs = new Array<unknown>(chunks);
  const pool = Math.min(Math.floor(threads), chunks);
  if (pool <= 1) {
    const fn = local ?? (await importChunkFunction(moduleUrl, exportName));
    for (let c = 0; c < chunks; c++) outputs[c] = fn(payload, c);
    return outputs;
  }
  let next = 0;
  const entry = workerEntry();
  const workers: Worker[] = [];
  const runOne = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(entry, {
        workerData: { moduleUrl, exportName, payload },
      });
      workers.push(worker);
      let failed = false;
      const feed = () => worker.postMessage(next < chunks ? next++ : -1);
      worker.on('message', (m: { ready?: true; chunk?: number; output?: unknown; error?: string }) => {
        if (m.error !== undefined) {
          failed = true;
          reject(new Error(m.error));
          void worker.terminate();
          return;
        }
        if (m.chunk !== undefined) outputs[m.chunk] = m.output;
        feed();
      });
      worker.on('error', (e) => {
        failed = true;
        reject(e);
      });
      worker.on('exit', (code) => {
        if (failed) return;
        if (code === 0) resolve();
        else reject(new Error(`worker exited with code ${code}`));
      });
    });
  try {
    await Promise.all(Array.from({ length: pool }, runOne));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outputs;
}
