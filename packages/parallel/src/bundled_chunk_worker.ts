/**
 * Worker entry of runChunked in the bundled CLI (built by apps/cli/build.mjs as chunk_worker.mjs). Every chunk
 * function is linked in statically, keyed by the URL its module reports (the bundler keeps each module's source URL),
 * so a worker starts without a TypeScript loader.
 */
import {
  batteryChunk,
  batteryChunkModule,
  isChunkedMethod,
  methodRegistry,
  threadTasksChunk,
  threadTasksClaimChunk,
  threadTasksModule,
} from '@tally/core';
import { type ChunkFunction, importChunkFunction, serveChunks } from './chunk_worker_loop.ts';

/** The chunk functions linked into the bundle, by `${moduleUrl}#${exportName}`. */
export function bundledChunkFunctions(): Map<string, ChunkFunction> {
  const found = new Map<string, ChunkFunction>();
  found.set(`${batteryChunkModule}#batteryChunk`, batteryChunk as ChunkFunction);
  found.set(`${threadTasksModule}#threadTasksChunk`, threadTasksChunk as ChunkFunction);
  found.set(`${threadTasksModule}#threadTasksClaimChunk`, threadTasksClaimChunk as ChunkFunction);
  for (const m of methodRegistry) {
    if (isChunkedMethod(m)) found.set(`${m.chunked.module}#${m.chunked.exportName}`, m.chunked.chunk);
  }
  return found;
}

const linked = bundledChunkFunctions();
serveChunks((moduleUrl, exportName) => {
  const fn = linked.get(`${moduleUrl}#${exportName}`);
  // A module outside the bundle: a plain JavaScript module still loads; a .ts one reports the missing loader.
  return fn ?? importChunkFunction(moduleUrl, exportName);
});
