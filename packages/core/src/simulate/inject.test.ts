import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { simulateElection } from './generate.ts';
import { type InjectionKind, injectionKinds, type SimulatedElection } from './ground_truth.ts';
import { fabricatedDigitWeights, injectFraud, parseInjectionSpec } from './inject.ts';

function changedStations(a: StationTable, b: StationTable): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.n; i++) {
    const cols = [
      [a.ballotsCast, b.ballotsCast],
      [a.ballotsFound, b.ballotsFound],
      [a.valid, b.valid],
      [a.invalid, b.invalid],
      [a.registered, b.registered],
      ...a.candidates.map((c, j) => [c.votes, b.candidates[j].votes]),
    ];
    if (cols.some(([x, y]) => x[i] !== y[i])) out.push(i);
  }
  return out;
}

function recorded(e: SimulatedElection): number[] {
  const out: number[] = [];
  for (let i = 0; i < e.table.n; i++) if (e.truth.fraudulent[i] === 1) out.push(i);
  return out;
}

const base = simulateElection({ stations: 1000 }, createRng(100));

for (const kind of injectionKinds) {
  test(`${kind}: changes exactly the stations it records, keeps the table consistent`, () => {
    const e = injectFraud(base, { kind, fraction: 0.1 }, createRng(5));
    const changed = changedStations(base.table, e.table);
    assert.deepEqual(recorded(e), changed);
    assert.ok(changed.length > 50 && changed.length <= 100, `${changed.length} stations changed`);
    assert.equal(e.truth.injections.length, 1);
    assert.equal(e.truth.injections[0].stationsChanged, changed.length);
    const t = e.table;
    for (let i = 0; i < t.n; i++) {
      const s = t.candidates.reduce((acc, c) => acc + c.votes[i], 0);
      assert.equal(s, t.valid[i]);
      assert.equal(t.valid[i] + t.invalid[i], t.ballotsFound[i]);
      assert.ok(t.ballotsCast[i] <= t.registered[i]);
      assert.ok(t.candidates.every((c) => c.votes[i] >= 0));
      assert.equal(e.truth.kind[i], e.truth.fraudulent[i] ? kind : '');
      assert.equal(e.truth.addedVotes[i], t.ballotsCast[i] - base.table.ballotsCast[i]);
    }
    // The original election is untouched.
    assert.equal(recorded(base).length, 0);
  });
}

function leaderGain(e: SimulatedElection, i: number): number {
  return e.table.candidates[0].votes[i] - base.table.candidates[0].votes[i];
}

test('ballot stuffing adds votes to the leader only; vote switching moves votes and keeps totals', () => {
  const s = injectFraud(base, { kind: 'ballot_stuffing', fraction: 0.2, intensity: 0.5 }, createRng(1));
  for (const i of recorded(s)) {
    const nonVoters = base.table.registered[i] - base.table.ballotsCast[i];
    assert.equal(s.truth.addedVotes[i], Math.round(0.5 * nonVoters));
    assert.equal(leaderGain(s, i), s.truth.addedVotes[i]);
    assert.equal(s.truth.movedVotes[i], 0);
  }
  const w = injectFraud(base, { kind: 'vote_switching', fraction: 0.2, intensity: 0.3 }, createRng(1));
  for (const i of recorded(w)) {
    assert.equal(w.table.valid[i], base.table.valid[i]);
    assert.equal(w.truth.movedVotes[i], leaderGain(w, i));
    assert.ok(w.truth.movedVotes[i] > 0);
  }
});

test('rounding puts turnout and the leader on the counts closest to whole percentages', () => {
  const r = injectFraud(base, { kind: 'rounding', fraction: 1 }, createRng(1));
  let cleanOff = 0;
  for (let i = 0; i < r.table.n; i++) {
    const v = r.table.valid[i];
    const k = Math.round((100 * r.table.candidates[0].votes[i]) / v);
    assert.ok(Math.abs(r.table.candidates[0].votes[i] - (v * k) / 100) <= 0.5 + 1e-9, `share at ${i}`);
    const reg = r.table.registered[i];
    const t = Math.round((100 * r.table.ballotsCast[i]) / reg);
    assert.ok(Math.abs(r.table.ballotsCast[i] - (reg * t) / 100) <= 0.5 + 1e-9, `turnout at ${i}`);
    assert.ok(r.table.ballotsCast[i] >= base.table.ballotsCast[i], 'turnout only rounds up');
    const k0 = Math.round((100 * base.table.candidates[0].votes[i]) / v);
    if (Math.abs(base.table.candidates[0].votes[i] - (v * k0) / 100) > 0.5 + 1e-9) cleanOff++;
  }
  assert.ok(cleanOff > 0.3 * r.table.n, `clean stations off a whole percentage: ${cleanOff}`);
});

test('fabricated digits follow the fabrication weights, not uniform digits', () => {
  const big = simulateElection({ stations: 3000 }, createRng(4));
  const f = injectFraud(big, { kind: 'fabricated_digits', fraction: 1 }, createRng(6));
  const counts = new Float64Array(10);
  let total = 0;
  for (let i = 0; i < f.table.n; i++) {
    if (!f.truth.fraudulent[i]) continue;
    for (const c of f.table.candidates) {
      counts[c.votes[i] % 10]++;
      total++;
    }
  }
  // Chi-square against the fabrication weights (df 9, 0.999 quantile 27.9) and against uniform.
  let chiW = 0;
  let chiU = 0;
  for (let d = 0; d < 10; d++) {
    chiW += (counts[d] - total * fabricatedDigitWeights[d]) ** 2 / (total * fabricatedDigitWeights[d]);
    chiU += (counts[d] - total / 10) ** 2 / (total / 10);
  }
  assert.ok(chiW < 27.9, `chi2 vs weights ${chiW}`);
  assert.ok(chiU > 100, `chi2 vs uniform ${chiU}`);
});

test('late-count manipulation touches only the latest stations by arrival', () => {
  const l = injectFraud(base, { kind: 'late_count', fraction: 0.1, intensity: 0.2 }, createRng(1));
  const arrival = base.table.arrival?.values ?? new Float64Array();
  for (const i of recorded(l)) assert.ok(arrival[i] > 900, `arrival ${arrival[i]}`);
  assert.ok(recorded(l).length > 90);
});

test('extreme stations reach ~99 % turnout and ~99 % for the leader', () => {
  const x = injectFraud(base, { kind: 'extreme', fraction: 0.05 }, createRng(1));
  for (const i of recorded(x)) {
    assert.ok(x.table.ballotsCast[i] / x.table.registered[i] >= 0.985);
    assert.ok(x.table.candidates[0].votes[i] / x.table.valid[i] >= 0.985);
  }
});

test('injections compose, and the ground truth accumulates', () => {
  const a = injectFraud(base, { kind: 'ballot_stuffing', fraction: 0.3 }, createRng(1));
  const b = injectFraud(a, { kind: 'vote_switching', fraction: 0.3 }, createRng(2));
  assert.deepEqual(recorded(b), changedStations(base.table, b.table));
  assert.equal(b.truth.injections.length, 2);
  assert.ok(b.truth.kind.includes('ballot_stuffing+vote_switching'));
});

test('injection specs parse and reject bad input', () => {
  const p = parseInjectionSpec('ballot_stuffing:0.05');
  assert.deepEqual(p, { ok: true, value: { kind: 'ballot_stuffing', fraction: 0.05, intensity: 0.3 } });
  assert.deepEqual(parseInjectionSpec('late_count:0.1:0.2'), {
    ok: true,
    value: { kind: 'late_count', fraction: 0.1, intensity: 0.2 },
  });
  for (const bad of ['nonsense:0.1', 'rounding', 'rounding:2', 'extreme:0.1:-1', 'vote_switching:x']) {
    const r = parseInjectionSpec(bad);
    assert.equal(r.ok, false, bad);
  }
  const kinds: InjectionKind[] = [...injectionKinds];
  assert.equal(kinds.length, 6);
});
