/** Plot data carried by findings: small, pre-binned, column-oriented, JSON-serialisable. */

/** Margin of A over B as the count progressed, with the cutoff and the projected final margin. */
export interface MarginCurvePlot {
  readonly kind: 'margin_curve';
  readonly candidateA: string;
  readonly candidateB: string;
  /** Share of stations counted, in [0, 1], increasing; thinned to a few hundred points (see thinCurve). */
  readonly x: readonly number[];
  /** Cumulative margin A - B in percentage points at each x. */
  readonly margin: readonly number[];
  /** Position of the cutoff on the x axis. */
  readonly cutoff?: number;
  /** Projected final margin (points): 2.5%, 50%, 97.5% of the simulations. */
  readonly projection?: { readonly lo: number; readonly median: number; readonly hi: number };
  /** A margin threshold that matters (e.g. 10 points to avoid a run-off). */
  readonly threshold?: number;
}

/** Turnout x winner-share 2D histogram over [0,1] x [0,1]: counts[iy * nx + ix]. */
export interface FingerprintPlot {
  readonly kind: 'fingerprint';
  readonly nx: number;
  readonly ny: number;
  readonly counts: readonly number[];
}

/** Observed and expected digit frequencies (proportions). */
export interface DigitHistogramPlot {
  readonly kind: 'digit_histogram';
  readonly position: 'first' | 'second' | 'last';
  readonly digits: readonly number[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
}

/** Stations per fine percentage bin (Kobak et al.), bins starting at `start` percent, `binWidth` wide. */
export interface PercentHistogramPlot {
  readonly kind: 'percent_histogram';
  readonly variable: 'turnout' | 'share';
  readonly start: number;
  readonly binWidth: number;
  readonly counts: readonly number[];
}

/** Matched units' shares (percent) in two elections, flagged by the allegation or not. */
export interface PersistenceScatterPlot {
  readonly kind: 'persistence_scatter';
  readonly electionA: string;
  readonly electionB: string;
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly flagged: readonly boolean[];
}

/** Stations by longitude/latitude, optionally over region outlines (a GeoJSON FeatureCollection). */
export interface StationMapPlot {
  readonly kind: 'station_map';
  readonly lon: readonly number[];
  readonly lat: readonly number[];
  readonly flagged: readonly boolean[];
  readonly outlines?: { readonly type: 'FeatureCollection'; readonly features: readonly unknown[] };
}

/** Cumulative margin of A over B against the share of stations counted, in several count orders (a replay). */
export interface MarginOrderingsPlot {
  readonly kind: 'margin_orderings';
  readonly candidateA: string;
  readonly candidateB: string;
  /** Where the break is placed, as a share of the count. */
  readonly cutoff: number;
  readonly series: readonly {
    readonly order: 'chronological' | 'text';
    readonly x: readonly number[];
    readonly margin: readonly number[];
  }[];
}

/** One estimate per specification with its interval (a replay's coefficient across controls). */
export interface BreakEstimatesPlot {
  readonly kind: 'break_estimates';
  readonly unit: string;
  readonly rows: readonly {
    readonly label: string;
    readonly estimate: number;
    readonly low: number;
    readonly high: number;
  }[];
}

/** Every plot a finding can carry. */
export type PlotData =
  | MarginCurvePlot
  | FingerprintPlot
  | DigitHistogramPlot
  | PercentHistogramPlot
  | PersistenceScatterPlot
  | StationMapPlot
  | MarginOrderingsPlot
  | BreakEstimatesPlot;

/** The plot kinds, in a stable order. */
export const PLOT_KINDS: readonly PlotData['kind'][] = [
  'margin_curve',
  'fingerprint',
  'digit_histogram',
  'percent_histogram',
  'persistence_scatter',
  'station_map',
  'margin_orderings',
  'break_estimates',
];
