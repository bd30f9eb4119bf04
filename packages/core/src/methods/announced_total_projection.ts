/**
 * The projection step of announced_total_consistency: where the missing stations are (a place on the region path,
 * as deep as it is known), which collected stations stand in for them (the deepest area with enough collected
 * stations: centre -> parish -> municipality -> state -> all), and S seeded draws of what they contain.
 */
import type { Rng } from '../rng.ts';
import type { StationTable } from '../station_table.ts';

/** Missing stations at one place: region labels from the widest level down, as deep as known ([] = anywhere). */
export interface MissingPlace {
  readonly path: readonly string[];
  /** How many stations are missing there (used when `registered` is not given). */
  readonly stations?: number;
  /** Registered voters of the missing stations there, when known. */
  readonly registered?: number;
}

/** The collected stations usable as donors, grouped by area at each depth of the region path. */
export interface DonorAreas {
  /** members[d]: area key (labels of levels 0..d-1) -> donor station indices; members[0] has the key "". */
  readonly members: readonly Map<string, number[]>[];
  readonly depth: number;
}

const SEP = '\u0000';

function keyOf(table: StationTable, i: number, depth: number): string {
  let k = '';
  for (let d = 0; d < depth; d++) k += (d > 0 ? SEP : '') + table.regions[d].labels[table.regions[d].codes[i]];
  return k;
}

/** Groups the stations with `usable[i] === 1` by area at every depth of the table's region path. */
export function buildDonorAreas(table: StationTable, usable: Uint8Array): DonorAreas {
  const depth = table.regions.length;
  const members: Map<string, number[]>[] = [];
  for (let d = 0; d <= depth; d++) members.push(new Map());
  for (let i = 0; i < table.n; i++) {
    if (usable[i] !== 1) continue;
    for (let d = 0; d <= depth; d++) {
      const k = keyOf(table, i, d);
      const list = members[d].get(k);
      if (list) list.push(i);
      else members[d].set(k, [i]);
    }
  }
  return { members, depth };
}

/** The donors of a place: the deepest area on its path with at least `minDonors` stations, and that depth. */
export function donorsFor(
  areas: DonorAreas,
  path: readonly string[],
  minDonors: number,
): { depth: number; donors: readonly number[] } {
  for (let d = Math.min(path.length, areas.depth); d >= 0; d--) {
    const list = areas.members[d].get(path.slice(0, d).join(SEP));
    if (list && list.length >= minDonors) return { depth: d, donors: list };
  }
  return { depth: 0, donors: areas.members[0].get('') ?? [] };
}

/** The path of labels of station i, widest first. */
export function pathOf(table: StationTable, i: number): string[] {
  return table.regions.map((r) => r.labels[r.codes[i]]);
}

/** Per-station counts the projection copies (registered already imputed where it was unknown). */
export interface DonorCounts {
  readonly registered: Float64Array;
  readonly ballots: Float64Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
}

/** A place resolved to its donors and to what is drawn there: a registered total, or a number of stations. */
export interface ResolvedPlace {
  readonly donors: readonly number[];
  readonly depth: number;
  readonly registered: number | null;
  readonly stations: number;
}

/** S draws of the missing stations' totals (favoured, rival, ballots, registered) under missing at random. */
export interface MissingDraws {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly ballots: Float64Array;
  readonly registered: Float64Array;
}

/**
 * Draws each place's missing stations as collected stations of its donor area, with replacement: until their
 * registered voters reach the place's registered total (the last one scaled to fit), or `stations` of them.
 */
export function drawMissing(places: readonly ResolvedPlace[], c: DonorCounts, sims: number, rng: Rng): MissingDraws {
  const out: MissingDraws = {
    a: new Float64Array(sims),
    b: new Float64Array(sims),
    ballots: new Float64Array(sims),
    registered: new Float64Array(sims),
  };
  for (let s = 0; s < sims; s++) {
    let A = 0;
    let B = 0;
    let T = 0;
    let R = 0;
    for (const p of places) {
      const m = p.donors.length;
      if (m === 0) continue;
      if (p.registered !== null) {
        let left = p.registered;
        while (left > 0) {
          const i = p.donors[rng.int(m)];
          const f = c.registered[i] <= left ? 1 : left / c.registered[i];
          A += f * c.a[i];
          B += f * c.b[i];
          T += f * c.ballots[i];
          R += f * c.registered[i];
          left -= c.registered[i];
        }
      } else {
        for (let k = 0; k < p.stations; k++) {
          const i = p.donors[rng.int(m)];
          A += c.a[i];
          B += c.b[i];
          T += c.ballots[i];
          R += c.registered[i];
        }
      }
    }
    out.a[s] = A;
    out.b[s] = B;
    out.ballots[s] = T;
    out.registered[s] = R;
  }
  return out;
}

/** The expected totals of the missing stations: each place at its donor area's pooled rates. */
export function expectedMissing(
  places: readonly ResolvedPlace[],
  c: DonorCounts,
): { a: number; b: number; ballots: number; registered: number } {
  let A = 0;
  let B = 0;
  let T = 0;
  let R = 0;
  for (const p of places) {
    let sa = 0;
    let sb = 0;
    let st = 0;
    let sr = 0;
    for (const i of p.donors) {
      sa += c.a[i];
      sb += c.b[i];
      st += c.ballots[i];
      sr += c.registered[i];
    }
    if (sr <= 0) continue;
    const reg = p.registered ?? (p.stations * sr) / p.donors.length;
    A += (reg * sa) / sr;
    B += (reg * sb) / sr;
    T += (reg * st) / sr;
    R += reg;
  }
  return { a: A, b: B, ballots: T, registered: R };
}
