/**
 * The ingest cache as the CLI uses it: on by default for every command that loads data, off with `--no-cache` or
 * TALLY_NO_CACHE=1, kept in TALLY_CACHE_DIR, $XDG_CACHE_HOME/tally or ~/.cache/tally, and keyed on this build.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestCacheDir, useIngestCache } from '@tally/ingest';
import { bundledEntry } from '@tally/parallel/bundle_location';
import type { Command } from 'commander';
import { TALLY_VERSION } from './version.ts';

/** The commands that load data files, and so take `--no-cache`. */
export const CACHED_COMMANDS: ReadonlySet<string> = new Set([
  'audit',
  'validate',
  'summary',
  'latecount',
  'run',
  'simulate',
  'calibrate',
  'batch',
]);

/** Adds `--no-cache` to a command and turns the cache on or off before its action runs. */
export function withCacheOption(command: Command): Command {
  return command
    .option('--no-cache', 'read and validate the input again instead of using the ingest cache')
    .hook('preAction', (_self, action) => {
      const off = action.opts().cache === false || Boolean(process.env.TALLY_NO_CACHE);
      useIngestCache(off ? undefined : { dir: ingestCacheDir(), version: cacheVersion() });
    });
}

/**
 * Tally's version and build: the bundle's folder name (a new one per build), or under tsx the newest modification
 * time of the sources a load runs (core, ingest, presets), so an edited loader never reads an older loader's entry.
 */
export function cacheVersion(): string {
  const bundle = bundledEntry('');
  if (bundle !== undefined) return `${TALLY_VERSION}+${basename(fileURLToPath(bundle))}`;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const dirs = ['packages/core/src', 'packages/ingest/src', 'packages/ingest/presets'].map((d) => join(root, d));
  return `${TALLY_VERSION}+source-${Math.max(...dirs.map(newestMtime))}`;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
