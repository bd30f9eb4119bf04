/**
 * Calibration of the battery on the project's shared generator (src/simulate): with turnout and
 * support independent (no remoteness effects) the tests hold their size; with the generator's
 * default geography (remote districts vote and turn out differently) the association tests reject,
 * which is the innocent explanation their docs pages give.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binomialBand } from '../../test/battery_support.ts';
import { c05sCell } from '../methods/c05s.ts';
import { lastDigitCell } from '../methods/last_digit.ts';
import { p05sCell } from '../methods/p05s.ts';
import { sobyaninSukhovolskyCell } from '../methods/sobyanin_sukhovolsky.ts';
import { turnoutShareCorrelationCell } from '../methods/turnout_share_correlation.ts';
import { createRng } from '../rng.ts';
import { simulateElection } from '../simulate/generate.ts';
import type { CellMethod } from './cell.ts';
import { runByRegion } from './run_battery.ts';

function rates(
  methods: CellMethod[],
  options: Record<string, unknown>,
  reps: number,
  seed: number,
): Map<string, number> {
  const rng = createRng(seed);
  const counts = new Map<string, number>();
  for (let r = 0; r < reps; r++) {
    const { table } = simulateElection({ stations: 1500, ...options }, rng);
    const out = runByRegion(table, { methods, bootstrap: 0, candidates: [table.candidates[0].name] });
    assert.ok(out.ok);
    for (const x of out.value.results) {
      if (x.pValue === null) continue;
      const key = `${x.method}/${x.target === 'turnout' ? 'turnout' : 'leader'}`;
      counts.set(key, (counts.get(key) ?? 0) + (x.pValue < 0.05 ? 1 : 0));
    }
  }
  return counts;
}

const methods = [turnoutShareCorrelationCell, sobyaninSukhovolskyCell, c05sCell, p05sCell, lastDigitCell];

const independent = {
  remoteTurnoutEffect: 0,
  remoteLeaderEffect: 0,
  supportRegionSd: 0,
  supportDistrictSd: 0,
  noise: 'binomial',
};

test('battery holds its size on the shared generator when support is independent across stations (100 reps)', () => {
  const [lo, hi] = binomialBand(100);
  const counts = rates(methods, independent, 100, 501);
  console.log(`shared generator, iid support: ${JSON.stringify(Object.fromEntries(counts))}; band [${lo}, ${hi}]`);
  for (const [key, c] of counts) assert.ok(c >= lo && c <= hi, `${key}: ${c}/100`);
});

test('clustered support (region and district effects, independent of turnout) breaks the association tests', () => {
  // Stations in the same district share support and turnout shocks, so the station-level tests see
  // far fewer independent units than stations: measured, not hidden.
  const counts = rates(
    [turnoutShareCorrelationCell, sobyaninSukhovolskyCell],
    { remoteTurnoutEffect: 0, remoteLeaderEffect: 0, noise: 'binomial' },
    100,
    503,
  );
  console.log(
    `shared generator, clustered support, no remoteness: ${JSON.stringify(Object.fromEntries(counts))} of 100`,
  );
  const [, hi] = binomialBand(100);
  assert.ok((counts.get('turnout_share_correlation/leader') ?? 0) > hi);
});

test('with the default geography, turnout-share association tests reject clean elections (innocent explanation)', () => {
  const counts = rates([turnoutShareCorrelationCell, sobyaninSukhovolskyCell], {}, 40, 502);
  console.log(`shared generator, default geography: ${JSON.stringify(Object.fromEntries(counts))} of 40`);
  const [, hi] = binomialBand(40);
  assert.ok((counts.get('turnout_share_correlation/leader') ?? 0) > hi);
});
