/** Uploaded files on disk: streamed there under a size limit, and the leftovers of killed runs swept away. */
import { createWriteStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sweepDeadEntries } from '@tally/ingest';

/** Prefix of the server's upload folders in the system's temporary folder. */
export const UPLOAD_DIR_PREFIX = 'tally-uploads-';

/**
 * Streams a request body to `path`, never holding it in memory. Returns false (and leaves a partial file for the
 * caller to remove) once more than `maxBytes` arrive.
 */
export async function saveUpload(
  body: ReadableStream<Uint8Array> | null,
  path: string,
  maxBytes: number,
): Promise<boolean> {
  let received = 0;
  let tooLarge = false;
  const source = body === null ? Readable.from([]) : Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  const counted = source.map((chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes) {
      tooLarge = true;
      throw new Error('upload too large');
    }
    return chunk;
  });
  try {
    await pipeline(counted, createWriteStream(path));
  } catch (e) {
    if (tooLarge) return false;
    throw e;
  }
  return true;
}

/** A fresh upload folder for this process, removed when the process exits; stale ones of dead servers go first. */
export function newUploadDir(): string {
  sweepDeadEntries(tmpdir(), UPLOAD_DIR_PREFIX);
  const dir = mkdtempSync(join(tmpdir(), `${UPLOAD_DIR_PREFIX}${process.pid}-`));
  ownDirs.add(dir);
  if (ownDirs.size === 1) process.on('exit', removeOwnDirs);
  return dir;
}

/** A fresh folder for an edited allegation inside an example (its relative paths must resolve there). */
export function newEditDir(exampleDir: string): string {
  const dir = mkdtempSync(join(exampleDir, `${EDIT_DIR_PREFIX}${process.pid}-`));
  ownDirs.add(dir);
  if (ownDirs.size === 1) process.on('exit', removeOwnDirs);
  return dir;
}

/** Removes a folder made by newEditDir or newUploadDir. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  ownDirs.delete(dir);
}

/** Removes edited allegations that killed servers left inside the bundled examples. */
export function sweepEditFolders(examplesDir: string): void {
  let examples: string[] = [];
  try {
    examples = readdirSync(examplesDir);
  } catch {
    return;
  }
  for (const example of examples) sweepDeadEntries(join(examplesDir, example), EDIT_DIR_PREFIX);
}

const EDIT_DIR_PREFIX = '.tally-edit-';
const ownDirs = new Set<string>();

function removeOwnDirs(): void {
  for (const dir of ownDirs) rmSync(dir, { recursive: true, force: true });
  ownDirs.clear();
}
