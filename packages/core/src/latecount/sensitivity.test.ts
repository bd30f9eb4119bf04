import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateLateCount } from '../../test/latecount_sim.ts';
import { projectCount } from '../methods/counterfactual_projection.ts';
import { discontinuityAt } from '../methods/discontinuity.ts';
import { createRng, deriveSeed } from '../rng.ts';
import { buildCountView } from './count_view.ts';
import { lateCountSensitivity } from './sensitivity.ts';

const MEDIUM = { departments: 4, municipalitiesPerDepartment: 8, sitesPerMunicipality: 6 };

test('rows change one choice at a time; the baseline row is the plain analysis; the spread is over the rows', () => {
  const sim = simulateLateCount(21, MEDIUM);
  const cutoff = { kind: 'percentile', value: 80 } as const;
  const reversed = {
    ...sim.table,
    arrival: {
      kind: 'rank' as const,
      column: 'reversed',
      values: sim.table.arrival!.values.map((v) => sim.table.n + 1 - v),
    },
  };
  const r = lateCountSensitivity(sim.table, cutoff, {
    seed: 4,
    projection: { sims: 200 },
    cutoffs: [{ label: 'percentile 70', cutoff: { kind: 'percentile', value: 70 } }],
    arrivalOrders: [{ label: 'reversed', table: reversed }],
  });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  const t = r.value;
  assert.deepEqual(
    t.rows.map((row) => `${row.choice}: ${row.setting}`),
    [
      'baseline: defaults',
      'rule: mean',
      'scale: none',
      'minDonors: 1',
      'minDonors: 10',
      'weighting: late stations exchangeable',
      'weighting: no donor resampling',
      'bandwidth: 0.5 x baseline',
      'bandwidth: 2 x baseline',
      'arrival order: reversed',
      'cutoff: percentile 70',
    ],
  );
  const view = buildCountView(sim.table, cutoff);
  assert.ok(view.ok);
  const p = projectCount(view.value, { sims: 200 }, createRng(deriveSeed(4, 0)));
  const d = discontinuityAt(view.value, { feLevel: 'none' });
  assert.ok(p.ok && d.ok);
  assert.equal(t.rows[0].median, p.value.median);
  assert.equal(t.rows[0].shareAbove, p.value.shareAbove);
  assert.equal(t.rows[0].jump, d.value.estimate);
  assert.equal(t.rows[0].jumpPValue, d.value.pValue);
  const wide = discontinuityAt(view.value, { feLevel: 'none', bandwidth: 2 * d.value.bandwidth });
  assert.ok(wide.ok);
  assert.equal(t.rows[8].jump, wide.value.estimate);
  const medians = t.rows.map((row) => row.median).filter((m): m is number => m !== null);
  assert.equal(t.spread.median.min, Math.min(...medians));
  assert.equal(t.spread.median.max, Math.max(...medians));
  // Same seed, byte-identical; another seed moves the simulated numbers.
  const again = lateCountSensitivity(sim.table, cutoff, {
    seed: 4,
    projection: { sims: 200 },
    cutoffs: [{ label: 'percentile 70', cutoff: { kind: 'percentile', value: 70 } }],
    arrivalOrders: [{ label: 'reversed', table: reversed }],
  });
  assert.equal(JSON.stringify(again), JSON.stringify(r));
});

test('a part that cannot run under a choice says why; a mismatched arrival order is an error', () => {
  const sim = simulateLateCount(22, MEDIUM);
  const r = lateCountSensitivity(
    sim.table,
    { kind: 'percentile', value: 80 },
    {
      projection: { sims: 50 },
      cutoffs: [{ label: 'everything counted', cutoff: { kind: 'percentile', value: 99.99 } }],
    },
  );
  assert.ok(r.ok);
  const last = r.value.rows[r.value.rows.length - 1];
  assert.equal(last.choice, 'cutoff');
  assert.ok(last.jump === null && last.notes.some((n) => /discontinuity/.test(n)), JSON.stringify(last));
  const bad = lateCountSensitivity(
    sim.table,
    { kind: 'percentile', value: 80 },
    {
      arrivalOrders: [{ label: 'other', table: { ...sim.table, ids: sim.table.ids.slice().reverse() } }],
    },
  );
  assert.ok(!bad.ok && bad.error.kind === 'invalid_options');
});
