/**
 * What keeps a local web app safe from a hostile page in the same browser: a per-server token that only the served
 * page knows (blocks cross-site requests), a Host check (blocks DNS rebinding), and a path guard (files are read only
 * below folders the user chose when starting the server).
 */
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A fresh random token for one server run. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** True for loopback addresses and names. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** True when a request's Host header names this server on an allowed name. */
export function hostAllowed(hostHeader: string | undefined, allowedHosts: readonly string[]): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
  return isLoopbackHost(name) || allowedHosts.includes(name);
}

/**
 * Resolves a user-given path and checks that it lies inside one of `roots` (after following symlinks).
 * Returns undefined when it does not or does not exist.
 */
export function guardPath(userPath: string, roots: readonly string[]): string | undefined {
  if (userPath.includes('\u0000')) return undefined;
  let real: string;
  try {
    real = realpathSync(resolve(roots[0] ?? '.', userPath));
  } catch {
    return undefined;
  }
  for (const root of roots) {
    let realRoot: string;
    try {
      realRoot = realpathSync(root);
    } catch {
      continue;
    }
    const rel = relative(realRoot, real);
    if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) return real;
  }
  return undefined;
}
