/**
 * Another election's results joined to the stations of the election under study (e.g. 2014, 2016 or 2020 against
 * Bolivia 2019): the dataset declares the region level whose labels join (a recinto code, a municipality code) and
 * the least share of its stations that must find their label on the other side. An election that does not join is
 * refused, naming its file and column, rather than compared on a handful of accidental matches.
 */
import { resolve } from 'node:path';
import { err, ok, type Result, type StationTable, type TallyError } from '@tally/core';
import type { LoadedTable } from './load_table.ts';
import { describeRef } from './resolve_columns.ts';

/** The default least share of an earlier election's stations that must join. */
export const DEFAULT_MINIMUM_JOINED_SHARE = 0.5;

/** How a dataset's stations join another election's stations (manifest `join`). */
export interface JoinSpec {
  /** The other election's dataset folder, relative to this dataset's folder (e.g. "../bolivia-2019"). */
  data: string;
  /** Its dataset id (default: its manifest's default). */
  dataset?: string;
  /** The region level of this dataset whose labels join. */
  level: string;
  /** The region level of the other election holding the same codes (default: `level`). */
  levelAgainst?: string;
  /** The least share of this dataset's stations whose label must occur on the other side (default 0.5). */
  minimumShare?: number;
}

/** How well a dataset joined. */
export interface JoinReport {
  level: string;
  stations: number;
  joinedStations: number;
  share: number;
  units: number;
  joinedUnits: number;
  minimumShare: number;
}

const NO_LABEL = new Set(['(missing)', '(unmatched)', '']);

/** The folder and dataset id a join points at, resolved from the folder that declares it. */
export function joinTarget(dir: string, spec: JoinSpec): { dir: string; dataset: string | undefined } {
  return { dir: resolve(dir, spec.data), dataset: spec.dataset };
}

/** Checks that `earlier`'s stations join `target`'s on the declared level; refuses a join below the threshold. */
export function checkJoin(earlier: LoadedTable, target: StationTable, spec: JoinSpec): Result<JoinReport, TallyError> {
  const minimumShare = spec.minimumShare ?? DEFAULT_MINIMUM_JOINED_SHARE;
  const mine = earlier.table.regions.find((r) => r.name === spec.level);
  const column = columnOfLevel(earlier, spec.level);
  if (!mine) {
    return err({
      kind: 'parse_error',
      file: earlier.file,
      column,
      rule: 'join_level_missing',
      message: `${earlier.file}: the declared join level "${spec.level}" is not a region level of this dataset (it has: ${earlier.table.regions.map((r) => r.name).join(', ')})`,
    });
  }
  const levelAgainst = spec.levelAgainst ?? spec.level;
  const theirs = target.regions.find((r) => r.name === levelAgainst);
  if (!theirs) {
    return err({
      kind: 'parse_error',
      file: earlier.file,
      column,
      rule: 'join_level_missing',
      message: `${earlier.file}: the election it joins (${target.meta.name}) has no region level "${levelAgainst}" (it has: ${target.regions.map((r) => r.name).join(', ')})`,
    });
  }
  const known = new Set(theirs.labels.filter((l) => !NO_LABEL.has(l)));
  const joinedLabel = mine.labels.map((l) => known.has(l));
  let joinedStations = 0;
  for (let i = 0; i < earlier.table.n; i++) if (joinedLabel[mine.codes[i]]) joinedStations++;
  const stations = earlier.table.n;
  const share = stations > 0 ? joinedStations / stations : 0;
  const report: JoinReport = {
    level: spec.level,
    stations,
    joinedStations,
    share,
    units: mine.labels.filter((l) => !NO_LABEL.has(l)).length,
    joinedUnits: joinedLabel.filter(Boolean).length,
    minimumShare,
  };
  if (share < minimumShare) {
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    return err({
      kind: 'parse_error',
      file: earlier.file,
      column,
      rule: 'election_does_not_join',
      message: `${earlier.file}: column ${column ?? spec.level}: only ${joinedStations} of ${stations} stations (${percent(share)}) find their ${spec.level} among the ${known.size} of ${target.meta.name}; at least ${percent(minimumShare)} must join. Check the join column or the election it is compared with`,
    });
  }
  return ok(report);
}

function columnOfLevel(loaded: LoadedTable, level: string): string | undefined {
  const spec = loaded.mapping.regions?.find((r) => r.name === level);
  return spec ? describeRef(spec.column) : undefined;
}
