// Which build of the CLI is current (apps/cli/dist/current) and whether its sources changed since. Read by
// bin/tally.js at every start, so it imports nothing but Node and never builds.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const DIST = join(HERE, 'dist');
/** The pointer file: "<build folder name>\n<newest source mtime it was built from>\n". */
export const CURRENT = join(DIST, 'current');
/** In each build folder: the repository-relative paths of the source files the build was made from. */
export const INPUTS_FILE = 'inputs.json';

/** The current build ({ dir, builtFrom }), or undefined when there is none. */
export function readCurrent() {
  try {
    const [dir, builtFrom] = readFileSync(CURRENT, 'utf8').split('\n');
    return { dir, builtFrom: Number(builtFrom) };
  } catch {
    return undefined;
  }
}

/** Path of the current build's tally.mjs, or undefined when the CLI has not been built. */
export function currentBundle() {
  const current = readCurrent();
  if (current === undefined) return undefined;
  const main = join(DIST, current.dir, 'tally.mjs');
  try {
    statSync(main);
    return main;
  } catch {
    return undefined;
  }
}

/**
 * The first source file of the current build that changed (or disappeared) since it was built, repository-relative;
 * undefined when the build is up to date or there is no build. Only the files the bundler read count, so editing a
 * test or a golden file does not make the build stale.
 */
export function staleSource() {
  const current = readCurrent();
  if (current === undefined) return undefined;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(DIST, current.dir, INPUTS_FILE), 'utf8'));
  } catch {
    return `${INPUTS_FILE} of the current build`;
  }
  for (const input of inputs) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs > current.builtFrom) return input;
    } catch {
      return input;
    }
  }
  return undefined;
}
