import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { logBeta } from '../numeric/polygamma.ts';
import { createRng } from '../rng.ts';
import { finiteMixtureMethod } from './finite_mixture.ts';
import { betaFromLogMoments } from './finite_mixture_fit.ts';
import { classLogLik, fraudClassLogLik, mixtureLogLikelihood } from './finite_mixture_model.ts';
import { FAST_QUADRATURE_NODES, FAST_WINDOW, QuadratureScratch } from './finite_mixture_quadrature.ts';
import { countsTable, drawFromModel } from './finite_mixture_testkit.ts';

const ref = JSON.parse(
  readFileSync(new URL('../../test/fixtures/finite_mixture_reference.json', import.meta.url), 'utf8'),
);

test('class log-likelihoods agree with scipy (closed form + adaptive quad) to 1e-9', () => {
  const sc = new QuadratureScratch();
  const lp = new Float64Array(3);
  let checked = 0;
  for (const s of ref.stations) {
    classLogLik(s.N, s.t, s.w, ref.params, lp, null, sc);
    const best = Math.max(...s.logp);
    for (let k = 0; k < 3; k++) {
      // Classes more than e^-40 below the best one do not affect the likelihood; they are not compared.
      if (s.logp[k] < best - 40) continue;
      const tol = 1e-9 * Math.max(1, Math.abs(s.logp[k]));
      assert.ok(
        Math.abs(lp[k] - s.logp[k]) <= tol,
        `station ${s.N}/${s.t}/${s.w} class ${k}: ${lp[k]} vs ${s.logp[k]}`,
      );
      checked++;
    }
  }
  assert.ok(checked >= 50, `compared ${checked} class likelihoods`);
  const f = (k: string) => Float64Array.from(ref.stations, (s: Record<string, number>) => s[k]);
  const ll = mixtureLogLikelihood(f('N'), f('t'), f('w'), ref.params);
  assert.ok(Math.abs(ll - ref.logLik) <= 1e-9 * Math.abs(ref.logLik), `${ll} vs ${ref.logLik}`);
});

test('Beta M-step inverts the expected log sufficient statistics (scipy digamma values)', () => {
  // scipy: digamma(12) - digamma(20) = -0.5278623122663366, digamma(8) - digamma(20) = -0.9548825142865391
  const r = betaFromLogMoments(-0.5278623122663366, -0.9548825142865391, 2, 2);
  assert.ok(Math.abs(r.alpha - 12) < 1e-8 && Math.abs(r.beta - 8) < 1e-8, JSON.stringify(r));
});

test('errors: empty, too few, unknown candidate, unknown region level, bad threshold, no candidates', () => {
  const run = (t: Parameters<typeof finiteMixtureMethod.run>[0], o = {}) => finiteMixtureMethod.run(t, o, createRng(1));
  const kind = (r: ReturnType<typeof run>) => (r.ok ? 'ok' : r.error.kind);
  assert.equal(kind(run(countsTable([], [], []))), 'insufficient_data');
  assert.equal(kind(run(countsTable([100], [60], [30]))), 'insufficient_data');
  const d = drawFromModel(200, createRng(3));
  const tb = countsTable(d.N, d.t, d.w);
  assert.equal(kind(run(tb, { candidate: 'Nobody' })), 'invalid_options');
  assert.equal(kind(run(tb, { regionLevel: 'province' })), 'invalid_options');
  assert.equal(kind(run(tb, { threshold: 1.5 })), 'invalid_options');
  assert.equal(kind(run({ ...tb, candidates: [] })), 'missing_column');
});

test('zeros and impossible rows are excluded with reasons; outputs are finite and consistent', () => {
  const d = drawFromModel(300, createRng(4));
  const N = [...d.N, 0, 100, 100];
  const t = [...d.t, 0, 0, 150];
  const w = [...d.w, 0, 0, 10];
  const r = finiteMixtureMethod.run(countsTable(N, t, w), {}, createRng(1));
  assert.ok(r.ok);
  const res = r.value[0];
  assert.equal(res.n, 300);
  assert.equal(
    res.excluded.reduce((s, e) => s + e.count, 0),
    3,
  );
  const det = res.details as {
    pi: { noFraud: number; incremental: number; extreme: number };
    stations: { expected: Record<string, number>; top: unknown[]; fraudProbabilityHistogram: number[] };
  };
  const sum = det.pi.noFraud + det.pi.incremental + det.pi.extreme;
  assert.ok(Math.abs(sum - 1) < 1e-12);
  assert.equal(
    det.stations.fraudProbabilityHistogram.reduce((a, b) => a + b, 0),
    300,
  );
  assert.equal(det.stations.top.length, 20);
  assert.ok(Number.isFinite(res.statistic) && res.statistic >= 0 && res.statistic <= 1);
});

test('deterministic: same input gives byte-identical JSON; row order does not change the estimate', () => {
  const d = drawFromModel(400, createRng(5));
  const a = finiteMixtureMethod.run(countsTable(d.N, d.t, d.w), {}, createRng(1));
  const b = finiteMixtureMethod.run(countsTable(d.N, d.t, d.w), {}, createRng(2));
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  const rev = (x: Float64Array) => Float64Array.from(x).reverse();
  const c = finiteMixtureMethod.run(countsTable(rev(d.N), rev(d.t), rev(d.w)), {}, createRng(1));
  assert.ok(a.ok && c.ok);
  assert.ok(Math.abs(a.value[0].statistic - c.value[0].statistic) < 1e-6);
});

test('subsample fit on large tables reports it and still scores every station', () => {
  const d = drawFromModel(1500, createRng(6));
  const r = finiteMixtureMethod.run(countsTable(d.N, d.t, d.w), { maxFitStations: 600 }, createRng(1));
  assert.ok(r.ok);
  const det = r.value[0].details as { fittedStations: number; stations: { fraudProbabilityHistogram: number[] } };
  assert.equal(det.fittedStations, 600);
  assert.equal(
    det.stations.fraudProbabilityHistogram.reduce((x, y) => x + y, 0),
    1500,
  );
  assert.ok(r.value[0].warnings.some((w) => w.includes('subsample')));
});

test('above maxAccurateStations every station is scored with the iteration rule: same fit, close probabilities', () => {
  const table = (() => {
    const d = drawFromModel(1000, createRng(6));
    return countsTable(d.N, d.t, d.w);
  })();
  const run = (options: Record<string, number>) =>
    finiteMixtureMethod.run(table, { maxFitStations: 400, ...options }, createRng(1));
  const bad = run({ maxAccurateStations: -1 });
  assert.ok(!bad.ok && bad.error.kind === 'invalid_options');
  const accurate = run({});
  assert.equal(JSON.stringify(run({ maxAccurateStations: 1000 })), JSON.stringify(accurate));
  const fast = run({ maxAccurateStations: 999 });
  assert.ok(accurate.ok && fast.ok);
  const [a, f] = [accurate.value[0], fast.value[0]];
  assert.equal(f.statistic, a.statistic);
  type Details = { pi: unknown; logLik: number; stations: { expected: Record<string, number> } };
  const [ad, fd] = [a.details as Details, f.details as Details];
  assert.deepEqual(fd.pi, ad.pi);
  assert.notEqual(fd.logLik, ad.logLik);
  assert.ok(Math.abs(fd.logLik - ad.logLik) < 1e-6 * Math.abs(ad.logLik));
  for (const k of ['noFraud', 'incremental', 'extreme'])
    assert.ok(Math.abs(fd.stations.expected[k] - ad.stations.expected[k]) < 1e-3 * 1000, k);
  assert.ok(f.warnings.some((w) => w.includes('18-node')));
  assert.ok(!a.warnings.some((w) => w.includes('18-node')));
});

test('fast scoring: counts on their bounds keep the accurate rule; negligible classes take the Laplace value', () => {
  const p = ref.params;
  const accurate = new QuadratureScratch();
  const fast = new QuadratureScratch(FAST_QUADRATURE_NODES, FAST_WINDOW.sd, FAST_WINDOW.drop);
  fast.boundary = new QuadratureScratch();
  const [a, f] = [new Float64Array(3), new Float64Array(3)];
  for (const [N, t, w] of [
    [500, 500, 300],
    [500, 350, 0],
    [500, 350, 350],
  ]) {
    classLogLik(N, t, w, p, a, null, accurate);
    classLogLik(N, t, w, p, f, null, fast);
    assert.deepEqual([...f], [...a], `${N} ${t} ${w}`);
  }
  classLogLik(500, 350, 200, p, a, null, accurate);
  classLogLik(500, 350, 200, p, f, null, fast);
  assert.notDeepEqual([...f], [...a]);
  for (let k = 0; k < 3; k++) assert.ok(Math.abs(f[k] - a[k]) < 1e-4, `class ${k}`);
  // With every class negligible, each fraud class is its Laplace approximation (the value under an infinite cutoff).
  fast.negligible = Number.NEGATIVE_INFINITY;
  classLogLik(500, 350, 200, p, f, null, fast);
  const { incremental: inc, extreme: ext } = p;
  const laplace = (m: number, s: number) =>
    fraudClassLogLik(
      500,
      350,
      200,
      p,
      m,
      s,
      logBeta(p.turnout.alpha, p.turnout.beta),
      logBeta(p.support.alpha, p.support.beta),
      fast,
      null,
      0,
      Number.POSITIVE_INFINITY,
    );
  assert.equal(f[1], laplace(inc.manufactured, inc.stolen));
  assert.equal(f[2], laplace(ext.manufactured, ext.stolen));
});
