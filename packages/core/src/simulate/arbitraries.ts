/**
 * fast-check arbitraries for whole simulated elections, for property tests. Test-only: not exported
 * from the package index (fast-check is a dev dependency and must not reach the browser bundle).
 */
import fc from 'fast-check';
import { createRng } from '../rng.ts';
import { simulateElection, simulateElectionPair } from './generate.ts';
import type { InjectionKind, SimulatedElection } from './ground_truth.ts';
import { injectionKinds } from './ground_truth.ts';
import { injectFraud } from './inject.ts';
import type { SimulationOptions } from './options.ts';

/** Bounds on the elections an arbitrary produces. */
export interface ElectionArbitraryConstraints {
  readonly minStations?: number;
  readonly maxStations?: number;
  readonly maxCandidates?: number;
}

/** Arbitrary generator options (sizes, heterogeneity, noise); the seed is drawn separately. */
export function simulationOptionsArbitrary(c: ElectionArbitraryConstraints = {}): fc.Arbitrary<SimulationOptions> {
  const minStations = c.minStations ?? 1;
  const maxStations = c.maxStations ?? 300;
  const maxCandidates = c.maxCandidates ?? 5;
  const sd = fc.double({ min: 0, max: 0.6, noNaN: true });
  return fc
    .record({
      stations: fc.integer({ min: minStations, max: maxStations }),
      regions: fc.integer({ min: 1, max: 6 }),
      districtsPerRegion: fc.integer({ min: 1, max: 5 }),
      candidates: fc.integer({ min: 1, max: maxCandidates }),
      median: fc.integer({ min: 5, max: 2000 }),
      sdLog: fc.double({ min: 0, max: 1, noNaN: true }),
      turnout: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      turnoutRegionSd: sd,
      turnoutDistrictSd: sd,
      supportRegionSd: sd,
      supportDistrictSd: sd,
      invalidRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      noise: fc.constantFrom('binomial' as const, 'beta_binomial' as const),
      concentration: fc.double({ min: 5, max: 1000, noNaN: true }),
      arrivalGeography: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(
      (r): SimulationOptions => ({
        stations: r.stations,
        regions: r.regions,
        districtsPerRegion: r.districtsPerRegion,
        candidates: r.candidates,
        shares: null,
        candidateNames: null,
        size: { kind: 'lognormal', median: r.median, sdLog: r.sdLog, min: 1, max: 5000 },
        turnout: r.turnout,
        turnoutRegionSd: r.turnoutRegionSd,
        turnoutDistrictSd: r.turnoutDistrictSd,
        turnoutStationSd: 0.1,
        supportRegionSd: r.supportRegionSd,
        supportDistrictSd: r.supportDistrictSd,
        supportStationSd: 0.1,
        invalidRate: r.invalidRate,
        noise: r.noise,
        concentration: r.concentration,
        arrivalGeography: r.arrivalGeography,
        remoteTurnoutEffect: 0.1,
        remoteLeaderEffect: 0.15,
        remoteSizeEffect: -0.2,
        name: 'Arbitrary election',
      }),
    );
}

/** Arbitrary clean simulated election (table + ground truth). */
export function cleanElectionArbitrary(c: ElectionArbitraryConstraints = {}): fc.Arbitrary<SimulatedElection> {
  return fc
    .tuple(simulationOptionsArbitrary(c), fc.integer({ min: 0, max: 0x7fffffff }))
    .map(([options, seed]) => simulateElection(options, createRng(seed)));
}

/** Arbitrary election with zero or more injected manipulations (ground truth records them). */
export function electionArbitrary(c: ElectionArbitraryConstraints = {}): fc.Arbitrary<SimulatedElection> {
  const injection = fc.record({
    kind: fc.constantFrom<InjectionKind>(...injectionKinds),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    intensity: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  return fc
    .tuple(
      simulationOptionsArbitrary(c),
      fc.integer({ min: 0, max: 0x7fffffff }),
      fc.array(injection, { maxLength: 3 }),
    )
    .map(([options, seed, injections]) => {
      const rng = createRng(seed);
      let e = simulateElection(options, rng);
      for (const spec of injections) e = injectFraud(e, spec, rng);
      return e;
    });
}

/** Arbitrary pair of clean elections on the same stations. */
export function electionPairArbitrary(
  c: ElectionArbitraryConstraints = {},
): fc.Arbitrary<{ first: SimulatedElection; second: SimulatedElection }> {
  return fc
    .tuple(simulationOptionsArbitrary(c), fc.integer({ min: 0, max: 0x7fffffff }))
    .map(([options, seed]) => simulateElectionPair(options, createRng(seed)));
}
