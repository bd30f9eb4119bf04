import assert from 'node:assert/strict';
import { test } from 'node:test';
import { log10NormalUpperTail, normalUpperTail } from './distributions.ts';

// scipy 1.10 from Debian: python3 -c "from scipy.stats import norm; import numpy as np;
//   print([(z, norm.sf(z), norm.logsf(z) / np.log(10)) for z in (0.5, 8.3, 9, 20, 37, 38, 40, 92, 500)])"
const SCIPY: [z: number, sf: number, log10sf: number][] = [
  [0.5, 0.3085375387259869, -0.5106919892652408],
  [8.3, 5.2055697448902465e-17, -16.283531730414623],
  [9, 1.1285884059538324e-19, -18.947464415572387],
  [20, 2.7536241186061556e-89, -88.5600953430756],
  [37, 5.7255712225239266e-300, -299.24218117860994],
  [38, 0, -315.53978970396247],
  [40, 0, -349.43700645934587],
  [92, 0, -1840.2971764717242],
  [500, 0, -54289.90829958215],
];

test('normal upper tail is a survival function: positive and accurate where 1 - cdf is 0 (z = 8.3 .. 37)', () => {
  for (const [z, sf] of SCIPY) {
    if (sf === 0) continue;
    assert.ok(normalUpperTail(z) > 0, `z = ${z}`);
    assert.ok(Math.abs(normalUpperTail(z) / sf - 1) < 1e-12, `z = ${z}: ${normalUpperTail(z)} vs ${sf}`);
  }
});

test('log10 of the normal upper tail agrees with scipy logsf to 1e-9 relative, also where the tail underflows', () => {
  for (const [z, , log10sf] of SCIPY) {
    const ours = log10NormalUpperTail(z);
    assert.ok(Math.abs(ours / log10sf - 1) < 1e-9, `z = ${z}: ${ours} vs ${log10sf}`);
  }
});
