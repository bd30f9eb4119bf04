/** Worker entry of runChunked: loads the chunk function, then answers chunk indices until told -1. */
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (port === null) throw new Error('internal error: chunk_worker must run as a worker thread');
const { moduleUrl, exportName, payload } = workerData as { moduleUrl: string; exportName: string; payload: unknown };

function transferList(output: unknown): ArrayBuffer[] {
  if (ArrayBuffer.isView(output) && output.buffer instanceof ArrayBuffer) return [output.buffer];
  return [];
}

try {
  const mod = (await import(moduleUrl)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`internal error: ${moduleUrl} does not export function ${exportName}`);
  port.on('message', (chunk: number) => {
    if (chunk < 0) {
      port.close();
      return;
    }
    try {
      const output = (fn as (p: unknown, c: number) => unknown)(payload, chunk);
      port.postMessage({ chunk, output }, transferList(output));
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
