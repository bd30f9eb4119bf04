/**
 * What the battery looks at: turnout, and the share of each chosen candidate. A target carries the
 * per-station count its digit tests read and the per-station proportion its shape tests read.
 */
import { err, ok, type Result } from '../result.ts';
import { type StationTable, shareDenominator } from '../station_table.ts';

/** One analysed variable: turnout or a candidate. */
export interface Target {
  /** "turnout", or the candidate's source name. */
  readonly name: string;
  readonly kind: 'turnout' | 'candidate';
  /** Per-station count for digit tests: ballots cast (turnout) or the candidate's votes. */
  readonly count: Float64Array;
  /** Per-station proportion: turnout = ballotsCast / registered, or share = votes / official denominator. NaN where the denominator is not positive. */
  readonly proportion: Float64Array;
  /** The candidate's national share of the official denominator (NaN for turnout). */
  readonly nationalShare: number;
}

/** Options of target selection. */
export interface TargetOptions {
  /** Candidates to analyse by exact source name; default: every candidate with >= minShare of the national vote. */
  readonly candidates?: readonly string[];
  /** Minimum national share for the default selection (default 0.05). */
  readonly minShare?: number;
  /** Include the turnout target (default true). */
  readonly turnout?: boolean;
}

/** Per-station turnout, ballotsCast / registered; NaN where registered is not positive. */
export function turnoutColumn(table: StationTable): Float64Array {
  const out = new Float64Array(table.n);
  for (let i = 0; i < table.n; i++) {
    const r = table.registered[i];
    out[i] = r > 0 ? table.ballotsCast[i] / r : Number.NaN;
  }
  return out;
}

/** National share of every candidate, in table order (sum of votes / sum of the official denominator). */
export function nationalShares(table: StationTable): Float64Array {
  const den = shareDenominator(table);
  let total = 0;
  for (let i = 0; i < table.n; i++) if (Number.isFinite(den[i])) total += den[i];
  const out = new Float64Array(table.candidates.length);
  table.candidates.forEach((c, j) => {
    let s = 0;
    for (let i = 0; i < table.n; i++) if (Number.isFinite(c.votes[i])) s += c.votes[i];
    out[j] = total > 0 ? s / total : Number.NaN;
  });
  return out;
}

/** Builds the targets: turnout plus the chosen candidates (default: national share >= 5%). */
export function selectTargets(table: StationTable, options: TargetOptions = {}): Result<Target[]> {
  const minShare = options.minShare ?? 0.05;
  if (!(minShare >= 0 && minShare <= 1)) {
    return err({ kind: 'invalid_options', message: `minShare must be in [0, 1], got ${minShare}`, option: 'minShare' });
  }
  const shares = nationalShares(table);
  const targets: Target[] = [];
  if (options.turnout ?? true) {
    targets.push({
      name: 'turnout',
      kind: 'turnout',
      count: table.ballotsCast,
      proportion: turnoutColumn(table),
      nationalShare: Number.NaN,
    });
  }
  let chosen: number[];
  if (options.candidates && options.candidates.length > 0) {
    chosen = [];
    for (const name of options.candidates) {
      const j = table.candidates.findIndex((c) => c.name === name);
      if (j < 0) {
        const known = table.candidates.map((c) => c.name).join(', ');
        return err({
          kind: 'invalid_options',
          message: `unknown candidate "${name}"; known: ${known}`,
          option: 'candidates',
        });
      }
      if (!chosen.includes(j)) chosen.push(j);
    }
  } else {
    chosen = [];
    for (let j = 0; j < shares.length; j++) if (shares[j] >= minShare) chosen.push(j);
  }
  const den = shareDenominator(table);
  for (const j of chosen) {
    const votes = table.candidates[j].votes;
    const proportion = new Float64Array(table.n);
    for (let i = 0; i < table.n; i++) proportion[i] = den[i] > 0 ? votes[i] / den[i] : Number.NaN;
    targets.push({
      name: table.candidates[j].name,
      kind: 'candidate',
      count: votes,
      proportion,
      nationalShare: shares[j],
    });
  }
  if (targets.length === 0) {
    return err({ kind: 'insufficient_data', message: 'no target: turnout is off and no candidate was chosen' });
  }
  return ok(targets);
}
