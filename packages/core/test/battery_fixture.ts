/** Loads battery_reference.json (written by fixtures/battery_reference.R) and rebuilds its tables. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CellMethod, CellOutput } from '../src/battery/cell.ts';
import type { StationTable } from '../src/station_table.ts';
import { runCell, tableFromVectors } from './battery_support.ts';

/** One reference case: the input vectors and R's statistics per target and method. */
export interface ReferenceCase {
  name: string;
  registered: number[];
  ballotsCast: number[];
  denominator: number[];
  candidates: Record<string, number[]>;
  targets: Record<string, Record<string, Record<string, number | number[]>>>;
}

/** The whole fixture. */
export interface Reference {
  cases: ReferenceCase[];
  dips: { x: number[]; dip: number; pValueDiptest: number }[];
  binomialTests: { k: number; n: number; p: number; pValue: number }[];
}

/** Reads the fixture. */
export function loadReference(): Reference {
  return JSON.parse(readFileSync(new URL('./fixtures/battery_reference.json', import.meta.url), 'utf8')) as Reference;
}

/** The StationTable of a reference case. */
export function caseTable(c: ReferenceCase): StationTable {
  return tableFromVectors({
    registered: c.registered,
    ballotsCast: c.ballotsCast,
    denominator: c.denominator,
    candidates: c.candidates,
  });
}

/** |a - b| <= tol * max(1, |b|). */
export function close(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/**
 * Runs `method` on every reference case and target that has R values for it, and asserts that each
 * (name, ours, R's) pair from `pick` agrees within `tol`. Returns the number of cells compared.
 */
export function assertMatchesReference(
  method: CellMethod,
  // biome-ignore lint/suspicious/noExplicitAny: fixture values are loosely typed JSON.
  pick: (out: CellOutput, ref: any) => [string, number, number][],
  tol = 1e-9,
): number {
  const ref = loadReference();
  let cells = 0;
  for (const c of ref.cases) {
    const table = caseTable(c);
    for (const [target, stats] of Object.entries(c.targets)) {
      const r = stats[method.id];
      if (!r) continue;
      const out = runCell(method, table, target);
      assert.ok(out.ok, `${c.name}/${target}: ${out.ok ? '' : out.error.message}`);
      for (const [name, ours, theirs] of pick(out.value, r)) {
        assert.ok(close(ours, theirs, tol), `${c.name}/${target} ${name}: ${ours} vs R ${theirs}`);
      }
      cells++;
    }
  }
  return cells;
}
