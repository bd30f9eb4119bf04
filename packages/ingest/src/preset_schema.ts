/**
 * Column mappings ("presets" when shipped with Tally): data files that say which source column plays which role.
 * A preset is JSON; a user's mapping file may be JSON or YAML with the same shape. See docs/data-model.md.
 */

/**
 * A reference to a source column: an exact name, one of several names, or a regular expression (matched against the
 * header). `optional` refs are skipped when no column matches (e.g. the Duma files' `oik`).
 */
export type ColumnRef = string | { anyOf: string[]; optional?: boolean } | { pattern: string; optional?: boolean };

/** A count role: one column, or the sum of several. */
export type CountSpec = ColumnRef | { sum: ColumnRef[] };

/** How the candidate columns are found. */
export type CandidateSpec = { columns: ColumnRef[] } | { rest: true; exclude?: ColumnRef[] };

/** Where arrival order comes from. */
export interface ArrivalSpec {
  column: ColumnRef;
  kind: 'rank' | 'percentile' | 'time';
  /** For kind 'time' without an offset in the values: the UTC offset of the local times, e.g. "-04:00". */
  utcOffset?: string;
  /** For kind 'time' without an offset in the values: the zone of the local times, an IANA name or an offset. */
  timezone?: string;
}

/** A mapping from a source file's columns to the StationTable. */
export interface ResultsMapping {
  id: string;
  kind?: 'results';
  title?: string;
  description?: string;
  election?: { name?: string; date?: string; country?: string };
  /** Columns whose values, joined with " / ", identify a station. */
  station: ColumnRef[];
  /**
   * Region levels from widest to narrowest. `optional` levels are used when present (e.g. the Duma `oik`); `slice`
   * takes characters [start, end) of the value (e.g. the 16-digit recinto code inside an 18-digit mesa code).
   */
  regions?: { name: string; column: ColumnRef; optional?: boolean; slice?: [number, number] }[];
  /** A constant widest level (e.g. the country) when the file has no such column. */
  country?: string;
  registered: CountSpec;
  /**
   * Empty registered cells are read as unknown (NaN, one `missing_registered` warning with their count and rows)
   * instead of refusing the row: for sources that lack the electoral roll for some stations (Venezuela 2024).
   */
  registeredMayBeEmpty?: boolean;
  candidates: CandidateSpec;
  /** Valid votes; "candidates" = the sum of the candidate columns. */
  valid: CountSpec | 'candidates';
  blank?: CountSpec;
  invalid?: CountSpec;
  /** Turnout numerator; "ballotsFound" = valid + blank + invalid. */
  ballotsCast: CountSpec | 'ballotsFound';
  shareOf: 'valid' | 'ballots_found';
  lat?: ColumnRef;
  lon?: ColumnRef;
  arrival?: ArrivalSpec;
  /** Columns read but not used, so that `rest` candidates skip them. */
  ignore?: ColumnRef[];
}

/** A mapping for a file of station keys and attributes with no votes (e.g. arrival order, cross-election codes). */
export interface KeysMapping {
  id: string;
  kind: 'keys';
  title?: string;
  description?: string;
  station: ColumnRef[];
  /**
   * Attribute name -> source column; numeric attributes are parsed as numbers. `emptyAllowed` lets a numeric cell be
   * empty (NaN, counted in a warning) instead of refused; `decimalComma` reads "10,5" as 10.5 in that column.
   */
  attributes: Record<
    string,
    { column: ColumnRef; type: 'string' | 'number'; emptyAllowed?: boolean; decimalComma?: boolean }
  >;
}

/** Any mapping. */
export type Mapping = ResultsMapping | KeysMapping;
