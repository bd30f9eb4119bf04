/** The shape of a merged batch's index.json (merge.ts writes it, index_html.ts renders it). */
import type { LocalisedText, ReportSummary, Verdict } from '@tally/report';
import type { JobStatus } from './batch_records.ts';

/** A question of an audit's bottom line, answered. */
export interface IndexAnswer {
  readonly id: string;
  readonly question: LocalisedText;
  readonly verdict: Verdict;
  readonly answer: LocalisedText;
}

/** Counts over a `run` job's results (statistics only; `tally run` draws no verdict). */
export interface RunCounts {
  readonly results: number;
  readonly tests: number;
  /** Results whose Benjamini-Hochberg adjusted p-value is below 0.05. */
  readonly adjustedBelow005: number;
}

/** One job of index.json. */
export interface IndexEntry {
  readonly id: string;
  readonly kind: 'audit' | 'run';
  readonly source: string;
  readonly status: 'ok' | 'failed';
  readonly exitCode: number;
  readonly error: JobStatus['error'];
  /** Paths relative to the merged folder. */
  readonly files: readonly string[];
  /** An audit's report summary, or null. */
  readonly summary: ReportSummary | null;
  /** An audit's bottom line (empty when its allegation implies no question, or for a run). */
  readonly bottomLine: readonly IndexAnswer[];
  readonly run: RunCounts | null;
}

/** index.json. */
export interface BatchIndex {
  readonly schema: 'tally.batch-index/1';
  readonly version: string;
  readonly batchSha256: string;
  readonly seed: number;
  readonly jobs: readonly IndexEntry[];
  readonly counts: { readonly ok: number; readonly failed: number };
}
