import assert from 'node:assert/strict';
import { test } from 'node:test';
import { klimekElection } from '../../test/klimek_election.ts';
import { createRng } from '../rng.ts';
import { simulateElection } from '../simulate/generate.ts';
import { injectFraud } from '../simulate/inject.ts';
import type { StationTable } from '../station_table.ts';
import { klimekFraudModelMethod } from './klimek_fraud_model.ts';
import { deposit, fitFractions, smoothedMode } from './klimek_model.ts';

type Details = { fi: number; fe: number; fiInterval95: number[]; feInterval95: number[]; theta: number };

function fit(t: StationTable, seed = 1): Details {
  const r = klimekFraudModelMethod.run(t, { replicates: 20 }, createRng(seed));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value[0].details as Details;
}

test('recovers known fractions on elections drawn from the model (fi within 0.05, fe within 0.01)', () => {
  for (const [fi, fe, seed] of [
    [0, 0, 11],
    [0.1, 0.01, 12],
    [0.4, 0.03, 13],
  ]) {
    const d = fit(klimekElection(30000, fi, fe, seed));
    assert.ok(Math.abs(d.fi - fi) <= 0.05, `fi ${d.fi} vs ${fi}`);
    assert.ok(Math.abs(d.fe - fe) <= 0.01, `fe ${d.fe} vs ${fe}`);
    assert.ok(d.fiInterval95[0] <= d.fi && d.fi <= d.fiInterval95[1]);
  }
});

test('extreme stations injected by the simulation package are counted as extreme fraud', () => {
  const clean = simulateElection({ stations: 10000, noise: 'binomial', remoteLeaderEffect: 0 }, createRng(21));
  const base = fit(clean.table).fe;
  const fraud = injectFraud(clean, { kind: 'extreme', fraction: 0.03 }, createRng(22));
  const d = fit(fraud.table);
  assert.ok(base < 0.005, `clean fe ${base}`);
  assert.ok(Math.abs(d.fe - 0.03) <= 0.01, `fe ${d.fe}`);
});

test('fitFractions finds the grid minimum of its quadratic exactly, also on the simplex edges', () => {
  const rng = createRng(5);
  for (let trial = 0; trial < 20; trial++) {
    const size = 30;
    const fair = Float64Array.from({ length: size }, () => 50 * rng.uniform());
    const inc = Float64Array.from({ length: size }, () => 50 * rng.uniform());
    const ext = Float64Array.from({ length: size }, () => 50 * rng.uniform());
    const u0 = trial % 4 === 0 ? 0.8 : 0.3 * rng.uniform();
    const w0 = trial % 4 === 0 ? 0.6 : 0.1 * rng.uniform();
    const obs = Float64Array.from(fair, (c, b) => c + u0 * (inc[b] - c) + w0 * (ext[b] - c) + 3 * rng.normal());
    const weight = Float64Array.from(obs, (o) => 1 / (Math.abs(o) + 1));
    const exact = fitFractions(obs, fair, inc, ext, weight);
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= 200; i++)
      for (let j = 0; i + j <= 200; j++) {
        const u = i / 200;
        const w = j / 200;
        let d = 0;
        for (let b = 0; b < size; b++)
          d += weight[b] * (obs[b] - fair[b] - u * (inc[b] - fair[b]) - w * (ext[b] - fair[b])) ** 2;
        best = Math.min(best, d);
      }
    assert.ok(exact.distance <= best + 1e-9, `trial ${trial}: ${exact.distance} > grid ${best}`);
    assert.ok(exact.fi >= 0 && exact.fe >= 0 && exact.fi + exact.fe <= 1 + 1e-12);
  }
});

test('bilinear deposits keep the mass and smoothedMode finds a known peak', () => {
  const h = new Float64Array(10 * 10);
  deposit(h, 0.33, 0.71, 10, 2);
  deposit(h, 0, 1, 10, 1);
  assert.ok(Math.abs(h.reduce((a, b) => a + b, 0) - 3) < 1e-12);
  const rng = createRng(8);
  const x = Float64Array.from({ length: 20000 }, () => 0.62 + 0.05 * rng.normal());
  assert.ok(Math.abs(smoothedMode(x, 0.9) - 0.62) < 0.01);
});

test('errors: empty, no candidates, unknown winner, bad options, too few stations', () => {
  const t = klimekElection(100, 0, 0, 1);
  const e1 = klimekFraudModelMethod.run({ ...t, n: 0 }, {}, createRng(1));
  assert.ok(!e1.ok && e1.error.kind === 'insufficient_data');
  const e2 = klimekFraudModelMethod.run({ ...t, candidates: [] }, {}, createRng(1));
  assert.ok(!e2.ok && e2.error.kind === 'missing_column');
  const e3 = klimekFraudModelMethod.run(t, { candidate: 'Nobody' }, createRng(1));
  assert.ok(!e3.ok && e3.error.kind === 'invalid_options');
  for (const bad of [{ bins: 2 }, { draws: 0 }, { alpha: 0 }, { replicates: 1 }, { maxMode: 2 }]) {
    const e = klimekFraudModelMethod.run(t, bad, createRng(1));
    assert.ok(!e.ok && e.error.kind === 'invalid_options', JSON.stringify(bad));
  }
  const small = klimekElection(30, 0, 0, 1);
  const e4 = klimekFraudModelMethod.run(small, {}, createRng(1));
  assert.ok(!e4.ok && e4.error.kind === 'insufficient_data');
});

test('exclusions are counted; the same seed gives byte-identical JSON; details hold plain numbers', () => {
  const t = klimekElection(2000, 0.1, 0.01, 3);
  const registered = Float64Array.from(t.registered);
  registered[0] = 0;
  registered[1] = Number.NaN;
  const valid = Float64Array.from(t.valid);
  valid[2] = registered[2] + 5;
  const broken = { ...t, registered, valid };
  const a = klimekFraudModelMethod.run(broken, { replicates: 5 }, createRng(4));
  const b = klimekFraudModelMethod.run(broken, { replicates: 5 }, createRng(4));
  assert.ok(a.ok && b.ok);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const r = a.value[0];
  assert.equal(r.n, 1997);
  assert.deepEqual(r.excluded, [
    { reason: 'missing or negative counts', count: 1 },
    { reason: 'no registered voters or no valid votes', count: 1 },
    { reason: 'valid votes above registered or winner above valid', count: 1 },
  ]);
  const fp = (r.details as { fingerprint: { bins: number; counts: number[] } }).fingerprint;
  assert.equal(fp.counts.length, fp.bins * fp.bins);
  assert.equal(
    fp.counts.reduce((s, c) => s + c, 0),
    1997,
  );
});

// The five-seed check on Russia 2011 itself is in bench/klimek_fraud_model.ts (minutes on a loaded machine).
test("the point estimate does not move with the run's seed: three seeds give one fi, fe, each inside every interval", () => {
  const t = klimekElection(2000, 0.2, 0.02, 31);
  const runs = [1, 2, 3].map((seed) => fit(t, seed));
  for (const d of runs) {
    assert.equal(d.fi, runs[0].fi);
    assert.equal(d.fe, runs[0].fe);
    for (const other of runs) {
      assert.ok(other.fiInterval95[0] <= d.fi && d.fi <= other.fiInterval95[1], `fi ${d.fi} vs ${other.fiInterval95}`);
      assert.ok(other.feInterval95[0] <= d.fe && d.fe <= other.feInterval95[1], `fe ${d.fe} vs ${other.feInterval95}`);
    }
  }
  // The run's seed still drives the bootstrap.
  assert.notDeepEqual(runs[0].fiInterval95, runs[1].fiInterval95);
});

test('the fair peaks kept are those with the smallest full-table distance among the searches and the modes', () => {
  const r = klimekFraudModelMethod.run(klimekElection(2000, 0.3, 0.03, 32), { replicates: 2 }, createRng(1));
  assert.ok(r.ok);
  const d = r.value[0].details as { distance: number; fairCandidateDistances: number[]; fairPeaks: string };
  assert.equal(d.fairCandidateDistances.length, 4);
  assert.equal(d.distance, Math.min(...d.fairCandidateDistances));
});

test('minVoters leaves out small stations and counts them; alpha reaches the fit', () => {
  const t = klimekElection(3000, 0.1, 0.01, 33);
  const limit = quantileOf(t.registered, 0.25);
  const below = t.registered.filter((r) => r < limit).length;
  const r = klimekFraudModelMethod.run(t, { replicates: 2, minVoters: limit, alpha: 2.3 }, createRng(1));
  assert.ok(r.ok);
  assert.equal(r.value[0].n, t.n - below);
  assert.deepEqual(r.value[0].excluded, [
    { reason: `fewer than ${limit} registered voters (minVoters)`, count: below },
  ]);
  assert.equal((r.value[0].details as { alpha: number }).alpha, 2.3);
  for (const bad of [{ minVoters: -1 }, { minVoters: 2.5 }]) {
    const e = klimekFraudModelMethod.run(t, bad, createRng(1));
    assert.ok(!e.ok && e.error.kind === 'invalid_options' && e.error.option === 'minVoters');
  }
});

function quantileOf(values: ArrayLike<number>, q: number): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return sorted[Math.floor(q * sorted.length)];
}
