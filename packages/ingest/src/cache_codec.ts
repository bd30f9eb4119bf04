/**
 * The byte format of one ingest cache entry: a JSON tree in which every typed array is replaced by a reference to a
 * block of raw bytes that follows it, and a SHA-256 over everything, so that a truncated, damaged or foreign file is
 * refused instead of read. Layout (little-endian):
 *
 *   magic "TALLYC\x00\x01" (8) | SHA-256 of the rest (32) | header length (4) | 0 (4) | header JSON | 0-7 bytes of
 *   padding | blocks, each starting on an 8-byte boundary
 *
 * Decisions: docs/decisions/0008-ingest-cache.md.
 */
import { createHash } from 'node:crypto';

const MAGIC = Buffer.from('TALLYC\u0000\u0001', 'latin1');
const PREFIX = MAGIC.length + 32 + 8;
/** Marker keys of the tree: a plain object with one key starting with NUL is never user data (refused on encode). */
const TYPED = '\u0000t';
const UNDEF = '\u0000u';
const NUM = '\u0000n';

const CONSTRUCTORS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof CONSTRUCTORS;
type Typed = InstanceType<(typeof CONSTRUCTORS)[TypedName]>;

interface BlockRef {
  type: TypedName;
  offset: number;
  length: number;
}

interface Header {
  key: string;
  tree: unknown;
  blocks: BlockRef[];
  total: number;
}

/** Thrown by encode for a value the format cannot hold exactly (the caller then skips caching). */
export class NotCacheable extends Error {}

/** The entry's bytes for `value` under `key`. Typed arrays that are the same object stay one object when decoded. */
export function encodeEntry(key: string, value: unknown): Buffer {
  const arrays: Typed[] = [];
  const seen = new Map<Typed, number>();
  const tree = toTree(value, (a) => {
    let index = seen.get(a);
    if (index === undefined) {
      index = arrays.length;
      arrays.push(a);
      seen.set(a, index);
    }
    return index;
  });
  // Offsets are relative to the first block; the header's own length does not depend on them.
  const blocks: BlockRef[] = [];
  let offset = 0;
  for (const a of arrays) {
    blocks.push({ type: typedName(a), offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ key, tree, blocks, total: offset } satisfies Header), 'utf8');
  const bodyStart = align8(PREFIX + header.length);
  const out = Buffer.alloc(bodyStart + offset);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(header.length, MAGIC.length + 32);
  header.copy(out, PREFIX);
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), bodyStart + blocks[i].offset);
  }
  createHash('sha256')
    .update(out.subarray(MAGIC.length + 32))
    .digest()
    .copy(out, MAGIC.length);
  return out;
}

/**
 * The value stored in `bytes`, or a reason it cannot be used: wrong magic (another format or version), a checksum
 * that does not match (damaged or truncated), lengths that do not add up, or a different key (stale or misplaced).
 */
export function decodeEntry(bytes: Buffer, key: string): { ok: true; value: unknown } | { ok: false; why: string } {
  if (bytes.length < PREFIX || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, why: 'format' };
  const sum = createHash('sha256')
    .update(bytes.subarray(MAGIC.length + 32))
    .digest();
  if (!sum.equals(bytes.subarray(MAGIC.length, MAGIC.length + 32))) return { ok: false, why: 'checksum' };
  const headerLength = bytes.readUInt32LE(MAGIC.length + 32);
  if (PREFIX + headerLength > bytes.length) return { ok: false, why: 'length' };
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', PREFIX, PREFIX + headerLength)) as Header;
  } catch {
    return { ok: false, why: 'header' };
  }
  if (header.key !== key) return { ok: false, why: 'key' };
  const bodyStart = align8(PREFIX + headerLength);
  if (bodyStart + header.total !== bytes.length) return { ok: false, why: 'length' };
  const arrays: Typed[] = [];
  for (const b of header.blocks) {
    const Ctor = CONSTRUCTORS[b.type];
    if (Ctor === undefined || b.offset + b.length * Ctor.BYTES_PER_ELEMENT > header.total) {
      return { ok: false, why: 'block' };
    }
    // A copy, not a view: each array owns its buffer, as a freshly loaded one does (workers may transfer it).
    const start = bodyStart + b.offset;
    const copy = new Ctor(b.length);
    new Uint8Array(copy.buffer).set(bytes.subarray(start, start + copy.byteLength));
    arrays.push(copy);
  }
  return { ok: true, value: fromTree(header.tree, arrays) };
}

function toTree(value: unknown, ref: (a: Typed) => number): unknown {
  if (value === undefined) return { [UNDEF]: 1 };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    return Number.isFinite(value) && !Object.is(value, -0)
      ? value
      : { [NUM]: Object.is(value, -0) ? '-0' : String(value) };
  }
  if (ArrayBuffer.isView(value)) {
    typedName(value as Typed);
    return { [TYPED]: ref(value as Typed) };
  }
  if (Array.isArray(value)) {
    // Ids, lines and text attributes are long arrays of plain values, which the tree holds as they are.
    return value.every(isPlainLeaf) ? value : value.map((v) => toTree(v, ref));
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('\u0000')) throw new NotCacheable(`a key starting with NUL: ${JSON.stringify(k)}`);
      out[k] = toTree(v, ref);
    }
    return out;
  }
  throw new NotCacheable(`a value of type ${typeof value} (${Object.prototype.toString.call(value)})`);
}

function fromTree(tree: unknown, arrays: Typed[]): unknown {
  if (tree === null || typeof tree !== 'object') return tree;
  if (Array.isArray(tree)) {
    return tree.every((v) => v === null || typeof v !== 'object') ? tree : tree.map((v) => fromTree(v, arrays));
  }
  const entries = Object.entries(tree);
  if (entries.length === 1 && entries[0][0].startsWith('\u0000')) {
    const [k, v] = entries[0];
    if (k === UNDEF) return undefined;
    if (k === NUM) return v === '-0' ? -0 : Number(v);
    if (k === TYPED) return arrays[v as number];
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = fromTree(v, arrays);
  return out;
}

/** A value that is its own tree: text, a boolean, null, or a finite number other than -0. */
function isPlainLeaf(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}

function typedName(a: Typed): TypedName {
  const name = a.constructor.name as TypedName;
  if (CONSTRUCTORS[name] !== a.constructor) throw new NotCacheable(`an array of type ${a.constructor.name}`);
  return name;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
