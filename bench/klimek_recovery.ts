/**
 * Recovery of (fi, fe) by klimek_fraud_model on elections drawn from the Klimek et al. model with
 * known values (30,000 stations; fair peaks at 55% turnout and 50% share). Prints one JSON line
 * per case. Usage: node --import tsx bench/klimek_recovery.ts
 */
import { createRng, klimekFraudModelMethod, type StationTable } from '@tally/core';
import { klimekElection } from '../packages/core/test/klimek_election.ts';

function election(n: number, fi: number, fe: number, theta: number, sd: number, seed: number): StationTable {
  return klimekElection(n, fi, fe, seed, theta, sd);
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
