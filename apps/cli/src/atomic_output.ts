/**
 * Atomic output and cancellation. Every file the CLI writes goes through `writeFilesAtomic`: each file is first written
 * to a temporary file in the same folder (so the rename stays on one file system), and only when all of them are
 * complete are they renamed over their targets. Ctrl-C (SIGINT) or SIGTERM removes any temporary file still pending
 * and exits 130 (143 for SIGTERM) with one line on stderr, so a cancelled run never leaves a partial file behind.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { processAlive } from '@tally/ingest';
import { DataError } from './cli_errors.ts';

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
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Already gone or not ours to remove: nothing more can be done on the way out.
  }
  pending.delete(path);
}

/**
 * Writes several files as one unit. When they all go into one folder that holds nothing else of the user's (the
 * audit's report pair), the new pair is written to a temporary folder beside it, fsynced, and swapped in by two
 * renames (old folder aside, new folder in): a reader finds the old pair or the new pair, never one of each. A kill
 * between the two renames leaves the old folder beside it under a marked name; the next run puts it back (see
 * recoverInterruptedSwaps). Otherwise each file is written to a fsynced temporary file and renamed over its target.
 * On a write error every temporary is removed and the error is rethrown; no target has been touched yet.
 */
export function writeFilesAtomic(files: readonly OutputFile[]): void {
  const folders = [...new Set(files.map((f) => resolve(dirname(f.path))))];
  for (const folder of folders) recoverInterruptedSwaps(folder);
  const folder = folders.length === 1 && files.length > 1 ? folders[0] : undefined;
  if (
    folder !== undefined &&
    holdsOnly(
      folder,
      files.map((f) => basename(f.path)),
    )
  ) {
    swapFolder(folder, files);
    return;
  }
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = tempPathFor(f.path);
      pending.add(tmp);
      temps.push(tmp);
      writeDurably(tmp, f.data);
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
  for (const f of folders) fsyncFolder(f);
}

/** Writes a file and flushes it to disk before returning. */
function writeDurably(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot fsync a folder; the renames are still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True when the folder exists and has no entry other than `names` (so it can be replaced whole). */
function holdsOnly(folder: string, names: readonly string[]): boolean {
  try {
    return readdirSync(folder).every((e) => names.includes(e));
  } catch {
    return false;
  }
}

const NEW_MARK = '.tally-new-';
const OLD_MARK = '.tally-old-';

function swapFolder(folder: string, files: readonly OutputFile[]): void {
  const parent = dirname(folder);
  const name = basename(folder);
  counter++;
  const fresh = join(parent, `.${name}${NEW_MARK}${process.pid}-${counter}`);
  const old = join(parent, `.${name}${OLD_MARK}${process.pid}-${counter}`);
  pending.add(fresh);
  try {
    mkdirSync(fresh, { mode: statSync(folder).mode & 0o7777 });
    for (const f of files) writeDurably(join(fresh, basename(f.path)), f.data);
    fsyncFolder(fresh);
  } catch (e) {
    removeQuietly(fresh);
    throw e;
  }
  renameSync(folder, old);
  renameSync(fresh, folder);
  pending.delete(fresh);
  fsyncFolder(parent);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Clears what a killed run left beside `folder` or inside it: a half-written new folder or temporary file is removed;
 * an old folder set aside just before a kill is put back when the target is missing (else removed).
 */
export function recoverInterruptedSwaps(folder: string): void {
  const parent = dirname(folder);
  const name = basename(folder);
  const dead = (entry: string, prefix: string): boolean => {
    const pid = /^(\d+)-/.exec(entry.slice(prefix.length));
    return pid !== null && !processAlive(Number(pid[1]));
  };
  let siblings: string[] = [];
  let inside: string[] = [];
  try {
    siblings = readdirSync(parent);
    inside = readdirSync(folder);
  } catch {
    // A missing folder is created by the command, or restored below.
  }
  for (const entry of siblings) {
    const newPrefix = `.${name}${NEW_MARK}`;
    const oldPrefix = `.${name}${OLD_MARK}`;
    if (entry.startsWith(newPrefix) && dead(entry, newPrefix)) removeQuietly(join(parent, entry));
    if (entry.startsWith(oldPrefix) && dead(entry, oldPrefix)) {
      if (existsSync(folder)) removeQuietly(join(parent, entry));
      else renameSync(join(parent, entry), folder);
    }
  }
  for (const entry of inside) {
    const temp = /^\..+\.tmp-(\d+)-\d+$/.exec(entry);
    if (temp !== null && !processAlive(Number(temp[1]))) removeQuietly(join(folder, entry));
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
