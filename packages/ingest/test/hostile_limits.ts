/**
 * The hostile corpus of issue 21: bombs and traps for every format and reader, generated at test time from a few
 * bytes (nothing large is committed). Each case names the rule its error must carry. Used in process
 * (hostile_limits.test.ts) and through the binary (apps/cli/test/hostile_limits.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

/** One generated hostile input for `tally validate FILE --map MAP`. */
export interface HostileLimit {
  name: string;
  /** The path given to the reader, relative to the folder it is made in. */
  file: string;
  what: string;
  /** The rule the error must name. */
  rule: string;
  /** Makes it in `dir` (the mapping used is corpus/map.json unless `map` names another file in `dir`). */
  make: (dir: string) => void;
  /** A mapping file in `dir` to use instead of the corpus mapping. */
  map?: string;
}

const HEADER = 'station,region,registered,ballots,invalid,valid,A,B';

/** A zip whose entries are deflated (method 8); `declare` overrides an entry's declared inflated size. */
export function deflatedZip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data, { level: 9 });
    const size = e.declare ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const SHEET = (extra: Buffer) =>
  Buffer.concat([
    Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'),
    extra,
    Buffer.from('<sheetData/></worksheet>'),
  ]);

/** Every case. */
export const HOSTILE_LIMITS: HostileLimit[] = [
  {
    name: 'json_nested_arrays',
    file: 'deep.json',
    what: '[ x 10,000 then ] x 10,000 (20 KB; DuckDB segfaulted, exit 139)',
    rule: 'json_too_deep',
    make: (d) => writeFileSync(join(d, 'deep.json'), `${'['.repeat(10_000)}${']'.repeat(10_000)}`),
  },
  {
    name: 'json_nested_objects',
    file: 'deep_objects.json',
    what: '3,000 nested objects (DuckDB ran for minutes)',
    rule: 'json_too_deep',
    make: (d) => writeFileSync(join(d, 'deep_objects.json'), `[${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}]`),
  },
  {
    name: 'json_gzip_bomb',
    file: 'bomb.json.gz',
    what: 'a .json.gz of about 130 KB that inflates to 129 MiB',
    rule: 'file_too_large',
    make: (d) =>
      writeFileSync(
        join(d, 'bomb.json.gz'),
        gzipSync(Buffer.concat([Buffer.from('[{"a":"'), Buffer.alloc(129 * 2 ** 20, 0x20), Buffer.from('"}]')])),
      ),
  },
  {
    name: 'csv_gzip_bomb',
    file: 'bomb.csv.gz',
    what: 'a .csv.gz that inflates past 512 MiB',
    rule: 'file_too_large',
    make: (d) => {
      const text = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.alloc(513 * 2 ** 20, 0x20)]);
      writeFileSync(join(d, 'bomb.csv.gz'), gzipSync(text, { level: 1 }));
    },
  },
  {
    name: 'csv_too_many_rows',
    file: 'many_rows.csv',
    what: 'a header and 5,000,001 empty lines (5 MB)',
    rule: 'too_many_rows',
    make: (d) => writeFileSync(join(d, 'many_rows.csv'), `${HEADER}\n${'\n'.repeat(5_000_001)}`),
  },
  {
    name: 'csv_10000_columns',
    file: 'wide.csv',
    what: 'exactly 10,000 columns (took 5.6 minutes)',
    rule: 'too_many_columns',
    make: (d) => {
      const names = [...HEADER.split(','), ...Array.from({ length: 10_000 - 8 }, (_, i) => `c${i}`)];
      writeFileSync(join(d, 'wide.csv'), `${names.join(',')}\n${names.map(() => '1').join(',')}\n`);
    },
  },
  {
    name: 'csv_cr_only',
    file: 'mac.csv',
    what: 'carriage returns alone as line ends (was reported as a duplicate column)',
    rule: 'cr_line_endings',
    make: (d) =>
      writeFileSync(join(d, 'mac.csv'), `${HEADER}\rS1,North,100,80,2,78,50,28\rS2,North,100,80,2,78,50,28\r`),
  },
  {
    name: 'xlsx_deflate_bomb',
    file: 'bomb.xlsx',
    what: 'an .xlsx whose sheet inflates to 300 MiB (about 300 KB)',
    rule: 'xlsx_too_large',
    make: (d) =>
      writeFileSync(
        join(d, 'bomb.xlsx'),
        deflatedZip([{ name: 'xl/worksheets/sheet1.xml', data: SHEET(Buffer.alloc(300 * 2 ** 20, 0x20)) }]),
      ),
  },
  {
    name: 'xlsx_lying_sizes',
    file: 'lying.xlsx',
    what: 'an .xlsx whose directory declares 1 KB for a sheet that inflates to 64 MiB',
    rule: 'unreadable_xlsx',
    make: (d) =>
      writeFileSync(
        join(d, 'lying.xlsx'),
        deflatedZip([
          { name: 'xl/worksheets/sheet1.xml', data: SHEET(Buffer.alloc(64 * 2 ** 20, 0x20)), declare: 1024 },
        ]),
      ),
  },
  {
    name: 'xlsx_zip64',
    file: 'zip64.xlsx',
    what: 'an .xlsx whose directory uses Zip64 sizes (0xFFFFFFFF), which skipped the zip check',
    rule: 'xlsx_too_large',
    make: (d) => {
      const zip = deflatedZip([{ name: 'xl/worksheets/sheet1.xml', data: SHEET(Buffer.alloc(0)) }]);
      const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      zip.writeUInt32LE(0xffffffff, central + 24);
      writeFileSync(join(d, 'zip64.xlsx'), zip);
    },
  },
  {
    name: 'parquet_50m_rows',
    file: 'many.parquet',
    what: 'a Parquet file of 50,000,000 rows (about 120 KB; took 15 GB)',
    rule: 'too_many_rows',
    make: () => undefined, // made by the test with DuckDB (see makeParquet)
  },
  {
    name: 'fifo_data',
    file: 'pipe.csv',
    what: 'a FIFO named as the data file',
    rule: 'io_error',
    make: (d) => execFileSync('mkfifo', [join(d, 'pipe.csv')]),
  },
  {
    name: 'fifo_mapping',
    file: 'ok.csv',
    what: 'a FIFO given as the mapping file (hung)',
    rule: 'io_error',
    map: 'map_pipe.json',
    make: (d) => {
      writeFileSync(join(d, 'ok.csv'), `${HEADER}\nS1,North,100,80,2,78,50,28\n`);
      execFileSync('mkfifo', [join(d, 'map_pipe.json')]);
    },
  },
  {
    name: 'dev_zero_mapping',
    file: 'ok0.csv',
    what: '/dev/zero given as the mapping file (hung)',
    rule: 'io_error',
    map: 'zero.json',
    make: (d) => {
      writeFileSync(join(d, 'ok0.csv'), `${HEADER}\nS1,North,100,80,2,78,50,28\n`);
      symlinkSync('/dev/zero', join(d, 'zero.json'));
    },
  },
  {
    name: 'catastrophic_pattern',
    file: 'aaaa.csv',
    what: "a mapping pattern ^(a+)+$ against a header of 40 a's and a b (ran for hours)",
    rule: 'missing_column',
    map: 'redos.json',
    make: (d) => {
      writeFileSync(join(d, 'aaaa.csv'), `${'a'.repeat(40)}b,registered\n1,2\n`);
      writeFileSync(
        join(d, 'redos.json'),
        JSON.stringify({
          station: [{ pattern: '^(a+)+$' }],
          registered: 'registered',
          candidates: { columns: ['registered'] },
          valid: 'candidates',
          ballotsCast: 'ballotsFound',
          shareOf: 'valid',
        }),
      );
    },
  },
  {
    name: 'manifest_escape',
    file: 'escape',
    what: 'a dataset folder whose manifest names ../../../../etc/passwd',
    rule: 'invalid_manifest',
    make: (d) => {
      mkdirSync(join(d, 'escape'));
      writeFileSync(
        join(d, 'escape', 'manifest.json'),
        JSON.stringify({
          name: 'x',
          default: 'a',
          datasets: [{ id: 'a', file: '../../../../../../etc/passwd', preset: 'russia-cik', kind: 'final' }],
        }),
      );
    },
  },
  {
    name: 'manifest_symlink',
    file: 'linked',
    what: 'a dataset folder whose manifest names a symbolic link to /etc/passwd',
    rule: 'invalid_manifest',
    make: (d) => {
      mkdirSync(join(d, 'linked'));
      symlinkSync('/etc/passwd', join(d, 'linked', 'data.csv'));
      writeFileSync(
        join(d, 'linked', 'manifest.json'),
        JSON.stringify({
          name: 'x',
          default: 'a',
          datasets: [{ id: 'a', file: 'data.csv', preset: 'russia-cik', kind: 'final' }],
        }),
      );
    },
  },
  {
    name: 'manifest_unknown_preset',
    file: 'nopreset',
    what: 'a manifest naming a preset that does not exist (exited 2 as a usage error)',
    rule: 'invalid_manifest',
    make: (d) => {
      mkdirSync(join(d, 'nopreset'));
      writeFileSync(join(d, 'nopreset', 'data.csv'), `${HEADER}\n`);
      writeFileSync(
        join(d, 'nopreset', 'manifest.json'),
        JSON.stringify({
          name: 'x',
          default: 'a',
          datasets: [{ id: 'a', file: 'data.csv', preset: 'no-such', kind: 'final' }],
        }),
      );
    },
  },
];
