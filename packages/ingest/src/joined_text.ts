/**
 * Text moved from DuckDB to JS in bulk: each text expression comes over as one string, its cells joined by a
 * separator, and is split here. Reading cells one by one costs a native call (two for a cell over 12 bytes) and a
 * decode per cell, about twice the CPU for a column of station codes; one string is one decode.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** The ASCII unit separator; a cell holding it makes the split come out too long, and the caller reads per cell. */
const SEPARATOR_CODE = 31;
const SEPARATOR = String.fromCharCode(SEPARATOR_CODE);
/** Longest joined text read in one string (V8's longest string is about 512 MiB); longer text is read per cell. */
const MAX_JOINED_BYTES = 128 * 2 ** 20;

/**
 * The values of `exprs` (text expressions that are never NULL) over the rows of `from`, in the order of `orderBy`,
 * one array per expression; undefined when some cell holds the separator or a column is too long to join, and the
 * caller must read the cells one by one.
 */
export async function readJoinedText(
  conn: DuckDBConnection,
  from: string,
  exprs: readonly string[],
  orderBy: string,
): Promise<string[][] | undefined> {
  if (exprs.length === 0) return [];
  const aggregates = exprs.map(
    (e) => `sum(strlen(${e}))::DOUBLE, string_agg(${e}, chr(${SEPARATOR_CODE}) ORDER BY ${orderBy})`,
  );
  const result = await conn.run(`SELECT count(*)::DOUBLE, ${aggregates.join(', ')} FROM ${from}`);
  const chunk = result.getChunk(0);
  const rows = chunk.getColumnVector(0).getItem(0) as number;
  if (rows === 0) return exprs.map(() => []);
  const out: string[][] = [];
  for (let k = 0; k < exprs.length; k++) {
    const bytes = chunk.getColumnVector(1 + 2 * k).getItem(0) as number;
    if (bytes + rows > MAX_JOINED_BYTES) return undefined;
    const values = String(chunk.getColumnVector(2 + 2 * k).getItem(0)).split(SEPARATOR);
    if (values.length !== rows) return undefined;
    out.push(values);
  }
  return out;
}
