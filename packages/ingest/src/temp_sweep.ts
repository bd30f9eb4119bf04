/**
 * Temporary files and folders carry the id of the process that made them (`<prefix><pid>-...`), so that leftovers
 * of a killed run can be told from those of a run still going, and removed.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** True when a process with this id is running (or exists but belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `dir` named `<prefix><pid>-...` whose process is gone; entries with the prefix but no
 * process id (an older version's) are removed once older than `legacyMaxAgeMs`. Best effort: errors are ignored.
 */
export function sweepDeadEntries(dir: string, prefix: string, legacyMaxAgeMs = 3600_000): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((e) => e.startsWith(prefix));
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    const pid = /^(\d+)-/.exec(entry.slice(prefix.length));
    try {
      const stale = pid ? !processAlive(Number(pid[1])) : Date.now() - statSync(path).mtimeMs > legacyMaxAgeMs;
      if (stale) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process may be removing it at the same time.
    }
  }
}
