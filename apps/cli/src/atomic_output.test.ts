import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pendingTempFiles, recoverInterruptedSwaps, writeFilesAtomic } from './atomic_output.ts';

/** A process id that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(String(child.stdout));
}

test('a report pair in its own folder is replaced as a whole; nothing temporary remains beside it', () => {
  const parent = mkdtempSync(join(tmpdir(), 'tally-atomic-pair-'));
  const out = join(parent, 'out');
  try {
    mkdirSync(out);
    writeFileSync(join(out, 'report.json'), 'old json');
    writeFileSync(join(out, 'report.html'), 'old html');
    writeFilesAtomic([
      { path: join(out, 'report.json'), data: 'new json' },
      { path: join(out, 'report.html'), data: 'new html' },
    ]);
    assert.equal(readFileSync(join(out, 'report.json'), 'utf8'), 'new json');
    assert.equal(readFileSync(join(out, 'report.html'), 'utf8'), 'new html');
    assert.deepEqual(readdirSync(parent), ['out']);
    assert.deepEqual(pendingTempFiles(), []);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('a kill between the two renames is undone by the next run: the old pair comes back, never a mix', () => {
  const parent = mkdtempSync(join(tmpdir(), 'tally-atomic-kill-'));
  const out = join(parent, 'out');
  const pid = deadPid();
  try {
    // The state a kill -9 leaves between "old folder aside" and "new folder in".
    const old = join(parent, `.out.tally-old-${pid}-1`);
    const fresh = join(parent, `.out.tally-new-${pid}-1`);
    mkdirSync(old);
    writeFileSync(join(old, 'report.json'), 'old json');
    writeFileSync(join(old, 'report.html'), 'old html');
    mkdirSync(fresh);
    writeFileSync(join(fresh, 'report.json'), 'new json');
    recoverInterruptedSwaps(out);
    assert.deepEqual(readdirSync(parent), ['out']);
    assert.equal(readFileSync(join(out, 'report.html'), 'utf8'), 'old html');
    // A temporary file of a dead run inside the folder is removed too; a live run's is kept.
    writeFileSync(join(out, `.report.json.tmp-${pid}-3`), 'partial');
    writeFileSync(join(out, `.report.json.tmp-${process.pid}-3`), 'mine');
    recoverInterruptedSwaps(out);
    assert.deepEqual(readdirSync(out).sort(), [`.report.json.tmp-${process.pid}-3`, 'report.html', 'report.json']);
    renameSync(join(out, `.report.json.tmp-${process.pid}-3`), join(parent, 'kept'));
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
