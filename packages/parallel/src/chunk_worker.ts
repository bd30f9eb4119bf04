/** Worker entry of runChunked under tsx: imports the chunk module by URL, then serves chunks. */
import { importChunkFunction, serveChunks } from './chunk_worker_loop.ts';

await serveChunks(importChunkFunction);
