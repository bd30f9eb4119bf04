/**
 * The message loop of a pool worker. The parent sends a job (module URL, export name, payload), then chunk indices
 * of that job; the worker answers each index with the chunk's output. A worker serves job after job until terminated.
 */
import { parentPort } from 'node:worker_threads';

/** A chunk function: `(payload, chunkIndex) => output`. */
export type ChunkFunction = (payload: unknown, chunkIndex: number) => unknown;

/** Finds the chunk function `exportName` of the module at `moduleUrl`. */
export type ChunkResolver = (moduleUrl: string, exportName: string) => ChunkFunction | Promise<ChunkFunction>;

/** Parent to worker. */
export type ToWorker =
  | {
      readonly kind: 'job';
      readonly job: number;
      readonly moduleUrl: string;
      readonly exportName: string;
      readonly payload: unknown;
    }
  | { readonly kind: 'chunk'; readonly job: number; readonly chunk: number };

/** Worker to parent. */
export type FromWorker =
  | { readonly job: number; readonly chunk: number; readonly output: unknown }
  | { readonly job: number; readonly error: string };

function transferList(output: unknown): ArrayBuffer[] {
  if (ArrayBuffer.isView(output) && output.buffer instanceof ArrayBuffer) return [output.buffer];
  return [];
}

function message(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Serves jobs on this worker thread, finding each job's chunk function with `resolve`. */
export function serveChunks(resolve: ChunkResolver): void {
  const port = parentPort;
  if (port === null) throw new Error('internal error: a chunk worker must run as a worker thread');
  const resolved = new Map<string, Promise<ChunkFunction>>();
  let current: { job: number; fn: Promise<ChunkFunction>; payload: unknown } | undefined;
  port.on('message', (m: ToWorker) => {
    if (m.kind === 'job') {
      const key = `${m.moduleUrl}#${m.exportName}`;
      let fn = resolved.get(key);
      if (fn === undefined) {
        fn = Promise.resolve().then(() => resolve(m.moduleUrl, m.exportName));
        resolved.set(key, fn);
      }
      current = { job: m.job, fn, payload: m.payload };
      return;
    }
    const job = current;
    if (job === undefined || job.job !== m.job) return;
    // Chunks of a job wait for its function in the order they came (one promise, callbacks in order).
    job.fn.then(
      (fn) => {
        try {
          const output = fn(job.payload, m.chunk);
          port.postMessage({ job: m.job, chunk: m.chunk, output } satisfies FromWorker, transferList(output));
        } catch (e) {
          port.postMessage({ job: m.job, error: message(e) } satisfies FromWorker);
        }
      },
      (e: unknown) => port.postMessage({ job: m.job, error: message(e) } satisfies FromWorker),
    );
  });
}

/** Loads a chunk function by importing its module (the TypeScript path; needs tsx registered for .ts modules). */
export async function importChunkFunction(moduleUrl: string, exportName: string): Promise<ChunkFunction> {
  const mod = (await import(moduleUrl)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`internal error: ${moduleUrl} does not export function ${exportName}`);
  return fn as ChunkFunction;
}
