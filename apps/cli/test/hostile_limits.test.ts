/**
 * Issue 21's hostile corpus through the real binary (packages/ingest/test/hostile_limits.ts): every bomb and trap
 * ends in exit 1 with a message naming the file and the rule, no stack trace, no hang, and no file left behind.
 * Peak memory is measured by scripts/bench_hostile.sh, not here (no timing or memory assertions in tests).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDuckDb, processAlive, quoteLiteral } from '@tally/ingest';
import { HOSTILE_LIMITS } from '../../../packages/ingest/test/hostile_limits.ts';
import { hasStackTrace, ROOT, runCli } from './run_cli.ts';

const MAP = join(ROOT, 'packages', 'ingest', 'test', 'corpus', 'map.json');
const TIMEOUT_MS = 180_000;

/** Loader temporary folders of processes that are gone: a leak. */
function deadTempFolders(): string[] {
  return readdirSync(tmpdir()).filter((e) => {
    const m = /^tally-read-(\d+)-/.exec(e);
    return m !== null && !processAlive(Number(m[1]));
  });
}

test('hostile corpus: exit 1, the file and rule named, no stack trace, nothing left behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-hostile-limits-'));
  const leakedBefore = deadTempFolders();
  try {
    for (const k of HOSTILE_LIMITS) k.make(dir);
    const conn = await openDuckDb();
    await conn.run(
      `COPY (SELECT (range % 7)::VARCHAR AS station FROM range(50000000)) TO ${quoteLiteral(join(dir, 'many.parquet'))} (FORMAT parquet)`,
    );
    conn.closeSync();
    const made = readdirSync(dir).sort();
    for (const k of HOSTILE_LIMITS) {
      const path = join(dir, k.file);
      const map = k.map === undefined ? MAP : join(dir, k.map);
      const args = k.rule === 'invalid_manifest' ? ['validate', path] : ['validate', path, '--map', map];
      const run = await runCli(args, TIMEOUT_MS);
      const text = run.stdout + run.stderr;
      assert.equal(run.code, 1, `${k.name} (${k.what}): exit ${run.code}\n${text.slice(0, 2000)}`);
      const named = k.map !== undefined && k.rule === 'io_error' ? map : path;
      assert.ok(text.includes(named), `${k.name}: the message does not name ${named}\n${text.slice(0, 2000)}`);
      assert.ok(text.includes(`[${k.rule}]`), `${k.name}: rule ${k.rule} not named\n${text.slice(0, 2000)}`);
      assert.equal(hasStackTrace(text), false, `${k.name}: stack trace\n${text.slice(0, 2000)}`);
      assert.deepEqual(readdirSync(dir).sort(), made, `${k.name}: files left in the input folder`);
    }
    assert.deepEqual(deadTempFolders(), leakedBefore, 'decompressed temporary folders left behind');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
