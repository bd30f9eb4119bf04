/**
 * Cancellation and atomic output, for real: the `tally` binary is started as a subprocess, sent SIGINT while it
 * works, and must exit 130 with one line on stderr, no stack trace, and nothing (not even a temporary file) in its
 * output folder. The helper itself is checked in process: all temporaries first, then renames; nothing left on error.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { pendingTempFiles, writeFileAtomic, writeFilesAtomic } from '../src/atomic_output.ts';
import { ensureBuilt, hasStackTrace, ROOT } from './run_cli.ts';

const BIN = join(ROOT, 'apps', 'cli', 'bin', 'tally.js');
ensureBuilt();

const PROBE = pathToFileURL(join(ROOT, 'apps', 'cli', 'test', 'signal_ready_probe.mjs')).href;

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  stdout: string;
}

/**
 * Starts `tally ...args` and sends SIGINT once the CLI has installed its handler (the probe reports it on file
 * descriptor 3), then waits for the exit. No fixed delay: the commands used take seconds of work after that point, so
 * the signal lands while they run however slow the machine is. A child that never exits is left to node:test's limit.
 */
function interrupt(args: string[]): Promise<Interrupted> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', PROBE, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', TALLY_DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    const ready = child.stdio[3] as NodeJS.ReadableStream;
    let sent = false;
    ready.on('data', (d) => {
      if (!sent && String(d).includes('sigint-handler')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, stdout }));
  });
}

function assertCancelled(run: Interrupted, dir: string): void {
  assert.equal(run.signal, null, `killed by ${run.signal} instead of handling it; stderr: ${run.stderr}`);
  assert.equal(run.code, 130, `exit ${run.code}; stderr: ${run.stderr}`);
  assert.equal(hasStackTrace(run.stderr), false, run.stderr);
  // Progress lines (one per phase, stderr not being a terminal) may come first; the cancellation is the one last line.
  const lines = run.stderr.trim().split('\n');
  assert.match(lines[lines.length - 1], /^tally: cancelled/, run.stderr);
  for (const l of lines.slice(0, -1)) assert.match(l, /^tally: (reading|analysis|writing) /, run.stderr);
  const left = existsSync(dir) ? readdirSync(dir) : [];
  assert.deepEqual(left, [], `left behind in ${dir}: ${left.join(', ')}`);
}

test('Ctrl-C during `tally audit --out DIR`: exit 130, one line, DIR holds no report and no temporary file', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'tally-cancel-')), 'report');
  try {
    // The audit of the Bolivia example reads four tables and runs for seconds after the handler is installed.
    const run = await interrupt(['audit', 'examples/bolivia-2019/allegation.yaml', '--out', dir]);
    assertCancelled(run, dir);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

test('Ctrl-C during a synchronous simulation: acted on before anything is written (out and truth files)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-cancel-'));
  try {
    // 1,000,000 stations take seconds of pure computation: the signal waits for it, then the commit step sees it first.
    const run = await interrupt(['simulate', '--stations', '1000000', '--out', join(dir, 'sim.csv'), '--seed', '1']);
    assertCancelled(run, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writeFilesAtomic: every file lands whole, and no temporary file is left', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-atomic-'));
  try {
    writeFileSync(join(dir, 'a.json'), 'old');
    writeFilesAtomic([
      { path: join(dir, 'a.json'), data: 'new a' },
      { path: join(dir, 'b.html'), data: new Uint8Array([104, 105]) },
    ]);
    assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), 'new a');
    assert.equal(readFileSync(join(dir, 'b.html'), 'utf8'), 'hi');
    writeFileAtomic(join(dir, 'c.txt'), 'c');
    assert.deepEqual(readdirSync(dir).sort(), ['a.json', 'b.html', 'c.txt']);
    assert.deepEqual(pendingTempFiles(), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writeFilesAtomic: when one file cannot be written, no target is touched and the temporaries are removed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-atomic-'));
  try {
    writeFileSync(join(dir, 'a.json'), 'old');
    assert.throws(() =>
      writeFilesAtomic([
        { path: join(dir, 'a.json'), data: 'new a' },
        { path: join(dir, 'sub', 'missing-folder.json'), data: 'x' },
      ]),
    );
    assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['a.json']);
    assert.deepEqual(pendingTempFiles(), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
