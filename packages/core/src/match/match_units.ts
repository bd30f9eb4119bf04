/**
 * Matching units (stations, sites, recintos) across two elections: by a stable code, then by normalised
 * name within a region for units whose code changed. Station numbers are often not stable between
 * elections (Bolivia renumbers mesas), so matching is done on the unit a caller chooses.
 */

/** A one-to-one matching between the units of election A and election B. */
export interface UnitMatch {
  /** Index in A of each matched pair. */
  readonly a: Int32Array;
  /** Index in B of each matched pair (same length as `a`). */
  readonly b: Int32Array;
  /** How each pair was matched. */
  readonly how: readonly ('code' | 'name')[];
  readonly nA: number;
  readonly nB: number;
  /** Matched pairs / units of A. */
  readonly rateA: number;
  /** Matched pairs / units of B. */
  readonly rateB: number;
  /** Ids of A's units with no partner. */
  readonly unmatchedA: readonly string[];
  /** Ids of B's units with no partner. */
  readonly unmatchedB: readonly string[];
  /** Ids that occur more than once on a side (never matched by code). */
  readonly duplicateIds: readonly string[];
  /** Names that were ambiguous within their region on either side (never matched by name). */
  readonly ambiguousNames: readonly string[];
}

/** A unit's name and the region it must be matched within (e.g. the municipality). */
export interface NamedUnit {
  readonly region: string;
  readonly name: string;
}

/**
 * Normalises a place name for matching: strips accents, upper-cases, turns punctuation into spaces,
 * collapses whitespace; a dot between letters is dropped, so "U.E. Simón  Bolívar" and "UE SIMON-BOLIVAR"
 * both become "UE SIMON BOLIVAR".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/(\p{L})\.(?=\p{L})/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

function indexUnique(ids: readonly string[]): { index: Map<string, number>; dup: Set<string> } {
  const index = new Map<string, number>();
  const dup = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (index.has(ids[i])) dup.add(ids[i]);
    else index.set(ids[i], i);
  }
  for (const d of dup) index.delete(d);
  return { index, dup };
}

/**
 * Matches units by code: A's unit i and B's unit j match when `key(idA[i]) === key(idB[j])`.
 * `codeLength` truncates ids first (e.g. 16 to take the recinto part of an 18-digit mesa code).
 * Ids repeated on one side are never matched and are listed in `duplicateIds`.
 * When names are given, units left unmatched by code are then matched by `normaliseName` within the
 * same normalised region; a name repeated within a region on either side is not matched.
 */
export function matchUnits(
  idsA: readonly string[],
  idsB: readonly string[],
  options: { codeLength?: number; namesA?: readonly NamedUnit[]; namesB?: readonly NamedUnit[] } = {},
): UnitMatch {
  const key = (id: string): string => (options.codeLength ? id.slice(0, options.codeLength) : id);
  const keysA = idsA.map(key);
  const keysB = idsB.map(key);
  const ia = indexUnique(keysA);
  const ib = indexUnique(keysB);
  const pa: number[] = [];
  const pb: number[] = [];
  const how: ('code' | 'name')[] = [];
  const usedA = new Uint8Array(idsA.length);
  const usedB = new Uint8Array(idsB.length);
  for (let i = 0; i < keysA.length; i++) {
    const j = ib.index.get(keysA[i]);
    if (j !== undefined && ia.index.get(keysA[i]) === i) {
      pa.push(i);
      pb.push(j);
      how.push('code');
      usedA[i] = 1;
      usedB[j] = 1;
    }
  }
  const ambiguous = new Set<string>();
  if (options.namesA && options.namesB) {
    const nameKey = (u: NamedUnit): string => `${normaliseName(u.region)}\u0000${normaliseName(u.name)}`;
    const restA: string[] = [];
    const restAIdx: number[] = [];
    for (let i = 0; i < idsA.length; i++) {
      if (!usedA[i]) {
        restA.push(nameKey(options.namesA[i]));
        restAIdx.push(i);
      }
    }
    const restB: string[] = [];
    const restBIdx: number[] = [];
    for (let j = 0; j < idsB.length; j++) {
      if (!usedB[j]) {
        restB.push(nameKey(options.namesB[j]));
        restBIdx.push(j);
      }
    }
    const na = indexUnique(restA);
    const nb = indexUnique(restB);
    for (const d of [...na.dup, ...nb.dup]) ambiguous.add(d.replace('\u0000', ' / '));
    for (let k = 0; k < restA.length; k++) {
      const kb = nb.index.get(restA[k]);
      if (kb !== undefined && na.index.get(restA[k]) === k) {
        const i = restAIdx[k];
        const j = restBIdx[kb];
        pa.push(i);
        pb.push(j);
        how.push('name');
        usedA[i] = 1;
        usedB[j] = 1;
      }
    }
  }
  const unmatchedA: string[] = [];
  for (let i = 0; i < idsA.length; i++) if (!usedA[i]) unmatchedA.push(idsA[i]);
  const unmatchedB: string[] = [];
  for (let j = 0; j < idsB.length; j++) if (!usedB[j]) unmatchedB.push(idsB[j]);
  return {
    a: Int32Array.from(pa),
    b: Int32Array.from(pb),
    how,
    nA: idsA.length,
    nB: idsB.length,
    rateA: idsA.length > 0 ? pa.length / idsA.length : 0,
    rateB: idsB.length > 0 ? pb.length / idsB.length : 0,
    unmatchedA,
    unmatchedB,
    duplicateIds: [...new Set([...ia.dup, ...ib.dup])].sort(),
    ambiguousNames: [...ambiguous].sort(),
  };
}
