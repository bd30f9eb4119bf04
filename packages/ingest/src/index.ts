export * from './allegation.ts';
export * from './detect.ts';
export * from './duckdb.ts';
export * from './issues.ts';
export * from './load_table.ts';
export * from './manifest.ts';
export * from './mapping.ts';
export * from './preset_schema.ts';
