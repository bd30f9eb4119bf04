import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MethodResult } from '../method.ts';
import { persistence } from '../methods/persistence.ts';
import { ok } from '../result.ts';
import { createRng } from '../rng.ts';
import { simulateElection } from '../simulate/generate.ts';
import type { StationTable } from '../station_table.ts';
import {
  type CalibrationPlan,
  calibrateMethod,
  calibrationCounts,
  defaultConditions,
  defaultScenarios,
  emptyCounts,
  mergeCounts,
  type PairedMethod,
  primaryResult,
  type SingleTableMethod,
  summarizeCalibration,
} from './calibrate.ts';
import { describeConditions, describeTable, lookupCalibration, simulationLike } from './conditions.ts';
import { binomialBand } from './intervals.ts';
import { summarizeForJson } from './summary.ts';

function result(p: number | null, n: number): MethodResult {
  return {
    method: 'fake',
    statistic: 0,
    statisticName: 's',
    pValue: p,
    pValueKind: 'exact',
    n,
    excluded: [],
    details: {},
    warnings: [],
  };
}

/** Rejects with probability exactly alpha on any input: its measured size must sit in the binomial band. */
const uniformP: SingleTableMethod = {
  id: 'uniform_p',
  options: [],
  run: (t: StationTable, _o: unknown, rng) => ok([result(rng.uniform(), t.n)]),
};

/** p = 0 when any station has turnout and leader share >= 98 %, else 1. */
const extremeDetector: SingleTableMethod = {
  id: 'extreme_detector',
  options: [],
  run: (t: StationTable) => {
    for (let i = 0; i < t.n; i++) {
      if (t.ballotsCast[i] >= 0.98 * t.registered[i] && t.candidates[0].votes[i] >= 0.98 * t.valid[i])
        return ok([result(0, t.n)]);
    }
    return ok([result(1, t.n)]);
  },
};

const small = { ...defaultConditions, simulation: { stations: 200 } };

test('a method with exactly uniform p-values has its measured size inside the binomial band', () => {
  const plan: CalibrationPlan = { reps: 400, seed: 3, alpha: 0.05, conditions: small, scenarios: [] };
  const c = calibrateMethod(uniformP, plan);
  const band = binomialBand(400, 0.05, 0.99);
  assert.equal(c.falsePositiveRate.runs, 400);
  assert.ok(c.falsePositiveRate.count >= band.lo && c.falsePositiveRate.count <= band.hi);
  assert.ok(c.falsePositiveRate.lower < 0.05 && c.falsePositiveRate.upper > 0.05);
  assert.equal(c.sizeExceedsThreshold, false);
});

test('power is measured per scenario on injected copies of each clean election', () => {
  const plan: CalibrationPlan = {
    reps: 30,
    seed: 4,
    alpha: 0.05,
    conditions: small,
    scenarios: [
      { kind: 'extreme', fraction: 0.05 },
      { kind: 'vote_switching', fraction: 0.2 },
    ],
  };
  const c = calibrateMethod(extremeDetector, plan);
  assert.equal(c.falsePositiveRate.count, 0);
  assert.equal(c.power[0].detectionRate.rate, 1);
  assert.equal(c.power[1].detectionRate.rate, 0);
  assert.equal(c.power[0].intensity, 0.99);
});

test('calibration is deterministic per seed, the seed matters, and the count is the p-values at or below alpha', () => {
  let seen: number[] = [];
  const recording: SingleTableMethod = {
    ...uniformP,
    run: (t: StationTable, _o: unknown, rng) => {
      const p = rng.uniform();
      seen.push(p);
      return ok([result(p, t.n)]);
    },
  };
  const drawn = (seed: number) => {
    seen = [];
    const c = calibrateMethod(recording, { reps: 20, seed, alpha: 0.3, conditions: small, scenarios: [] });
    // The first call is calibrateMethod's probe of rep 0 (is it a test at all?); the 20 reps follow.
    assert.equal(seen[0], seen[1]);
    return { c, p: seen.slice(1) };
  };
  const a = drawn(9);
  const b = drawn(9);
  const other = drawn(10);
  assert.deepEqual(a, b);
  assert.equal(a.p.length, 20);
  assert.notDeepEqual(other.p, a.p);
  for (const run of [a, other]) {
    assert.equal(run.c.falsePositiveRate.count, run.p.filter((p) => p <= 0.3).length);
  }
});

test('paired methods get two elections on the same stations and the latest 20 % of A flagged', () => {
  let calls = 0;
  const spy: PairedMethod = {
    id: 'spy',
    options: [{ name: 'replicates', description: 'permutations', type: 'number', default: 10000 }],
    runPair: (a, b, flagged, options) => {
      calls++;
      assert.deepEqual(a.ids, b.ids);
      assert.equal(options.replicates, 199);
      const arrival = a.arrival!.values;
      let m = 0;
      for (let i = 0; i < a.n; i++) {
        if (flagged[i]) {
          m++;
          assert.ok(arrival[i] > 0.8 * a.n);
        }
      }
      assert.equal(m, Math.round(0.2 * a.n));
      return ok([result(0.5, a.n)]);
    },
  };
  const c = calibrateMethod(spy, {
    reps: 3,
    seed: 1,
    alpha: 0.05,
    conditions: small,
    scenarios: [{ kind: 'late_count', fraction: 0.1 }],
  });
  assert.equal(calls, 7, 'one probe rep, then 3 clean + 3 manipulated');
  assert.equal(c.paired, true);
});

test('persistence: size on clean pairs is inside the binomial band and late-count fraud is detected', () => {
  const reps = 200;
  const c = calibrateMethod(persistence, {
    reps,
    seed: 1,
    alpha: 0.05,
    conditions: { ...defaultConditions, simulation: { stations: 500 } },
    scenarios: [{ kind: 'late_count', fraction: 0.2, intensity: 0.15 }],
    methodOptions: { replicates: 199 },
  });
  const band = binomialBand(reps, 0.05, 0.99);
  assert.ok(
    c.falsePositiveRate.count >= band.lo && c.falsePositiveRate.count <= band.hi,
    `${c.falsePositiveRate.count}/${reps}`,
  );
  assert.ok((c.power[0].detectionRate.rate ?? 0) > 0.8, `power ${c.power[0].detectionRate.rate}`);
});

test('conditions like a table: same station count, its sizes, turnout and shares; lookup picks the nearest', () => {
  const { table } = simulateElection({ stations: 300 }, createRng(2));
  const like = simulationLike(table);
  assert.equal(like.stations, 300);
  assert.equal(like.size?.kind, 'empirical');
  assert.equal(like.candidateNames?.[0], 'A');
  const again = simulateElection(like, createRng(3)).table;
  assert.ok(Math.abs(describeTable(again).medianRegistered - describeTable(table).medianRegistered) < 60);
  const mk = (stations: number, median: number) =>
    calibrateMethod(uniformP, {
      reps: 1,
      seed: 1,
      alpha: 0.05,
      scenarios: [],
      conditions: {
        label: `${stations}`,
        flaggedFraction: 0.1,
        simulation: { stations, size: { kind: 'lognormal', median, sdLog: 0.3, min: 1, max: 5000 } },
      },
    });
  const records = [mk(100, 200), mk(2000, 500), mk(20000, 1500)].map(summarizeForJson);
  assert.equal(
    lookupCalibration(records, 'uniform_p', { stations: 3000, medianRegistered: 400 })?.conditions.label,
    '2000',
  );
  assert.equal(
    lookupCalibration(records, 'uniform_p', { stations: 50, medianRegistered: 150 })?.conditions.label,
    '100',
  );
  assert.equal(lookupCalibration(records, 'nope', { stations: 50, medianRegistered: 150 }), null);
  const diagnostic = { ...records[0], conditions: { ...records[0].conditions, label: 'homogeneous', stations: 50 } };
  assert.equal(
    lookupCalibration([...records, diagnostic], 'uniform_p', { stations: 50, medianRegistered: 200 })?.conditions.label,
    '100',
  );
  assert.deepEqual(describeConditions(defaultConditions), { stations: 2000, medianRegistered: 500 });
});

test('reps split into ranges and merged give the same calibration as one run (parallel = serial)', () => {
  const plan: CalibrationPlan = {
    reps: 24,
    powerReps: 10,
    seed: 5,
    alpha: 0.05,
    conditions: small,
    scenarios: [{ kind: 'extreme', fraction: 0.05 }],
  };
  const whole = calibrateMethod(uniformP, plan);
  const merged = mergeCounts(
    mergeCounts(emptyCounts(plan), calibrationCounts(uniformP, plan, 0, 7)),
    calibrationCounts(uniformP, plan, 7, 24),
  );
  assert.deepEqual(summarizeCalibration(uniformP, plan, merged), whole);
  assert.equal(whole.power[0].detectionRate.runs, 10);
  assert.equal(whole.powerReps, 10);
});

test('the judged result is the whole-table result about the leader, else the first with a p-value', () => {
  const r = (target: string, p: number | null, region?: string): MethodResult => ({
    ...result(p, 1),
    target,
    region,
  });
  assert.equal(primaryResult([r('turnout', 0.5), r('A', 0.2, 'R01'), r('A', 0.3)], 'A')?.pValue, 0.3);
  assert.equal(primaryResult([r('turnout', null), r('B', 0.4)], 'A')?.target, 'B');
  assert.equal(primaryResult([r('A', null)], 'A'), undefined);
});

test('an estimate-only method (no p-value) is recognised on one rep and not run further', () => {
  let calls = 0;
  const estimate: SingleTableMethod = {
    id: 'estimate',
    options: [],
    run: (t: StationTable) => {
      calls++;
      return ok([result(null, t.n)]);
    },
  };
  const c = calibrateMethod(estimate, {
    reps: 50,
    seed: 1,
    alpha: 0.05,
    conditions: small,
    scenarios: defaultScenarios,
  });
  assert.equal(calls, 1);
  assert.equal(c.falsePositiveRate.rate, null);
  assert.equal(c.noTest, 1);
  assert.equal(c.power.length, 0);
  assert.equal(c.sizeExceedsThreshold, false);
});
