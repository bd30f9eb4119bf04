import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT, runCli } from '../test/run_cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-flagged-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const dataRows = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\r\n')
    .filter((l) => l !== '')
    .slice(1);

test('tally latecount --flagged-csv: one row per station not counted at the cutoff', async () => {
  const csv = join(dir, 'sim.csv');
  const sim = await runCli(['simulate', '--stations', '500', '--seed', '6', '--out', csv]);
  assert.equal(sim.code, 0, sim.stderr);
  const out = join(dir, 'late.csv');
  const args = ['latecount', csv, '--preset', 'tally-simulated', '--cutoff', '80', '--sims', '20', '--quiet'];
  const r = await runCli([...args, '--flagged-csv', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  const rows = dataRows(out);
  // The late stations are the complement of the counted ones the late count reports.
  assert.equal(rows.length, report.stations - report.countedStations);
  assert.ok(rows.length > 0);
  const header = readFileSync(out, 'utf8').split('\r\n')[0].split(',');
  assert.deepEqual(header.slice(0, 5), ['finding_id', 'station_id', 'region_path', 'reason', 'registered']);
  assert.ok(header.includes('arrival_pct'));
  const ids = new Set(rows.map((l) => l.split(',')[1]));
  assert.equal(ids.size, rows.length, 'a station is listed once');
  const text = await runCli([...args, '--flagged-csv', join(dir, 'late2.csv')]);
  assert.match(text.stdout, new RegExp(`Wrote ${rows.length} station row\\(s\\)`));
});

test("tally audit --flagged-csv: the allegation's flagged stations under the persistence finding", async () => {
  const allegation = join(ROOT, 'packages/ingest/test/fixtures/allegation/valid.yaml');
  const flagged = readFileSync(join(ROOT, 'packages/ingest/test/fixtures/allegation/flagged_ids.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const out = join(dir, 'audit-flagged.csv');
  const r = await runCli(['audit', allegation, '--out', join(dir, 'report'), '--flagged-csv', out, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const rows = dataRows(out);
  assert.equal(rows.length, flagged.length);
  assert.deepEqual(rows.map((l) => l.split(',')[1]).sort(), [...flagged].sort());
  assert.ok(rows.every((l) => l.startsWith('persistence')));
});
