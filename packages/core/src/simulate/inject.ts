/**
 * Fraud injectors: each takes a simulated election and returns a new one with some stations
 * manipulated, recording exactly the stations whose counts changed in the ground truth.
 * Patterns follow the literature: ballot stuffing and vote switching (Klimek et al. 2012, PNAS 109:16469),
 * whole-percentage rounding (Kobak, Shpilkin & Pshenichnikov 2016, Ann. Appl. Stat. 10:54), fabricated
 * last digits (Beber & Scacco 2012, Political Analysis 20:211), late-count manipulation (the allegation
 * examined in Bolivia 2019), and extreme ~100 % turnout / ~100 % support stations.
 */
import { assert } from '../assert.ts';
import { err, ok, type Result } from '../result.ts';
import type { Rng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';
import { type InjectionKind, type InjectionRecord, injectionKinds, type SimulatedElection } from './ground_truth.ts';

/** What to inject: which kind, in what fraction of stations, how strongly, for whom. */
export interface InjectionSpec {
  readonly kind: InjectionKind;
  /** Fraction of stations manipulated (late_count: the latest fraction of stations by arrival). */
  readonly fraction: number;
  /**
   * Strength in [0, 1]: ballot_stuffing: share of non-voters turned into votes for the beneficiary;
   * vote_switching / late_count: share of each other candidate's votes moved to the beneficiary;
   * extreme: the turnout and beneficiary share forced on the station; ignored by rounding (turnout up to the
   * next whole percentage with ballots for the beneficiary, then its share to the nearest whole percentage
   * of the official denominator) and by fabricated_digits.
   */
  readonly intensity?: number;
  /** Beneficiary by candidate name; defaults to the simulated leader. */
  readonly candidate?: string;
}

/** Default intensity per kind. */
export const defaultIntensity: Readonly<Record<InjectionKind, number>> = {
  ballot_stuffing: 0.3,
  vote_switching: 0.2,
  rounding: 1,
  fabricated_digits: 1,
  late_count: 0.15,
  extreme: 0.99,
};

/**
 * Last-digit weights of fabricated counts: a stylised human bias (few 0s and 5s, many small digits),
 * in the spirit of the experimental findings reported by Beber & Scacco (2012).
 */
export const fabricatedDigitWeights: readonly number[] = [0.04, 0.15, 0.15, 0.13, 0.12, 0.05, 0.11, 0.1, 0.08, 0.07];

/** Parses "kind:fraction[:intensity]", e.g. "ballot_stuffing:0.05" or "late_count:0.1:0.2". */
export function parseInjectionSpec(text: string): Result<InjectionSpec> {
  const parts = text.split(':');
  const kind = parts[0] as InjectionKind;
  const bad = (message: string): Result<InjectionSpec> => err({ kind: 'invalid_options', option: 'inject', message });
  if (!injectionKinds.includes(kind))
    return bad(`unknown injection "${parts[0]}"; one of ${injectionKinds.join(', ')}`);
  if (parts.length < 2 || parts.length > 3) return bad(`expected KIND:FRACTION[:INTENSITY], got "${text}"`);
  const fraction = Number(parts[1]);
  const intensity = parts.length === 3 ? Number(parts[2]) : defaultIntensity[kind];
  const spec = { kind, fraction, intensity };
  const checked = checkInjectionSpec(spec);
  return checked.ok ? ok(spec) : checked;
}

/** Checks an injection spec's ranges. */
export function checkInjectionSpec(spec: InjectionSpec): Result<InjectionSpec> {
  if (!injectionKinds.includes(spec.kind))
    return err({ kind: 'invalid_options', option: 'inject', message: `unknown injection kind "${spec.kind}"` });
  if (!(spec.fraction >= 0 && spec.fraction <= 1))
    return err({
      kind: 'invalid_options',
      option: 'inject',
      message: `fraction must be in [0, 1], got ${spec.fraction}`,
    });
  const intensity = spec.intensity ?? defaultIntensity[spec.kind];
  if (!(intensity >= 0 && intensity <= 1))
    return err({ kind: 'invalid_options', option: 'inject', message: `intensity must be in [0, 1], got ${intensity}` });
  return ok(spec);
}

interface Work {
  cast: Float64Array;
  found: Float64Array;
  valid: Float64Array;
  invalid: Float64Array;
  votes: Float64Array[];
}

function pickRandom(n: number, m: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let k = 0; k < m; k++) {
    const j = k + rng.int(n - k);
    const t = idx[k];
    idx[k] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, m).sort();
}

function pickLate(table: StationTable, m: number): Int32Array {
  assert(table.arrival !== undefined, 'late_count injection needs an arrival column');
  const a = table.arrival.values;
  const order = Array.from({ length: table.n }, (_, i) => i).sort((x, y) => a[y] - a[x] || y - x);
  return Int32Array.from(order.slice(0, m)).sort();
}

/** Returns a new simulated election with `spec` applied; ground truth records every station it changed. */
export function injectFraud(election: SimulatedElection, spec: InjectionSpec, rng: Rng): SimulatedElection {
  const checked = checkInjectionSpec(spec);
  assert(checked.ok, checked.ok ? '' : checked.error.message);
  const { table, truth } = election;
  const n = table.n;
  const benName = spec.candidate ?? truth.leader;
  const ben = table.candidates.findIndex((c) => c.name === benName);
  assert(ben >= 0, `unknown beneficiary candidate ${benName}`);
  const intensity = spec.intensity ?? defaultIntensity[spec.kind];
  const m = Math.round(spec.fraction * n);
  const stations = spec.kind === 'late_count' ? pickLate(table, m) : pickRandom(n, m, rng);
  const w: Work = {
    cast: table.ballotsCast.slice(),
    found: table.ballotsFound.slice(),
    valid: table.valid.slice(),
    invalid: table.invalid.slice(),
    votes: table.candidates.map((c) => c.votes.slice()),
  };
  const den = table.shareOf === 'valid' ? w.valid : w.found;
  const fraudulent = truth.fraudulent.slice();
  const kind = truth.kind.slice();
  const addedVotes = truth.addedVotes.slice();
  const movedVotes = truth.movedVotes.slice();
  let changed = 0;
  for (let k = 0; k < stations.length; k++) {
    const i = stations[k];
    const before = snapshot(w, i);
    switch (spec.kind) {
      case 'ballot_stuffing':
        stuff(w, i, ben, Math.round(intensity * (table.registered[i] - w.cast[i])));
        break;
      case 'vote_switching':
      case 'late_count':
        switchVotes(w, i, ben, intensity);
        break;
      case 'rounding':
        roundTurnoutUp(w, i, ben, table.registered[i]);
        roundShare(w, i, ben, den);
        break;
      case 'fabricated_digits':
        fabricateDigits(w, i, table.registered[i], rng);
        break;
      case 'extreme':
        makeExtreme(w, i, ben, table.registered[i], intensity);
        break;
    }
    const after = snapshot(w, i);
    if (after.some((x, j) => x !== before[j])) {
      changed++;
      fraudulent[i] = 1;
      kind[i] = kind[i] === '' ? spec.kind : `${kind[i]}+${spec.kind}`;
      const added = w.cast[i] - before[0];
      addedVotes[i] += added;
      // Votes the beneficiary gained beyond the ballots added: moved from (or, if negative, to) others.
      if (spec.kind !== 'fabricated_digits') movedVotes[i] += w.votes[ben][i] - before[4 + ben] - Math.max(0, added);
    }
  }
  const record: InjectionRecord = {
    kind: spec.kind,
    fraction: spec.fraction,
    intensity,
    beneficiary: benName,
    stationsChanged: changed,
  };
  return {
    table: {
      ...table,
      ballotsCast: w.cast,
      ballotsFound: w.found,
      valid: w.valid,
      invalid: w.invalid,
      candidates: table.candidates.map((c, j) => ({ name: c.name, votes: w.votes[j] })),
    },
    truth: {
      ...truth,
      fraudulent,
      kind,
      addedVotes,
      movedVotes,
      injections: [...truth.injections, record],
    },
  };
}

function snapshot(w: Work, i: number): number[] {
  return [w.cast[i], w.found[i], w.valid[i], w.invalid[i], ...w.votes.map((v) => v[i])];
}

function stuff(w: Work, i: number, ben: number, added: number): void {
  if (added <= 0) return;
  w.cast[i] += added;
  w.found[i] += added;
  w.valid[i] += added;
  w.votes[ben][i] += added;
}

function switchVotes(w: Work, i: number, ben: number, intensity: number): void {
  for (let c = 0; c < w.votes.length; c++) {
    if (c === ben) continue;
    const moved = Math.round(intensity * w.votes[c][i]);
    w.votes[c][i] -= moved;
    w.votes[ben][i] += moved;
  }
}

/** Moves `delta` votes to (delta > 0) or from (delta < 0) the beneficiary, largest other candidates first. */
function shiftToBeneficiary(w: Work, i: number, ben: number, delta: number): void {
  const others = w.votes.map((_, c) => c).filter((c) => c !== ben);
  if (delta > 0) {
    others.sort((a, b) => w.votes[b][i] - w.votes[a][i] || a - b);
    let left = delta;
    for (const c of others) {
      const take = Math.min(left, w.votes[c][i]);
      w.votes[c][i] -= take;
      w.votes[ben][i] += take;
      left -= take;
      if (left === 0) break;
    }
  } else if (delta < 0 && others.length > 0) {
    const to = others.reduce((a, b) => (w.votes[b][i] > w.votes[a][i] ? b : a));
    w.votes[ben][i] += delta;
    w.votes[to][i] -= delta;
  }
}

/** Adds ballots for the beneficiary until turnout is the count nearest the next whole percentage. */
function roundTurnoutUp(w: Work, i: number, ben: number, registered: number): void {
  if (registered <= 0) return;
  const target = Math.round((registered * Math.ceil((100 * w.cast[i]) / registered - 1e-9)) / 100);
  stuff(w, i, ben, Math.min(registered, target) - w.cast[i]);
}

function roundShare(w: Work, i: number, ben: number, den: Float64Array): void {
  const d = den[i];
  if (d <= 0 || w.votes.length < 2) return;
  const percent = Math.round((100 * w.votes[ben][i]) / d);
  const target = Math.round((d * percent) / 100);
  shiftToBeneficiary(w, i, ben, target - w.votes[ben][i]);
}

function fabricatedDigit(rng: Rng): number {
  let u = rng.uniform();
  for (let k = 0; k < 9; k++) {
    u -= fabricatedDigitWeights[k];
    if (u < 0) return k;
  }
  return 9;
}

function fabricateDigits(w: Work, i: number, registered: number, rng: Rng): void {
  const C = w.votes.length;
  const fresh = new Float64Array(C);
  let total = w.invalid[i];
  for (let c = 0; c < C; c++) {
    const v = w.votes[c][i];
    fresh[c] = v - (v % 10) + fabricatedDigit(rng);
    total += fresh[c];
  }
  // The invented counts must still fit on the roll: take tens off the largest counts.
  while (total > registered) {
    let big = 0;
    for (let c = 1; c < C; c++) if (fresh[c] > fresh[big]) big = c;
    if (fresh[big] < 10) return; // too small a station to fabricate consistently; leave it clean
    fresh[big] -= 10;
    total -= 10;
  }
  let valid = 0;
  for (let c = 0; c < C; c++) {
    w.votes[c][i] = fresh[c];
    valid += fresh[c];
  }
  w.valid[i] = valid;
  w.found[i] = valid + w.invalid[i];
  w.cast[i] = w.found[i];
}

function makeExtreme(w: Work, i: number, ben: number, registered: number, level: number): void {
  const cast = Math.max(w.cast[i], Math.round(level * registered));
  stuff(w, i, ben, cast - w.cast[i]);
  const valid = w.valid[i];
  const target = Math.max(w.votes[ben][i], Math.round(level * valid));
  shiftToBeneficiary(w, i, ben, target - w.votes[ben][i]);
}
