/** The ingest cache's entry format: exact round trips, and every kind of damage refused rather than read. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntry, encodeEntry, NotCacheable } from './cache_codec.ts';

const shared = new Float64Array([1, 2.5, -3]);
const VALUE = {
  n: 3,
  ids: ['a', 'Путин В.В.', 'lone \ud800 surrogate', 'MAS - IPSP', 'tab\tnew\nline'],
  shared,
  again: shared,
  codes: new Int32Array([0, 1, -1]),
  members: new Uint8Array([1, 0, 1, 1, 0]),
  missing: undefined,
  special: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1e-310, Number.MAX_VALUE],
  nested: { list: [{ level: 'warning', row: 4, column: undefined }], flag: true, none: null },
};

test('a value with typed arrays, undefined, NaN, -0 and unicode comes back exactly, shared arrays still shared', () => {
  const decoded = decodeEntry(encodeEntry('k1', VALUE), 'k1');
  assert.ok(decoded.ok);
  const value = decoded.value as typeof VALUE;
  assert.deepStrictEqual(value, VALUE);
  assert.ok(Object.is(value.special[3], -0));
  assert.ok('missing' in value && value.missing === undefined);
  assert.equal(value.shared, value.again, 'one array referenced twice is one array after decoding');
  assert.ok(value.codes instanceof Int32Array && value.members instanceof Uint8Array);
  assert.equal(value.shared.buffer.byteLength, value.shared.byteLength, 'each array owns its own buffer');
});

test('an array view into a larger buffer stores only its own elements', () => {
  const big = new Float64Array([9, 8, 7, 6, 5]);
  const view = big.subarray(1, 3);
  const decoded = decodeEntry(encodeEntry('k', { view }), 'k');
  assert.ok(decoded.ok);
  assert.deepStrictEqual((decoded.value as { view: Float64Array }).view, new Float64Array([8, 7]));
});

test('values the format cannot hold exactly are refused at encoding', () => {
  assert.throws(() => encodeEntry('k', { m: new Map() }), NotCacheable);
  assert.throws(() => encodeEntry('k', { d: new Date(0) }), NotCacheable);
  assert.throws(() => encodeEntry('k', { big: 1n }), NotCacheable);
  assert.throws(() => encodeEntry('k', { '\u0000t': 0 }), NotCacheable);
  assert.throws(() => encodeEntry('k', { a: new BigInt64Array(1) }), NotCacheable);
});

test('every single flipped byte, every truncation and any trailing byte is refused', () => {
  const bytes = encodeEntry('key', VALUE);
  for (let i = 0; i < bytes.length; i++) {
    const damaged = Buffer.from(bytes);
    damaged[i] ^= 0x01;
    assert.equal(decodeEntry(damaged, 'key').ok, false, `flip at byte ${i}`);
  }
  for (let length = 0; length < bytes.length; length++) {
    assert.equal(decodeEntry(bytes.subarray(0, length), 'key').ok, false, `truncated to ${length}`);
  }
  assert.equal(decodeEntry(Buffer.concat([bytes, Buffer.from([0])]), 'key').ok, false);
});

test('an intact entry under another key (stale version, other input) is refused', () => {
  const decoded = decodeEntry(encodeEntry('old-version-key', VALUE), 'new-version-key');
  assert.deepStrictEqual(decoded, { ok: false, why: 'key' });
});

test('a file of another format or version is refused by its magic', () => {
  const bytes = encodeEntry('k', VALUE);
  bytes[7] = 2;
  assert.deepStrictEqual(decodeEntry(bytes, 'k'), { ok: false, why: 'format' });
  assert.deepStrictEqual(decodeEntry(Buffer.from('not a cache entry at all, just text'), 'k'), {
    ok: false,
    why: 'format',
  });
});
