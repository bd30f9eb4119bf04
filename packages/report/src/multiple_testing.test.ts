import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { adjustPValues, benjaminiHochberg, bonferroni, holm } from './multiple_testing.ts';

interface Case {
  name: string;
  p: (number | null)[];
  bh: (number | null)[];
  holm: (number | null)[];
  bonferroni: (number | null)[];
}
const fixture: { cases: Case[] } = JSON.parse(
  readFileSync(new URL('../test/fixtures/p_adjust.json', import.meta.url), 'utf8'),
);

function close(actual: readonly (number | null)[], expected: readonly (number | null)[], label: string): void {
  assert.equal(actual.length, expected.length, label);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null) {
      assert.equal(a, null, `${label}[${i}]`);
      continue;
    }
    assert.ok(a !== null, `${label}[${i}] is null`);
    assert.ok(Math.abs(a - e) <= 1e-14 * Math.max(1, Math.abs(e)), `${label}[${i}]: ${a} vs R ${e}`);
  }
}

test('fixture has the cases the R script writes', () => {
  assert.ok(fixture.cases.length >= 9);
  assert.ok(fixture.cases.some((c) => c.p.includes(null)));
});

for (const c of fixture.cases) {
  test(`agrees with R p.adjust: ${c.name}`, () => {
    close(adjustPValues(c.p, 'bh'), c.bh, 'bh');
    close(adjustPValues(c.p, 'holm'), c.holm, 'holm');
    close(adjustPValues(c.p, 'bonferroni'), c.bonferroni, 'bonferroni');
    if (!c.p.includes(null)) {
      const p = c.p as number[];
      close(benjaminiHochberg(p), c.bh, 'bh plain');
      close(holm(p), c.holm, 'holm plain');
      close(bonferroni(p), c.bonferroni, 'bonferroni plain');
    }
  });
}

test('empty input gives empty output; none passes values and nulls through', () => {
  assert.deepEqual(benjaminiHochberg([]), []);
  assert.deepEqual(holm([]), []);
  assert.deepEqual(adjustPValues([null, 0.2, null], 'none'), [null, 0.2, null]);
  assert.deepEqual(adjustPValues([null], 'bh'), [null]);
});

test('a p-value outside [0, 1] or NaN is a programmer error', () => {
  assert.throws(() => benjaminiHochberg([0.1, Number.NaN]), /not in \[0, 1\]/);
  assert.throws(() => holm([1.5]), /not in \[0, 1\]/);
});

const pArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });

test('property: adjusted p in [raw, 1], order preserved, Holm >= BH, input not mutated', () => {
  fc.assert(
    fc.property(pArb, (p) => {
      const copy = p.slice();
      const bh = benjaminiHochberg(p);
      const hm = holm(p);
      assert.deepEqual(p, copy);
      for (let i = 0; i < p.length; i++) {
        assert.ok(bh[i] >= p[i] - 1e-15 && bh[i] <= 1);
        assert.ok(hm[i] >= bh[i] - 1e-15 && hm[i] <= 1);
        for (let j = 0; j < p.length; j++) if (p[i] <= p[j]) assert.ok(bh[i] <= bh[j] && hm[i] <= hm[j]);
      }
    }),
  );
});

test('property: permuting the input permutes the output', () => {
  fc.assert(
    fc.property(pArb, fc.integer({ min: 0, max: 1_000_000 }), (p, s) => {
      const idx = p.map((_, i) => i);
      for (let i = idx.length - 1; i > 0; i--) {
        const j = (s * (i + 7)) % (i + 1);
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      const q = idx.map((i) => p[i]);
      const bh = benjaminiHochberg(p);
      const bhq = benjaminiHochberg(q);
      for (let k = 0; k < idx.length; k++) assert.equal(bhq[k], bh[idx[k]]);
    }),
  );
});
