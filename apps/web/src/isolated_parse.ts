/**
 * The server's crash boundary: user files are parsed in a child process with a memory limit, so that a file that
 * crashes the native reader (a DuckDB segfault) or exhausts memory fails its own request, never the server.
 * Limits: V8's heap (--max-old-space-size) and the child's whole resident memory, sampled from /proc every 100 ms
 * (DuckDB allocates outside V8's heap), and a wall-clock limit.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TallyError } from '@tally/core';
import type { FilePreview, LoadedTable, MappingChoice } from '@tally/ingest';
import { bundledEntry } from '@tally/parallel/bundle_location';

/** What the child is asked to do. */
export type ParseRequest = { op: 'preview'; path: string } | { op: 'load'; path: string; choice: MappingChoice };

/** Limits of one parse. */
export interface ParseLimits {
  /** Resident memory of the child, in bytes (default 768 MiB, so that sampling overshoot stays under 1 GB). */
  maxRssBytes: number;
  /** Wall-clock time, in milliseconds (default 10 minutes). */
  timeoutMs: number;
}

const DEFAULT_LIMITS: ParseLimits = { maxRssBytes: 768 * 2 ** 20, timeoutMs: 600_000 };
/** V8's heap limit in the child, in MiB: the rest of the memory limit is left to DuckDB. */
const HEAP_MIB = 512;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: TallyError };

/** Previews a file in a child process. */
export function isolatedPreview(path: string, limits?: Partial<ParseLimits>): Promise<Outcome<FilePreview>> {
  return runInChild<FilePreview>({ op: 'preview', path }, limits);
}

/** Loads a results file in a child process. */
export function isolatedLoadTable(
  path: string,
  choice: MappingChoice,
  limits?: Partial<ParseLimits>,
): Promise<Outcome<LoadedTable>> {
  return runInChild<LoadedTable>({ op: 'load', path, choice }, limits);
}

/** The bundled child entry when the server runs from the built CLI; the TypeScript one (through tsx) otherwise. */
function childEntry(): string {
  const bundled = bundledEntry('parse_child.mjs');
  if (bundled !== undefined) return fileURLToPath(bundled);
  const webIndex = createRequire(import.meta.url).resolve('@tally/web');
  return join(dirname(webIndex), 'parse_child_entry.mjs');
}

function runInChild<T>(request: ParseRequest, partial: Partial<ParseLimits> = {}): Promise<Outcome<T>> {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  return new Promise((resolvePromise) => {
    const child = fork(childEntry(), [], {
      execArgv: [`--max-old-space-size=${HEAP_MIB}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    let result: Outcome<T> | undefined;
    let stopped: string | undefined;
    const stop = (why: string) => {
      if (stopped !== undefined) return;
      stopped = why;
      child.kill('SIGKILL');
    };
    const watch = setInterval(() => {
      const rss = residentBytes(child);
      if (rss !== undefined && rss > limits.maxRssBytes) {
        stop(`reading it needed more than ${Math.round(limits.maxRssBytes / 2 ** 20)} MiB of memory`);
      }
    }, 100);
    const timer = setTimeout(() => stop(`reading it took more than ${limits.timeoutMs / 1000} s`), limits.timeoutMs);
    child.on('message', (message) => {
      result = message as Outcome<T>;
    });
    child.on('error', () => undefined);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      clearTimeout(timer);
      if (result !== undefined && stopped === undefined) {
        resolvePromise(result);
        return;
      }
      const why = stopped ?? crashReason(code, signal, stderr);
      resolvePromise({
        ok: false,
        error: { kind: 'parse_error', file: request.path, rule: 'reader_failed', message: `${request.path}: ${why}` },
      });
    });
    child.send(request);
  });
}

/** Resident memory of a running child from /proc (Linux); undefined where /proc is not available. */
function residentBytes(child: ChildProcess): number | undefined {
  if (child.pid === undefined || child.exitCode !== null) return undefined;
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function crashReason(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Allocation failed/.test(stderr)) {
    return `reading it ran out of memory (the limit is ${HEAP_MIB} MiB of JavaScript heap)`;
  }
  if (/bad_alloc/.test(stderr)) return 'reading it ran out of memory';
  if (signal !== null) return `the file reader crashed (${signal}); the file cannot be read`;
  return `the file reader stopped (exit code ${code}); the file cannot be read`;
}
