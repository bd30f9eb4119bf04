/**
 * Hostile files of kinds the corpus does not list (packages/ingest/test/hostile_kinds.ts: UTF-16, a NUL byte, 100,000
 * columns, a 10 MB line, a zip of junk named .xlsx, nested JSON, only delimiters, a symbolic link loop, mixed
 * encodings, a numeric header). Each goes through the real binary: exit 1, a message naming the file (and the row
 * where one applies), no stack trace, and an exit within the subprocess timeout.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HOSTILE_KINDS, makeHostileKinds } from '../../../packages/ingest/test/hostile_kinds.ts';
import { hasStackTrace, ROOT, runCli } from './run_cli.ts';

const MAP = join(ROOT, 'packages', 'ingest', 'test', 'corpus', 'map.json');
/** Generous for a loaded two-core machine; a hang (the failure this guards against) never ends. */
const TIMEOUT_MS = 120_000;

test('ten novel hostile files: exit 1, the file (and row) named, no stack trace, no hang', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-hostile-'));
  try {
    makeHostileKinds(dir);
    for (const k of HOSTILE_KINDS) {
      const path = join(dir, k.file);
      const run = await runCli(['validate', path, '--map', MAP], TIMEOUT_MS);
      const text = run.stdout + run.stderr;
      assert.equal(run.code, 1, `${k.name} (${k.what}): exit ${run.code}\n${text.slice(0, 2000)}`);
      assert.ok(
        run.stderr.includes(path),
        `${k.name}: the message does not name the file\n${run.stderr.slice(0, 2000)}`,
      );
      assert.equal(hasStackTrace(text), false, `${k.name}: stack trace\n${text.slice(0, 2000)}`);
      assert.ok(run.stderr.length < 10_000, `${k.name}: ${run.stderr.length} characters of error output`);
      if (k.row !== undefined) {
        assert.ok(
          text.includes(`${path}:${k.row}:`) || text.includes(`row ${k.row}`),
          `${k.name}: row ${k.row}\n${text}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
