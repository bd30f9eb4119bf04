// Runs every *.test.ts under packages/ and apps/ with node's test runner (Node 20 does not expand globs).
// Pass file paths or folders to run a subset: `node scripts/run_tests.mjs packages/core`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function collect(path, out) {
  const st = statSync(path);
  if (st.isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    collect(join(path, name), out);
  }
}

const roots = process.argv.slice(2);
const files = [];
for (const root of roots.length > 0 ? roots : ['packages', 'apps', 'bench']) collect(root, files);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const concurrency = process.env.TALLY_TEST_CONCURRENCY ?? '2';
// The CLI's ingest cache goes to a folder of this run (never the user's ~/.cache), removed at the end.
const cacheDir = mkdtempSync(join(tmpdir(), 'tally-test-cache-'));
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, TALLY_CACHE_DIR: cacheDir } },
);
rmSync(cacheDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
