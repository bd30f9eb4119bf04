// Preloaded into a `tally` child process by cancellation.test.ts (`node --import <this file> tally.js ...`): writes
// "sigint-handler\n" to file descriptor 3 as soon as the CLI installs its SIGINT handler, so the test sends Ctrl-C
// on that event instead of after a fixed delay (a loaded machine may not even have started the CLI by then).
import { writeSync } from 'node:fs';

process.on('newListener', (event) => {
  if (event === 'SIGINT') writeSync(3, 'sigint-handler\n');
});
