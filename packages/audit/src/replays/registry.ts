/**
 * The replays the audit can run, by id (the ids an allegation may name are REPLAY_IDS in @tally/ingest; a test
 * checks both lists agree). A replay that is listed but not yet computed here is reported as not run.
 */
import type { ReplayId } from '@tally/ingest';
import type { ReplayInput } from '@tally/report';
import { MissingInput, type ReplayContext } from './context.ts';
import { ikrAdjustedBreak } from './ikr_adjusted_break.ts';
import { oasTrendBreak } from './oas_trend_break.ts';
import { persistence2020 } from './persistence_2020.ts';
import { PROJECTION_DID_REPLAYS, type ProjectionDidReplay } from './projection_did_replays.ts';

export type ReplayFunction = (context: ReplayContext) => ReplayInput;

/** A replay written over one table (the projections and the difference in differences), run on the timed table. */
function onTimedTable(replay: ProjectionDidReplay): ReplayFunction {
  return (context) => {
    const result = replay.run({ table: context.timed.table, file: context.timed.source, seed: context.seed });
    // Its refusals (a column or list it needs is missing, an earlier election does not join) name the file and
    // column; the audit lists them with the replays it could not run.
    if (!result.ok) throw new MissingInput(result.error.message);
    return result.value;
  };
}

export const replayRegistry: Partial<Record<ReplayId, ReplayFunction>> = {
  oas_trend_break: oasTrendBreak,
  ikr_adjusted_break: ikrAdjustedBreak,
  persistence_2020: persistence2020,
  ...Object.fromEntries(PROJECTION_DID_REPLAYS.map((replay) => [replay.id, onTimedTable(replay)])),
};
