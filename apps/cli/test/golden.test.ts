/**
 * Determinism and "no data loss" on the bundled examples. Each golden case (golden_cases.ts) is re-run through the
 * real binary and compared byte for byte with apps/cli/test/golden/; every golden report must also account for its
 * rows: for each table read, rows = analysed + the sum of the excluded counts, each with a reason. Regenerate with
 * `npm run golden:update`, only for a deliberate change (docs/reliability.md).
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { GOLDEN_CASES, GOLDEN_DIR, mapLimited, produceGolden } from './golden_cases.ts';

interface Account {
  file: string;
  rows: number;
  analysed: number;
  excluded: { reason: string; count: number }[];
}

function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  golden: ${la[i] ?? '(end)'}\n  now:    ${lb[i] ?? '(end)'}`;
  }
  return 'same lines, different bytes (line endings?)';
}

function assertExclusions(where: string, excluded: unknown): number {
  assert.ok(Array.isArray(excluded), `${where}: excluded is not a list`);
  let sum = 0;
  for (const e of excluded as { reason: unknown; count: unknown }[]) {
    assert.equal(typeof e.reason, 'string', `${where}: an exclusion without a reason`);
    assert.ok((e.reason as string).length > 0, `${where}: an empty reason`);
    assert.ok(Number.isInteger(e.count) && (e.count as number) > 0, `${where}: count ${e.count}`);
    sum += e.count as number;
  }
  return sum;
}

function assertAccounts(name: string, accounts: unknown): Account[] {
  assert.ok(Array.isArray(accounts) && accounts.length > 0, `${name}: no row accounting`);
  for (const a of accounts as Account[]) {
    const excluded = assertExclusions(`${name} ${a.file}`, a.excluded);
    assert.equal(a.rows, a.analysed + excluded, `${name} ${a.file}: rows ${a.rows} != analysed + excluded`);
    assert.ok(!a.file.startsWith('/'), `${name}: absolute path ${a.file}`);
  }
  return accounts as Account[];
}

// One test, cases two at a time: the whole set costs about 30 s of CPU (11 runs of the binary).
test('golden reports of the bundled examples: byte-identical re-runs, and every row accounted for', async () => {
  const outputs = await mapLimited(GOLDEN_CASES, 2, produceGolden);
  GOLDEN_CASES.forEach((c, i) => {
    const golden = readFileSync(join(GOLDEN_DIR, c.name), 'utf8');
    const now = outputs[i];
    assert.ok(
      golden === now,
      `${c.name} differs from the golden report (tally ${c.args.join(' ')}); ${firstDifference(golden, now)}\n` +
        'If the change is deliberate, run `npm run golden:update` and give the reason in the commit.',
    );
    assert.doesNotMatch(now, /"\/(work|tmp|home|root|Users)\//, `${c.name}: an absolute path`);
    const json = JSON.parse(now);
    if (c.name.startsWith('audit_')) {
      const accounts = assertAccounts(c.name, json.rows);
      const largest = Math.max(...accounts.map((a) => a.rows));
      // A finding's n + excluded is the stations (or units) its method was given: never more than a table holds.
      for (const f of json.findings as { id: string; n: number; excluded: unknown }[]) {
        const total = f.n + assertExclusions(`${c.name} ${f.id}`, f.excluded);
        assert.ok(total <= largest, `${c.name} ${f.id}: n + excluded = ${total} > ${largest}`);
      }
    } else {
      const accounts = assertAccounts(c.name, json.rowAccounting);
      if (c.name.startsWith('summary_')) {
        assert.equal(json.rows, accounts[0].rows);
        assert.equal(json.stations, accounts[0].analysed);
      }
    }
    if (c.name.startsWith('latecount_')) {
      // The discontinuity's own exclusions: stations used + excluded = the final count's rows.
      // (A refused discontinuity, e.g. too few arrival positions after the halt, has only its reason.)
      const d = json.discontinuity;
      // A refused discontinuity (too few arrival positions) says why instead.
      if ('skipped' in d) assert.ok(d.skipped.length > 0);
      else assert.equal(d.stationsUsed + assertExclusions(`${c.name} discontinuity`, d.excluded), json.stations);
      assert.equal(json.stations, json.rowAccounting[0].analysed);
    }
  });
});
