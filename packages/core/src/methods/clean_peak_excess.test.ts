import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { twoCandidateTable } from '../../test/two_candidate_table.ts';
import type { MethodResult } from '../method.ts';
import { createRng } from '../rng.ts';
import { simulateElection } from '../simulate/generate.ts';
import { injectFraud } from '../simulate/inject.ts';
import type { StationTable } from '../station_table.ts';
import { cleanPeakExcessMethod } from './clean_peak_excess.ts';

/** Rows: registered, ballots cast, valid, leader votes. */
function table(rows: [number, number, number, number][]): StationTable {
  return twoCandidateTable(rows, ['Leader', 'Other']);
}

type Details = { excessVotes: number; sd: number; cleanTurnout: number; cleanLeaderShare: number };

function run(t: StationTable, options: Record<string, unknown> = {}, seed = 1): MethodResult {
  const r = cleanPeakExcessMethod.run(t, { replicates: 100, ...options }, createRng(seed));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value[0];
}

// Null model of the method: support varies between stations independently of turnout.
const independent = {
  noise: 'binomial' as const,
  remoteLeaderEffect: 0,
  remoteTurnoutEffect: 0,
  supportRegionSd: 0,
  supportDistrictSd: 0,
};

test('matches the independent numpy implementation (committed fixture)', () => {
  const f = JSON.parse(
    readFileSync(new URL('./fixtures/clean_peak_excess_reference.json', import.meta.url), 'utf8'),
  ) as { stations: [number, number, number, number][]; cleanTurnout: number; ratio: number; excess: number };
  const r = run(table(f.stations));
  const d = r.details as Details;
  assert.ok(Math.abs(d.excessVotes - f.excess) < 1e-6 * Math.abs(f.excess));
  assert.ok(Math.abs(d.cleanTurnout - f.cleanTurnout) < 1e-12);
  assert.ok(Math.abs(d.cleanLeaderShare - f.ratio / (1 + f.ratio)) < 1e-12);
  assert.equal(r.statistic, d.excessVotes);
});

test('errors: empty, one candidate, unknown candidate, bad options, nothing usable', () => {
  const e1 = cleanPeakExcessMethod.run(table([]), {}, createRng(1));
  assert.ok(!e1.ok && e1.error.kind === 'insufficient_data');
  const one = { ...table([[100, 50, 50, 20]]), candidates: [{ name: 'Only', votes: Float64Array.of(50) }] };
  const e2 = cleanPeakExcessMethod.run(one, {}, createRng(1));
  assert.ok(!e2.ok && e2.error.kind === 'missing_column');
  const t = table([
    [100, 50, 50, 20],
    [100, 60, 60, 30],
  ]);
  const e3 = cleanPeakExcessMethod.run(t, { candidate: 'Nobody' }, createRng(1));
  assert.ok(!e3.ok && e3.error.kind === 'invalid_options');
  for (const bad of [{ window: 4 }, { binWidth: 0 }, { maxTurnout: 1.5 }, { replicates: 1 }]) {
    const e = cleanPeakExcessMethod.run(t, bad, createRng(1));
    assert.ok(!e.ok && e.error.kind === 'invalid_options', JSON.stringify(bad));
  }
  const e4 = cleanPeakExcessMethod.run(
    table([
      [0, 0, 0, 0],
      [100, 120, 50, 10],
      [Number.NaN, 1, 1, 1],
    ]),
    {},
    createRng(1),
  );
  assert.ok(!e4.ok && e4.error.kind === 'insufficient_data');
  // Only the leader has votes at and below the peak: the clean ratio is undefined.
  const e5 = cleanPeakExcessMethod.run(
    table([
      [100, 50, 50, 50],
      [100, 51, 51, 51],
    ]),
    {},
    createRng(1),
  );
  assert.ok(!e5.ok && e5.error.kind === 'degenerate_input');
});

test('exclusions are counted with their reasons', () => {
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < 50; i++) rows.push([1000, 500 + 5 * i, 480 + 5 * i, 240 + 2 * i]);
  rows.push([0, 0, 0, 0], [100, 150, 140, 10], [Number.NaN, 1, 1, 1]);
  const r = run(table(rows));
  assert.equal(r.n, 50);
  assert.deepEqual(r.excluded, [
    { reason: 'missing or negative counts', count: 1 },
    { reason: 'no registered voters or no valid votes', count: 1 },
    { reason: 'ballots cast above registered or leader above valid', count: 1 },
  ]);
});

test('a constant leader/others ratio gives zero excess', () => {
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < 200; i++) {
    const cast = 300 + ((i * 37) % 500);
    rows.push([1000, cast, cast, Math.round(cast * 0.6)]);
  }
  // Shares are 60% up to rounding, so excess is a few votes at most.
  const d = run(table(rows)).details as Details;
  assert.ok(Math.abs(d.excessVotes) < 60, `${d.excessVotes}`);
});

test('same seed gives byte-identical JSON', () => {
  const sim = simulateElection({ stations: 800, ...independent }, createRng(3));
  assert.equal(JSON.stringify(run(sim.table, {}, 4)), JSON.stringify(run(sim.table, {}, 4)));
});

test('calibration: without a turnout-support link the one-sided test rejects at about alpha', () => {
  const elections = 80;
  let rejections = 0;
  for (let e = 0; e < elections; e++) {
    const sim = simulateElection({ stations: 2000, ...independent }, createRng(200 + e));
    if ((run(sim.table, { replicates: 60 }, e).pValue as number) <= 0.05) rejections++;
  }
  // Binomial(80, 0.05): P(X > 10) < 0.003. Measured: 6.
  assert.ok(rejections <= 10, `rejected ${rejections} of ${elections}`);
});

test('power: ballot stuffing at 10% of stations is found; the estimate recovers most added votes', () => {
  for (let s = 0; s < 5; s++) {
    const clean = simulateElection({ stations: 3000, ...independent }, createRng(500 + s));
    const fraud = injectFraud(clean, { kind: 'ballot_stuffing', fraction: 0.1 }, createRng(100 + s));
    let added = 0;
    for (let i = 0; i < fraud.table.n; i++) added += fraud.truth.addedVotes[i];
    const r = run(fraud.table, {}, s);
    const d = r.details as Details;
    assert.ok((r.pValue as number) < 0.01, `p = ${r.pValue}`);
    // Stuffed stations left below the clean peak are missed, so the estimate is low but of the right size.
    assert.ok(d.excessVotes > 0.3 * added && d.excessVotes < 1.2 * added, `${d.excessVotes} vs ${added}`);
  }
});

test('a huge Wald z gets a positive asymptotic p from the normal tail, and its log10 from the tail series', () => {
  // 6,000 stations around 50% turnout with the leader at half the votes, 3,000 at 99% turnout all for the leader.
  const rows: [number, number, number, number][] = [];
  for (let i = 0; i < 6000; i++) {
    const cast = 400 + Math.round(200 * Math.exp(-(((i % 21) - 10) ** 2) / 20));
    rows.push([1000, cast, cast, Math.round(cast / 2)]);
  }
  for (let i = 0; i < 3000; i++) rows.push([1000, 990, 990, 990]);
  const r = run(table(rows), { replicates: 40 }, 3);
  const d = r.details as Details & { z: number; log10PValue: number };
  assert.equal(r.pValueKind, 'asymptotic');
  assert.ok(d.z > 40, `z = ${d.z}: the test needs a z where 1 - cdf and the tail itself are 0`);
  assert.ok((r.pValue as number) > 0, 'floored at the smallest positive double, never 0');
  // log10 Φ(-z) < log10 φ(z) / z: the Mills-ratio bound, computed independently of the series.
  const millsBound = (-(d.z * d.z) / 2 - 0.5 * Math.log(2 * Math.PI) - Math.log(d.z)) / Math.LN10;
  assert.ok(d.log10PValue < millsBound && d.log10PValue > millsBound - 0.01, `${d.log10PValue} vs ${millsBound}`);
});
