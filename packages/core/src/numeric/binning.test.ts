import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { centredCountBin, countBin, fractionBin } from './binning.ts';

/** Every (c, r) with c <= r <= 3000 whose percentage 100 c / r is a whole number k, with its k. */
function wholePercentPairs(): { c: number; r: number; k: number }[] {
  const pairs: { c: number; r: number; k: number }[] = [];
  for (let r = 1; r <= 3000; r++)
    for (let k = 0; k <= 100; k++) if ((k * r) % 100 === 0) pairs.push({ c: (k * r) / 100, r, k });
  return pairs;
}

test('every whole-percent pair c <= r <= 3000 lands in its own bin (the old float formula misses 120)', () => {
  const pairs = wholePercentPairs();
  assert.equal(pairs.length, 18_600);
  let oldLow = 0;
  let countMiss = 0;
  let fractionMiss = 0;
  let centredMiss = 0;
  for (const { c, r, k } of pairs) {
    const own = Math.min(99, k);
    if (Math.min(99, Math.floor((c / r) * 100)) !== own) oldLow++;
    if (countBin(c, r, 100) !== own) countMiss++;
    if (fractionBin(c / r, 100) !== own) fractionMiss++;
    if (centredCountBin(c, r, 1000) !== 10 * k) centredMiss++;
  }
  assert.equal(oldLow, 120, 'reference: the formula the issue reports');
  assert.equal(countMiss, 0);
  assert.equal(fractionMiss, 0);
  assert.equal(centredMiss, 0);
});

/** floor(c * bins / r) and round-half-up(c * bins / r) in BigInt: the integer reference. */
const floorRef = (c: number, r: number, bins: number): number => Number((BigInt(c) * BigInt(bins)) / BigInt(r));
const centredRef = (c: number, r: number, bins: number): number =>
  Number((2n * BigInt(c) * BigInt(bins) + BigInt(r)) / (2n * BigInt(r)));

test('countBin, centredCountBin and fractionBin agree with BigInt arithmetic on random counts', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 50_000_000 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 1, max: 1000 }),
      (total, raw, bins) => {
        const count = raw % (total + 1);
        const expected = Math.min(bins - 1, floorRef(count, total, bins));
        return (
          countBin(count, total, bins) === expected &&
          fractionBin(count / total, bins) === expected &&
          centredCountBin(count, total, bins) === centredRef(count, total, bins)
        );
      },
    ),
    { seed: 17, numRuns: 20_000 },
  );
});

test('points outside [0, 1] or with an empty total get no bin', () => {
  assert.equal(countBin(5, 4, 10), -1);
  assert.equal(countBin(-1, 4, 10), -1);
  assert.equal(countBin(0, 0, 10), -1);
  assert.equal(countBin(Number.NaN, 4, 10), -1);
  assert.equal(countBin(4, 4, 10), 9);
  assert.equal(fractionBin(1.0000001, 10), -1);
  assert.equal(fractionBin(Number.NaN, 10), -1);
  assert.equal(fractionBin(1, 10), 9);
  assert.equal(centredCountBin(4, 4, 1000), 1000);
  assert.equal(centredCountBin(1, 2000, 1000), 1, 'exactly 0.05% rounds half up');
});
