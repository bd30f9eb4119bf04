/** Runs the replays a `replays` analysis asks for; a replay whose inputs are missing is reported as not run. */
import type { AnalysisSpec, ResolvedAllegation } from '@tally/ingest';
import type { ReplayInput } from '@tally/report';
import type { SkippedAnalysis } from '../analysis_outcome.ts';
import { MissingInput, replayContext } from './context.ts';
import { replayRegistry } from './registry.ts';

export function runReplays(
  resolved: ResolvedAllegation,
  spec: Extract<AnalysisSpec, { method: 'replays' }>,
  seed: number,
): { replays: ReplayInput[]; skipped: SkippedAnalysis[] } {
  const context = replayContext(resolved, spec, seed);
  if (!context.ok) return { replays: [], skipped: [{ method: 'replays', reason: context.error.message }] };
  const replays: ReplayInput[] = [];
  const skipped: SkippedAnalysis[] = [];
  for (const id of spec.ids) {
    const run = replayRegistry[id];
    if (!run) {
      skipped.push({ method: id, reason: 'this replay is not computed in this build yet' });
      continue;
    }
    try {
      replays.push(run(context.value));
    } catch (e) {
      if (!(e instanceof MissingInput)) throw e;
      skipped.push({ method: id, reason: e.message });
    }
  }
  return { replays, skipped };
}
