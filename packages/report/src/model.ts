/** The Report: plain JSON that every renderer (JSON, Markdown, HTML, terminal, web) reads. */
import type { MethodResult, PValueKind } from '@tally/core';
import type { MethodFamily } from './families.ts';
import type { Lang, Message, MessageKey, MessageParam } from './i18n/index.ts';
import type { Correction } from './multiple_testing.ts';
import type { PlotData } from './plots/plot_data.ts';

/** What a finding says about the allegation. Never "fraud". */
export type Verdict = 'consistent_with_allegation' | 'not_supported' | 'inconclusive';

/** The verdicts, in the order reports list them. */
export const VERDICTS: readonly Verdict[] = ['consistent_with_allegation', 'not_supported', 'inconclusive'];

/** Why a verdict was reached; each reason has a plain-language message (`reason.<id>`). */
export type VerdictReason =
  | 'significant_in_alleged_direction'
  | 'significant_opposite_direction'
  | 'not_significant'
  | 'no_test'
  | 'too_few_stations'
  | 'low_power'
  | 'miscalibrated'
  | 'not_identified';

/**
 * Whether a finding tests the allegation's own prediction, is a general screen, or belongs to a run with no allegation
 * at all ('explore': worded as a departure from the clean-election model, never as support for a claim).
 */
export type FindingRole = 'allegation' | 'screen' | 'explore';

/** Which sign of the effect a rejection must have to fit the allegation. */
export type Direction = 'any' | 'positive' | 'negative';

/** A method's measured behaviour on simulated elections (from the calibration suite). */
export interface Calibration {
  /** Rejection rate at `alpha` on clean simulated elections. */
  readonly falsePositiveRate: number;
  readonly alpha: number;
  /** Number of simulated elections behind the rate. */
  readonly runs: number;
  /** Detection rate on simulated manipulation of the alleged kind, when measured. */
  readonly power?: number;
  /** The manipulation simulated for `power`, in words (e.g. "5-point inflation in 5% of stations"). */
  readonly powerScenario?: string;
  /** `powerScenario` as a catalogue message, so renderers can show it in any language. */
  readonly powerScenarioMessage?: Message;
}

/**
 * Catalogue messages for caller text of a finding; renderers prefer them to the plain strings (which stay in the
 * JSON, in English), so a report renders in any language.
 */
export interface FindingMessages {
  readonly methodTitle?: Message;
  readonly effectName?: Message;
  readonly region?: Message;
  readonly target?: Message;
}

/** How the audit relates one MethodResult to the allegation. */
export interface FindingContext {
  /** Sign of `effect` that fits the allegation when the test rejects; 'any' for non-directional tests (default). */
  readonly direction?: Direction;
  /** Signed effect the direction refers to (default: the statistic). */
  readonly effect?: number;
  /** Name of the effect, e.g. "difference in differences, points" (default: the statistic's name). */
  readonly effectName?: string;
  /** Method title to show (default: the method id). */
  readonly methodTitle?: string;
  /** Family for the innocent explanations (default: inferred from the method id). */
  readonly family?: MethodFamily;
  /** Below this many stations the verdict is inconclusive. */
  readonly minStations?: number;
  /** Overrides the report-level calibration lookup for this finding. */
  readonly calibration?: Calibration;
  /** Already-binned data for the finding's plot. */
  readonly plot?: PlotData;
  /**
   * 'allegation' (default): the test looks for the pattern the allegation predicts. 'screen': a general check
   * (e.g. the forensic battery on the flagged stations); the same verdicts, worded as a screen.
   */
  readonly role?: FindingRole;
  /** Sort key: lower comes first (default 0); ties are ordered by method, target, region, statistic name. */
  readonly order?: number;
  /** Catalogue messages for the caller text above (method title, effect name, region, target). */
  readonly messages?: FindingMessages;
  /** Power against manipulation of the alleged size, measured by injection into the real data (scenario as a message). */
  readonly powerAtAllegedSize?: PowerAtAllegedSizeInput;
  /**
   * Why these data cannot answer this test's question (e.g. a projection whose late stations mostly lack counted
   * stations of their own area): the verdict is inconclusive whatever the p-value, and the explanation says why.
   */
  readonly notIdentified?: Message;
}

/** PowerAtAllegedSize as the audit computes it: the scenario as a catalogue message, localised by buildReport. */
export interface PowerAtAllegedSizeInput {
  readonly power: number;
  readonly interval: readonly [number, number];
  readonly injections: number;
  readonly scenario: Message;
  /** Power at three times the alleged size, when measured. */
  readonly powerAt3x?: { readonly power: number; readonly interval: readonly [number, number] } | null;
}

/** One method result plus its context. */
export interface ResultWithContext {
  readonly result: MethodResult;
  readonly context?: FindingContext;
}

/** The allegation as the user stated it. */
export interface AllegationSummary {
  readonly claim: string;
  readonly claimant?: string;
  readonly date?: string;
  /** What is alleged, in words (e.g. "mesas counted after the TREP halt"). */
  readonly scope?: string;
  /** `scope` as a catalogue message. */
  readonly scopeMessage?: Message;
}

/** A row-level data problem found at ingest (same shape as @tally/ingest's ValidationIssue). */
export interface ValidationIssue {
  readonly level: 'error' | 'warning';
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly rule: string;
  readonly message: string;
}

/** An input file and its SHA-256 (hex). */
export interface InputFile {
  readonly path: string;
  readonly sha256: string;
}

/** No data loss: for one input table, rows = analysed + the sum of `excluded` (counted by the rule that excluded them). */
export interface RowAccount {
  /** Path as the report gives paths (relative to the allegation file). */
  readonly file: string;
  readonly rows: number;
  readonly analysed: number;
  readonly excluded: readonly { readonly reason: string; readonly count: number }[];
}

/** A method's note for the report's method section. */
export interface MethodNote {
  readonly id: string;
  readonly title: string;
  readonly reference: string;
  readonly summary: string;
}

/** Text in the report's language plus the message it came from (so renderers can re-localise). */
export interface LocalisedText {
  readonly text: string;
  readonly message: Message;
}

/** A note from the caller (e.g. an analysis that was not run): a catalogue message, or plain text that stays as given. */
export interface Note {
  readonly text: string;
  readonly message: Message | null;
}

/** What could produce a finding without manipulation: a catalogue message (with the finding's own numbers) and its text. */
export interface InnocentExplanation {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
  readonly text: string;
}

/** One method result, judged. */
export interface Finding {
  /** Stable id: method, then ":target", then "@region", then "#k" when repeated. */
  readonly id: string;
  readonly method: string;
  readonly methodTitle: string;
  readonly family: MethodFamily;
  readonly target: string;
  readonly region: string;
  readonly statisticName: string;
  readonly statistic: number;
  readonly pValue: number | null;
  readonly pValueKind: PValueKind;
  /** The p-value after the report's multiple-testing correction; null when the method has no test. */
  readonly adjustedPValue: number | null;
  readonly df: number | null;
  readonly n: number;
  readonly excluded: readonly { readonly reason: string; readonly count: number }[];
  readonly replicates: number | null;
  readonly seed: number | null;
  readonly role: FindingRole;
  readonly direction: Direction;
  readonly effectName: string;
  readonly effect: number;
  readonly verdict: Verdict;
  readonly verdictReason: VerdictReason;
  readonly explanation: LocalisedText;
  /** Always non-empty: what could produce the same result without manipulation. */
  readonly innocentExplanations: readonly InnocentExplanation[];
  readonly calibration: Calibration | null;
  readonly warnings: readonly string[];
  readonly details: Record<string, unknown>;
  readonly plot: PlotData | null;
  /** Catalogue messages for the caller text (empty when the caller gave none). */
  readonly messages: FindingMessages;
  /** Power at the alleged size, by injection into the real data; null when not measured (e.g. no alleged size). */
  readonly powerAtAllegedSize: PowerAtAllegedSize | null;
}

/** Counts for the summary. */
export interface ReportSummary {
  readonly findings: number;
  /** Findings with a p-value: the number of tests the correction accounts for. */
  readonly tests: number;
  readonly consistent_with_allegation: number;
  readonly not_supported: number;
  readonly inconclusive: number;
  readonly validationErrors: number;
  readonly validationWarnings: number;
}

/** The whole report. Plain JSON: no timestamps, deterministic order. */
export interface Report {
  readonly schema: 'tally.report/1';
  readonly title: string;
  /** `title` as a catalogue message, or null when the caller gave plain text only. */
  readonly titleMessage: Message | null;
  readonly lang: Lang;
  readonly version: string;
  readonly seed: number;
  readonly alpha: number;
  readonly correction: Correction;
  readonly allegation: AllegationSummary | null;
  readonly summary: ReportSummary;
  readonly findings: readonly Finding[];
  readonly validationIssues: readonly ValidationIssue[];
  readonly inputs: readonly InputFile[];
  /** Row accounting of each table read (empty when the caller gave none). Each finding's own exclusions are in it. */
  readonly rows: readonly RowAccount[];
  readonly methods: readonly MethodNote[];
  readonly caveats: readonly LocalisedText[];
  /** Caller notes, in the order given (e.g. analyses not run and why). */
  readonly notes: readonly Note[];
  /** Published analyses of the dispute replayed on the same data (empty when the allegation asks for none). */
  readonly replays: readonly Replay[];
  /** The questions the allegation implies, answered; null until the audit computes them. */
  readonly bottomLine: BottomLine | null;
}

/** A number from a published analysis of the dispute: the value as published and where it was published. */
export interface PublishedNumber {
  /** null when the source states the claim without a number (the note says so). */
  readonly value: number | null;
  /** e.g. "points of margin", "% of valid votes". */
  readonly unit: string;
  /** Author, title, year and the table, figure or page the value comes from. */
  readonly source: string;
}

/** Tally's number on the same question as a published one, on the bundled data. */
export interface ReproducedNumber {
  readonly value: number | null;
  /** A 95% interval unless `intervalKind` says otherwise; null when the analysis gives none. */
  readonly interval: readonly [number, number] | null;
  /** What the interval is, e.g. "95% CR1 confidence interval, clustered by recinto". */
  readonly intervalKind: string | null;
  readonly unit: string;
}

/**
 * A published analysis of the dispute, replayed on the same data (issue #15): what the paper found, what Tally finds
 * on the same question, the difference and why, and what that says about the claim.
 */
export interface Replay {
  /** e.g. 'oas_trend_break', 'ikr_adjusted_break', 'curiel_williams_projection', 'cepr_projection', 'escobari_hoover_did', 'persistence_2020'. */
  readonly id: string;
  readonly title: LocalisedText;
  readonly published: PublishedNumber;
  readonly reproduced: ReproducedNumber;
  /** reproduced.value - published.value, when both exist. */
  readonly difference: number | null;
  /** Why Tally's number differs where it does, and each point where Tally cannot follow the paper exactly. */
  readonly note: LocalisedText;
  /** What the replay says about the claim, in plain words. Never "fraud" or "clean". */
  readonly says: LocalisedText;
  readonly details: Record<string, unknown>;
  readonly plot: PlotData | null;
}

/** The decisive number behind a bottom-line answer. */
export interface DecisiveNumber {
  readonly name: LocalisedText;
  readonly value: number;
  readonly interval: readonly [number, number] | null;
  readonly unit: string;
}

/** A test's power against manipulation of the alleged size, measured by injecting it into the real data. */
export interface PowerAtAllegedSize {
  /** Share of injections in which the test rejected at the report's alpha. */
  readonly power: number;
  /** Clopper-Pearson 95% interval of `power`. */
  readonly interval: readonly [number, number];
  readonly injections: number;
  /** The injected manipulation in words (votes moved, stations, how they were spread). */
  readonly scenario: LocalisedText;
  /** Power at three times the alleged size, when measured. */
  readonly powerAt3x?: { readonly power: number; readonly interval: readonly [number, number] } | null;
}

/** One question the allegation implies, answered (issue #16). */
export interface BottomLineAnswer {
  /** e.g. 'predictable_from_counted', 'trend_break', 'flagged_differ'. */
  readonly id: string;
  readonly question: LocalisedText;
  /** Plain-language answer; never "fraud" or "clean". */
  readonly answer: LocalisedText;
  readonly verdict: Verdict;
  readonly decisive: DecisiveNumber | null;
  readonly power: PowerAtAllegedSize | null;
  /** What the data leave unexplained, or null. */
  readonly unexplained: LocalisedText | null;
  /** The findings the answer rests on. */
  readonly findingIds: readonly string[];
}

/** One modelling choice a critic would try, and the headline numbers under it. */
export interface SensitivityRow {
  readonly choice: LocalisedText;
  readonly setting: string;
  /** Headline number name -> value (null when it could not be computed under this setting). */
  readonly values: Readonly<Record<string, number | null>>;
}

/** The answers first, then how much they move across modelling choices. */
export interface BottomLine {
  readonly answers: readonly BottomLineAnswer[];
  readonly sensitivity: {
    readonly rows: readonly SensitivityRow[];
    /** Headline number name -> [smallest, largest] across rows. */
    readonly spread: Readonly<Record<string, readonly [number, number]>>;
  } | null;
}

/** A replay as the audit computes it: text as catalogue messages, localised by buildReport. */
export interface ReplayInput {
  readonly id: string;
  readonly title: Message;
  readonly published: PublishedNumber;
  readonly reproduced: ReproducedNumber;
  readonly note: Message;
  readonly says: Message;
  readonly details?: Record<string, unknown>;
  readonly plot?: PlotData;
}

/** A bottom-line answer as the audit computes it: text as catalogue messages; the verdict comes from its findings. */
export interface BottomLineAnswerInput {
  readonly id: string;
  readonly question: Message;
  /** What the decisive number says, in plain words; buildReport prefixes the verdict's lead sentence. */
  readonly detail: Message;
  readonly decisive: {
    readonly name: Message;
    readonly value: number;
    readonly interval: readonly [number, number] | null;
    readonly unit: string;
  } | null;
  readonly power: PowerAtAllegedSizeInput | null;
  readonly unexplained: Message | null;
  /** Ids of the findings the answer rests on (method:target@region, as buildReport names them). */
  readonly findingIds: readonly string[];
  /** True when the answer tests a counter-claim (e.g. that the sheets were fabricated): its lead names that claim. */
  readonly counterClaim?: boolean;
}

/** The bottom line as the audit computes it. */
export interface BottomLineInput {
  readonly answers: readonly BottomLineAnswerInput[];
  readonly sensitivity: {
    readonly rows: readonly {
      readonly choice: Message;
      readonly setting: string;
      readonly values: Readonly<Record<string, number | null>>;
    }[];
    readonly spread: Readonly<Record<string, readonly [number, number]>>;
  } | null;
}
