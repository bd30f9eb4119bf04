/**
 * Where the bundled CLI's worker entries are. The bundle's entry module records its folder here at start-up;
 * under tsx (tests, TALLY_NO_BUNDLE=1) nothing is recorded and workers load the TypeScript sources instead.
 * This module imports nothing, so the bundle entry can load it without pulling in the rest of the code.
 */

let bundleDir: string | undefined;

/** Records the folder URL (ending in '/') that holds the bundled worker entries. */
export function setBundleDir(dirUrl: string): void {
  bundleDir = dirUrl.endsWith('/') ? dirUrl : `${dirUrl}/`;
}

/** URL of the bundled worker entry `file` (e.g. 'chunk_worker.mjs'), or undefined when not running from the bundle. */
export function bundledEntry(file: string): URL | undefined {
  return bundleDir === undefined ? undefined : new URL(file, bundleDir);
}
