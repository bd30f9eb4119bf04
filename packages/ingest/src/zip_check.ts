/**
 * Integrity check of a zip container (.xlsx) before exceljs streams it. exceljs's streaming reader can stall forever
 * on a corrupt deflate stream (no error, no end: the process just runs out of work and exits 0), so every entry is
 * inflated once here and its length and CRC-32 compared with the central directory.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** Names the first problem in the zip's structure or data, or undefined when every entry checks out. */
export function zipProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'the zip directory is missing (truncated file?)';
  const entries = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (entries === 0xffff || at === 0xffffffff) return undefined; // zip64: left to exceljs
  for (let k = 0; k < entries; k++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return 'the zip directory is damaged';
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) continue;
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) return `zip entry ${name}: header damaged`;
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length) return `zip entry ${name}: data cut short`;
    const data = bytes.subarray(start, start + compressed);
    let content: Uint8Array;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
      } catch {
        return `zip entry ${name}: compressed data damaged`;
      }
    } else return `zip entry ${name}: unsupported compression method ${method}`;
    if (content.length !== size || crc32(content) !== crc) return `zip entry ${name}: checksum mismatch`;
  }
  return undefined;
}
