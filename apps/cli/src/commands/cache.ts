/** `tally cache info` and `tally cache clear`: the ingest cache's folder, entries and size. */
import { clearIngestCache, ingestCacheDir, listCacheEntries } from '@tally/ingest';
import { Command } from 'commander';
import { printJson } from '../cli_io.ts';

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** The cache command. */
export function cacheCommand(): Command {
  const cache = new Command('cache').description(
    'the ingest cache: validated inputs kept so that a repeat run skips reading them (see --no-cache)',
  );
  cache
    .command('info')
    .description('where the cache is, how many entries it holds and their size')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const dir = ingestCacheDir();
      const entries = listCacheEntries(dir);
      const bytes = entries.reduce((s, e) => s + e.bytes, 0);
      if (opts.json) {
        printJson({ dir, entries: entries.length, bytes });
        return;
      }
      process.stdout.write(`${dir}\n${entries.length} entries, ${mib(bytes)}\n`);
    });
  cache
    .command('clear')
    .description('remove every entry of the cache')
    .action(() => {
      const dir = ingestCacheDir();
      const removed = clearIngestCache(dir);
      process.stdout.write(`removed ${removed.entries} entries (${mib(removed.bytes)}) from ${dir}\n`);
    });
  return cache;
}
