/**
 * The ingest cache: a validated load (the StationTable or keys table with every validation issue, the row account
 * and the mapping) kept on disk so that a repeat run on the same bytes skips parsing and validation. One file per
 * entry, named by a SHA-256 over what the load depends on: the input's bytes, the path as given (messages name it),
 * the mapping's content, the kind of load, the cache format and Tally's build. Off unless a program turns it on with
 * `useIngestCache` (the CLI does; the library and the web app do not). Decisions: docs/decisions/0008-ingest-cache.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { decodeEntry, encodeEntry, NotCacheable } from './cache_codec.ts';
import { sweepDeadEntries } from './temp_sweep.ts';

/** Bumped whenever what a load returns, or the entry format, changes shape. */
export const CACHE_FORMAT = 1;
const SUFFIX = '.tcache';
const TEMP_PREFIX = 'tmp-';

/** Where and for which build entries are kept. */
export interface IngestCacheSettings {
  dir: string;
  /** Tally's version and build; entries of another build are never read (their key differs). */
  version: string;
  /** Oldest entries are removed after a write while the folder holds more than this (bytes). */
  maxBytes?: number;
}

let settings: IngestCacheSettings | undefined;

/** Turns the cache on for this process (or off with undefined). */
export function useIngestCache(next: IngestCacheSettings | undefined): void {
  settings = next;
}

/** The cache folder: TALLY_CACHE_DIR, else $XDG_CACHE_HOME/tally, else ~/.cache/tally. */
export function ingestCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TALLY_CACHE_DIR) return env.TALLY_CACHE_DIR;
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg?.startsWith('/') ? xdg : join(homedir(), '.cache');
  return join(base, 'tally');
}

/** What a cached load depends on besides the input's bytes. */
export interface CacheKeyParts {
  kind: 'results' | 'keys';
  path: string;
  inputSha256: string;
  mapping: unknown;
}

function entryKey(parts: CacheKeyParts, version: string): string {
  return createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT, version, parts.kind, parts.path, parts.inputSha256, parts.mapping]))
    .digest('hex');
}

/** Counts of what the cache did in this process (for tests and `--verbose` style diagnostics). */
export const cacheStats = { hits: 0, misses: 0, rejected: 0, written: 0 };

/**
 * Returns the cached value for `parts`, or builds it with `build`, stores it when `keep` says so, and returns it.
 * An entry that fails its checks (format, checksum, lengths, key) is removed and rebuilt, never used. A cache that
 * cannot be read or written (no space, read-only folder) only costs the rebuild.
 */
export async function cachedLoad<T>(
  parts: CacheKeyParts,
  build: () => Promise<T>,
  keep: (value: T) => boolean,
): Promise<T> {
  const active = settings;
  if (active === undefined) return build();
  const key = entryKey(parts, active.version);
  const path = join(active.dir, `${key}${SUFFIX}`);
  const found = readEntry(path, key);
  if (found !== undefined) {
    cacheStats.hits++;
    return found as T;
  }
  cacheStats.misses++;
  const value = await build();
  if (keep(value)) writeEntry(active, path, key, value);
  return value;
}

function readEntry(path: string, key: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const decoded = decodeEntry(bytes, key);
  if (decoded.ok) return decoded.value;
  cacheStats.rejected++;
  try {
    unlinkSync(path);
  } catch {
    // Another process may have replaced or removed it already.
  }
  return undefined;
}

function writeEntry(active: IngestCacheSettings, path: string, key: string, value: unknown): void {
  let bytes: Buffer;
  try {
    bytes = encodeEntry(key, value);
  } catch (e) {
    if (e instanceof NotCacheable) return;
    throw e;
  }
  // Written whole under a name of this process, then renamed: a reader sees the old entry, none, or the new one.
  const temp = join(active.dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(active.dir, { recursive: true, mode: 0o700 });
    sweepDeadEntries(active.dir, TEMP_PREFIX);
    writeFileSync(temp, bytes, { mode: 0o600 });
    renameSync(temp, path);
    cacheStats.written++;
  } catch {
    rmSync(temp, { force: true });
    return;
  }
  prune(active.dir, active.maxBytes ?? DEFAULT_MAX_BYTES, path);
}

const DEFAULT_MAX_BYTES = 2 * 2 ** 30;

/** The entries of the cache folder, newest first. */
export function listCacheEntries(dir: string): { name: string; bytes: number; mtimeMs: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(SUFFIX));
  } catch {
    return [];
  }
  const out: { name: string; bytes: number; mtimeMs: number }[] = [];
  for (const name of names) {
    try {
      const st = statSync(join(dir, name));
      out.push({ name, bytes: st.size, mtimeMs: st.mtimeMs });
    } catch {
      // Removed meanwhile.
    }
  }
  return out.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? -1 : 1));
}

function prune(dir: string, maxBytes: number, keepPath: string): void {
  let total = 0;
  for (const entry of listCacheEntries(dir)) {
    total += entry.bytes;
    if (total > maxBytes && join(dir, entry.name) !== keepPath) rmSync(join(dir, entry.name), { force: true });
  }
}

/** Removes every entry (and leftover temporary file) of the cache folder; returns how many entries and bytes. */
export function clearIngestCache(dir: string): { entries: number; bytes: number } {
  const entries = listCacheEntries(dir);
  for (const entry of entries) rmSync(join(dir, entry.name), { force: true });
  sweepDeadEntries(dir, TEMP_PREFIX, 0);
  return { entries: entries.length, bytes: entries.reduce((s, e) => s + e.bytes, 0) };
}
