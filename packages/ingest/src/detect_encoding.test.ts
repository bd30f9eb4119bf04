import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksUtf16, mixedUtf8, sniffText } from './detect.ts';

test('looksUtf16: byte-order marks either way, or ASCII text in UTF-16 without one; not UTF-8 or one stray NUL', () => {
  assert.equal(looksUtf16(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')])), true);
  assert.equal(looksUtf16(Buffer.from([0xfe, 0xff, 0x00, 0x61])), true);
  assert.equal(looksUtf16(Buffer.from('station,region\nS1,North\n', 'utf16le')), true);
  assert.equal(looksUtf16(Buffer.from('station,region\nS1,Potosí\n', 'utf8')), false);
  assert.equal(looksUtf16(Buffer.from('station,region\nS1,No\u0000rth\n', 'utf8')), false);
});

test('mixedUtf8: the first Latin-1 row and the first UTF-8 row, when a file has both', () => {
  const mixed = Buffer.concat([
    Buffer.from('id,name\n1,Potosí\n', 'utf8'),
    Buffer.from('2,Oruro\n3,Potosí\n', 'latin1'),
  ]);
  assert.deepEqual(mixedUtf8(mixed), { utf8Line: 2, otherLine: 4 });
  const latinFirst = Buffer.concat([Buffer.from('id,name\n1,Beni\n2,Potosí\n', 'latin1'), Buffer.from('3,Potosí\n')]);
  assert.deepEqual(mixedUtf8(latinFirst), { utf8Line: 4, otherLine: 3 });
  assert.equal(mixedUtf8(Buffer.from('id,name\n1,Potosí\n', 'latin1')), undefined, 'Latin-1 only');
  assert.equal(mixedUtf8(Buffer.from('id,name\n1,Potosí\n', 'utf8')), undefined, 'UTF-8 only');
  // A truncated sequence at the end is not UTF-8; with a control byte anywhere, the bytes are binary, not mixed text.
  assert.deepEqual(mixedUtf8(Buffer.concat([Buffer.from('í\n'), Buffer.from([0xc3])])), { utf8Line: 1, otherLine: 2 });
  assert.equal(mixedUtf8(Buffer.concat([Buffer.from('í\n\u0001'), Buffer.from([0xe9])])), undefined);
});

test('sniffText: the head holds the whole header even when it is longer than the sniffing window', () => {
  const names = Array.from({ length: 12_000 }, (_, i) => `column_${i}_${'x'.repeat(90)}`);
  const header = names.join(';');
  const text = `${header}\n${names.map((_, i) => i).join(';')}\n`;
  const sniff = sniffText(Buffer.from(text, 'utf8'));
  assert.ok(header.length > 2 ** 20);
  assert.ok(sniff.head.startsWith(`${header}\n`));
  assert.equal(sniff.delimiter, ';');
  assert.equal(sniff.encoding, 'utf-8');
  // Windows-1252 input: the bytes are transcoded to UTF-8, and the head decodes them.
  const latin = sniffText(Buffer.from('id,name\n1,Potosí\n', 'latin1'));
  assert.equal(latin.encoding, 'windows-1252');
  assert.equal(Buffer.from(latin.bytes).toString('utf8'), 'id,name\n1,Potosí\n');
  assert.equal(latin.head, 'id,name\n1,Potosí\n');
});
