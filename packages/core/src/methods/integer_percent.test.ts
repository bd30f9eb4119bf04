import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { MethodResult } from '../method.ts';
import { createRng } from '../rng.ts';
import { simulateElection } from '../simulate/generate.ts';
import { injectFraud } from '../simulate/inject.ts';
import type { StationTable } from '../station_table.ts';
import { integerPercentMethod, prepareIntegerPercent } from './integer_percent.ts';
import { convolveAll, lowerQuantile, poissonBinomial, upperTail } from './integer_percent_exact.ts';
import { integerPercentProbability, STATIONS_PER_PROBABILITY_CHUNK } from './integer_percent_sim.ts';

/** A hand-built table: registered, ballots issued, ballots found, leader votes per station. */
function table(rows: [number, number, number, number][], regions?: string[]): StationTable {
  const n = rows.length;
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
  const labels = regions ? [...new Set(regions)] : [];
  return {
    n,
    ids: rows.map((_, i) => String(i)),
    regions: regions ? [{ name: 'region', labels, codes: Int32Array.from(regions, (r) => labels.indexOf(r)) }] : [],
    registered: col(0),
    ballotsCast: col(1),
    ballotsFound: col(2),
    valid: col(2),
    invalid: new Float64Array(n),
    candidates: [
      { name: 'Leader', votes: col(3) },
      { name: 'Other', votes: Float64Array.from(rows, (r) => r[2] - r[3]) },
    ],
    shareOf: 'ballots_found',
    meta: { name: 'test' },
  };
}

function simulated(seed: number, stations = 2000): StationTable {
  const sim = simulateElection(
    {
      stations,
      regions: 5,
      noise: 'binomial',
      size: { kind: 'lognormal', median: 900, sdLog: 0.5, min: 100, max: 4000 },
    },
    createRng(seed),
  );
  return { ...sim.table, shareOf: 'ballots_found' };
}

/** Runs the method; without `replicates` in the options there is no Monte Carlo (the default). */
function run(t: StationTable, options: Record<string, unknown> = {}, seed = 1): MethodResult[] {
  const r = integerPercentMethod.run(t, options, createRng(seed));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

test('integerPercentProbability matches scipy (committed fixture)', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('./fixtures/integer_percent_reference.json', import.meta.url), 'utf8'),
  ) as {
    cases: { n: number; p: number; prob: number }[];
    stations: [number, number, number, number][];
    expected: { either: number; leader: number; turnout: number };
    observed: { either: number; leader: number; turnout: number };
  };
  for (const c of fixture.cases)
    assert.ok(Math.abs(integerPercentProbability(c.n, c.p) - c.prob) < 1e-10, JSON.stringify(c));
  const prepared = prepareIntegerPercent(table(fixture.stations), { regionLevel: 'none' }, 1);
  assert.ok(prepared.ok);
  const p = prepared.value;
  assert.deepEqual(
    [p.observed[0], p.observed[1], p.observed[2]],
    [fixture.observed.either, fixture.observed.leader, fixture.observed.turnout],
  );
  assert.ok(Math.abs(p.exactMean[0] - fixture.expected.either) < 1e-8);
  assert.ok(Math.abs(p.exactMean[1] - fixture.expected.leader) < 1e-8);
  assert.ok(Math.abs(p.exactMean[2] - fixture.expected.turnout) < 1e-8);
});

test('errors: empty table, no candidates, unknown candidate or level, bad replicates, nobody included', () => {
  const empty = table([]);
  const e1 = integerPercentMethod.run(empty, {}, createRng(1));
  assert.ok(!e1.ok && e1.error.kind === 'insufficient_data');
  const noCand = { ...table([[500, 300, 300, 200]]), candidates: [] };
  const e2 = integerPercentMethod.run(noCand, {}, createRng(1));
  assert.ok(!e2.ok && e2.error.kind === 'missing_column');
  const t = table([[500, 300, 300, 200]]);
  const e3 = integerPercentMethod.run(t, { candidate: 'Nobody' }, createRng(1));
  assert.ok(!e3.ok && e3.error.kind === 'invalid_options');
  const e4 = integerPercentMethod.run(t, { replicates: 1 }, createRng(1));
  assert.ok(!e4.ok && e4.error.kind === 'invalid_options');
  const e4b = integerPercentMethod.run(t, { replicates: -5 }, createRng(1));
  assert.ok(!e4b.ok && e4b.error.kind === 'invalid_options');
  const e5 = integerPercentMethod.run(t, { regionLevel: 'oblast' }, createRng(1));
  assert.ok(!e5.ok && e5.error.kind === 'invalid_options');
  const small = table([
    [99, 50, 50, 20],
    [0, 0, 0, 0],
  ]);
  const e6 = integerPercentMethod.run(small, {}, createRng(1));
  assert.ok(!e6.ok && e6.error.kind === 'insufficient_data');
});

test('inclusion rules follow the paper and every exclusion is counted with its reason', () => {
  const t = table([
    [500, 300, 300, 200], // included
    [500, 300, 0, 0], // no ballots found
    [99, 60, 60, 30], // fewer than 100 registered
    [1000, 991, 991, 500], // turnout 99.1%
    [1000, 990, 990, 500], // turnout exactly 99%: included
    [1000, 600, 600, 595], // leader share 99.2%
    [Number.NaN, 10, 10, 5], // missing
    [500, 300.5, 300, 200], // non-integer
  ]);
  const [overall] = run(t);
  assert.equal(overall.n, 2);
  assert.deepEqual(overall.excluded, [
    { reason: 'missing or non-integer counts', count: 2 },
    { reason: 'no ballots found', count: 1 },
    { reason: 'fewer than 100 registered', count: 1 },
    { reason: 'turnout above 99%', count: 1 },
    { reason: 'leader share above 99%', count: 1 },
  ]);
});

test('one station: observed, expected and p-value are consistent', () => {
  // 60% turnout and 40% share: both whole.
  const [r] = run(table([[1000, 600, 600, 240]]));
  const d = r.details as { observed: Record<string, number>; expected: Record<string, number> };
  assert.deepEqual(d.observed, { either: 1, leader: 1, turnout: 1 });
  // n = 1000: only k = 10m is within 0.05 points of a whole percent, about a tenth of the mass.
  assert.ok(Math.abs(d.expected.turnout - 0.1) < 0.01);
  // One station observed at a whole percentage: the exact p-value is the chance q that a null redraw lands on one,
  // its expected count.
  const q = d.expected.either;
  assert.ok(q > 0.1 && q < 0.3, `q ${q}`);
  assert.equal(r.pValueKind, 'exact');
  assert.ok(r.pValue !== null && Math.abs(r.pValue - q) < 1e-15, `p ${r.pValue}, q ${q}`);
  assert.equal(r.replicates, undefined, 'no Monte Carlo, so no replicates');
});

/** The reference of integer_percent_exact_reference.py: direct convolution in numpy, nothing trimmed. */
const exactFixture = JSON.parse(
  readFileSync(new URL('./fixtures/integer_percent_exact_reference.json', import.meta.url), 'utf8'),
) as {
  laws: { probabilities: number[]; tails: { k: number; p: number }[]; quantile999: number }[];
  table: {
    stations: [number, number, number, number][];
    regions: string[];
    groups: ({ region: string } & Record<Stat, { observed: number; p: number; quantile999: number }>)[];
  };
};
type Stat = 'either' | 'leader' | 'turnout';

/**
 * Tolerance against the reference: 1e-12 absolute. Both sides sum float64 products whose rounding errors are about
 * 1e-16 relative per step; the exact law also sets aside edge probabilities below 1e-20 (their sum, under 1e-15 here,
 * is added to every tail, so it is never below the reference by more than rounding). Far-tail values (down to 1e-39)
 * are compared with the same absolute tolerance: the p-values are exact to it, not to a relative precision.
 */
function assertTail(ours: number, reference: number, what: string): void {
  assertClose(ours, reference, 1e-12, what);
}

function assertClose(ours: number, reference: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(ours - reference) <= tolerance, `${what}: ${ours} vs ${reference}`);
  assert.ok(ours >= reference * (1 - 1e-9), `${what}: ${ours} below the reference ${reference}`);
}

test('exact Poisson-binomial law: tails and 0.999 quantile match direct convolution (numpy, committed fixture)', () => {
  for (const [c, reference] of exactFixture.laws.entries()) {
    const p = reference.probabilities;
    const whole = poissonBinomial((j) => p[j], 0, p.length);
    for (const { k, p: tail } of reference.tails) assertTail(upperTail(whole, k), tail, `law ${c}, P(S >= ${k})`);
    assert.equal(lowerQuantile(whole, 0.999), reference.quantile999, `law ${c} quantile`);
    // Split anyhow and merged back: the same law.
    const parts = [...new Set([0, 7, 100, p.length].map((x) => Math.min(x, p.length)))];
    const merged = convolveAll(parts.slice(1).map((end, i) => poissonBinomial((j) => p[j], parts[i], end)));
    for (const { k, p: tail } of reference.tails) assertTail(upperTail(merged, k), tail, `law ${c} merged, ${k}`);
  }
});

test('exact p-values and thresholds of the whole table and each region match the reference (committed fixture)', () => {
  const { stations, regions, groups } = exactFixture.table;
  const results = run(table(stations, regions), { regionLevel: 'region' });
  assert.equal(results.length, groups.length);
  for (const [g, reference] of groups.entries()) {
    const r = results[g];
    assert.equal(r.region, reference.region);
    const d = r.details as {
      observed: Record<Stat, number>;
      pValues: Record<Stat, number>;
      threshold: Record<Stat, number>;
    };
    for (const stat of ['either', 'leader', 'turnout'] as const) {
      assert.equal(d.observed[stat], reference[stat].observed, `${reference.region} ${stat} observed`);
      // 1e-10: the stations' own probabilities (our binomial sums and scipy's differ by up to 7e-13
      // each) add their errors.
      assertClose(d.pValues[stat], reference[stat].p, 1e-10, `${reference.region} ${stat} p`);
      assert.equal(d.threshold[stat], reference[stat].quantile999, `${reference.region} ${stat} threshold`);
    }
    assert.equal(r.pValue, d.pValues.either);
  }
  // The south's rounded leader shares put it far in the tail (the reference gives about 1e-22).
  assert.ok((results[3].pValue as number) < 1e-12);
});

test('Monte Carlo mean agrees with the exact expectation, for both draw modes', () => {
  const t = simulated(11, 1500);
  for (const draw of ['indicator', 'binomial'] as const) {
    const [r] = run(t, { draw, replicates: 300 });
    type Block = {
      expected: Record<Stat, number>;
      sd: Record<Stat, number>;
      pValues: Record<Stat, number>;
      monteCarlo: { expected: Record<Stat, number>; pValues: Record<Stat, number> };
    };
    const d = r.details as Block & { weighted: Block };
    for (const k of ['either', 'leader', 'turnout'] as const) {
      const se = d.sd[k] / Math.sqrt(300);
      assert.ok(Math.abs(d.monteCarlo.expected[k] - d.expected[k]) < 4.5 * se, `${draw} ${k}`);
      // The Monte Carlo p-value (1 + hits) / 301 estimates the exact one: within 4.5 binomial SDs of it.
      const p = d.pValues[k];
      assert.ok(
        Math.abs(d.monteCarlo.pValues[k] - p) < 4.5 * Math.sqrt((p * (1 - p)) / 300) + 2 / 301,
        `${draw} ${k} p`,
      );
      // Weighted: the Monte Carlo's figures are the block's p-values, and its mean matches the exact one.
      assert.equal(d.weighted.pValues[k], d.weighted.monteCarlo.pValues[k]);
      const seWeighted = d.weighted.sd[k] / Math.sqrt(300);
      assert.ok(Math.abs(d.weighted.monteCarlo.expected[k] - d.weighted.expected[k]) < 4.5 * seWeighted);
    }
    assert.equal(r.replicates, 300);
  }
});

test('per-region results add up to the whole table and carry region labels', () => {
  const t = simulated(12, 1200);
  const results = run(t);
  const overall = results[0];
  const regions = results.slice(1);
  const level = t.regions.find((l) => l.name === 'region');
  assert.ok(level);
  assert.equal(regions.length, level.labels.length);
  assert.equal(
    regions.reduce((s, r) => s + r.n, 0),
    overall.n,
  );
  const obs = (r: MethodResult) => (r.details as { observed: { either: number } }).observed.either;
  assert.equal(
    regions.reduce((s, r) => s + obs(r), 0),
    obs(overall),
  );
  assert.deepEqual(
    regions.map((r) => r.region),
    level.labels,
  );
  const none = run(t, { regionLevel: 'none' });
  assert.equal(none.length, 1);
});

test('same seed gives byte-identical JSON; observed and exact figures do not depend on row order', () => {
  const t = simulated(13, 800);
  assert.equal(JSON.stringify(run(t, { replicates: 100 }, 5)), JSON.stringify(run(t, { replicates: 100 }, 5)));
  assert.equal(JSON.stringify(run(t, {}, 5)), JSON.stringify(run(t, {}, 5)));
  const order = Array.from({ length: t.n }, (_, i) => t.n - 1 - i);
  const reversed: StationTable = {
    ...t,
    registered: Float64Array.from(order, (i) => t.registered[i]),
    ballotsCast: Float64Array.from(order, (i) => t.ballotsCast[i]),
    ballotsFound: Float64Array.from(order, (i) => t.ballotsFound[i]),
    candidates: t.candidates.map((c) => ({ name: c.name, votes: Float64Array.from(order, (i) => c.votes[i]) })),
    regions: [],
  };
  const a = prepareIntegerPercent({ ...t, regions: [] }, {}, 1);
  const b = prepareIntegerPercent(reversed, {}, 1);
  assert.ok(a.ok && b.ok);
  assert.deepEqual(Array.from(a.value.observed), Array.from(b.value.observed));
  for (let s = 0; s < 6; s++)
    assert.ok(Math.abs(a.value.exactMean[s] - b.value.exactMean[s]) < 1e-6 * (1 + a.value.exactMean[s]));
});

test('calibration: on clean simulated elections the either-test rejects at about alpha', () => {
  const elections = 120;
  const firstTableSeed = 1000;
  const stationsPerElection = 1000;
  let rejections = 0;
  for (let e = 0; e < elections; e++) {
    const table = simulated(firstTableSeed + e, stationsPerElection);
    const [r] = run(table, { regionLevel: 'none' }, e);
    if ((r.pValue as number) <= 0.05) rejections++;
  }
  // Binomial(120, 0.05) band: P(X = 0) = 0.002, P(X > 13) < 0.003. Measured: 6 with the Monte Carlo p-value (199
  // replicates), 5 with the exact one (a discrete count: the test is at or a little below its level).
  assert.ok(rejections >= 1 && rejections <= 13, `rejected ${rejections} of ${elections}`);
});

test('power: rounding the leader share at 5% of stations is found and sized', () => {
  const big = { kind: 'lognormal' as const, median: 1800, sdLog: 0.3, min: 800, max: 4000 };
  let found = 0;
  for (let s = 0; s < 10; s++) {
    const clean = simulateElection({ stations: 2000, regions: 5, noise: 'binomial', size: big }, createRng(50 + s));
    const base = { ...clean, table: { ...clean.table, shareOf: 'ballots_found' as const } };
    const fraud = injectFraud(base, { kind: 'rounding', fraction: 0.05 }, createRng(90 + s));
    const [r] = run(fraud.table, { regionLevel: 'none' }, s);
    const d = r.details as { excess: { leader: number }; sd: { leader: number } };
    // Ground truth: how many whole-percent leader shares the injection added.
    const before = prepareIntegerPercent(base.table, { regionLevel: 'none' }, 1);
    const after = prepareIntegerPercent(fraud.table, { regionLevel: 'none' }, 1);
    assert.ok(before.ok && after.ok);
    const added = after.value.observed[1] - before.value.observed[1];
    assert.ok(added > 50, `injection added only ${added} whole percentages`);
    assert.ok(Math.abs(d.excess.leader - added) < 4 * d.sd.leader, `excess ${d.excess.leader} vs added ${added}`);
    if ((r.pValue as number) <= 0.01) found++;
  }
  assert.equal(found, 10);
});

test('the exact-probability stage, split by station range, gives each station its own exact probability', () => {
  const big = simulateElection({ stations: 20_000, regions: 3, noise: 'binomial' }, createRng(5)).table;
  const prepared = prepareIntegerPercent(big, {}, 1);
  assert.ok(prepared.ok);
  const p = prepared.value.payload;
  assert.ok(p.registered.length > STATIONS_PER_PROBABILITY_CHUNK, 'more than one chunk of stations');
  for (let j = 0; j < p.registered.length; j++) {
    const turnout = integerPercentProbability(p.registered[j], p.ballotsCast[j] / p.registered[j]);
    const leader = integerPercentProbability(p.ballotsFound[j], p.leader[j] / p.ballotsFound[j]);
    assert.ok(Object.is(p.pTurnout[j], turnout) && Object.is(p.pLeader[j], leader), `station ${j}`);
  }
});
