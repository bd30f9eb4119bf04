#!/usr/bin/env node
// Entry point of the `tally` command: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

// A closed pipe (e.g. `tally summary ... | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
