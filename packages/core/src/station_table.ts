/**
 * The data model every method reads: one row per station (mesa, precinct, UIK), stored column-wise
 * in typed arrays. Definitions of every word are in docs/data-model.md.
 */

/** The denominator an electoral authority uses for official shares. */
export type ShareDenominator = 'valid' | 'ballots_found';

/** One named level of the region path, with a label per station stored as an index into `labels`. */
export interface RegionLevel {
  /** Level name, e.g. "department", "tik". */
  readonly name: string;
  /** The distinct labels of this level, in first-seen order. */
  readonly labels: readonly string[];
  /** For each station, the index of its label in `labels`. Labels are unique per full path prefix. */
  readonly codes: Int32Array;
}

/** Votes of one candidate or party per station. */
export interface CandidateColumn {
  /** The source column name, kept verbatim (e.g. "MAS - IPSP", "Путин Владимир Владимирович"). */
  readonly name: string;
  readonly votes: Float64Array;
}

/** When each station entered a count: a rank, a percentile of arrival, or an instant (ms since epoch, UTC). */
export interface Arrival {
  readonly kind: 'rank' | 'percentile' | 'time';
  /** Source column the values came from. */
  readonly column: string;
  readonly values: Float64Array;
}

/**
 * A per-station attribute attached from another file (docs/data-model.md): a number or an instant (ms since epoch,
 * UTC), NaN where a station has none; a category (label index per station, "(unmatched)" / "(missing)" where it has
 * none); or membership of a named station list (1 = on the list).
 */
export type StationAttribute =
  | { readonly name: string; readonly kind: 'number' | 'time'; readonly column: string; readonly values: Float64Array }
  | {
      readonly name: string;
      readonly kind: 'category';
      readonly column: string;
      readonly labels: readonly string[];
      readonly codes: Int32Array;
    }
  | { readonly name: string; readonly kind: 'membership'; readonly column: string; readonly values: Uint8Array };

/** Facts about the election a table belongs to. */
export interface ElectionMeta {
  /** Short name, e.g. "Bolivia 2019 presidential, final count". */
  readonly name: string;
  /** ISO date of election day, when known. */
  readonly date?: string;
  readonly country?: string;
  /** The preset or mapping that produced the table. */
  readonly source?: string;
  /** Snapshot instant (ISO 8601 with offset) when the table is a state of a count at a time. */
  readonly snapshotTime?: string;
}

/** Polling-station results in column form. All count arrays have length `n`. Read-only by convention. */
export interface StationTable {
  readonly n: number;
  readonly ids: readonly string[];
  /** Region path levels, from the widest (country) to the narrowest (site/recinto). May be empty. */
  readonly regions: readonly RegionLevel[];
  readonly registered: Float64Array;
  /** Ballots cast: the turnout numerator (Bolivia: emitted votes; Russia: ballots issued, after Kobak et al.). */
  readonly ballotsCast: Float64Array;
  /** Ballots found in the boxes: valid + blank + invalid. */
  readonly ballotsFound: Float64Array;
  readonly valid: Float64Array;
  /** Blank ballots, where the source reports them separately. */
  readonly blank?: Float64Array;
  /** Invalid (null, spoiled) ballots; in sources without a blank column, blank ballots are inside. */
  readonly invalid: Float64Array;
  readonly candidates: readonly CandidateColumn[];
  /** The official share denominator declared by the preset. */
  readonly shareOf: ShareDenominator;
  readonly arrival?: Arrival;
  /** Covariates, other arrival clocks and list memberships attached from keys files, in attachment order. */
  readonly attributes?: readonly StationAttribute[];
  /** Latitude/longitude of the station or its site, where the source has them (NaN where a row has none). */
  readonly lat?: Float64Array;
  readonly lon?: Float64Array;
  readonly meta: ElectionMeta;
}

/** The official share denominator of every station. */
export function shareDenominator(table: StationTable): Float64Array {
  return table.shareOf === 'valid' ? table.valid : table.ballotsFound;
}

/** Index of the candidate with the most votes in the whole table (the national leader). */
export function leaderIndex(table: StationTable): number {
  let best = 0;
  let bestTotal = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < table.candidates.length; k++) {
    const votes = table.candidates[k].votes;
    let s = 0;
    for (let i = 0; i < votes.length; i++) if (Number.isFinite(votes[i])) s += votes[i];
    if (s > bestTotal) {
      bestTotal = s;
      best = k;
    }
  }
  return best;
}

/** The named candidate's index (-1 when absent), or the national leader's when no name is given. */
export function candidateOrLeaderIndex(table: StationTable, name: string | undefined): number {
  return name !== undefined && name !== '' ? candidateIndex(table, name) : leaderIndex(table);
}

/** Index of a candidate by exact source name, or -1. */
export function candidateIndex(table: StationTable, name: string): number {
  return table.candidates.findIndex((c) => c.name === name);
}

/** Sum of a column. */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Returns a new table with only the stations at `indices`, in that order. */
export function selectStations(table: StationTable, indices: ArrayLike<number>): StationTable {
  const m = indices.length;
  const pick = (a: Float64Array): Float64Array => {
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = a[indices[i]];
    return out;
  };
  const ids = new Array<string>(m);
  for (let i = 0; i < m; i++) ids[i] = table.ids[indices[i]];
  const regions = table.regions.map((level) => {
    const codes = new Int32Array(m);
    for (let i = 0; i < m; i++) codes[i] = level.codes[indices[i]];
    return { name: level.name, labels: level.labels, codes };
  });
  return {
    n: m,
    ids,
    regions,
    registered: pick(table.registered),
    ballotsCast: pick(table.ballotsCast),
    ballotsFound: pick(table.ballotsFound),
    valid: pick(table.valid),
    blank: table.blank ? pick(table.blank) : undefined,
    invalid: pick(table.invalid),
    candidates: table.candidates.map((c) => ({ name: c.name, votes: pick(c.votes) })),
    shareOf: table.shareOf,
    arrival: table.arrival ? { ...table.arrival, values: pick(table.arrival.values) } : undefined,
    lat: table.lat ? pick(table.lat) : undefined,
    lon: table.lon ? pick(table.lon) : undefined,
    meta: table.meta,
    ...(table.attributes ? { attributes: table.attributes.map((a) => selectAttribute(a, indices)) } : {}),
  };
}

function selectAttribute(a: StationAttribute, indices: ArrayLike<number>): StationAttribute {
  const m = indices.length;
  if (a.kind === 'category') {
    const codes = new Int32Array(m);
    for (let i = 0; i < m; i++) codes[i] = a.codes[indices[i]];
    return { ...a, codes };
  }
  if (a.kind === 'membership') {
    const values = new Uint8Array(m);
    for (let i = 0; i < m; i++) values[i] = a.values[indices[i]];
    return { ...a, values };
  }
  const values = new Float64Array(m);
  for (let i = 0; i < m; i++) values[i] = a.values[indices[i]];
  return { ...a, values };
}

/** Index of a region level by name, or -1. */
export function regionLevelIndex(table: StationTable, name: string): number {
  return table.regions.findIndex((r) => r.name === name);
}
