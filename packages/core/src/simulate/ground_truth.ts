/** What the generator and the injectors record about a simulated election. */
import type { StationTable } from '../station_table.ts';

/** The kinds of manipulation the injectors simulate. */
export type InjectionKind =
  | 'ballot_stuffing'
  | 'vote_switching'
  | 'rounding'
  | 'fabricated_digits'
  | 'late_count'
  | 'extreme';

/** Every injection kind, in a stable order. */
export const injectionKinds: readonly InjectionKind[] = [
  'ballot_stuffing',
  'vote_switching',
  'rounding',
  'fabricated_digits',
  'late_count',
  'extreme',
];

/** One applied injection: its parameters and how many stations it changed. */
export interface InjectionRecord {
  readonly kind: InjectionKind;
  readonly fraction: number;
  readonly intensity: number;
  readonly beneficiary: string;
  readonly stationsChanged: number;
}

/** Per-station ground truth of a simulated election. */
export interface GroundTruth {
  /** 1 where at least one injection changed the station's counts. */
  readonly fraudulent: Uint8Array;
  /** Per station: '' when clean, else the injection kinds that changed it, joined by '+'. */
  readonly kind: readonly string[];
  /** Ballots added to the station (net; negative when an injection removed ballots). */
  readonly addedVotes: Float64Array;
  /** Votes moved from other candidates to the beneficiary (negative when moved away from it). */
  readonly movedVotes: Float64Array;
  /** The candidate the generator made the national leader in expectation (candidate 0). */
  readonly leader: string;
  readonly injections: readonly InjectionRecord[];
}

/** A simulated election: the table a method sees, and what really happened. */
export interface SimulatedElection {
  readonly table: StationTable;
  readonly truth: GroundTruth;
}

/** Ground truth of a clean election of n stations. */
export function cleanTruth(n: number, leader: string): GroundTruth {
  return {
    fraudulent: new Uint8Array(n),
    kind: new Array<string>(n).fill(''),
    addedVotes: new Float64Array(n),
    movedVotes: new Float64Array(n),
    leader,
    injections: [],
  };
}
