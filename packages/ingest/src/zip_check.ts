/**
 * Integrity check of a zip container (.xlsx) before exceljs streams it. exceljs's streaming reader can stall forever
 * on a corrupt deflate stream (no error, no end: the process just runs out of work and exits 0), so every entry is
 * inflated once here and its length and CRC-32 compared with the central directory.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/**
 * Most bytes an .xlsx may inflate to, all entries together. exceljs holds about twice the sheet's XML in memory, so
 * this keeps a deflate bomb (1.5 MB that inflates to 1.5 GB) under 1 GB of memory; a 100,000-row election sheet
 * inflates to tens of MiB.
 */
export const MAX_XLSX_INFLATED_BYTES = 256 * 2 ** 20;

/** Worksheets named in a zip's directory (xl/worksheets/*.xml). */
export function worksheetEntries(bytes: Uint8Array): string[] {
  return centralEntries(bytes).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
}

function centralEntries(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const names: string[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let k = 0; k < view.getUint16(eocd + 10, true); k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return names;
}

/** A problem with an .xlsx container: too large (a limit) or unreadable (damage). */
export interface ZipProblem {
  rule: 'xlsx_too_large' | 'unreadable_xlsx';
  message: string;
}

/** Names the first problem in the zip's structure or data, or undefined when every entry checks out. */
export function zipProblem(bytes: Uint8Array): ZipProblem | undefined {
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
  if (eocd < 0) return damaged('the zip directory is missing (truncated file?)');
  const entries = u16(eocd + 10);
  let at = u32(eocd + 16);
  // Zip64 is for archives over 4 GiB or 65,535 entries: far beyond any election workbook, and beyond the limit.
  if (entries === 0xffff || at === 0xffffffff || hasZip64Locator(bytes, view, eocd)) {
    return {
      rule: 'xlsx_too_large',
      message: `a Zip64 archive (made for more than 4 GiB); an election workbook inflates to less than ${MAX_XLSX_INFLATED_BYTES / 2 ** 20} MiB`,
    };
  }
  let declared = 0;
  for (let k = 0, p = at; k < entries; k++) {
    if (p + 46 > bytes.length || u32(p) !== 0x02014b50) break;
    declared += u32(p + 24);
    p += 46 + u16(p + 28) + u16(p + 30) + u16(p + 32);
  }
  if (declared > MAX_XLSX_INFLATED_BYTES) {
    return {
      rule: 'xlsx_too_large',
      message: `it inflates to ${declared} bytes, more than the limit of ${MAX_XLSX_INFLATED_BYTES / 2 ** 20} MiB`,
    };
  }
  const directoryStart = at;
  // Bytes of local entries the directory accounts for: exceljs reads the local entries in sequence, so an entry
  // hidden between them (not in the directory, hence not checked here) could be a bomb it would inflate.
  let covered = 0;
  let descriptorAllowance = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return damaged('the zip directory is damaged');
    if ((u16(at + 8) & 0x08) !== 0) descriptorAllowance += 16;
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      return { rule: 'xlsx_too_large', message: `zip entry ${name}: Zip64 sizes (made for more than 4 GiB)` };
    }
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) return damaged(`zip entry ${name}: header damaged`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length) return damaged(`zip entry ${name}: data cut short`);
    covered += start + compressed - local;
    const data = bytes.subarray(start, start + compressed);
    let content: Uint8Array;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
      } catch {
        return damaged(`zip entry ${name}: compressed data damaged`);
      }
    } else return damaged(`zip entry ${name}: unsupported compression method ${method}`);
    if (content.length !== size || crc32(content) !== crc) return damaged(`zip entry ${name}: checksum mismatch`);
  }
  if (directoryStart - covered > descriptorAllowance) {
    return damaged(
      `${directoryStart - covered - descriptorAllowance} bytes before the zip directory belong to no entry`,
    );
  }
  return undefined;
}

/** True when a Zip64 end-of-directory locator sits just before the end-of-directory record. */
function hasZip64Locator(bytes: Uint8Array, view: DataView, eocd: number): boolean {
  return eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50 && bytes.length > 0;
}

function damaged(message: string): ZipProblem {
  return { rule: 'unreadable_xlsx', message };
}
