// Runs `npm run test:unit` while two CPU-bound processes run on the same machine (issue #17: the suite must pass on a
// loaded 2-core CI machine). The burners are plain busy loops started here and stopped by their own process ids when
// the suite ends. Prints one final line, "test:unit under load: passed|FAILED (exit N) in S s", and exits with the
// suite's status. Usage: node scripts/test_under_load.mjs [burners=2]
import { spawn } from 'node:child_process';

const count = Number(process.argv[2] ?? 2);
const burners = Array.from({ length: count }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stop = () => {
  for (const b of burners) if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
};
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});
const started = Date.now();
const suite = spawn('npm', ['run', 'test:unit'], { stdio: 'inherit' });
suite.on('exit', (code, signal) => {
  stop();
  const status = code ?? (signal ? 1 : 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `test:unit under load (${count} CPU burners): ${status === 0 ? 'passed' : 'FAILED'} (exit ${status}) in ${seconds} s`,
  );
  process.exit(status);
});
