import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import { makeResampler } from './bootstrap.ts';
import { type MomentCombo, momentBootstrap } from './moment_bootstrap.ts';
import { accumulateSums, emptySums, type MomentSums } from './moments.ts';

// Twelve stations; station 4 has no turnout, so it counts for no combo that reads turnout.
const turnout = Float64Array.from([0.61, 0.72, 0.55, 0.9, Number.NaN, 0.48, 0.66, 0.81, 0.59, 0.7, 0.95, 0.63]);
const share = Float64Array.from([0.4, 0.52, 0.33, 0.88, Number.NaN, 0.29, 0.45, 0.71, 0.38, 0.5, 0.93, 0.41]);
const other = Float64Array.from([0.3, 0.21, 0.4, 0.05, 0.5, 0.44, 0.31, 0.12, 0.36, 0.27, 0.02, 0.33]);
const stations = Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
// Turnout alone, turnout with each share (sharing turnout's x sums), each share alone (the first is the Y of a pair).
const combos: MomentCombo[] = [
  { X: turnout, Y: null },
  { X: turnout, Y: share },
  { X: turnout, Y: other },
  { X: share, Y: null },
  { X: other, Y: null },
];

function replicates(B: number, seed: number): MomentSums[][] {
  const out: MomentSums[][] = [];
  momentBootstrap(stations, combos, B, createRng(seed), (r, sums) => {
    assert.equal(r, out.length);
    out.push(sums.map((s) => ({ ...s })));
  });
  return out;
}

// The sums each kind of combo reports (x^3 and x^4 of a pair are never read).
const SINGLE_FIELDS = ['sx', 'sxx', 'sxxx', 'sxxxx'] as const;
const PAIR_FIELDS = ['sx', 'sxx', 'sy', 'syy', 'syyy', 'syyyy', 'sxy', 'sxxy'] as const;

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
}

test('moment bootstrap: each replicate sums its own draw of the stations, in order', () => {
  const B = 5;
  const got = replicates(B, 17);
  assert.equal(got.length, B);
  // The same multiplicities, drawn from the same stream; the sums over the stations listed once per draw.
  const resample = makeResampler(createRng(17));
  const counts = new Int32Array(stations.length);
  for (let r = 0; r < B; r++) {
    resample(counts, stations.length);
    const drawn: number[] = [];
    counts.forEach((times, p) => {
      for (let t = 0; t < times; t++) drawn.push(stations[p]);
    });
    combos.forEach((combo, c) => {
      const expected = emptySums(got[r][c].cx, got[r][c].cy);
      accumulateSums(combo.X, combo.Y, Int32Array.from(drawn), drawn.length, expected);
      const actual = got[r][c];
      assert.equal(actual.w, expected.w, `replicate ${r} combo ${c} w`);
      for (const field of combo.Y === null ? SINGLE_FIELDS : PAIR_FIELDS) {
        assert.ok(close(actual[field], expected[field]), `replicate ${r} combo ${c} ${field}`);
      }
    });
  }
});

test('moment bootstrap: a replicate does not depend on how many follow it; same seed, same numbers', () => {
  const five = replicates(5, 3);
  const six = replicates(6, 3);
  assert.deepEqual(six.slice(0, 5), five);
  assert.deepEqual(replicates(1, 3), five.slice(0, 1));
  assert.deepEqual(replicates(6, 3), six);
});
