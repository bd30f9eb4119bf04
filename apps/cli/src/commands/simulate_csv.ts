/** CSV text for simulated elections and their ground truth, in the layout of the `tally-simulated` preset. */
import type { GroundTruth, StationTable } from '@tally/core';
import { csvCell } from '@tally/report';

/** Quotes a CSV field when it needs it (RFC 4180), and neutralises text a spreadsheet would run as a formula. */
export function csvField(value: string | number): string {
  return csvCell(value);
}

/** Column names the preset maps; candidate columns come after them. */
export const simulatedFixedColumns = [
  'station_id',
  'country',
  'region',
  'district',
  'registered',
  'ballots_cast',
  'invalid',
  'valid',
  'arrival_rank',
] as const;

/** The table as CSV: fixed columns, then one column per candidate (source names kept verbatim). */
export function simulatedTableCsv(table: StationTable): string {
  const reserved = new Set<string>(simulatedFixedColumns);
  for (const c of table.candidates) {
    if (reserved.has(c.name)) throw new Error(`internal error: candidate name "${c.name}" collides with a column`);
  }
  const lines: string[] = [[...simulatedFixedColumns, ...table.candidates.map((c) => c.name)].map(csvField).join(',')];
  const level = (k: number, i: number): string => {
    const r = table.regions[k];
    return r ? r.labels[r.codes[i]] : '';
  };
  const arrival = table.arrival?.values;
  for (let i = 0; i < table.n; i++) {
    const row: (string | number)[] = [
      table.ids[i],
      level(0, i),
      level(1, i),
      level(2, i),
      table.registered[i],
      table.ballotsCast[i],
      table.invalid[i],
      table.valid[i],
      arrival ? arrival[i] : '',
    ];
    for (const c of table.candidates) row.push(c.votes[i]);
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Per-station ground truth as CSV: station_id, fraudulent (0/1), kind, added_votes, moved_votes. */
export function groundTruthCsv(table: StationTable, truth: GroundTruth): string {
  const lines = ['station_id,fraudulent,kind,added_votes,moved_votes'];
  for (let i = 0; i < table.n; i++) {
    lines.push(
      [table.ids[i], truth.fraudulent[i], truth.kind[i], truth.addedVotes[i], truth.movedVotes[i]]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
