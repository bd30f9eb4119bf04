/** The embedded DuckDB engine, and quoting helpers so that no user text is ever concatenated into SQL raw. */
import { createRequire } from 'node:module';
import type { DuckDBConnection } from '@duckdb/node-api';

type DuckDbModule = typeof import('@duckdb/node-api');

// Loaded on first use, with require(): importing this CommonJS package from an ES module makes Node scan its hundred
// files for named exports, about 75 ms of every start (and commands that never read data do not load it at all).
const requireCjs = createRequire(import.meta.url);
let duckdb: DuckDbModule | undefined;

/** Opens an in-memory DuckDB that never downloads extensions (a missing one is a clean error). */
export async function openDuckDb(): Promise<DuckDBConnection> {
  duckdb ??= requireCjs('@duckdb/node-api') as DuckDbModule;
  const instance = await duckdb.DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  return instance.connect();
}

/** Quotes an identifier (column or table name) for DuckDB SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB SQL (used only where a bound parameter is not allowed, e.g. table functions). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('internal error: NUL in SQL literal');
  return `'${value.replaceAll("'", "''")}'`;
}
