/**
 * The regression engine in process (no `tally` start-up): a 35,000-row model with ~5 regressors and two
 * absorbed fixed effects of 5,000 and 9 levels, as the Bolivia replays will fit (actas in recintos, departments).
 * Two layouts: recintos nested in departments (demeaning ends after two sweeps) and a 9-level factor crossing
 * the recintos (e.g. hour of arrival; alternating projections iterate). Median of several runs after a warm-up.
 * Usage: node --import tsx bench/regression.ts [--runs 7]
 */
import {
  coefficientVariance,
  createRng,
  type Factor,
  fitLinearModel,
  type LinearModelInput,
  regressionDiscontinuity,
  wildClusterBootstrap,
} from '@tally/core';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;

function dataset(crossed: boolean): {
  input: LinearModelInput;
  recinto: Factor;
  department: Factor;
  time: Float64Array;
} {
  const rng = createRng(2019);
  const n = 35_000;
  const recinto = new Int32Array(n);
  const second = new Int32Array(n);
  const time = new Float64Array(n);
  const regressors = Array.from({ length: 5 }, (_, k) => ({ name: `x${k + 1}`, values: new Float64Array(n) }));
  const y = new Float64Array(n);
  const effect = Float64Array.from({ length: 5000 }, () => rng.normal());
  for (let i = 0; i < n; i++) {
    recinto[i] = rng.int(5000);
    second[i] = crossed ? rng.int(9) : Math.floor((recinto[i] * 9) / 5000);
    time[i] = 100 * rng.uniform();
    let v = effect[recinto[i]] + 0.3 * second[i] + (time[i] > 95 ? 0.5 : 0) + rng.normal();
    for (let k = 0; k < 5; k++) {
      const x = rng.normal() + 0.2 * effect[recinto[i]];
      regressors[k].values[i] = x;
      v += 0.1 * (k + 1) * x;
    }
    y[i] = v;
  }
  const recintoFactor = { name: 'recinto', codes: recinto, count: 5000 };
  const department = { name: crossed ? 'hour' : 'department', codes: second, count: 9 };
  return {
    input: { outcome: { name: 'y', values: y }, regressors, fixedEffects: [recintoFactor, department] },
    recinto: recintoFactor,
    department,
    time,
  };
}

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall and CPU milliseconds (CPU is steadier on a shared machine). */
function time(label: string, work: () => void): void {
  work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    work();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(
    `${label.padEnd(78)} ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (median of ${runs})`,
  );
}

for (const crossed of [false, true]) {
  const { input, recinto, department, time: arrival } = dataset(crossed);
  const layout = crossed ? 'recinto (5,000) + hour (9, crossing)' : 'recinto (5,000) in department (9)';
  const fitted = fitLinearModel(input);
  if (!fitted.ok) throw new Error(fitted.error.message);
  console.log(`${layout}: demeaning sweeps ${fitted.value.absorbed!.demeaning.sweeps}, K = ${fitted.value.rank}`);
  time(`fit, 35,000 rows, 5 regressors, ${layout}`, () => {
    if (!fitLinearModel(input).ok) throw new Error('fit failed');
  });
  time(`fit + CR1 by recinto + two-way CR1 (recinto, ${department.name})`, () => {
    const fit = fitLinearModel(input);
    if (!fit.ok) throw new Error('fit failed');
    coefficientVariance(fit.value, { type: 'CR1', clusters: [recinto] });
    coefficientVariance(fit.value, { type: 'CR1', clusters: [recinto, department] });
  });
  if (!crossed)
    time('wild cluster bootstrap by department (9 clusters, Webb, 999 replications)', () => {
      const result = wildClusterBootstrap(
        fitted.value,
        {
          coefficient: 'x1',
          clusters: department,
          weights: 'webb',
          replications: 999,
        },
        createRng(1),
      );
      if (!result.ok) throw new Error(result.error.message);
    });
  if (!crossed)
    time('wild cluster bootstrap by recinto (5,000 clusters, 999 replications)', () => {
      const result = wildClusterBootstrap(
        fitted.value,
        { coefficient: 'x1', clusters: recinto, replications: 999 },
        createRng(1),
      );
      if (!result.ok) throw new Error(result.error.message);
    });
  if (!crossed)
    time('regression discontinuity at 95, IK bandwidth, covariates, recinto FE, CR1', () => {
      const result = regressionDiscontinuity({
        outcome: input.outcome,
        running: { name: 'time', values: arrival },
        cutoff: 95,
        covariates: input.regressors,
        fixedEffects: [recinto],
        clusters: [recinto],
      });
      if (!result.ok) throw new Error(result.error.message);
    });
}
