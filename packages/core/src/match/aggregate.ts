/**
 * Aggregation of a station table to one of its region levels (e.g. mesas to recintos), so that two
 * elections can be compared on units that persist when station numbers do not.
 */
import { err, ok, type Result } from '../result.ts';
import { type RegionLevel, regionLevelIndex, type StationTable } from '../station_table.ts';

/**
 * Sums every count column over the stations of each label of region level `levelName` and returns a
 * StationTable with one station per unit (id = the unit's label, in first-seen order). Wider levels on
 * which every unit has a single label are kept; the unit level itself is kept last, with one label per
 * unit. Arrival is dropped (a unit has no single arrival); lat/lon are the first finite pair of the unit.
 */
export function aggregateByRegion(table: StationTable, levelName: string): Result<StationTable> {
  const li = regionLevelIndex(table, levelName);
  if (li < 0) {
    const have = table.regions.map((r) => r.name).join(', ') || 'none';
    return err({
      kind: 'missing_column',
      column: levelName,
      message: `region level "${levelName}" is not in the table (levels: ${have})`,
    });
  }
  if (table.n === 0) return err({ kind: 'insufficient_data', message: 'the table has no stations', needed: 1, got: 0 });
  const level = table.regions[li];
  // Map label index -> unit index in first-seen order (labels of a subset table may be unused).
  const unitOfLabel = new Int32Array(level.labels.length).fill(-1);
  const unitOf = new Int32Array(table.n);
  const firstStation: number[] = [];
  for (let i = 0; i < table.n; i++) {
    const code = level.codes[i];
    let u = unitOfLabel[code];
    if (u < 0) {
      u = firstStation.length;
      unitOfLabel[code] = u;
      firstStation.push(i);
    }
    unitOf[i] = u;
  }
  const m = firstStation.length;
  const add = (src: Float64Array): Float64Array => {
    const out = new Float64Array(m);
    for (let i = 0; i < table.n; i++) out[unitOf[i]] += src[i];
    return out;
  };
  const ids = firstStation.map((i) => level.labels[level.codes[i]]);

  const regions: RegionLevel[] = [];
  for (let l = 0; l < table.regions.length; l++) {
    if (l === li) continue;
    const other = table.regions[l];
    const codes = new Int32Array(m);
    for (let u = 0; u < m; u++) codes[u] = other.codes[firstStation[u]];
    let consistent = true;
    for (let i = 0; i < table.n && consistent; i++) consistent = other.codes[i] === codes[unitOf[i]];
    if (consistent) regions.push({ name: other.name, labels: other.labels, codes });
  }
  const unitCodes = new Int32Array(m);
  for (let u = 0; u < m; u++) unitCodes[u] = u;
  regions.push({ name: level.name, labels: ids, codes: unitCodes });

  let lat: Float64Array | undefined;
  let lon: Float64Array | undefined;
  if (table.lat && table.lon) {
    const srcLat = table.lat;
    const srcLon = table.lon;
    lat = new Float64Array(m).fill(Number.NaN);
    lon = new Float64Array(m).fill(Number.NaN);
    for (let i = 0; i < table.n; i++) {
      const u = unitOf[i];
      if (Number.isNaN(lat[u]) && Number.isFinite(srcLat[i]) && Number.isFinite(srcLon[i])) {
        lat[u] = srcLat[i];
        lon[u] = srcLon[i];
      }
    }
  }
  return ok({
    n: m,
    ids,
    regions,
    registered: add(table.registered),
    ballotsCast: add(table.ballotsCast),
    ballotsFound: add(table.ballotsFound),
    valid: add(table.valid),
    blank: table.blank ? add(table.blank) : undefined,
    invalid: add(table.invalid),
    candidates: table.candidates.map((c) => ({ name: c.name, votes: add(c.votes) })),
    shareOf: table.shareOf,
    lat,
    lon,
    meta: { ...table.meta, name: `${table.meta.name} (by ${level.name})` },
  });
}

/**
 * For each unit of `levelName`, the share of its stations (or of `weights`, when given) that are flagged.
 * Returns the unit labels in first-seen order, matching `aggregateByRegion`'s ids.
 */
export function flaggedShareByRegion(
  table: StationTable,
  levelName: string,
  flagged: Uint8Array,
  weights?: Float64Array,
): Result<{ ids: string[]; share: Float64Array }> {
  const li = regionLevelIndex(table, levelName);
  if (li < 0) {
    return err({
      kind: 'missing_column',
      column: levelName,
      message: `region level "${levelName}" is not in the table`,
    });
  }
  const level = table.regions[li];
  const unitOfLabel = new Int32Array(level.labels.length).fill(-1);
  const ids: string[] = [];
  const num: number[] = [];
  const den: number[] = [];
  for (let i = 0; i < table.n; i++) {
    const code = level.codes[i];
    let u = unitOfLabel[code];
    if (u < 0) {
      u = ids.length;
      unitOfLabel[code] = u;
      ids.push(level.labels[code]);
      num.push(0);
      den.push(0);
    }
    const w = weights ? weights[i] : 1;
    den[u] += w;
    if (flagged[i]) num[u] += w;
  }
  const share = new Float64Array(ids.length);
  for (let u = 0; u < ids.length; u++) share[u] = den[u] > 0 ? num[u] / den[u] : 0;
  return ok({ ids, share });
}
