import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chiSquareUpperTail, normalTwoSided, studentTwoSided } from './tails.ts';

// Values from R 4.2: pchisq(x, df, lower.tail = FALSE), 2 * pnorm(-z), 2 * pt(-t, df), printed with 17 digits.
test('upper tails keep tiny p-values (agree with R to 1e-12 relative)', () => {
  const cases: [number, number][] = [
    [chiSquareUpperTail(300, 9), 2.6102773472070233e-59],
    [chiSquareUpperTail(372.0042, 9), 1.2769897436485602e-74],
    [normalTwoSided(9), 2.2571768119076816e-19],
    [studentTwoSided(12, 40), 7.8241713042559961e-15],
  ];
  for (const [ours, r] of cases) assert.ok(Math.abs(ours / r - 1) < 1e-12, `${ours} vs ${r}`);
  assert.equal(chiSquareUpperTail(0, 3), 1);
  assert.equal(normalTwoSided(0), 1);
});
