/** The message loop of a runChunked worker: resolves the chunk function, then answers chunk indices until told -1. */
import { parentPort, workerData } from 'node:worker_threads';

/** A chunk function: `(payload, chunkIndex) => output`. */
export type ChunkFunction = (payload: unknown, chunkIndex: number) => unknown;

/** Finds the chunk function `exportName` of the module at `moduleUrl`. */
export type ChunkResolver = (moduleUrl: string, exportName: string) => ChunkFunction | Promise<ChunkFunction>;

function transferList(output: unknown): ArrayBuffer[] {
  if (ArrayBuffer.isView(output) && output.buffer instanceof ArrayBuffer) return [output.buffer];
  return [];
}

function message(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Serves chunks on this worker thread with the function that `resolve` finds. */
export async function serveChunks(resolve: ChunkResolver): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('internal error: a chunk worker must run as a worker thread');
  const { moduleUrl, exportName, payload } = workerData as { moduleUrl: string; exportName: string; payload: unknown };
  try {
    const fn = await resolve(moduleUrl, exportName);
    port.on('message', (chunk: number) => {
      if (chunk < 0) {
        port.close();
        return;
      }
      try {
        const output = fn(payload, chunk);
        port.postMessage({ chunk, output }, transferList(output));
      } catch (e) {
        port.postMessage({ error: message(e) });
      }
    });
    port.postMessage({ ready: true });
  } catch (e) {
    port.postMessage({ error: message(e) });
  }
}

/** Loads a chunk function by importing its module (the TypeScript path; needs tsx registered for .ts modules). */
export async function importChunkFunction(moduleUrl: string, exportName: string): Promise<ChunkFunction> {
  const mod = (await import(moduleUrl)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`internal error: ${moduleUrl} does not export function ${exportName}`);
  return fn as ChunkFunction;
}
