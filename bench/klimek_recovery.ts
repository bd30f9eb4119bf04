/**
 * Recovery of (fi, fe) by klimek_fraud_model on elections drawn from the Klimek et al. model with
 * known values (30,000 stations; fair peaks at 55% turnout and 50% share). Prints one JSON line
 * per case. Usage: node --import tsx bench/klimek_recovery.ts
 */
import { createRng, klimekFraudModelMethod, type StationTable } from '@tally/core';

function election(n: number, fi: number, fe: number, theta: number, sd: number, seed: number): StationTable {
  const rng = createRng(seed);
  const registered = new Float64Array(n);
  const winner = new Float64Array(n);
  const other = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const size = Math.max(100, Math.round(1200 * Math.exp(0.5 * rng.normal())));
    let a = -1;
    while (a < 0 || a > 1) a = 0.55 + sd * rng.normal();
    let v = -1;
    while (v < 0 || v > 1) v = 0.5 + sd * rng.normal();
    const votes = rng.binomial(size, a);
    let w = rng.binomial(votes, v);
    let o = votes - w;
    const u = rng.uniform();
    let x = 0;
    if (u < fi) {
      x = 1;
      while (x >= 1) x = Math.abs(theta * rng.normal());
    } else if (u < fi + fe) {
      while (x <= 0) x = 1 - Math.abs(0.075 * rng.normal());
    }
    if (x > 0) {
      const stolen = Math.round(x * o);
      w += Math.floor(x * (size - w - o)) + stolen;
      o -= stolen;
    }
    registered[i] = size;
    winner[i] = w;
    other[i] = o;
  }
  const valid = Float64Array.from(winner, (w, i) => w + other[i]);
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => String(i)),
    regions: [],
    registered,
    ballotsCast: valid,
    ballotsFound: valid,
    valid,
    invalid: new Float64Array(n),
    candidates: [
      { name: 'W', votes: winner },
      { name: 'O', votes: other },
    ],
    shareOf: 'valid',
    meta: { name: 'model election' },
  };
}

for (const [sd, theta] of [
  [0.07, 0.2],
  [0.1, 0.15],
]) {
  for (const [fi, fe] of [
    [0, 0],
    [0.1, 0.01],
    [0.3, 0.03],
    [0.5, 0.02],
  ]) {
    const t = election(30000, fi, fe, theta, sd, 7 + Math.round(fi * 1000 + fe * 100));
    const r = klimekFraudModelMethod.run(t, { replicates: 50 }, createRng(1));
    if (!r.ok) throw new Error(r.error.message);
    const d = r.value[0].details as {
      fi: number;
      fe: number;
      theta: number;
      fiInterval95: number[];
      feInterval95: number[];
    };
    console.log(
      JSON.stringify({
        sd,
        theta,
        fi,
        fe,
        fitFi: d.fi,
        fitFe: d.fe,
        fitTheta: d.theta,
        fiCI: d.fiInterval95,
        feCI: d.feInterval95,
      }),
    );
  }
}
