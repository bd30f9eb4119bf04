export * from './run_chunked.ts';
export * from './run_method.ts';
