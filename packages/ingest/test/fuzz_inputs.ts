/**
 * The generated inputs of the importers' fuzzing (fuzz_harness.ts runs them): delimited text with odd cells,
 * headers, encodings and truncation; JSON; raw bytes; mutations of real rows (Bolivia 2019 cómputo, Russia 2018);
 * damaged workbooks; deeply nested JSON; gzip bombs; mapping patterns of catastrophic-backtracking shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '..', '..', '..');
const GENERIC_MAP = join(HERE, 'corpus', 'map.json');
const HEADER = ['station', 'region', 'registered', 'ballots', 'invalid', 'valid', 'A', 'B'];

/** One generated input: file name (its extension matters), bytes, and the mapping to read it with. */
export interface FuzzInput {
  kind: string;
  name: string;
  bytes: Uint8Array;
  choice: { map?: string; preset?: string };
  /** A mapping file's text, written beside the input as map.json and used instead of `choice`. */
  mapText?: string;
}

function firstLinesOfGzip(path: string, count: number): string[] {
  const compressed = readFileSync(path).subarray(0, 1 << 16);
  const text = gunzipSync(compressed, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  return text.split('\n').slice(0, count);
}

let realCache: { bolivia: string[]; russia: string[] } | undefined;
function realLines(): { bolivia: string[]; russia: string[] } {
  realCache ??= {
    bolivia: firstLinesOfGzip(join(ROOT, 'examples/bolivia-2019/computo_final_2019-10-25_21-09-30.csv.gz'), 25),
    russia: firstLinesOfGzip(join(ROOT, 'examples/russia-2018/russia_2018_president_uik.csv.gz'), 15),
  };
  return realCache;
}

const enc = new TextEncoder();

/** A value one time in `every`, null otherwise. */
function rarely<T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

const oddCell = fc.constantFrom(
  '-1',
  '1.5',
  '1.000',
  '"1,234"',
  '9e1',
  '',
  ' ',
  'n/a',
  '"',
  "'",
  '1e400',
  '0x10',
  '٣',
  '１２',
  '99999999999',
  '+5',
  '\u00a05',
  '\t5',
  '5\r',
  'NaN',
  'Infinity',
  '"a\nb"',
  '"x,y"',
  '""',
);
const countCell = fc.nat({ max: 2000 }).map(String);
const cell = fc.oneof(
  { weight: 12, arbitrary: countCell },
  { weight: 3, arbitrary: oddCell },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const idCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }).map((i) => `S${i}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** Delimited text in the generic layout, with odd cells, odd headers, encodings, BOM, CRLF, gzip, truncation. */
const delimitedArb: fc.Arbitrary<FuzzInput> = fc
  .record({
    header: fc.oneof(
      { weight: 6, arbitrary: fc.constant(HEADER) },
      { weight: 1, arbitrary: fc.shuffledSubarray(HEADER, { minLength: 1 }) },
      {
        weight: 1,
        arbitrary: fc.array(fc.oneof(fc.constantFrom(...HEADER), fc.string({ maxLength: 6 })), { maxLength: 10 }),
      },
    ),
    rows: fc.array(
      fc.tuple(idCell, fc.constantFrom('North', 'South', '', 'Potosí'), fc.array(cell, { minLength: 4, maxLength: 8 })),
      {
        maxLength: 12,
      },
    ),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    latin1: fc.boolean(),
    gzip: fc.boolean(),
    truncate: rarely(fc.double({ min: 0, max: 1, noNaN: true }), 8),
    ragged: fc.boolean(),
  })
  .map((g) => {
    const lines = [g.header.join(g.delimiter)];
    for (const [id, region, cells] of g.rows) {
      const values = g.ragged ? cells : cells.slice(0, 6).concat(Array(Math.max(0, 6 - cells.length)).fill('0'));
      lines.push([id, region, ...values].join(g.delimiter));
    }
    const text = (g.bom ? '\uFEFF' : '') + lines.join(g.eol) + g.eol;
    let bytes: Uint8Array =
      g.latin1 && [...text].every((c) => c.charCodeAt(0) <= 0xff && c !== '\uFEFF')
        ? Uint8Array.from(text, (c) => c.charCodeAt(0))
        : enc.encode(text);
    if (g.gzip) bytes = new Uint8Array(gzipSync(bytes));
    if (g.truncate !== null) bytes = bytes.subarray(0, Math.floor(bytes.length * g.truncate));
    const ext = g.delimiter === '\t' ? 'tsv' : 'csv';
    return { kind: 'delimited', name: `f.${ext}${g.gzip ? '.gz' : ''}`, bytes, choice: { map: GENERIC_MAP } };
  });

const jsonValueCell = fc.oneof(
  countCell,
  fc.nat(),
  oddCell,
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.jsonValue({ maxDepth: 1 }),
);

/** JSON: arrays of records with odd values, or any JSON value at all. */
const jsonArb: fc.Arbitrary<FuzzInput> = fc
  .oneof(
    fc.array(fc.record(Object.fromEntries(HEADER.map((h) => [h, jsonValueCell])), { requiredKeys: ['station', 'A'] }), {
      maxLength: 10,
    }),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .chain((value) =>
    fc.record({
      text: fc.constant(JSON.stringify(value) ?? 'null'),
      cut: rarely(fc.nat(), 6),
    }),
  )
  .map(({ text, cut }) => ({
    kind: 'json',
    name: 'f.json',
    bytes: enc.encode(cut === null ? text : text.slice(0, cut % (text.length + 1))),
    choice: { map: GENERIC_MAP },
  }));

/** Raw bytes, named as a CSV, a gzip CSV or a JSON file. */
const bytesArb: fc.Arbitrary<FuzzInput> = fc
  .record({
    bytes: fc.uint8Array({ maxLength: 1500 }),
    name: fc.constantFrom('f.csv', 'f.tsv', 'f.csv.gz', 'f.json', 'f.txt'),
    magic: fc.constantFrom(null, [0x1f, 0x8b], [0xef, 0xbb, 0xbf], [0x50, 0x41, 0x52, 0x31], [0x50, 0x4b, 3, 4]),
  })
  .map((g) => ({
    kind: 'bytes',
    name: g.name,
    bytes: g.magic ? new Uint8Array([...g.magic, ...g.bytes]) : g.bytes,
    choice: { map: GENERIC_MAP },
  }));

type Mutation = (lines: string[]) => string[];
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (ls: string[]) => ls.filter((_, k) => k !== i % ls.length)),
  fc.nat().map((i) => (ls: string[]) => ls.toSpliced(i % ls.length, 0, ls[i % ls.length])),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (ls: string[]) => {
    const out = [...ls];
    const a = i % out.length;
    const b = j % out.length;
    [out[a], out[b]] = [out[b], out[a]];
    return out;
  }),
  fc
    .tuple(fc.nat(), fc.nat(), fc.oneof(oddCell, fc.string({ maxLength: 8 }), countCell))
    .map(([i, f, v]) => (ls: string[]) => {
      const out = [...ls];
      const k = i % out.length;
      const fields = out[k].split(',');
      fields[f % fields.length] = v;
      out[k] = fields.join(',');
      return out;
    }),
  fc.tuple(fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 6 })).map(([i, p, s]) => (ls: string[]) => {
    const out = [...ls];
    const k = i % out.length;
    const at = p % (out[k].length + 1);
    out[k] = out[k].slice(0, at) + s + out[k].slice(at);
    return out;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 30 })).map(([i, p, n]) => (ls: string[]) => {
    const out = [...ls];
    const k = i % out.length;
    const at = p % (out[k].length + 1);
    out[k] = out[k].slice(0, at) + out[k].slice(at + n);
    return out;
  }),
  fc.nat().map((i) => (ls: string[]) => ls.slice(0, 1 + (i % ls.length))),
);

/** Real rows with 1 to 4 mutations (deleted, duplicated, swapped lines, replaced cells, inserted or cut bytes). */
const realArb: fc.Arbitrary<FuzzInput> = fc
  .record({
    source: fc.constantFrom('bolivia', 'russia'),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
    rows: fc.integer({ min: 1, max: 14 }),
  })
  .map((g) => {
    const base = realLines()[g.source as 'bolivia' | 'russia'];
    let lines = base.slice(0, 1 + g.rows);
    for (const m of g.mutations) if (lines.length > 0) lines = m(lines);
    const preset = g.source === 'bolivia' ? 'bolivia-2019-computo' : 'russia-cik';
    return { kind: `real-${g.source}`, name: 'f.csv', bytes: enc.encode(`${lines.join('\n')}\n`), choice: { preset } };
  });

let xlsxCache: Uint8Array | undefined;

/** The corpus workbook with bytes flipped, or cut short (exceljs once stalled forever on such files). */
const xlsxArb: fc.Arbitrary<FuzzInput> = fc
  .record({
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 12 }),
    cut: rarely(fc.nat(), 4),
  })
  .map((g) => {
    xlsxCache ??= new Uint8Array(readFileSync(join(HERE, 'corpus', 'text_in_count.xlsx')));
    let bytes = Uint8Array.from(xlsxCache);
    for (const [at, x] of g.flips) bytes[at % bytes.length] ^= x;
    if (g.cut !== null) bytes = bytes.subarray(0, g.cut % bytes.length);
    return { kind: 'xlsx', name: 'f.xlsx', bytes, choice: { map: GENERIC_MAP } };
  });

/** JSON nested 1 to 400 levels deep, arrays or objects, optionally inside a record list (DuckDB once crashed). */
const nestedJsonArb: fc.Arbitrary<FuzzInput> = fc
  .record({ depth: fc.integer({ min: 1, max: 400 }), objects: fc.boolean(), inRecords: fc.boolean() })
  .map((g) => {
    const open = g.objects ? '{"a":'.repeat(g.depth) : '['.repeat(g.depth);
    const close = g.objects ? '}'.repeat(g.depth) : ']'.repeat(g.depth);
    const value = `${open}1${close}`;
    const text = g.inRecords ? `[{"station":"S1","registered":${value}}]` : value;
    return { kind: 'nested-json', name: 'f.json', bytes: enc.encode(text), choice: { map: GENERIC_MAP } };
  });

/** Gzip bombs: a header and then a long run of one byte, compressed, named .csv.gz or .json.gz. */
const gzipBombArb: fc.Arbitrary<FuzzInput> = fc
  .record({ mib: fc.constantFrom(1, 4, 16), byte: fc.constantFrom(0x20, 0x0a, 0x2c, 0x5b), json: fc.boolean() })
  .map((g) => {
    // JSON bombs go past the 128 MiB JSON limit (refused while inflating); CSV ones stay small to keep the suite
    // quick (the corpus and scripts/fuzz_ingest.ts cover CSV past 512 MiB).
    const mib = g.json ? 130 : g.mib;
    const head = Buffer.from(g.json ? '[{"station":"' : `${HEADER.join(',')}\n`);
    const bytes = gzipSync(Buffer.concat([head, Buffer.alloc(mib * 2 ** 20, g.byte)]), { level: 1 });
    return { kind: 'gzip-bomb', name: g.json ? 'f.json.gz' : 'f.csv.gz', bytes, choice: { map: GENERIC_MAP } };
  });

/** Mapping patterns of catastrophic-backtracking shape against headers made to trigger them. */
const patternArb: fc.Arbitrary<FuzzInput> = fc
  .record({
    pattern: fc.constantFrom('^(a+)+$', '^(a|a)*$', '^(a*)*b$', '^(a|aa)+$', '(x+x+)+y', '^(\\w+\\s?)*$'),
    char: fc.constantFrom('a', 'x', 'é'),
    length: fc.integer({ min: 1, max: 5000 }),
  })
  .map((g) => {
    const name = `${g.char.repeat(g.length)}!`;
    const mapText = JSON.stringify({
      station: [{ pattern: g.pattern }],
      registered: 'registered',
      candidates: { columns: ['registered'] },
      valid: 'candidates',
      ballotsCast: 'ballotsFound',
      shareOf: 'valid',
    });
    return { kind: 'pattern', name: 'f.csv', bytes: enc.encode(`${name},registered\n1,2\n`), choice: {}, mapText };
  });

/** Every kind of generated input, weighted toward the structured ones. */
export const fuzzInputArb: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 4, arbitrary: delimitedArb },
  { weight: 3, arbitrary: realArb },
  { weight: 2, arbitrary: jsonArb },
  { weight: 1, arbitrary: bytesArb },
  { weight: 1, arbitrary: xlsxArb },
  { weight: 1, arbitrary: nestedJsonArb },
  { weight: 1, arbitrary: patternArb },
  { weight: 1, arbitrary: gzipBombArb },
);
