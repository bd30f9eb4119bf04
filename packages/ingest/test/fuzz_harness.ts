/**
 * Fuzzing the importers: fast-check generates CSV/TSV/JSON bytes, raw garbage, and mutations of real rows
 * (Bolivia 2019 cómputo, Russia 2018; fuzz_inputs.ts makes them), runs each through `loadTable`, and checks that the outcome is a documented
 * error or a valid table. Used by fuzz_ingest.test.ts (a small run) and scripts/fuzz_ingest.ts (the extended run).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MAX_COUNT } from '../src/count_columns.ts';
import { type LoadedTable, loadTable } from '../src/index.ts';
import { type FuzzInput, fuzzInputArb } from './fuzz_inputs.ts';

export { type FuzzInput, fuzzInputArb };

/** Rules a loaded table's issues may carry (docs/data-model.md, plus DuckDB's own CSV reject types). */
const ISSUE_RULES = new Set([
  'duplicate_column',
  'ragged_row',
  'missing_count',
  'empty_row',
  'negative_count',
  'non_integer_count',
  'not_a_count',
  'implausible_count',
  'missing_station_id',
  'duplicate_station_id',
  'valid_sum_mismatch',
  'votes_exceed_valid',
  'ballots_exceed_registered',
  'ballots_cast_exceed_registered',
  'no_blank_or_invalid',
  'missing_region_label',
  'not_utf8',
  'row_numbers_approximate',
]);
const ERROR_RULE =
  /^(empty_file|no_data_rows|unterminated_quote|stray_quote|stray_carriage_return|line_too_long|file_too_large|utf16_text|mixed_encoding|too_many_columns|too_many_rows|json_too_deep|xlsx_too_large|cr_line_endings|unreadable_(csv|gzip|xlsx|parquet|json)|ragged_row|csv_[a-z_]+)$/;

/** Names what is wrong with an ok outcome (a table that breaks the contract), or undefined. */
export function tableProblem(path: string, loaded: LoadedTable, lineCount: number | undefined): string | undefined {
  const t = loaded.table;
  if (loaded.rows !== t.n + loaded.rowsExcluded) return `rows ${loaded.rows} != ${t.n} + ${loaded.rowsExcluded}`;
  const excludedRows = new Set<number>();
  for (const i of loaded.issues) {
    if (i.file !== path) return `issue names file ${i.file}`;
    if (!ISSUE_RULES.has(i.rule) && !/^csv_[a-z_]+$/.test(i.rule)) return `undocumented rule ${i.rule}`;
    if (typeof i.message !== 'string' || i.message.length === 0 || /\n\s+at /.test(i.message)) return 'bad message';
    if (i.row !== undefined) {
      if (!Number.isInteger(i.row) || i.row < 1) return `bad row ${i.row}`;
      if (lineCount !== undefined && i.row > lineCount) return `row ${i.row} beyond the file's ${lineCount} lines`;
      if (i.level === 'error' && i.rule !== 'duplicate_column') excludedRows.add(i.row);
    }
  }
  if (excludedRows.size !== loaded.rowsExcluded) {
    return `${loaded.rowsExcluded} rows excluded but ${excludedRows.size} rows listed with errors`;
  }
  if (t.ids.length !== t.n || new Set(t.ids).size !== t.n) return 'station ids not unique';
  for (const id of t.ids) if (id.replaceAll(' / ', '').trim() === '') return 'empty station id in table';
  const counts = [t.registered, t.ballotsCast, t.ballotsFound, t.valid, t.invalid, ...t.candidates.map((c) => c.votes)];
  for (const col of counts) {
    if (col.length !== t.n) return 'column length != n';
    for (let i = 0; i < t.n; i++) {
      const v = col[i];
      if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) return `count ${v} in the table`;
    }
  }
  for (const c of [t.registered, t.invalid, ...t.candidates.map((c) => c.votes)]) {
    for (let i = 0; i < t.n; i++) if (c[i] > MAX_COUNT) return `count ${c[i]} above MAX_COUNT`;
  }
  for (const r of t.regions) {
    if (r.codes.length !== t.n) return 'region codes length != n';
    for (let i = 0; i < t.n; i++) if (r.codes[i] < 0 || r.codes[i] >= r.labels.length) return 'bad region code';
  }
  return undefined;
}

/** The outcome of one case: 'table' or 'error:<kind>/<rule>', or a problem (a contract violation). */
export interface FuzzOutcome {
  outcome: string;
  problem?: string;
}

/** Runs one input through loadTable in `dir`, with a hang timeout. Never throws: a throw is a problem. */
export async function runFuzzCase(input: FuzzInput, dir: string, timeoutMs = 30_000): Promise<FuzzOutcome> {
  const path = join(dir, input.name);
  writeFileSync(path, input.bytes);
  const mapPath = join(dir, 'map.json');
  if (input.mapText !== undefined) writeFileSync(mapPath, input.mapText);
  const choice = input.mapText === undefined ? input.choice : { map: mapPath };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), timeoutMs);
  });
  try {
    const result = await Promise.race([loadTable(path, choice), hang]);
    if (result === 'hang') return { outcome: 'hang', problem: `no answer in ${timeoutMs} ms` };
    if (!result.ok) {
      const e = result.error as { kind: string; message: string; rule?: string; file?: string };
      const outcome = `error:${e.kind}/${e.rule ?? ''}`;
      if (!['parse_error', 'missing_column', 'io_error'].includes(e.kind))
        return { outcome, problem: 'unexpected kind' };
      if (e.kind === 'parse_error' && (e.file !== path || !ERROR_RULE.test(e.rule ?? ''))) {
        return { outcome, problem: `parse_error without file/documented rule: ${JSON.stringify(e)}` };
      }
      if (!e.message.includes(path) || /\n\s+at /.test(e.message)) return { outcome, problem: `message: ${e.message}` };
      return { outcome };
    }
    const text = input.name.endsWith('.json') ? undefined : decodedLineCount(input.bytes);
    const problem = tableProblem(path, result.value, text);
    return { outcome: 'table', problem };
  } catch (e) {
    return { outcome: 'throw', problem: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) };
  } finally {
    clearTimeout(timer);
    rmSync(path, { force: true });
    rmSync(mapPath, { force: true });
  }
}

function decodedLineCount(bytes: Uint8Array): number {
  let raw = bytes;
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = new Uint8Array(gunzipSync(raw));
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  }
  let n = 1;
  for (let i = 0; i < raw.length; i++) if (raw[i] === 10) n++;
  return n;
}

/** A fresh temporary folder for fuzz files. */
export function fuzzDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tally-fuzz-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
