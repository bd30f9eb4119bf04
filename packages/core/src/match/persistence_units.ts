/**
 * The persistence test at a chosen unit (e.g. the recinto): aggregates election A's stations to the unit,
 * flags units by the share of their stations that are flagged, aggregates or takes election B's units,
 * matches them (code, then name within a region), and runs `persistenceTest`. Also returns the data of
 * the persistence scatter (favoured share in A against B per matched unit).
 */
import type { MethodResult } from '../method.ts';
import { type PersistenceOptions, persistenceTest } from '../methods/persistence.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import { candidateIndex, regionLevelIndex, type StationTable, shareDenominator } from '../station_table.ts';
import { aggregateByRegion, flaggedShareByRegion } from './aggregate.ts';
import { matchUnits, type NamedUnit } from './match_units.ts';

/** How a unit is flagged from its stations: any, more than half, or all of them flagged. */
export type FlagRule = 'any' | 'majority' | 'all';

/** Options of `persistenceByUnit`. */
export interface UnitPersistenceOptions extends Omit<PersistenceOptions, 'match'> {
  /** Region level of A that defines the unit (e.g. "recinto_code"). */
  readonly level: string;
  /** Region level of B to aggregate to; default `level` when B has it, else B's stations are the units. */
  readonly levelB?: string;
  readonly flagRule?: FlagRule;
  /** After code matching, match the rest by the name level `unit` within region level `within` (both tables). */
  readonly names?: { readonly unit: string; readonly within: string };
}

/** The persistence result and the scatter data behind it. */
export interface UnitPersistence {
  readonly result: MethodResult;
  /** Favoured share (percent) in A and B for every matched unit with valid votes in both. */
  readonly scatter: { readonly a: number[]; readonly b: number[]; readonly flagged: boolean[] };
}

function namesOf(t: StationTable, names: { unit: string; within: string }): NamedUnit[] | null {
  const u = regionLevelIndex(t, names.unit);
  const w = regionLevelIndex(t, names.within);
  if (u < 0 || w < 0) return null;
  const lu = t.regions[u];
  const lw = t.regions[w];
  return t.ids.map((_, i) => ({ region: lw.labels[lw.codes[i]], name: lu.labels[lu.codes[i]] }));
}

/** Runs the persistence test with A (station level) aggregated to `options.level`. */
export function persistenceByUnit(
  a: StationTable,
  b: StationTable,
  flaggedStations: Uint8Array,
  options: UnitPersistenceOptions,
  rng: Rng,
): Result<UnitPersistence> {
  if (flaggedStations.length !== a.n) {
    return err({ kind: 'invalid_options', option: 'flagged', message: 'flagged must have one entry per station of A' });
  }
  const aggA = aggregateByRegion(a, options.level);
  if (!aggA.ok) return aggA;
  const shares = flaggedShareByRegion(a, options.level, flaggedStations);
  if (!shares.ok) return shares;
  const rule = options.flagRule ?? 'any';
  const s = shares.value.share;
  const flaggedUnits = new Uint8Array(s.length);
  for (let u = 0; u < s.length; u++) {
    flaggedUnits[u] = rule === 'any' ? +(s[u] > 0) : rule === 'all' ? +(s[u] === 1) : +(s[u] > 0.5);
  }
  const levelB = options.levelB ?? (regionLevelIndex(b, options.level) >= 0 ? options.level : undefined);
  let unitsB = b;
  if (levelB !== undefined) {
    const aggB = aggregateByRegion(b, levelB);
    if (!aggB.ok) return aggB;
    unitsB = aggB.value;
  }
  let namesA: NamedUnit[] | undefined;
  let namesB: NamedUnit[] | undefined;
  if (options.names) {
    const na = namesOf(aggA.value, options.names);
    const nb = namesOf(unitsB, options.names);
    if (!na || !nb) {
      return err({
        kind: 'missing_column',
        column: `${options.names.within}/${options.names.unit}`,
        message: `name matching needs region levels "${options.names.within}" and "${options.names.unit}" in both elections (after aggregation)`,
      });
    }
    namesA = na;
    namesB = nb;
  }
  const match = matchUnits(aggA.value.ids, unitsB.ids, { namesA, namesB });
  // The alleged votes sit in the flagged STATIONS (spread by valid votes); a unit gets the part of the
  // inflation its flagged stations carry, whether or not the unit itself is flagged.
  let allegedShiftByUnit: Float64Array | undefined;
  if (options.allegedVotes !== undefined && options.allegedShift === undefined) {
    const den = shareDenominator(a);
    let flaggedDen = 0;
    for (let i = 0; i < a.n; i++) if (flaggedStations[i]) flaggedDen += den[i];
    const byDen = flaggedShareByRegion(a, options.level, flaggedStations, den);
    if (!byDen.ok) return byDen;
    const x = flaggedDen > 0 ? (100 * options.allegedVotes) / flaggedDen : 0;
    allegedShiftByUnit = byDen.value.share.map((sh) => x * sh);
  }
  const r = persistenceTest(aggA.value, unitsB, flaggedUnits, { ...options, match, allegedShiftByUnit }, rng);
  if (!r.ok) return r;
  let stationsFlagged = 0;
  for (let i = 0; i < a.n; i++) stationsFlagged += flaggedStations[i];
  const result: MethodResult = {
    ...r.value,
    details: {
      ...r.value.details,
      unitLevel: options.level,
      unitLevelB: levelB ?? '(stations of B)',
      flagRule: rule,
      stationsFlagged,
      stationsInA: a.n,
      unitsWithAnyFlaggedStation: s.reduce((k, x) => k + (x > 0 ? 1 : 0), 0),
    },
  };
  const ca = candidateIndex(aggA.value, r.value.details.candidateA as string);
  const cb = candidateIndex(unitsB, r.value.details.candidateB as string);
  const denA = shareDenominator(aggA.value);
  const denB = shareDenominator(unitsB);
  const scatter = { a: [] as number[], b: [] as number[], flagged: [] as boolean[] };
  for (let k = 0; k < match.a.length; k++) {
    const i = match.a[k];
    const j = match.b[k];
    if (!(denA[i] > 0 && denB[j] > 0)) continue;
    scatter.a.push(round3((100 * aggA.value.candidates[ca].votes[i]) / denA[i]));
    scatter.b.push(round3((100 * unitsB.candidates[cb].votes[j]) / denB[j]));
    scatter.flagged.push(flaggedUnits[i] === 1);
  }
  return ok({ result, scatter });
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
