export * from './assert.ts';
export * from './method.ts';
export * from './methods/registry.ts';
export * from './numeric/log_factorial.ts';
export * from './result.ts';
export * from './rng.ts';
export * from './station_table.ts';
