import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../rng.ts';
import { injectFraud, simulateElection } from '../simulate/index.ts';
import { finiteMixtureMethod } from './finite_mixture.ts';
import { countsTable, drawFromModel } from './finite_mixture_testkit.ts';

type Pi = { noFraud: number; incremental: number; extreme: number };

function piOf(r: ReturnType<typeof finiteMixtureMethod.run>): Pi {
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return (r.value[0].details as { pi: Pi }).pi;
}

test('recovers pi = (0.9, 0.08, 0.02) within 0.02 on 10,000 stations drawn from the model itself', () => {
  const d = drawFromModel(10000, createRng(20180716));
  const truth = [0, 0, 0];
  for (const z of d.z) truth[z] += 1 / d.z.length;
  // The model's winner has about 45% of the votes: name it (the default is the national leader).
  const r = finiteMixtureMethod.run(countsTable(d.N, d.t, d.w), { candidate: 'Winner' }, createRng(1));
  const pi = piOf(r);
  const est = [pi.noFraud, pi.incremental, pi.extreme];
  for (let k = 0; k < 3; k++) {
    assert.ok(Math.abs(est[k] - [0.9, 0.08, 0.02][k]) <= 0.02, `pi ${est} vs design`);
    assert.ok(Math.abs(est[k] - truth[k]) <= 0.02, `pi ${est} vs realised ${truth}`);
  }
  const det = (r.ok ? r.value[0].details : {}) as {
    incremental: { manufactured: number; stolen: number };
    extreme: { manufactured: number; stolen: number };
    votes: { manufactured: number };
  };
  assert.ok(Math.abs(det.incremental.manufactured - 0.3) < 0.05 && Math.abs(det.incremental.stolen - 0.25) < 0.05);
  assert.ok(Math.abs(det.extreme.manufactured - 0.9) < 0.03 && Math.abs(det.extreme.stolen - 0.85) < 0.03);
  // Manufactured votes: truth is sum over fraud stations of m (1 - tau) N; check the order of magnitude.
  assert.ok(det.votes.manufactured > 0);
});

test('recovers pi within 0.02 on 10,000 stations of the generic generator with injected fraud', () => {
  // Generic generator (regions, districts, logit-normal turnout and support, beta-binomial noise);
  // 8% ballot stuffing (30% of non-voters to the leader: incremental) and 2% extreme stations.
  let e = simulateElection({ stations: 10000, candidates: 2, shares: [0.55, 0.45] }, createRng(7));
  e = injectFraud(e, { kind: 'ballot_stuffing', fraction: 0.08, intensity: 0.3 }, createRng(8));
  e = injectFraud(e, { kind: 'extreme', fraction: 0.02 }, createRng(9));
  const truth = [0, 0, 0];
  for (const k of e.truth.kind) truth[k.includes('extreme') ? 2 : k.includes('ballot_stuffing') ? 1 : 0] += 1e-4;
  const pi = piOf(finiteMixtureMethod.run(e.table, {}, createRng(1)));
  const est = [pi.noFraud, pi.incremental, pi.extreme];
  for (let k = 0; k < 3; k++) assert.ok(Math.abs(est[k] - truth[k]) <= 0.02, `pi ${est} vs truth ${truth}`);
});
