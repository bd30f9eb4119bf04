/**
 * What an allegation file holds once checked (docs/allegation.md): the claim, the elections, the alleged stations and
 * the analyses. allegation_schema.ts checks a file into these types; allegation.ts loads the data they name.
 */
/** Who claims what, and when. */
export interface Claim {
  readonly text: string;
  readonly by: string;
  /** ISO date (YYYY-MM-DD) the claim was made. */
  readonly date: string;
  readonly source?: string;
}

/** Candidate names as they appear in one election's data. */
export interface CandidateNames {
  readonly favoured: string;
  readonly rival?: string;
}

/** One election: a dataset folder (manifest.json) or a single file with a preset or mapping. */
export interface ElectionSpec {
  readonly id: string;
  readonly title?: string;
  /** Absolute path (resolved against the allegation file's folder). */
  readonly data: string;
  readonly dataset?: string;
  readonly preset?: string;
  readonly map?: string;
  /** Candidate names in this election, when they differ from the top-level `candidates`. */
  readonly candidates?: Partial<CandidateNames>;
}

/** Comparison operators of a station filter. */
export type FilterOp = '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in';

/** A filter on a station column: turnout, registered, ballotsCast, valid, share:<candidate>, region:<level>, id. */
export interface StationFilter {
  readonly column: string;
  readonly op: FilterOp;
  readonly value: number | string | readonly (number | string)[];
}

/** Which stations are alleged: listed ids, a file of ids (one per line), or a filter. */
export type StationSelector =
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'filter'; readonly filters: readonly StationFilter[] };

/** A cutoff in the count: a snapshot dataset id, an arrival percentile, or an instant with its offset. */
export type CutoffInput =
  | { readonly kind: 'snapshot'; readonly snapshot: string }
  | { readonly kind: 'percentile'; readonly value: number }
  | { readonly kind: 'time'; readonly iso: string; readonly ms: number };

/** What is alleged; the flagged stations are the intersection of the selectors given. */
export interface AllegedSpec {
  readonly election: string;
  readonly stations?: StationSelector;
  /** Stations counted after this cutoff are flagged. */
  readonly cutoff?: CutoffInput;
  readonly region?: { readonly level: string; readonly label: string };
  readonly whole?: boolean;
  /** The alleged size: votes moved to the favoured candidate, and/or the margin threshold at stake. */
  readonly size?: { readonly votes?: number; readonly threshold?: number; readonly note?: string };
  /** Totals an authority announced for the whole count, which the `announced_totals` analysis tests. */
  readonly announced?: AnnouncedSpec;
}

/** Announced totals (docs/allegation.md, "Announced totals"): votes of the two candidates, voters, the roll. */
export interface AnnouncedSpec {
  readonly by: string;
  readonly date?: string;
  readonly source?: string;
  /** Votes announced for the favoured candidate and for the rival. */
  readonly favoured: number;
  readonly rival: number;
  /** Voters (ballots cast) and registered voters (the whole roll) announced. */
  readonly ballotsCast: number;
  readonly registered: number;
  /** Share of all stations the announcement covers, in (0, 1] (default 1). */
  readonly coverage?: number;
  /** Stations in the whole count, when known. */
  readonly totalStations?: number;
  /** Absolute path of a file of places where collected stations are known to be missing (path,stations). */
  readonly missing?: string;
}

/** One analysis the audit runs. */
export type AnalysisSpec =
  | {
      readonly method: 'latecount';
      readonly threshold?: number;
      readonly simulations?: number;
      /**
       * The cutoff of the trend-break question (the discontinuity), when it differs from the alleged one: e.g. the
       * instant of the TREP halt on the stations' real verification times, while the projection keeps the snapshot.
       */
      readonly trendBreakCutoff?: Exclude<CutoffInput, { readonly kind: 'snapshot' }>;
    }
  | {
      readonly method: 'persistence';
      readonly against: string;
      readonly level: string;
      readonly levelAgainst?: string;
      readonly matchBy: 'code' | 'code_then_name';
      /** For code_then_name: the region levels holding the unit's name and the region it is matched within. */
      readonly names?: { readonly unit: string; readonly within: string };
      readonly stratum?: string;
      readonly flagRule: 'any' | 'majority' | 'all';
      readonly replicates?: number;
    }
  | {
      readonly method: 'battery';
      /** Only these method ids (default: every single-table method of the registry). */
      readonly methods?: readonly string[];
      /** Method ids to leave out (e.g. slow model fits), listed in the report's notes. */
      readonly exclude?: readonly string[];
      /**
       * The battery tests a counter-claim that the sheets were fabricated: power is read for fabricated digits and
       * rounding to whole percentages, and the bottom line answers that claim.
       */
      readonly fabrication?: boolean;
      /** Which stations: the flagged ones (default) or all of the alleged election. */
      readonly stations?: 'flagged' | 'all';
    }
  | {
      readonly method: 'announced_totals';
      /** Projection draws (default 1,000). */
      readonly sims?: number;
      /** Fewest collected stations an area needs to stand in for its missing ones (default 3). */
      readonly minDonors?: number;
    }
  | {
      readonly method: 'count_series';
      /** A keys dataset of the alleged election's folder holding the series (time, region, units, votes:<name>). */
      readonly dataset: string;
      /** The projection uses the states up to this instant. */
      readonly cut: { readonly kind: 'time'; readonly ms: number; readonly iso: string };
      /** Zone of times written without an offset (an IANA name or an offset). */
      readonly timezone?: string;
      /** Region label of national rows, left out (the national figure is the sum of the regions). */
      readonly national?: string;
      readonly replicates?: number;
    }
  | {
      readonly method: 'replays';
      /** Which replays (default: every one in REPLAY_IDS). */
      readonly ids: readonly ReplayId[];
      /** The election whose table has the per-station count times and covariates (default: the alleged one). */
      readonly election?: string;
      /** A later election the replays compare with (e.g. the 2020 re-run). */
      readonly against?: string;
    };

/**
 * The published analyses of a dispute that the audit can replay (packages/audit/src/replays/registry.ts holds
 * their computations; a test there checks both lists agree).
 */
export const REPLAY_IDS = [
  'oas_trend_break',
  'ikr_adjusted_break',
  'persistence_2020',
  'curiel_williams_projection',
  'cepr_projection',
  'escobari_hoover_did',
] as const;
export type ReplayId = (typeof REPLAY_IDS)[number];

/** A checked allegation file. */
export interface Allegation {
  readonly file: string;
  readonly version: 1;
  /** Language of the report and terminal text when --lang is not given (before the locale). */
  readonly lang?: 'en' | 'es' | 'ru';
  readonly claim: Claim;
  readonly elections: readonly ElectionSpec[];
  readonly candidates: CandidateNames;
  readonly alleged: AllegedSpec;
  readonly analyses: readonly AnalysisSpec[];
}
