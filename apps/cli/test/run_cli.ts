/** Runs the real `tally` command as a subprocess (as a user would), capturing exit code, stdout and stderr. */
import { execFile, execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'apps', 'cli', 'bin', 'tally.js');

let built = false;

/**
 * Builds the CLI when its build is missing or older than a source (once per test process), so a test that starts
 * the binary never runs a stale build. `npm test` builds first anyway; this covers a single test file run alone.
 */
export function ensureBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'apps', 'cli', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  built = true;
}

/** What one run of the CLI produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node apps/cli/bin/tally.js ...args` from the repository root, without color. The limit only stops a hung
 * process: it is generous (10 min) so that a machine under load never trips it; how fast a command is belongs in
 * `npm run bench`, not in a test.
 */
export function runCli(args: string[], timeoutMs = 600_000): Promise<CliRun> {
  ensureBuilt();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', TALLY_DEBUG: '' }, timeout: timeoutMs, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** True when the text holds a JavaScript stack trace or an internal-error banner. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(\.[cm]?[jt]s:\d+|<anonymous>|node:)/m.test(text) || /internal error/i.test(text);
}

/**
 * Runs the CLI's `main` in this process (the same code the binary runs, without a process start), capturing what it
 * writes. Used for the many cases; a few cases go through `runCli` to cover the real binary.
 */
export async function runMain(args: string[]): Promise<CliRun> {
  const { main } = await import('../src/main.ts');
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const errw = process.stderr.write;
  const noColor = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  // node's test runner reports to its parent through this process's stdout as binary chunks while a test awaits;
  // those pass through untouched (the CLI writes strings), or the runner would lose results.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (typeof chunk !== 'string') return (out as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'tally', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = errw;
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}
