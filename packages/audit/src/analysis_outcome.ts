/** What one analysis of the audit hands back: findings with their context, and the methods it could not run. */
import type { BottomLineAnswerInput, BottomLineInput, Message, ResultWithContext } from '@tally/report';

/** A method the audit could not run, with the reason (listed in the report's caveats and the terminal). */
export interface SkippedAnalysis {
  readonly method: string;
  readonly reason: string;
  /** The reason as a catalogue message, when it is one of the audit's own (not a message from core). */
  readonly message?: Message;
}

/** The findings of one analysis and what it skipped. */
export interface AnalysisOutcome {
  results: ResultWithContext[];
  skipped: SkippedAnalysis[];
  /** Bottom-line answers this analysis gives (issue #16), in the order the report shows them. */
  answers?: BottomLineAnswerInput[];
  /** The late-count sensitivity table, in the report's terms. */
  sensitivity?: BottomLineInput['sensitivity'];
}
