/**
 * A StationTable that worker threads read without a copy of their own. Every typed array of the table lives on a
 * SharedArrayBuffer, which a message to a worker passes by reference, so the parent and all its workers read one copy
 * of the columns. The station ids are strings, which no memory can share: they travel as one string holding every id
 * one after another, with the end of each, and a worker cuts them apart only when a method first reads `ids` (most
 * methods never do). Nothing here changes a value: a method reads the same numbers and ids in any thread.
 */
import type { Arrival, RegionLevel, StationAttribute, StationTable } from './station_table.ts';

type Column = Float64Array | Int32Array | Uint8Array;

/** The array itself when it already lies on shared memory, else a copy that does. */
function onSharedMemory<T extends Column>(values: T): T {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const Ctor = values.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Ctor(new SharedArrayBuffer(values.byteLength));
  copy.set(values as ArrayLike<number> as never);
  return copy;
}

function shareOptional<T extends Column>(values: T | undefined): T | undefined {
  return values === undefined ? undefined : onSharedMemory(values);
}

function shareAttribute(a: StationAttribute): StationAttribute {
  if (a.kind === 'category') return { ...a, codes: onSharedMemory(a.codes) };
  if (a.kind === 'membership') return { ...a, values: onSharedMemory(a.values) };
  return { ...a, values: onSharedMemory(a.values) };
}

/**
 * The same table with every typed array on shared memory (copied once; arrays already there are kept). Ids, labels,
 * names and meta are the same objects. Use the result in place of the original, so that only one copy stays alive.
 */
export function shareStationTable(table: StationTable): StationTable {
  const regions: RegionLevel[] = table.regions.map((level) => ({ ...level, codes: onSharedMemory(level.codes) }));
  const arrival: Arrival | undefined =
    table.arrival === undefined ? undefined : { ...table.arrival, values: onSharedMemory(table.arrival.values) };
  return {
    ...table,
    regions,
    registered: onSharedMemory(table.registered),
    ballotsCast: onSharedMemory(table.ballotsCast),
    ballotsFound: onSharedMemory(table.ballotsFound),
    valid: onSharedMemory(table.valid),
    ...('blank' in table ? { blank: shareOptional(table.blank) } : {}),
    invalid: onSharedMemory(table.invalid),
    candidates: table.candidates.map((c) => ({ ...c, votes: onSharedMemory(c.votes) })),
    ...('arrival' in table ? { arrival } : {}),
    ...(table.attributes === undefined ? {} : { attributes: table.attributes.map(shareAttribute) }),
    ...('lat' in table ? { lat: shareOptional(table.lat) } : {}),
    ...('lon' in table ? { lon: shareOptional(table.lon) } : {}),
  };
}

/** A table as a worker receives it: the columns on shared memory, the ids packed into one string. */
export interface PackedStationTable {
  readonly packed: 'station_table';
  /** Every field of the table but `ids`. */
  readonly columns: Omit<StationTable, 'ids'>;
  /** The ids one after another. */
  readonly idText: string;
  /** Where each id ends in idText (id i starts where id i - 1 ends), on shared memory. */
  readonly idEnds: Int32Array;
}

/** A table for thread tasks: as it is (each worker gets a copy) or packed (one copy for all). */
export type TableForThreads = StationTable | PackedStationTable;

const packedOf = new WeakMap<StationTable, PackedStationTable>();

/** The table packed for workers (shareStationTable's columns; computed once per table). */
export function packStationTable(table: StationTable): PackedStationTable {
  let packed = packedOf.get(table);
  if (packed === undefined) {
    const { ids, ...rest } = shareStationTable(table);
    const idEnds = new Int32Array(new SharedArrayBuffer(ids.length * Int32Array.BYTES_PER_ELEMENT));
    let end = 0;
    for (let i = 0; i < ids.length; i++) {
      end += ids[i].length;
      idEnds[i] = end;
    }
    packed = { packed: 'station_table', columns: rest, idText: ids.join(''), idEnds };
    packedOf.set(table, packed);
  }
  return packed;
}

function unpackIds(packed: PackedStationTable): string[] {
  const { idText, idEnds } = packed;
  const ids = new Array<string>(idEnds.length);
  let start = 0;
  for (let i = 0; i < idEnds.length; i++) {
    ids[i] = idText.slice(start, idEnds[i]);
    start = idEnds[i];
  }
  return ids;
}

const unpackedOf = new WeakMap<PackedStationTable, StationTable>();

/** The StationTable of a table for thread tasks; a packed one cuts its ids apart on the first read of `ids`. */
export function tableFromThreads(table: TableForThreads): StationTable {
  if (!('packed' in table)) return table;
  let unpacked = unpackedOf.get(table);
  if (unpacked === undefined) {
    let ids: readonly string[] | undefined;
    unpacked = Object.defineProperty({ ...table.columns }, 'ids', {
      enumerable: true,
      get: () => {
        ids ??= unpackIds(table);
        return ids;
      },
    }) as StationTable;
    unpackedOf.set(table, unpacked);
  }
  return unpacked;
}
