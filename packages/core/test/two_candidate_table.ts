import type { StationTable } from '../src/station_table.ts';

/** A two-candidate table from rows of [registered, ballots cast, valid, first candidate's votes]. */
export function twoCandidateTable(
  rows: readonly [number, number, number, number][],
  names: readonly [string, string] = ['A', 'B'],
): StationTable {
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
  return {
    n: rows.length,
    ids: rows.map((_, i) => String(i)),
    regions: [],
    registered: col(0),
    ballotsCast: col(1),
    ballotsFound: col(1),
    valid: col(2),
    invalid: Float64Array.from(rows, (r) => r[1] - r[2]),
    candidates: [
      { name: names[0], votes: col(3) },
      { name: names[1], votes: Float64Array.from(rows, (r) => r[2] - r[3]) },
    ],
    shareOf: 'valid',
    meta: { name: 'test' },
  };
}
