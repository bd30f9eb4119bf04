/**
 * Shared input step of the count-model methods (rozenas_spikes, finite_mixture): picks the
 * candidate (default: most votes nationally) and keeps stations whose registered, total and
 * candidate counts are non-negative integers with votes <= total <= registered and total >= 1.
 */
import type { MethodResult } from '../method.ts';
import { err, ok, type Result } from '../result.ts';
import type { StationTable } from '../station_table.ts';

/** The counts a count-model method reads, for the kept stations only. */
export interface StationCounts {
  readonly candidate: string;
  /** Index into the table of each kept station. */
  readonly index: Int32Array;
  readonly registered: Float64Array;
  /** The turnout numerator chosen by the method (ballots cast or the share denominator). */
  readonly total: Float64Array;
  readonly votes: Float64Array;
  readonly excluded: MethodResult['excluded'];
}

/** Index of the candidate with the most votes in the whole table (first on ties), or -1 if none. */
export function nationalLeader(table: StationTable): number {
  let best = -1;
  let bestVotes = -Infinity;
  table.candidates.forEach((c, k) => {
    let s = 0;
    for (let i = 0; i < c.votes.length; i++) if (Number.isFinite(c.votes[i])) s += c.votes[i];
    if (s > bestVotes) {
      best = k;
      bestVotes = s;
    }
  });
  return best;
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0;
}

/** Selects the candidate and the usable stations; `total` is the turnout numerator to use. */
export function selectStationCounts(
  table: StationTable,
  candidate: string | undefined,
  total: Float64Array,
): Result<StationCounts> {
  if (table.candidates.length === 0)
    return err({ kind: 'missing_column', column: 'candidates', message: 'the table has no candidate columns' });
  let c: number;
  if (candidate !== undefined && candidate !== '') {
    c = table.candidates.findIndex((x) => x.name === candidate);
    if (c < 0)
      return err({ kind: 'invalid_options', option: 'candidate', message: `no candidate column named "${candidate}"` });
  } else c = nationalLeader(table);
  const votes = table.candidates[c].votes;
  const reasons = { missing: 0, noBallots: 0, overRegistered: 0, overTotal: 0 };
  const keep = new Int32Array(table.n);
  let kept = 0;
  for (let i = 0; i < table.n; i++) {
    const N = table.registered[i];
    const t = total[i];
    const v = votes[i];
    if (!isCount(N) || !isCount(t) || !isCount(v)) reasons.missing++;
    else if (t < 1) reasons.noBallots++;
    else if (t > N) reasons.overRegistered++;
    else if (v > t) reasons.overTotal++;
    else keep[kept++] = i;
  }
  const index = keep.slice(0, kept);
  const pick = (a: Float64Array) => {
    const picked = new Float64Array(kept);
    for (let j = 0; j < kept; j++) picked[j] = a[index[j]];
    return picked;
  };
  const excluded: { reason: string; count: number }[] = [];
  if (reasons.missing > 0) excluded.push({ reason: 'missing or non-integer count', count: reasons.missing });
  if (reasons.noBallots > 0) excluded.push({ reason: 'no ballots in the denominator', count: reasons.noBallots });
  if (reasons.overRegistered > 0)
    excluded.push({ reason: 'more ballots than registered voters', count: reasons.overRegistered });
  if (reasons.overTotal > 0)
    excluded.push({ reason: 'candidate votes above the denominator', count: reasons.overTotal });
  return ok({
    candidate: table.candidates[c].name,
    index,
    registered: pick(table.registered),
    total: pick(total),
    votes: pick(votes),
    excluded,
  });
}
