/** `tally validate` on broken files (the real binary, and its `main` in process): documented exit codes, messages naming file/row/column/rule. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { type CliRun, hasStackTrace, runCli, runMain } from './run_cli.ts';

const CORPUS = join('packages', 'ingest', 'test', 'corpus');
const MAP = join(CORPUS, 'map.json');
const at = (f: string) => join(CORPUS, f);

interface Expect {
  file: string;
  map?: string;
  code: number;
  /** Strings the combined output must contain. */
  says: string[];
}

const CASES: Expect[] = [
  { file: 'ok_baseline.csv', code: 0, says: ['4 rows, 4 stations read, 0 rows excluded', '0 error(s)'] },
  {
    file: 'negative_count.csv',
    code: 1,
    says: [`${at('negative_count.csv')}:3: column "A":`, '[negative_count]', '1 rows excluded'],
  },
  {
    file: 'quoted_fields.csv',
    code: 1,
    says: [`${at('quoted_fields.csv')}:6: column "A":`, '[not_a_count]'],
  },
  { file: 'truncated_row.csv', code: 1, says: [`${at('truncated_row.csv')}:3:`, '[ragged_row]', '4 rows'] },
  { file: 'truncated.csv.gz', code: 1, says: [at('truncated.csv.gz'), 'gzip', '[unreadable_gzip]'] },
  { file: 'garbage.bin', code: 1, says: [at('garbage.bin'), 'row 2', '[stray_carriage_return]'] },
  { file: 'damaged.xlsx', code: 1, says: [at('damaged.xlsx'), 'sheet1.xml', '[unreadable_xlsx]'] },
  { file: 'stray_quote.csv', code: 1, says: [at('stray_quote.csv'), 'row 4', '[stray_quote]'] },
  { file: 'unterminated_quote.csv', code: 1, says: [at('unterminated_quote.csv'), 'row 3', '[unterminated_quote]'] },
  { file: 'missing_column.csv', code: 1, says: [at('missing_column.csv'), '"registered"', '[missing_column]'] },
  { file: 'empty.csv', code: 1, says: [at('empty.csv'), 'empty', '[empty_file]'] },
  { file: 'a_folder.csv', code: 1, says: [at('a_folder.csv'), 'folder'] },
  { file: 'does_not_exist.csv', code: 1, says: [at('does_not_exist.csv'), 'no such file'] },
  { file: 'ok_baseline.csv', map: 'map_wrong_types.json', code: 1, says: [at('map_wrong_types.json'), 'candidates'] },
  {
    file: 'ballots_exceed_registered.csv',
    code: 0,
    says: [
      `${at('ballots_exceed_registered.csv')}:4: column "registered":`,
      '[ballots_exceed_registered]',
      '2 warning(s)',
    ],
  },
];

/** These go through the real binary as a subprocess; the rest run the same `main` in process (a start costs ~2 s CPU). */
const SUBPROCESS = new Set(['negative_count.csv', 'truncated.csv.gz', 'a_folder.csv']);

test('tally validate on corpus files: exit codes, file:row: column: message [rule], no stack traces', async () => {
  const args = (c: Expect) => ['validate', at(c.file), '--map', c.map ? at(c.map) : MAP];
  const sub = Promise.all(CASES.map((c) => (SUBPROCESS.has(c.file) ? runCli(args(c)) : undefined)));
  const inProcess: (CliRun | undefined)[] = [];
  for (const c of CASES) inProcess.push(SUBPROCESS.has(c.file) ? undefined : await runMain(args(c)));
  const subRuns = await sub;
  CASES.forEach((c, k) => {
    const run = inProcess[k] ?? subRuns[k];
    assert.ok(run);
    const { code, stdout, stderr } = run;
    const all = `${stdout}${stderr}`;
    assert.equal(code, c.code, `${c.file}: exit code\n${all}`);
    for (const s of c.says) assert.ok(all.includes(s), `${c.file}: output should contain ${JSON.stringify(s)}\n${all}`);
    assert.ok(!hasStackTrace(all), `${c.file}: no stack trace\n${all}`);
    if (c.code === 1) assert.ok(stderr.startsWith('error:'), `${c.file}: stderr starts with "error:"\n${stderr}`);
  });
});

test('tally validate --json and summary on a flagged file: warnings carried, rows = stations + excluded', async () => {
  const refusedRun = runCli(['summary', at('negative_count.csv'), '--map', MAP, '--json']);
  const validate = await runMain(['validate', at('duplicate_ids.csv'), '--map', MAP, '--json']);
  const summary = await runMain(['summary', at('ballots_exceed_registered.csv'), '--map', MAP, '--json']);
  const usage = await runMain(['validate', at('ok_baseline.csv')]);
  const refused = await refusedRun;

  assert.equal(validate.code, 1);
  const v = JSON.parse(validate.stdout);
  assert.equal(v.rows, 5);
  assert.equal(v.stations, 4);
  assert.equal(v.rowsExcluded, 1);
  assert.equal(v.rows, v.stations + v.rowsExcluded);
  assert.deepEqual(
    v.issues.map((i: { rule: string; row: number; column: string }) => [i.rule, i.row, i.column]),
    [['duplicate_station_id', 6, 'station']],
  );

  assert.equal(summary.code, 0, summary.stderr);
  const s = JSON.parse(summary.stdout);
  assert.equal(s.stations, 4);
  assert.equal(s.rows, s.stations + s.rowsExcluded);
  assert.equal(s.warnings, 2);
  assert.equal(s.registered, 100 + 120 + 50 + 110);
  assert.deepEqual(
    s.candidates.map((c: { name: string; votes: number }) => [c.name, c.votes]),
    [
      ['B', 154],
      ['A', 135],
    ],
  );

  assert.equal(refused.code, 1, 'summary refuses a table with error-level problems');
  assert.equal(refused.stdout, '');
  assert.ok(refused.stderr.includes('[negative_count]'), refused.stderr);
  assert.ok(!hasStackTrace(refused.stderr));

  assert.equal(usage.code, 2, 'no --preset/--map is a usage error');
  assert.ok(usage.stderr.includes('--preset'), usage.stderr);
  assert.ok(!hasStackTrace(usage.stderr));
});

test('tally validate on 40 fuzzed files (kinds nobody listed): exit 0 or 1, a message, never a stack trace', async () => {
  const { fuzzDir, fuzzInputArb } = await import('../../../packages/ingest/test/fuzz_harness.ts');
  const fc = (await import('fast-check')).default;
  const { writeFileSync } = await import('node:fs');
  const { dir, cleanup } = fuzzDir();
  try {
    for (const input of fc.sample(fuzzInputArb, { numRuns: 40, seed: 99 })) {
      const path = join(dir, input.name);
      writeFileSync(path, input.bytes);
      const choice = input.choice.preset ? ['--preset', input.choice.preset] : ['--map', input.choice.map ?? MAP];
      const run = await runMain(['validate', path, ...choice]);
      const all = `${run.stdout}${run.stderr}`;
      assert.ok(run.code === 0 || run.code === 1, `${input.kind}: exit ${run.code}\n${all}`);
      assert.ok(!hasStackTrace(all), `${input.kind}: ${all}`);
      if (run.code === 1) assert.match(run.stderr, /^error: .*\S/, all);
      assert.ok(all.includes(path), `${input.kind}: the output names the file\n${all}`);
    }
  } finally {
    cleanup();
  }
});
