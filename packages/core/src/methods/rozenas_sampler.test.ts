import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import {
  ExactDraws,
  makeMixtureSampler,
  pickComponent,
  StationRows,
  StationSubset,
  shrinkTowardMean,
} from './rozenas_sampler.ts';

test('ExactDraws gives the same values as rng.beta / rng.binomial and leaves the stream in the same place', () => {
  // Shapes below 1 (the recursive gamma), inversion (n p < 10), BTRS with p above and below 1/2, n beyond
  // rng.ts's 1024-entry table, and n beyond ExactDraws' own table (maxN 500 here) all take their own branch.
  const betas = [
    [0.3, 0.7],
    [1, 1],
    [2.5, 40],
    [300.2, 150.7],
    [0.05, 3000],
  ];
  const binomials = [
    [5, 0.3],
    [30, 0.2],
    [200, 0.45],
    [200, 0.9],
    [480, 0.5],
    [2500, 0.37],
    [60000, 0.61],
    [0, 0.5],
    [10, 0],
    [10, 1],
  ];
  for (let seed = 1; seed <= 20; seed++) {
    const a = createRng(seed);
    const b = createRng(seed);
    const fast = new ExactDraws(b, 500);
    for (let rep = 0; rep < 50; rep++) {
      for (const [x, y] of betas) assert.equal(fast.beta(x, y), a.beta(x, y), `beta(${x}, ${y}) seed ${seed}`);
      for (const [n, p] of binomials)
        assert.equal(fast.binomial(n, p), a.binomial(n, p), `binomial(${n}, ${p}) seed ${seed}`);
      // Random parameters as the resampling loop produces them.
      const p = a.uniform();
      assert.equal(b.uniform(), p);
      const n = 1 + Math.floor(p * 3000);
      assert.equal(fast.binomial(n, fast.beta(n * p + 0.5, n + 1)), a.binomial(n, a.beta(n * p + 0.5, n + 1)));
    }
    assert.equal(b.nextUint32(), a.nextUint32(), 'streams end in the same place');
  }
});

test('StationSubset draws M distinct indices, sorted, every station equally often', () => {
  const m = 50;
  const M = 10;
  const sub = new StationSubset(m, M);
  const rng = createRng(3);
  const hits = new Float64Array(m);
  const draws = 4000;
  for (let r = 0; r < draws; r++) {
    const idx = sub.draw(rng);
    assert.equal(idx.length, M);
    for (let a = 1; a < M; a++) assert.ok(idx[a] > idx[a - 1], 'sorted and distinct');
    for (const i of idx) hits[i]++;
  }
  // Each station is drawn Binomial(4000, 0.2) times: mean 800, sd 25.3; 4.5 sd bounds over 50 stations.
  for (let i = 0; i < m; i++) assert.ok(Math.abs(hits[i] - 800) < 114, `station ${i}: ${hits[i]}`);
});

test('StationSubset: each of the 10 pairs of 5 stations is drawn equally often', () => {
  const sub = new StationSubset(5, 2);
  const rng = createRng(4);
  const counts = new Map<string, number>();
  const draws = 20000;
  for (let r = 0; r < draws; r++) {
    const key = Array.from(sub.draw(rng)).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.equal(counts.size, 10);
  // Binomial(20000, 0.1): mean 2000, sd 42.4; 4.5 sd bounds.
  for (const [key, c] of counts) assert.ok(Math.abs(c - 2000) < 191, `${key}: ${c}`);
});

test('shrinkTowardMean keeps the mean and scales deviations', () => {
  const rows = [Float64Array.from([1, 4]), Float64Array.from([3, 8]), Float64Array.from([5, 0])];
  shrinkTowardMean(rows, 0.5);
  assert.deepEqual(
    rows.map((r) => Array.from(r)),
    [
      [2, 4],
      [3, 6],
      [4, 2],
    ],
  );
});

test("StationSubset is Floyd's algorithm: the same stations, from the same draws, as a plain flag per station", () => {
  // m not a multiple of 32, so the bitset's last word is partly used.
  const m = 1001;
  const M = 137;
  const sub = new StationSubset(m, M);
  const a = createRng(11);
  const b = createRng(11);
  for (let r = 0; r < 50; r++) {
    const chosen = new Uint8Array(m);
    for (let j = m - M; j < m; j++) {
      const t = b.int(j + 1);
      if (chosen[t] === 0) chosen[t] = 1;
      else chosen[j] = 1;
    }
    const expected: number[] = [];
    for (let i = 0; i < m; i++) if (chosen[i] === 1) expected.push(i);
    assert.deepEqual(Array.from(sub.draw(a)), expected);
  }
  assert.equal(a.nextUint32(), b.nextUint32(), 'streams end in the same place');
});

test('StationRows keeps counts and the first K - 1 cumulative probabilities; pickComponent reads them', () => {
  const registered = Float64Array.from([100, 250, 40]);
  const total = Float64Array.from([60, 200, 10]);
  const votes = Float64Array.from([30, 20, 9]);
  const component = (weight: number, alpha: number, beta: number) => ({
    weight,
    alpha,
    beta,
    logCovariance: [0, 0, 0] as [number, number, number],
  });
  const fit = (components: ReturnType<typeof component>[]) => ({
    components,
    logLik: 0,
    bic: 0,
    iterations: 1,
    converged: true,
  });
  const turnout = makeMixtureSampler(fit([component(1, 6, 4)]), total, registered);
  const vote = makeMixtureSampler(
    fit([component(0.5, 2, 8), component(0.3, 8, 2), component(0.2, 5, 5)]),
    votes,
    total,
  );
  const rows = new StationRows(registered, total, votes, turnout, vote);
  assert.equal(rows.stride, 3 + 0 + 2);
  for (let i = 0; i < 3; i++) {
    const row = i * rows.stride;
    assert.deepEqual(Array.from(rows.values.subarray(row, row + 3)), [registered[i], total[i], votes[i]]);
    for (const u of [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999999]) {
      let k = 0;
      while (k < 2 && u > vote.cum[3 * i + k]) k++;
      assert.equal(pickComponent(rows.values, row + rows.voteAt, vote.K, u), k);
      assert.equal(pickComponent(rows.values, row + rows.turnoutAt, turnout.K, u), 0);
    }
  }
});
