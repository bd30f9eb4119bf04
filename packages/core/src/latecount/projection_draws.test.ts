/**
 * The audit judges each injected table against one set of projection draws (projectCountDraws): valid only because
 * the projected margins read the counted stations and the registered voters of the uncounted ones, never the votes
 * of the uncounted ones. Checked here by rerunning the whole projection on injected tables with the same seed.
 * Also: region levels attached after the narrowest one are put back in coarse-to-fine order by buildCountView.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateLateCount } from '../../test/latecount_sim.ts';
import { projectCount, projectCountDraws, projectionPValue } from '../methods/counterfactual_projection.ts';
import { createRng } from '../rng.ts';
import { buildCountView, regionsCoarseToFine } from './count_view.ts';
import { injectManipulation } from './power.ts';

const OPTIONS = { departments: 4, municipalitiesPerDepartment: 6, sitesPerMunicipality: 5, withinSiteLate: 0.3 };

test('projection draws: a change in the uncounted stations gives the p-value of a full rerun with the same seed', () => {
  const t = simulateLateCount(11, OPTIONS).table;
  const cutoff = { kind: 'percentile' as const, value: 75 };
  const view = buildCountView(t, cutoff);
  assert.ok(view.ok);
  const draws = projectCountDraws(view.value, { sims: 199 }, createRng(21));
  assert.ok(draws.ok);
  assert.equal(draws.value.summary.pValue, projectionPValue(draws.value.margins, view.value.finalMargin));
  const late = Uint8Array.from(view.value.counted, (c) => 1 - c);
  const pValues = new Set<number>();
  for (const votes of [0, 200, 800, 3000]) {
    const injected = injectManipulation(t, { favoured: 0, rival: 1, stations: late, votes }, votes, createRng(votes));
    assert.ok(injected.ok);
    const v = buildCountView(injected.value, cutoff);
    assert.ok(v.ok);
    const full = projectCount(v.value, { sims: 199 }, createRng(21));
    assert.ok(full.ok);
    assert.equal(full.value.median, draws.value.summary.median);
    assert.equal(full.value.pValue, projectionPValue(draws.value.margins, v.value.finalMargin));
    pValues.add(full.value.pValue);
  }
  // The injected sizes do move the actual margin across the draws (the check is not one value four times).
  assert.ok(pValues.size >= 2, `p-values ${[...pValues].join(', ')}`);
});

test('regionsCoarseToFine: a level attached after the narrowest one is put where its number of areas places it', () => {
  const t = simulateLateCount(4, OPTIONS).table;
  const names = t.regions.map((r) => r.name);
  const coarse = t.regions[0];
  const appended = { ...t, regions: [...t.regions, { ...coarse, name: 'attached_code' }] };
  const ordered = regionsCoarseToFine(appended);
  assert.deepEqual(
    ordered.regions.map((r) => r.name),
    [names[0], 'attached_code', ...names.slice(1)],
  );
  assert.equal(regionsCoarseToFine(t), t, 'an ordered table is returned as it is');
  // The projection on the appended table draws donors at the real narrowest level, as on the original table.
  const cutoff = { kind: 'percentile' as const, value: 75 };
  const a = buildCountView(appended, cutoff);
  const b = buildCountView(t, cutoff);
  assert.ok(a.ok && b.ok);
  const pa = projectCount(a.value, { sims: 99 }, createRng(3));
  const pb = projectCount(b.value, { sims: 99 }, createRng(3));
  assert.ok(pa.ok && pb.ok);
  assert.equal(pa.value.levels[0].level, names[names.length - 1]);
  assert.equal(pa.value.median, pb.value.median);
});
