export * from './bundle_location.ts';
export type { ChunkFunction } from './chunk_worker_loop.ts';
export * from './run_chunked.ts';
export * from './run_method.ts';
