import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createRng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { cleanElectionArbitrary, electionArbitrary, electionPairArbitrary } from './arbitraries.ts';
import { simulateElection, simulateElectionPair, simulateLatent } from './generate.ts';
import { defaultShares, resolveSimulationOptions, type SimulationOptions } from './options.ts';

const flat: Partial<SimulationOptions> = {
  turnoutRegionSd: 0,
  turnoutDistrictSd: 0,
  turnoutStationSd: 0,
  supportRegionSd: 0,
  supportDistrictSd: 0,
  supportStationSd: 0,
  remoteTurnoutEffect: 0,
  remoteLeaderEffect: 0,
  remoteSizeEffect: 0,
  size: { kind: 'lognormal', median: 400, sdLog: 0, min: 1, max: 10000 },
};

function tableJson(t: StationTable): string {
  return JSON.stringify(t, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
}

/** Checks the accounting identities every simulated table must satisfy. */
function assertConsistent(t: StationTable): void {
  assert.equal(t.ids.length, t.n);
  assert.equal(new Set(t.ids).size, t.n);
  for (let i = 0; i < t.n; i++) {
    let s = 0;
    for (const c of t.candidates) {
      assert.ok(Number.isInteger(c.votes[i]) && c.votes[i] >= 0, `votes at ${i}`);
      s += c.votes[i];
    }
    assert.equal(s, t.valid[i], `sum of candidates = valid at ${i}`);
    assert.equal(t.valid[i] + t.invalid[i], t.ballotsFound[i], `valid + invalid = found at ${i}`);
    assert.equal(t.ballotsFound[i], t.ballotsCast[i]);
    assert.ok(t.invalid[i] >= 0 && Number.isInteger(t.invalid[i]));
    assert.ok(t.ballotsCast[i] <= t.registered[i], `cast <= registered at ${i}`);
    assert.ok(t.registered[i] >= 1 && Number.isInteger(t.registered[i]));
  }
  for (const level of t.regions) {
    assert.equal(level.codes.length, t.n);
    for (let i = 0; i < t.n; i++) assert.ok(level.codes[i] >= 0 && level.codes[i] < level.labels.length);
  }
  assert.ok(t.arrival);
  assert.deepEqual(
    Array.from(t.arrival.values).sort((a, b) => a - b),
    Array.from({ length: t.n }, (_, k) => k + 1),
  );
}

function meanVar(x: Float64Array): { mean: number; variance: number } {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - m) ** 2;
  return { mean: m, variance: v / (x.length - 1) };
}

test('the generator is deterministic per seed and differs between seeds', () => {
  const a = simulateElection({ stations: 300 }, createRng(7));
  const b = simulateElection({ stations: 300 }, createRng(7));
  const c = simulateElection({ stations: 300 }, createRng(8));
  assert.equal(tableJson(a.table), tableJson(b.table));
  assert.notEqual(tableJson(a.table), tableJson(c.table));
  const p = simulateElectionPair({ stations: 100 }, createRng(3));
  const q = simulateElectionPair({ stations: 100 }, createRng(3));
  assert.equal(tableJson(p.second.table), tableJson(q.second.table));
});

test('binomial noise: turnout, invalid and share moments match their parameters', () => {
  const n = 4000;
  const N = 400;
  const { table } = simulateElection({ ...flat, stations: n, noise: 'binomial', turnout: 0.6 }, createRng(11));
  assertConsistent(table);
  const turnout = new Float64Array(n);
  const invalid = new Float64Array(n);
  const share = new Float64Array(n);
  let expectedShareVar = 0;
  const s0 = defaultShares(3)[0];
  for (let i = 0; i < n; i++) {
    assert.equal(table.registered[i], N);
    turnout[i] = table.ballotsCast[i] / N;
    invalid[i] = table.invalid[i] / table.ballotsCast[i];
    share[i] = table.candidates[0].votes[i] / table.valid[i];
    expectedShareVar += (s0 * (1 - s0)) / table.valid[i] / n;
  }
  const t = meanVar(turnout);
  const tSe = Math.sqrt((0.6 * 0.4) / N / n);
  assert.ok(Math.abs(t.mean - 0.6) < 4 * tSe, `turnout mean ${t.mean}`);
  // Sample variance / true variance ~ chi2(n-1)/(n-1): sd sqrt(2/n) = 0.022.
  const ratio = t.variance / ((0.6 * 0.4) / N);
  assert.ok(Math.abs(ratio - 1) < 0.1, `turnout variance ratio ${ratio}`);
  const s = meanVar(share);
  assert.ok(Math.abs(s.mean - s0) < 4 * Math.sqrt(expectedShareVar / n), `share mean ${s.mean} vs ${s0}`);
  assert.ok(Math.abs(s.variance / expectedShareVar - 1) < 0.1, `share variance ratio ${s.variance / expectedShareVar}`);
  const inv = meanVar(invalid);
  assert.ok(Math.abs(inv.mean - 0.03) < 0.002, `invalid mean ${inv.mean}`);
});

test('beta-binomial noise inflates the turnout variance by 1 + (N - 1) / (phi + 1)', () => {
  const n = 4000;
  const N = 400;
  const phi = 100;
  const { table } = simulateElection(
    { ...flat, stations: n, noise: 'beta_binomial', concentration: phi, turnout: 0.7 },
    createRng(12),
  );
  assertConsistent(table);
  const turnout = new Float64Array(n);
  for (let i = 0; i < n; i++) turnout[i] = table.ballotsCast[i] / N;
  const t = meanVar(turnout);
  const expectedVar = ((0.7 * 0.3) / N) * (1 + (N - 1) / (phi + 1));
  assert.ok(Math.abs(t.mean - 0.7) < 4 * Math.sqrt(expectedVar / n), `turnout mean ${t.mean}`);
  const ratio = t.variance / expectedVar;
  assert.ok(Math.abs(ratio - 1) < 0.12, `variance ratio ${ratio}`);
});

test('region heterogeneity: turnout varies between regions far beyond binomial noise', () => {
  const { table } = simulateElection({ stations: 3000, turnoutRegionSd: 0.4, noise: 'binomial' }, createRng(5));
  const level = table.regions[1];
  const sums = new Float64Array(level.labels.length);
  const regs = new Float64Array(level.labels.length);
  for (let i = 0; i < table.n; i++) {
    sums[level.codes[i]] += table.ballotsCast[i];
    regs[level.codes[i]] += table.registered[i];
  }
  const rates = Array.from(sums, (s, r) => s / regs[r]);
  const spread = Math.max(...rates) - Math.min(...rates);
  assert.ok(spread > 0.1, `regional turnout spread ${spread}`);
});

test('arrival follows geography: late stations are remote and favour the leader', () => {
  const rng = createRng(21);
  const latent = simulateLatent({ stations: 4000, remoteLeaderEffect: 0.3, arrivalGeography: 0.8 }, rng);
  const { table } = simulateElection({ stations: 4000, remoteLeaderEffect: 0.3, arrivalGeography: 0.8 }, createRng(21));
  assert.ok(table.arrival);
  let early = 0;
  let earlyValid = 0;
  let late = 0;
  let lateValid = 0;
  let remoteLate = 0;
  let remoteEarly = 0;
  for (let i = 0; i < table.n; i++) {
    const isLate = table.arrival.values[i] > 0.8 * table.n;
    if (isLate) {
      late += table.candidates[0].votes[i];
      lateValid += table.valid[i];
      remoteLate += latent.remoteness[i];
    } else {
      early += table.candidates[0].votes[i];
      earlyValid += table.valid[i];
      remoteEarly += latent.remoteness[i];
    }
  }
  assert.ok(remoteLate / (0.2 * table.n) > remoteEarly / (0.8 * table.n) + 0.5);
  assert.ok(late / lateValid > early / earlyValid + 0.02, `late ${late / lateValid} early ${early / earlyValid}`);
});

test('empirical sizes resample the given registered column', () => {
  const values = [100, 250, 251, 900];
  const { table } = simulateElection({ stations: 500, size: { kind: 'empirical', values } }, createRng(2));
  for (let i = 0; i < table.n; i++) assert.ok(values.includes(table.registered[i]));
  assert.equal(new Set(table.registered).size, 4);
});

test('pairs share stations and regions, and support persists with a swing', () => {
  const { first, second } = simulateElectionPair({ stations: 2000 }, createRng(9), { leaderSwing: -0.2 });
  assertConsistent(first.table);
  assertConsistent(second.table);
  assert.deepEqual(first.table.ids, second.table.ids);
  assert.deepEqual(first.table.regions[2].codes, second.table.regions[2].codes);
  const a = new Float64Array(first.table.n);
  const b = new Float64Array(first.table.n);
  for (let i = 0; i < a.length; i++) {
    a[i] = first.table.candidates[0].votes[i] / first.table.valid[i];
    b[i] = second.table.candidates[0].votes[i] / second.table.valid[i];
  }
  const ma = meanVar(a);
  const mb = meanVar(b);
  let cov = 0;
  for (let i = 0; i < a.length; i++) cov += (a[i] - ma.mean) * (b[i] - mb.mean);
  const r = cov / (a.length - 1) / Math.sqrt(ma.variance * mb.variance);
  assert.ok(r > 0.7, `share correlation ${r}`);
  assert.ok(mb.mean < ma.mean - 0.02, `swing ${mb.mean - ma.mean}`);
});

test('options are validated with tagged errors', () => {
  const bad = resolveSimulationOptions({ stations: 0 });
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.error.kind, 'invalid_options');
  assert.equal(resolveSimulationOptions({ shares: [0.5, 0.6, -0.1] }).ok, false);
  assert.equal(resolveSimulationOptions({ size: { kind: 'empirical', values: [] } }).ok, false);
  assert.equal(resolveSimulationOptions({}).ok, true);
  assert.throws(() => simulateElection({ stations: -1 }, createRng(1)), /internal error/);
});

test('property: every arbitrary election (clean, injected, pairs) is a consistent table', () => {
  fc.assert(
    fc.property(cleanElectionArbitrary({ maxStations: 80 }), (e) => {
      assertConsistent(e.table);
      assert.equal(
        e.truth.fraudulent.reduce((a, b) => a + b, 0),
        0,
      );
    }),
    { numRuns: 60, seed: 1 },
  );
  fc.assert(
    fc.property(electionArbitrary({ maxStations: 80 }), (e) => {
      assertConsistent(e.table);
      for (let i = 0; i < e.table.n; i++) assert.equal(e.truth.fraudulent[i] === 1, e.truth.kind[i] !== '');
    }),
    { numRuns: 100, seed: 2 },
  );
  fc.assert(
    fc.property(electionPairArbitrary({ maxStations: 60 }), (p) => {
      assertConsistent(p.first.table);
      assertConsistent(p.second.table);
    }),
    { numRuns: 40, seed: 3 },
  );
});
