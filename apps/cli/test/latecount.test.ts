import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasStackTrace, runCli } from './run_cli.ts';

test('contract: Bolivia 2019 cut at the TREP halt (trep-2019-10-20), seed 1, JSON', async () => {
  const r = await runCli([
    'latecount',
    'examples/bolivia-2019',
    '--cutoff',
    'trep-2019-10-20',
    '--seed',
    '1',
    '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.countedStations, 28975);
  assert.equal(j.countedStationsPct.toFixed(2), '83.85');
  // The snapshot's own figures (README: 7.87) and the final count (10.565, reported 10.57).
  assert.equal(j.countedMargin.toFixed(2), '7.87');
  assert.equal(j.finalMargin.toFixed(3), '10.565');
  assert.deepEqual(j.candidates, { a: 'MAS - IPSP', b: 'CC' });
  const p = j.projection;
  // Strict: 1000 simulated margins from a working simulator spread (a constant one would give lo = median = hi).
  assert.ok(p.lo < p.median && p.median < p.hi, JSON.stringify(p));
  // A share of the 1000 margins: a whole number of thousandths.
  assert.ok(Math.abs(p.shareAbove * 1000 - Math.round(p.shareAbove * 1000)) < 1e-9, `${p.shareAbove}`);
  assert.equal(p.sims, 1000);
  assert.equal(
    p.levels.reduce((s: number, l: { stations: number }) => s + l.stations, 0),
    34555 - 28975,
  );
  const d = j.discontinuity;
  // The TREP's arrival percentiles take 2 values after the halt: too few for a trend break.
  assert.match(d.skipped, /2 after it; a discontinuity needs at least 5 on each side/);
  assert.ok(p.lo <= p.pointEstimate && p.pointEstimate <= p.hi, JSON.stringify(p));
  assert.equal(typeof j.snapshotDiff.totals['MAS - IPSP'], 'number');
  assert.equal(j.snapshotDiff.common, 28975);
  assert.equal(j.snapshotDiff.changes.length, j.snapshotDiff.changedStations);
  assert.equal(j.seed, 1);
});

test('Bolivia 2020 negative control (human summary): first-seen times, a large late pro-MAS shift; usage errors', async () => {
  const bad = await runCli(['latecount', 'examples/bolivia-2020', '--cutoff', '2020-10-19T12:00']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /offset/);
  assert.ok(!hasStackTrace(bad.stderr));
  const human = await runCli([
    'latecount',
    'examples/bolivia-2020',
    '--cutoff',
    '2020-10-19T12:00-04:00',
    '--sims',
    '100',
  ]);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, /Margin followed: MAS minus CC/);
  assert.match(human.stdout, /Counted at the cutoff: 7,148 of 18,557 stations/);
  const shift = /late shift \+(\d+\.\d+)/.exec(human.stdout);
  assert.ok(shift !== null && Number(shift[1]) > 10, human.stdout);
  assert.match(human.stdout, /does not show manipulation/);
});
