/**
 * Simulated tally sheets with a known truth, for the size and power of tally_sheet_agreement (its test and its docs
 * page): each station's true sheet, a second reading with symmetric misreads, and an official figure that may be
 * shifted towards one candidate in some stations.
 */
import type { Rng } from '../rng.ts';
import type { StationAttribute, StationTable } from '../station_table.ts';

/** How the simulated sheets are read and reported. */
export interface SheetSimulation {
  readonly stations: number;
  /** Probability that the second reading misreads one candidate's count (by ±1..maxMisread, symmetric). */
  readonly misreadRate: number;
  readonly maxMisread: number;
  /** Share of stations whose official figure moves `shiftVotes` from the rival (index 1) to the favoured (index 0). */
  readonly shiftedShare: number;
  readonly shiftVotes: number;
  /** Stations per region. */
  readonly perRegion?: number;
}

const SHARES = [0.42, 0.38, 0.2];
const NAMES = ['F', 'R', 'O'];

/** One simulated election: the official table with the second reading attached as `second_reading:*`. */
export function simulateSheets(s: SheetSimulation, rng: Rng): StationTable {
  const n = s.stations;
  const official = NAMES.map(() => new Float64Array(n));
  const second = NAMES.map(() => new Float64Array(n));
  const total = new Float64Array(n);
  const registered = new Float64Array(n);
  const codes = new Int32Array(n);
  const perRegion = s.perRegion ?? 50;
  for (let i = 0; i < n; i++) {
    const size = 150 + rng.int(200);
    registered[i] = size + 50;
    let left = size;
    let pLeft = 1;
    for (let c = 0; c < NAMES.length; c++) {
      const v = c === NAMES.length - 1 ? left : rng.binomial(left, SHARES[c] / pLeft);
      pLeft -= SHARES[c];
      left -= v;
      official[c][i] = v;
      second[c][i] = v;
    }
    if (rng.uniform() < s.misreadRate) {
      const c = rng.int(NAMES.length);
      const by = (1 + rng.int(s.maxMisread)) * (rng.uniform() < 0.5 ? -1 : 1);
      second[c][i] = Math.max(0, second[c][i] + by);
    }
    if (rng.uniform() < s.shiftedShare) {
      const moved = Math.min(s.shiftVotes, official[1][i]);
      official[0][i] += moved;
      official[1][i] -= moved;
    }
    total[i] = second[0][i] + second[1][i] + second[2][i];
    codes[i] = Math.floor(i / perRegion);
  }
  const valid = new Float64Array(n);
  for (let i = 0; i < n; i++) valid[i] = official[0][i] + official[1][i] + official[2][i];
  const labels = Array.from({ length: Math.ceil(n / perRegion) }, (_, k) => `region ${k + 1}`);
  const attributes: StationAttribute[] = [
    ...NAMES.map((name, c) => ({
      name: `second_reading:${name}`,
      kind: 'number' as const,
      column: `sheet_${name}`,
      values: second[c],
    })),
    { name: 'second_reading:total', kind: 'number', column: 'sheet_total', values: total },
  ];
  return {
    n,
    ids: Array.from({ length: n }, (_, i) => String(i + 1)),
    regions: [{ name: 'region', labels, codes }],
    registered,
    ballotsCast: valid,
    ballotsFound: valid,
    valid,
    invalid: new Float64Array(n),
    candidates: NAMES.map((name, c) => ({ name, votes: official[c] })),
    shareOf: 'valid',
    attributes,
    meta: { name: 'simulated tally sheets' },
  };
}
