/**
 * Atomic output and cancellation. Every file the CLI writes goes through `writeFilesAtomic`: each file is first written
 * to a temporary file in the same folder (so the rename stays on one file system), and only when all of them are
 * complete are they renamed over their targets. Ctrl-C (SIGINT) or SIGTERM removes any temporary file still pending
 * and exits 130 (143 for SIGTERM) with one line on stderr, so a cancelled run never leaves a partial file behind.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError } from './cli_io.ts';

/** One file to write: its final path and its whole content. */
export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

const pending = new Set<string>();
let counter = 0;

/** The temporary files written but not yet renamed (for tests and the signal handler). */
export function pendingTempFiles(): string[] {
  return [...pending];
}

function tempPathFor(path: string): string {
  counter++;
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${counter}`);
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Already gone or not ours to remove: nothing more can be done on the way out.
  }
  pending.delete(path);
}

/**
 * Writes several files all-or-nothing as far as the file system allows: all temporary files first, then the renames.
 * On a write error every temporary file is removed and the error is rethrown; no target has been touched yet.
 */
export function writeFilesAtomic(files: readonly OutputFile[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = tempPathFor(f.path);
      pending.add(tmp);
      temps.push(tmp);
      writeFileSync(tmp, f.data);
    }
  } catch (e) {
    for (const t of temps) removeQuietly(t);
    throw e;
  }
  for (let i = 0; i < files.length; i++) {
    try {
      renameSync(temps[i], files[i].path);
      pending.delete(temps[i]);
    } catch (e) {
      for (const t of temps.slice(i)) removeQuietly(t);
      throw e;
    }
  }
}

/**
 * Yields to the event loop once, so that a Ctrl-C received during the preceding (synchronous) computation is acted on
 * before anything is written, then writes the files with `writeFilesAtomic`. Commands call this to commit their output.
 */
export async function commitOutputs(files: readonly OutputFile[]): Promise<void> {
  // Two turns: the first may start in the middle of a poll phase that has already collected its events; the second
  // is sure to pass through a poll phase, where libuv reads a pending signal and runs the handler.
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    writeFilesAtomic(files);
  } catch (e) {
    throw new DataError(`cannot write ${files.map((f) => f.path).join(', ')}: ${(e as Error).message}`);
  }
}

/** Writes one file atomically (temporary file in the same folder, then rename). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ path, data }]);
}

/** Removes every pending temporary file (what the signal handler does before exiting). */
export function removePendingTempFiles(): void {
  for (const t of [...pending]) removeQuietly(t);
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Installs the Ctrl-C/SIGTERM handlers for one CLI run and returns a function that removes them. A signal arriving
 * during a long synchronous step is handled when that step returns to the event loop (Node delivers signals there);
 * writes and renames are synchronous, so the handler never runs between a temporary file and its rename.
 */
export function installCancellation(): () => void {
  const handlers = (Object.keys(EXIT_CODES) as (keyof typeof EXIT_CODES)[]).map((signal) => {
    const handler = () => {
      removePendingTempFiles();
      process.stderr.write(`tally: cancelled (${signal}); no partial output was left\n`);
      process.exit(EXIT_CODES[signal]);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => {
    for (const off of handlers) off();
  };
}
