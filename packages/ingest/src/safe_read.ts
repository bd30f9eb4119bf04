/**
 * Reading the small text files that steer a load (mapping, allegation, manifest, station list) safely: only regular
 * files (a FIFO or /dev/zero would block or never end), and only up to a size no such file reaches.
 */
import { Buffer } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { err, ok, type Result, type TallyError } from '@tally/core';

/** Largest mapping, allegation, manifest or station list read (a station list of 1M ids is about 10 MiB). */
export const MAX_SMALL_FILE_BYTES = 64 * 2 ** 20;

/** Why a path cannot be read, in words, from a Node error. */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/**
 * Reads a regular file as UTF-8 text, refusing devices, FIFOs, sockets, folders and files over `maxBytes`.
 * `what` names the file's role in messages ("the mapping file"). The file is opened non-blocking so that opening
 * a FIFO with no writer does not wait, then checked on the open descriptor (no race between check and read).
 */
export function readSmallText(path: string, what: string, maxBytes = MAX_SMALL_FILE_BYTES): Result<string, TallyError> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return err({ kind: 'io_error', file: path, message: `${path}: cannot read ${what}: ${ioReason(e)}` });
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      return err({ kind: 'io_error', file: path, message: `${path}: cannot read ${what}: is a folder, not a file` });
    }
    if (!stat.isFile()) {
      return err({
        kind: 'io_error',
        file: path,
        message: `${path}: ${what} is not a regular file (a device or pipe)`,
      });
    }
    if (stat.size > maxBytes) {
      return err({
        kind: 'parse_error',
        file: path,
        rule: 'file_too_large',
        message: `${path}: ${what} is ${stat.size} bytes, more than the limit of ${maxBytes / 2 ** 20} MiB`,
      });
    }
    const buffer = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return ok(buffer.subarray(0, filled).toString('utf8'));
  } catch (e) {
    return err({ kind: 'io_error', file: path, message: `${path}: cannot read ${what}: ${ioReason(e)}` });
  } finally {
    closeSync(fd);
  }
}
