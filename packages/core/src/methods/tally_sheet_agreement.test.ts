import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, deriveSeed } from '../rng.ts';
import type { StationAttribute, StationTable } from '../station_table.ts';
import {
  binomialHalfUpperTail,
  signTestTwoSided,
  type TallySheetAgreementDetails,
  tallySheetAgreement,
  tallySheetAgreementMethod,
} from './tally_sheet_agreement.ts';
import { simulateSheets } from './tally_sheet_sim.ts';

const N = Number.NaN;
/** Official F, R, O per station, then the second reading F, R, O, total and cap (NaN = absent). */
const ROWS: [number, number, number, number, number, number, number, number][] = [
  [10, 5, 1, 10, 5, 1, 16, 20], // 1: agrees
  [12, 5, 1, 10, 5, 1, 16, 20], // 2: official F +2 -> margin +2
  [10, 4, 1, 10, 6, 1, 17, 20], // 3: official R -2 -> margin +2
  [9, 8, 0, 10, 8, 0, 18, 20], // 4: official F -1 -> margin -1
  [10, 5, 3, 10, 5, 1, 16, 20], // 5: official O +2 -> margin 0, but the sheet differs
  [10, 5, 1, 10, 5, 1, 20, 20], // 6: sheet sum 16 != its total 20
  [10, 5, 1, 30, 0, 0, 30, 20], // 7: sheet holds 30 votes, cap 20
  [10, 5, 1, -1, 5, 1, 5, 20], // 8: negative count on the sheet
  [10, 5, 1, N, N, N, N, N], // 9: no second reading
];
const REGION = [0, 0, 0, 1, 1, 1, 1, 1, 1];

function table(rows = ROWS, withSheet = true): StationTable {
  const n = rows.length;
  const col = (j: number) => Float64Array.from(rows, (r) => r[j]);
  const valid = Float64Array.from(rows, (r) => r[0] + r[1] + r[2]);
  const names = ['F', 'R', 'O'];
  const attributes: StationAttribute[] = withSheet
    ? [
        ...names.map((name, c) => ({
          name: `second_reading:${name}`,
          kind: 'number' as const,
          column: name,
          values: col(3 + c),
        })),
        { name: 'second_reading:total', kind: 'number', column: 'total', values: col(6) },
        { name: 'second_reading:cap', kind: 'number', column: 'cap', values: col(7) },
      ]
    : [];
  return {
    n,
    ids: rows.map((_, i) => `jrv${i + 1}`),
    regions: [{ name: 'department', labels: ['A', 'B'], codes: Int32Array.from(REGION.slice(0, n)) }],
    registered: new Float64Array(n).fill(20),
    ballotsCast: valid,
    ballotsFound: valid,
    valid,
    invalid: new Float64Array(n),
    candidates: names.map((name, c) => ({ name, votes: col(c) })),
    shareOf: 'valid',
    attributes,
    meta: { name: 'hand-computed sheets' },
  };
}

test('sign test: exact binomial tails computed by hand', () => {
  // P(X >= 9 | n = 10, 1/2) = (C(10,9) + C(10,10)) / 2^10 = 11/1024.
  assert.ok(Math.abs(binomialHalfUpperTail(9, 10) - 11 / 1024) < 1e-15);
  assert.ok(Math.abs(signTestTwoSided(9, 1) - 22 / 1024) < 1e-15);
  assert.ok(Math.abs(signTestTwoSided(1, 9) - 22 / 1024) < 1e-15);
  // All 5 one way: 2 / 2^5.
  assert.ok(Math.abs(signTestTwoSided(0, 5) - 2 / 32) < 1e-15);
  assert.equal(signTestTwoSided(3, 3), 1);
  assert.equal(signTestTwoSided(0, 0), 1);
});

test('hand-computed sheets: agreement, net gains, sign counts, regions and the excluded sheets by rule and row', () => {
  const r = tallySheetAgreement(table(), { candidate: 'F', rival: 'R', replicates: 999 }, createRng(1));
  assert.ok(r.ok);
  const res = r.value[0];
  const d = res.details as unknown as TallySheetAgreementDetails;
  assert.equal(res.n, 5);
  assert.equal(d.compared, 5);
  assert.equal(d.agreeing, 1);
  assert.equal(d.agreementShare, 0.2);
  // Official minus sheet: F +2 (row 2) -1 (row 4) = +1 on 2 sheets; R -2 on 1; O +2 on 1.
  assert.deepEqual(d.netGain, [
    { candidate: 'F', votes: 1, sheets: 2 },
    { candidate: 'R', votes: -2, sheets: 1 },
    { candidate: 'O', votes: 2, sheets: 1 },
  ]);
  // Margin differences +2, +2, -1, 0 (rows 2-5): net +3, 2 favour F, 1 favours R; p = 2 P(X >= 2 | 3) = 1.
  assert.equal(res.statistic, 3);
  assert.equal(d.favouredAhead, 2);
  assert.equal(d.rivalAhead, 1);
  assert.equal(res.pValue, 1);
  assert.equal(res.pValueKind, 'exact');
  assert.deepEqual(
    d.byRegion.map((x) => [x.label, x.compared, x.differing, x.netMargin, x.favouredAhead, x.rivalAhead]),
    [
      ['A', 3, 2, 4, 2, 0],
      ['B', 2, 1, -1, 0, 1],
    ],
  );
  assert.deepEqual(
    d.failedSheets.map((x) => [x.station, x.rule]),
    [
      ['jrv6', 'sum_not_total'],
      ['jrv7', 'above_cap'],
      ['jrv8', 'negative_count'],
    ],
  );
  assert.deepEqual(
    [...res.excluded].map((x) => x.count).reduce((a, b) => a + b, 0),
    4,
    'the 4 sheets not compared are all counted',
  );
  assert.ok(res.excluded.some((x) => x.reason.includes('more votes than registered') && x.count === 1));
  assert.ok(res.warnings.some((w) => w.startsWith('3 second reading(s) fail their own arithmetic')));
  // Sign flips of (+2, +2, -1) give sums 3, 5, -1, 1, -1, 1, -5, -3: |sum| >= 3 in exactly 4 of 8, so p is 1/2
  // up to Monte Carlo error (999 replicates: standard error 0.016; 0.05 is 3 of them).
  assert.ok(Math.abs(d.signFlipPValue - 0.5) < 0.05, String(d.signFlipPValue));
});

test('the rival defaults to the strongest other candidate, the favoured to the leader', () => {
  const r = tallySheetAgreement(table(), {}, createRng(1));
  assert.ok(r.ok);
  const d = r.value[0].details as unknown as TallySheetAgreementDetails;
  assert.equal(d.favoured, 'F');
  assert.equal(d.rival, 'R');
});

test('refusals: no second reading, an unknown rival, no sheet that passes its arithmetic', () => {
  const none = tallySheetAgreement(table(ROWS, false), {}, createRng(1));
  assert.ok(!none.ok && none.error.kind === 'missing_column' && /second_reading:F/.test(none.error.message));
  const rival = tallySheetAgreement(table(), { rival: 'Z' }, createRng(1));
  assert.ok(!rival.ok && rival.error.kind === 'invalid_options');
  const bad = tallySheetAgreement(table(ROWS.slice(5, 9)), {}, createRng(1));
  assert.ok(!bad.ok && bad.error.kind === 'insufficient_data');
});

test('same seed, same bytes; the registry entry runs with its declared defaults', () => {
  const a = tallySheetAgreementMethod.run(table(), { replicates: 199, rival: '', level: '' }, createRng(7));
  const b = tallySheetAgreementMethod.run(table(), { replicates: 199, rival: '', level: '' }, createRng(7));
  assert.equal(JSON.stringify(a), JSON.stringify(b));
});

/**
 * Size and power on simulated sheets with a known truth (tally_sheet_sim.ts): 500 stations, 5% of second readings
 * misread one candidate by 1-10 votes either way. Under that symmetric null the exact sign test's rejection rate at
 * 0.05 must stay within the binomial band of 0.05 over 300 elections (upper bound 0.05 + 3 sd = 0.088; it is
 * conservative by discreteness). With 5% of official figures moved 10 votes from the rival to the favoured, it must
 * reject in at least 90% of 100 elections (the docs page measures 1.00 over 1,000).
 */
test('calibration: size within its band on symmetric misreads; power on one-sided shifts', () => {
  const reps = 300;
  let rejections = 0;
  for (let k = 0; k < reps; k++) {
    const t = simulateSheets(
      { stations: 500, misreadRate: 0.05, maxMisread: 10, shiftedShare: 0, shiftVotes: 0 },
      createRng(deriveSeed(11, k)),
    );
    const r = tallySheetAgreement(t, { candidate: 'F', rival: 'R', replicates: 99 }, createRng(k));
    assert.ok(r.ok);
    if ((r.value[0].pValue ?? 1) < 0.05) rejections++;
  }
  assert.ok(rejections / reps <= 0.05 + 3 * Math.sqrt((0.05 * 0.95) / reps), `size ${rejections / reps}`);
  let hits = 0;
  for (let k = 0; k < 100; k++) {
    const t = simulateSheets(
      { stations: 500, misreadRate: 0.05, maxMisread: 10, shiftedShare: 0.05, shiftVotes: 10 },
      createRng(deriveSeed(12, k)),
    );
    const r = tallySheetAgreement(t, { candidate: 'F', rival: 'R', replicates: 99 }, createRng(k));
    assert.ok(r.ok);
    if ((r.value[0].pValue ?? 1) < 0.05 && r.value[0].statistic > 0) hits++;
  }
  assert.ok(hits >= 90, `power ${hits}/100`);
});
