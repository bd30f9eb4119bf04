import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateLateCount } from '../../test/latecount_sim.ts';
import { createRng } from '../rng.ts';
import { shareDenominator } from '../station_table.ts';
import { buildCountView, pooledMargin } from './count_view.ts';
import { lateCountPower } from './late_count_power.ts';
import { injectManipulation, votesAboveThreshold } from './power.ts';

const MEDIUM = { departments: 4, municipalitiesPerDepartment: 8, sitesPerMunicipality: 6, ruralLate: 0 };

test('an injection moves exactly the votes asked, only in eligible stations, within each station rival votes', () => {
  const sim = simulateLateCount(3, MEDIUM);
  const t = sim.table;
  const view = buildCountView(t, { kind: 'percentile', value: 80 });
  assert.ok(view.ok);
  const late = Uint8Array.from(view.value.counted, (c) => 1 - c);
  const m = { favoured: 0, rival: 1, stations: late, votes: 0 };
  const den = shareDenominator(t);
  for (const votes of [0, 1, 250, 4000]) {
    const r = injectManipulation(t, m, votes, createRng(votes));
    assert.ok(r.ok);
    const a = r.value.candidates[0].votes;
    const b = r.value.candidates[1].votes;
    let moved = 0;
    for (let i = 0; i < t.n; i++) {
      const d = a[i] - t.candidates[0].votes[i];
      assert.equal(d, t.candidates[1].votes[i] - b[i]);
      assert.ok(b[i] >= 0 && Number.isInteger(d) && d >= 0);
      if (late[i] === 0) assert.equal(d, 0);
      moved += d;
    }
    assert.equal(moved, votes);
    // Moving v votes from B to A lifts the margin by exactly 200 v / D.
    const before = pooledMargin(t.candidates[0].votes, t.candidates[1].votes, den);
    const after = pooledMargin(a, b, den);
    const total = den.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(after - before - (200 * votes) / total) < 1e-9);
  }
  const again = injectManipulation(t, m, 250, createRng(250));
  const first = injectManipulation(t, m, 250, createRng(250));
  assert.ok(again.ok && first.ok);
  assert.deepEqual(again.value.candidates[0].votes, first.value.candidates[0].votes);
  const tooMany = injectManipulation(t, m, 10_000_000, createRng(1));
  assert.ok(!tooMany.ok && tooMany.error.kind === 'insufficient_data');
});

test('votesAboveThreshold is the fewest votes whose removal brings the margin to the threshold', () => {
  const sim = simulateLateCount(4, MEDIUM);
  const t = sim.table;
  const den = shareDenominator(t);
  const margin = pooledMargin(t.candidates[0].votes, t.candidates[1].votes, den);
  const threshold = margin - 1.5;
  const v = votesAboveThreshold(t, 0, 1, threshold);
  const total = den.reduce((s, x) => s + x, 0);
  assert.ok(margin - (200 * v) / total <= threshold);
  assert.ok(margin - (200 * (v - 1)) / total > threshold);
  assert.equal(votesAboveThreshold(t, 0, 1, margin + 1), 0);
});

test('power rises with the injected size; at zero size the rejection rate over clean counts is the test size', (t) => {
  // Zero size: one injection (of nothing) into each of 200 clean simulated counts.
  const seeds = 200;
  const nullHits = { counterfactual_projection: 0, discontinuity: 0 };
  const nullRuns = { counterfactual_projection: 0, discontinuity: 0 };
  for (let seed = 1; seed <= seeds; seed++) {
    const sim = simulateLateCount(seed, MEDIUM);
    const r = lateCountPower(
      sim.table,
      { kind: 'percentile', value: 80 },
      { votes: 0, injections: 1, multipliers: [1], seed },
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    for (const row of r.value.rows) {
      const name = row.test as keyof typeof nullHits;
      nullHits[name] += row.power.count;
      nullRuns[name] += row.power.runs;
    }
  }
  t.diagnostic(`size at 0.05 over ${seeds} clean counts: ${JSON.stringify(nullHits)} of ${JSON.stringify(nullRuns)}`);
  // Binomial(200, 0.05): mean 10, sd 3.1; a 3-sd band (the placebo test may be conservative).
  for (const name of ['counterfactual_projection', 'discontinuity'] as const) {
    assert.ok(nullRuns[name] >= 190, `${name} ran ${nullRuns[name]} times`);
    assert.ok(nullHits[name] <= 20, `${name}: ${nullHits[name]} rejections of ${nullRuns[name]}`);
  }
  // The projection's interval is widened by the placebo late shift, so on these exchangeable counts it is
  // conservative (0/200 measured); the discontinuity's placebo test holds its size (12/200).
  assert.ok(nullHits.discontinuity >= 1);
  // Rising size on one simulated count: 0.1%, 0.3% and 0.6% of its valid votes moved in late stations (small
  // enough that the smallest is not always seen).
  const sim = simulateLateCount(11, MEDIUM);
  const unit = Math.round(0.001 * sim.totalValid);
  const r = lateCountPower(
    sim.table,
    { kind: 'percentile', value: 80 },
    { votes: unit, injections: 40, multipliers: [1, 3, 6], seed: 5 },
  );
  assert.ok(r.ok);
  const projection = r.value.rows.filter((row) => row.test === 'counterfactual_projection');
  t.diagnostic(
    `projection power at 1x, 3x, 6x of ${unit} votes: ${projection.map((row) => row.power.rate).join(', ')}`,
  );
  const rates = projection.map((row) => row.power.rate ?? 0);
  assert.ok(rates[0] <= rates[1] && rates[1] <= rates[2] && rates[0] < rates[2] && rates[2] >= 0.8, `${rates}`);
  for (const row of r.value.rows) {
    assert.ok(row.power.lower <= (row.power.rate ?? 0) && (row.power.rate ?? 1) <= row.power.upper);
  }
  const again = lateCountPower(
    sim.table,
    { kind: 'percentile', value: 80 },
    { votes: unit, injections: 40, multipliers: [1, 3, 6], seed: 5 },
  );
  assert.equal(JSON.stringify(again), JSON.stringify(r));
});
