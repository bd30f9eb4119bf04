#!/usr/bin/env node
// Entry point of the `tally` command. Runs the bundled CLI (apps/cli/dist), rebuilding it first when any source is
// newer; set TALLY_NO_BUNDLE=1 to run the TypeScript sources through tsx instead.
import { pathToFileURL } from 'node:url';

// A closed pipe (e.g. `tally summary ... | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

async function loadMain() {
  if (!process.env.TALLY_NO_BUNDLE) {
    try {
      const { buildCli, freshBundle } = await import('../build.mjs');
      const bundle = freshBundle() ?? (await buildCli());
      return await import(pathToFileURL(bundle).href);
    } catch (e) {
      if (process.env.TALLY_DEBUG) process.stderr.write(`bundle unavailable, using tsx: ${e}\n`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/main.ts');
}

// Ctrl-C while the CLI is still loading: nothing has been written yet. main() installs the real handler; this one
// stays registered until main() returns (removing it would close the signal watcher and drop a signal caught while
// the bundle was being evaluated), and steps aside while main()'s handler is there.
const early = () => {
  if (process.listenerCount('SIGINT') > 1) return;
  process.stderr.write('tally: cancelled while starting; nothing was written\n');
  process.exit(130);
};
process.on('SIGINT', early);
const { main } = await loadMain();
process.exitCode = await main(process.argv);
process.off('SIGINT', early);
