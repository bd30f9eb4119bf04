/**
 * Options of the synthetic election generator, their defaults and their validation. The model is
 * described in docs/simulation.md: hierarchical (region > district > station) logit turnout and
 * log-linear candidate support, a district "remoteness" factor that drives both the arrival order
 * and the support of the leading candidate, and binomial or beta-binomial count noise.
 */
import { err, ok, type Result } from '../result.ts';

/** How many registered voters each station has. */
export type SizeDistribution =
  | {
      readonly kind: 'lognormal';
      /** Median number of registered voters. */
      readonly median: number;
      /** Standard deviation of log(registered). */
      readonly sdLog: number;
      readonly min: number;
      readonly max: number;
    }
  | {
      /** Resample (with replacement) from observed station sizes, e.g. a real table's registered column. */
      readonly kind: 'empirical';
      readonly values: ArrayLike<number>;
    };

/** Count noise around each station's expected rates. */
export type NoiseModel = 'binomial' | 'beta_binomial';

/** Parameters of a clean synthetic election. */
export interface SimulationOptions {
  /** Number of stations. */
  readonly stations: number;
  /** Number of top-level regions. */
  readonly regions: number;
  /** Districts (second region level) per region. */
  readonly districtsPerRegion: number;
  /** Number of candidates. */
  readonly candidates: number;
  /** Expected national shares of valid votes per candidate (sum 1); null gives decreasing defaults. */
  readonly shares: readonly number[] | null;
  /** Candidate names; null gives "A", "B", ... */
  readonly candidateNames: readonly string[] | null;
  readonly size: SizeDistribution;
  /** Expected turnout (ballots cast / registered) of a typical station. */
  readonly turnout: number;
  /** Standard deviations of region, district and (persistent) station effects on logit(turnout). */
  readonly turnoutRegionSd: number;
  readonly turnoutDistrictSd: number;
  readonly turnoutStationSd: number;
  /** Standard deviations of region, district and (persistent) station effects on log support, per candidate. */
  readonly supportRegionSd: number;
  readonly supportDistrictSd: number;
  readonly supportStationSd: number;
  /** Expected share of invalid ballots among ballots cast. */
  readonly invalidRate: number;
  readonly noise: NoiseModel;
  /** Beta / Dirichlet concentration for beta-binomial noise (larger = closer to binomial). */
  readonly concentration: number;
  /** Correlation in [0, 1] between a district's remoteness and the arrival order of its stations. */
  readonly arrivalGeography: number;
  /** Effect of one sd of remoteness on logit(turnout). */
  readonly remoteTurnoutEffect: number;
  /** Effect of one sd of remoteness on the leading candidate's log support (late stations differ). */
  readonly remoteLeaderEffect: number;
  /** Effect of one sd of remoteness on log(registered) (lognormal sizes only). */
  readonly remoteSizeEffect: number;
  /** Name written into the table's meta. */
  readonly name: string;
}

/** Defaults: a mid-sized country with moderate geographic heterogeneity and beta-binomial noise. */
export const defaultSimulationOptions: SimulationOptions = {
  stations: 2000,
  regions: 10,
  districtsPerRegion: 8,
  candidates: 3,
  shares: null,
  candidateNames: null,
  size: { kind: 'lognormal', median: 500, sdLog: 0.45, min: 30, max: 3000 },
  turnout: 0.65,
  turnoutRegionSd: 0.25,
  turnoutDistrictSd: 0.15,
  turnoutStationSd: 0.1,
  supportRegionSd: 0.3,
  supportDistrictSd: 0.15,
  supportStationSd: 0.1,
  invalidRate: 0.03,
  noise: 'beta_binomial',
  concentration: 300,
  arrivalGeography: 0.6,
  remoteTurnoutEffect: 0.1,
  remoteLeaderEffect: 0.15,
  remoteSizeEffect: -0.2,
  name: 'Simulated election',
};

/** Default expected shares for `c` candidates: geometric weights 0.65^k, normalised. */
export function defaultShares(c: number): number[] {
  const w = Array.from({ length: c }, (_, k) => 0.65 ** k);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/** Default candidate names: "A", "B", ..., "Z", "C27", ... */
export function defaultCandidateNames(c: number): string[] {
  return Array.from({ length: c }, (_, k) => (k < 26 ? String.fromCharCode(65 + k) : `C${k + 1}`));
}

/** Fills defaults and checks every option; the CLI calls this before simulating user input. */
export function resolveSimulationOptions(options: Partial<SimulationOptions>): Result<SimulationOptions> {
  const o: SimulationOptions = { ...defaultSimulationOptions, ...options };
  const bad = (option: string, message: string): Result<SimulationOptions> =>
    err({ kind: 'invalid_options', option, message });
  const isInt = (x: number, min: number): boolean => Number.isInteger(x) && x >= min;
  if (!isInt(o.stations, 1)) return bad('stations', `stations must be an integer >= 1, got ${o.stations}`);
  if (!isInt(o.regions, 1)) return bad('regions', `regions must be an integer >= 1, got ${o.regions}`);
  if (!isInt(o.districtsPerRegion, 1)) return bad('districtsPerRegion', 'districtsPerRegion must be an integer >= 1');
  if (!isInt(o.candidates, 1)) return bad('candidates', `candidates must be an integer >= 1, got ${o.candidates}`);
  if (o.shares !== null) {
    if (o.shares.length !== o.candidates) return bad('shares', 'shares must have one entry per candidate');
    if (o.shares.some((s) => !(s > 0))) return bad('shares', 'every share must be > 0');
    const total = o.shares.reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-9) return bad('shares', `shares must sum to 1, got ${total}`);
  }
  if (o.candidateNames !== null) {
    if (o.candidateNames.length !== o.candidates) return bad('candidateNames', 'one name per candidate');
    if (new Set(o.candidateNames).size !== o.candidates) return bad('candidateNames', 'names must be distinct');
  }
  if (o.size.kind === 'lognormal') {
    const s = o.size;
    if (!(s.median >= 1 && s.sdLog >= 0 && s.min >= 1 && s.max >= s.min && Number.isFinite(s.max)))
      return bad('size', 'lognormal size needs median >= 1, sdLog >= 0, 1 <= min <= max');
  } else {
    const v = o.size.values;
    if (v.length === 0) return bad('size', 'empirical size distribution needs at least one value');
    for (let i = 0; i < v.length; i++)
      if (!(v[i] >= 1 && Number.isFinite(v[i]))) return bad('size', `empirical size ${v[i]} is not >= 1`);
  }
  if (!(o.turnout > 0 && o.turnout < 1)) return bad('turnout', 'turnout must be in (0, 1)');
  if (!(o.invalidRate >= 0 && o.invalidRate < 1)) return bad('invalidRate', 'invalidRate must be in [0, 1)');
  for (const key of [
    'turnoutRegionSd',
    'turnoutDistrictSd',
    'turnoutStationSd',
    'supportRegionSd',
    'supportDistrictSd',
    'supportStationSd',
  ] as const) {
    if (!(o[key] >= 0 && Number.isFinite(o[key]))) return bad(key, `${key} must be a finite number >= 0`);
  }
  for (const key of ['remoteTurnoutEffect', 'remoteLeaderEffect', 'remoteSizeEffect'] as const) {
    if (!Number.isFinite(o[key])) return bad(key, `${key} must be finite`);
  }
  if (!(o.concentration > 0 && Number.isFinite(o.concentration))) return bad('concentration', 'must be > 0');
  if (!(o.arrivalGeography >= 0 && o.arrivalGeography <= 1)) return bad('arrivalGeography', 'must be in [0, 1]');
  return ok(o);
}
