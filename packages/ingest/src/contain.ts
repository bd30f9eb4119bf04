/** Containment: whether a path, after following every symbolic link, lies inside one of some folders. */
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The real path of `path` (symbolic links followed), or undefined when it does not exist or cannot be resolved. */
function realPath(path: string): string | undefined {
  if (path.includes('\u0000')) return undefined;
  try {
    return realpathSync(resolve(path));
  } catch {
    return undefined;
  }
}

/** True when `path` (which must exist) resolves to a location inside one of `roots` (or to a root itself). */
export function isInside(path: string, roots: readonly string[]): boolean {
  const real = realPath(path);
  if (real === undefined) return false;
  for (const root of roots) {
    const realRoot = realPath(root);
    if (realRoot === undefined) continue;
    const rel = relative(realRoot, real);
    if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) return true;
  }
  return false;
}
