#!/usr/bin/env node
// Entry point of the `tally` command. Runs the built CLI (apps/cli/dist, made by `npm run build`, which npm ci runs);
// it never builds at start-up, and warns when a source file changed since the build. TALLY_NO_BUNDLE=1 runs the
// TypeScript sources through tsx instead (a development checkout: tsx is a dev dependency).
import { pathToFileURL } from 'node:url';
import { currentBundle, staleSource } from '../build_state.mjs';

// A closed pipe (e.g. `tally summary ... | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

async function loadMain() {
  if (process.env.TALLY_NO_BUNDLE) {
    const { register } = await import('tsx/esm/api').catch(() => {
      process.stderr.write('tally: TALLY_NO_BUNDLE=1 needs tsx, a dev dependency (npm ci without --omit=dev)\n');
      process.exit(1);
    });
    register();
    return import('../src/main.ts');
  }
  const bundle = currentBundle();
  if (bundle === undefined) {
    process.stderr.write('tally: the CLI is not built (apps/cli/dist has no build): run `npm run build`\n');
    process.exit(1);
  }
  const changed = staleSource();
  if (changed !== undefined) {
    process.stderr.write(
      `tally: warning: the build in apps/cli/dist is older than ${changed}; it runs the code as it was built. ` +
        'Run `npm run build` to use the current sources.\n',
    );
  }
  return import(pathToFileURL(bundle).href);
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
