import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateLateCount } from '../../test/latecount_sim.ts';
import { createRng } from '../rng.ts';
import { selectStations } from '../station_table.ts';
import { runLateCount } from './run_late_count.ts';

test('same seed, byte-identical JSON; percentile and snapshot cutoffs agree on the counted set', () => {
  const sim = simulateLateCount(9);
  const run = () =>
    runLateCount(sim.table, { kind: 'percentile', value: 80 }, { projection: { sims: 100 }, seed: 3 }, createRng(3));
  const a = run();
  const b = run();
  assert.ok(a.ok && b.ok);
  assert.equal(JSON.stringify(a.value), JSON.stringify(b.value));
  const early: number[] = [];
  const pos = sim.table.arrival!.values;
  for (let i = 0; i < sim.table.n; i++) if ((100 * (pos[i] - 0.5)) / sim.table.n <= 80) early.push(i);
  const snapshot = selectStations(sim.table, early);
  const s = runLateCount(
    sim.table,
    { kind: 'snapshot', snapshot, label: 'early' },
    { projection: { sims: 100 } },
    createRng(3),
  );
  assert.ok(s.ok);
  assert.equal(s.value.countedStations, a.value.countedStations);
  assert.equal(s.value.countedMargin, a.value.countedMargin);
  assert.ok(s.value.snapshotDiff !== null && !('skipped' in s.value.snapshotDiff));
  assert.equal(s.value.snapshotDiff.changedStations, 0);
  assert.ok(
    !('skipped' in a.value.projection) && !('skipped' in a.value.discontinuity) && !('skipped' in a.value.composition),
  );
  assert.ok(Math.abs(a.value.lateShift - (a.value.finalMargin - a.value.countedMargin)) < 1e-12);
});

test('a cutoff after every station is an error; unknown candidates are an error', () => {
  const sim = simulateLateCount(1);
  const all = runLateCount(sim.table, { kind: 'snapshot', snapshot: sim.table }, {}, createRng(1));
  assert.ok(!all.ok && all.error.kind === 'insufficient_data');
  const bad = runLateCount(sim.table, { kind: 'percentile', value: 50 }, { candidates: ['A', 'Q'] }, createRng(1));
  assert.ok(!bad.ok && bad.error.kind === 'missing_column');
});

test('a snapshot whose station ids match nothing in the final table is a clear error', () => {
  const sim = simulateLateCount(2);
  const other = { ...selectStations(sim.table, [0, 1, 2]), ids: ['x', 'y', 'z'] };
  const r = runLateCount(sim.table, { kind: 'snapshot', snapshot: other }, {}, createRng(1));
  assert.ok(!r.ok && r.error.kind === 'insufficient_data' && /none of the snapshot/.test(r.error.message));
});
