/** Sniffing what a file is before DuckDB reads it: format, compression, encoding, delimiter, decimal comma. */
import { Buffer, isUtf8 } from 'node:buffer';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';

/** Container formats ingest understands. */
export type FileFormat = 'csv' | 'parquet' | 'json' | 'xlsx';

/** What sniffing found out about a delimited text file. */
export interface TextSniff {
  format: 'csv';
  gzip: boolean;
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  delimiter: string;
  decimalComma: boolean;
  /**
   * The content as UTF-8 bytes: decompressed, and transcoded when the file was not UTF-8. Line structure is read from
   * these bytes (quotes, delimiters and line breaks are ASCII, and no byte of a multi-byte UTF-8 sequence is), so a
   * valid UTF-8 file is never decoded whole.
   */
  bytes: Uint8Array;
  /** The decoded text of the first lines (at least the header and up to 20 non-empty lines), for sniffing. */
  head: string;
  /** UTF-16 text (a UTF-16 byte-order mark, or NUL in every other byte of the start): not read, it would be garbage. */
  utf16: boolean;
  /** For text that is not valid UTF-8 but also holds valid multi-byte UTF-8: the first line of each kind (1-based). */
  mixedEncoding?: { utf8Line: number; otherLine: number };
}

/** Result of sniffing any supported file. */
export type Sniff = TextSniff | { format: 'parquet' | 'json' | 'xlsx'; gzip: false };

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

/** Largest delimited text read (decompressed): V8 cannot hold a longer string, and a gzip bomb stops here. */
export const MAX_TEXT_BYTES = 512 * 2 ** 20;

/** Decides the format from the magic bytes, then from the file name. */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  const lower = fileName.toLowerCase();
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) {
    return 'parquet';
  }
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.json') || lower.endsWith('.json.gz') || lower.endsWith('.ndjson')) return 'json';
  return 'csv';
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Bytes of text decoded for sniffing: enough for the header and the first lines of any election table. */
const HEAD_BYTES = 1 << 20;

/** Decompresses (if gzip) a delimited text file, checks its encoding, and finds its delimiter. */
export function sniffText(bytes: Uint8Array): TextSniff {
  const gzip = isGzip(bytes);
  return sniffDecompressed(checkTextSize(gzip ? gunzipSync(bytes, { maxOutputLength: MAX_TEXT_BYTES }) : bytes), gzip);
}

const gunzipAsync = promisify(gunzip);

/**
 * sniffText with the decompression done in zlib's thread pool, so that the main thread meanwhile works on other files.
 * Throws as sniffText does (a RangeError for text over the limit, zlib's error for a damaged stream).
 */
export async function sniffTextAsync(bytes: Uint8Array): Promise<TextSniff> {
  const gzip = isGzip(bytes);
  // Output in 1 MiB pieces: each piece is a callback on the main thread, and the default 16 KiB cost more there than
  // decompressing in place.
  const raw: Uint8Array = gzip
    ? await gunzipAsync(bytes, { maxOutputLength: MAX_TEXT_BYTES, chunkSize: 2 ** 20 })
    : bytes;
  return sniffDecompressed(checkTextSize(raw), gzip);
}

function checkTextSize(raw: Uint8Array): Uint8Array {
  if (raw.length > MAX_TEXT_BYTES) throw new RangeError(`the text is larger than ${MAX_TEXT_BYTES / 2 ** 20} MiB`);
  return raw;
}

/** Checks the encoding of decompressed delimited text `raw` and finds its delimiter. */
function sniffDecompressed(raw: Uint8Array, gzip: boolean): TextSniff {
  const bom = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  const utf8 = isUtf8(raw);
  // Not valid UTF-8: electoral authorities' exports are most often Windows-1252 (a superset of Latin-1's printables).
  const encoding: TextSniff['encoding'] = utf8 ? 'utf-8' : 'windows-1252';
  const content = utf8 ? raw : new Uint8Array(Buffer.from(decodeWindows1252(raw), 'utf8'));
  const head = decodeHead(content);
  const lines = firstLines(head, 20);
  const delimiter = detectDelimiter(lines);
  const decimalComma = delimiter !== ',' && hasDecimalCommas(lines.slice(1), delimiter);
  const utf16 = looksUtf16(raw);
  const mixedEncoding = encoding === 'utf-8' || utf16 ? undefined : mixedUtf8(raw);
  return { format: 'csv', gzip, encoding, bom, delimiter, decimalComma, bytes: content, head, utf16, mixedEncoding };
}

/**
 * Decodes the start of UTF-8 `content`: about HEAD_BYTES, cut after a line break so that no character or line is
 * split, and never less than the whole first line (the header), however long.
 */
function decodeHead(content: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  const firstBreak = content.indexOf(0x0a);
  if (content.length <= HEAD_BYTES || firstBreak < 0) return decoder.decode(content);
  const end = Math.max(firstBreak, content.lastIndexOf(0x0a, HEAD_BYTES)) + 1;
  return decoder.decode(content.subarray(0, end));
}

/** A UTF-16 byte-order mark, or NUL bytes in at least a quarter of the first 4 KiB (ASCII text in UTF-16). */
export function looksUtf16(raw: Uint8Array): boolean {
  if (raw.length >= 2 && ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff))) return true;
  const n = Math.min(raw.length, 4096);
  let nul = 0;
  for (let i = 0; i < n; i++) if (raw[i] === 0) nul++;
  return n >= 8 && nul * 4 >= n;
}

/**
 * The first line holding a well-formed multi-byte UTF-8 sequence and the first line holding a byte that is not UTF-8,
 * when a file has both: rows pasted together from a UTF-8 and a Latin-1 export. Read as one encoding, one set of rows
 * would be garbled silently. (A Latin-1 file would need text like "Ã©" to look like UTF-8.) Bytes with control
 * characters are binary, not mixed text: undefined.
 */
export function mixedUtf8(raw: Uint8Array): { utf8Line: number; otherLine: number } | undefined {
  // Control bytes mean binary, not text pasted from two exports: leave it to the readers' own errors.
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return undefined;
  }
  let line = 1;
  let utf8Line = 0;
  let otherLine = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let good = extra > 0 && i + extra < raw.length;
    for (let k = 1; good && k <= extra; k++) good = (raw[i + k] & 0xc0) === 0x80;
    if (good) {
      if (utf8Line === 0) utf8Line = line;
      i += extra;
    } else if (otherLine === 0) otherLine = line;
    if (utf8Line > 0 && otherLine > 0) return { utf8Line, otherLine };
  }
  return undefined;
}

function firstLines(text: string, count: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < count && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.length > 0) out.push(line);
    start = end + 1;
  }
  return out;
}

/** Counts a delimiter outside double quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) count++;
  }
  return count;
}

/** The delimiter that appears in the header and most consistently in the next lines; ',' when none does. */
export function detectDelimiter(lines: string[]): string {
  if (lines.length === 0) return ',';
  let best = ',';
  let bestScore = -1;
  for (const d of CANDIDATE_DELIMITERS) {
    const inHeader = countOutsideQuotes(lines[0], d);
    if (inHeader === 0) continue;
    let agreeing = 0;
    for (let i = 1; i < lines.length; i++) if (countOutsideQuotes(lines[i], d) === inHeader) agreeing++;
    const score = agreeing * 1000 + inHeader;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function hasDecimalCommas(lines: string[], delimiter: string): boolean {
  for (const line of lines) {
    for (const cell of line.split(delimiter)) {
      if (/^"?-?\d+,\d+"?$/.test(cell.trim())) return true;
    }
  }
  return false;
}

/** Windows-1252 bytes 0x80..0x9f (the rest is Latin-1); 0 where the code page leaves a byte undefined. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Decodes Windows-1252. Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, turning curly quotes, dashes
 * and the euro sign into C1 control characters, so the table is applied here. Undefined bytes map to U+FFFD.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    const codes = new Uint16Array(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || 0xfffd : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
