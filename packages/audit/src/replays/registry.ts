/**
 * The replays the audit can run, by id (the ids an allegation may name are REPLAY_IDS in @tally/ingest; a test
 * checks both lists agree). A replay that is listed but not yet computed here is reported as not run.
 */
import type { ReplayId } from '@tally/ingest';
import type { ReplayInput } from '@tally/report';
import type { ReplayContext } from './context.ts';
import { ikrAdjustedBreak } from './ikr_adjusted_break.ts';
import { oasTrendBreak } from './oas_trend_break.ts';
import { persistence2020 } from './persistence_2020.ts';

export type ReplayFunction = (context: ReplayContext) => ReplayInput;

export const replayRegistry: Partial<Record<ReplayId, ReplayFunction>> = {
  oas_trend_break: oasTrendBreak,
  ikr_adjusted_break: ikrAdjustedBreak,
  persistence_2020: persistence2020,
};
