/** Sniffing what a file is before DuckDB reads it: format, compression, encoding, delimiter, decimal comma. */
import { gunzipSync } from 'node:zlib';

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
  /** The decoded text, when it had to be transcoded or decompressed for sniffing (reused to avoid a second pass). */
  text: string;
}

/** Result of sniffing any supported file. */
export type Sniff = TextSniff | { format: 'parquet' | 'json' | 'xlsx'; gzip: false };

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];

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

/** Decompresses (if gzip) and decodes a delimited text file, and finds its delimiter. */
export function sniffText(bytes: Uint8Array): TextSniff {
  const gzip = isGzip(bytes);
  const raw = gzip ? new Uint8Array(gunzipSync(bytes)) : bytes;
  const bom = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
  let encoding: TextSniff['encoding'] = 'utf-8';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
  } catch {
    // Not valid UTF-8: electoral authorities' exports are most often Windows-1252 (a superset of Latin-1's printables).
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(raw);
  }
  const lines = firstLines(text, 20);
  const delimiter = detectDelimiter(lines);
  const decimalComma = delimiter !== ',' && hasDecimalCommas(lines.slice(1), delimiter);
  return { format: 'csv', gzip, encoding, bom, delimiter, decimalComma, text };
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
