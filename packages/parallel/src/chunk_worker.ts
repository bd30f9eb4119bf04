/** Worker entry of the chunk pool under tsx: imports each job's chunk module by URL. */
import { importChunkFunction, serveChunks } from './chunk_worker_loop.ts';

serveChunks(importChunkFunction);
