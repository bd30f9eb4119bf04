/**
 * Hostile inputs of kinds the broken-file corpus does not list, generated at test time (some are large or are links,
 * which do not belong in git): each one must make `tally validate` exit 1 with a message naming the file.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/** One generated hostile input. */
export interface HostileKind {
  name: string;
  /** File name inside the folder (the path passed to `tally validate`). */
  file: string;
  /** What is wrong with it. */
  what: string;
  /** Writes it into `dir`. */
  make: (dir: string) => void;
  /** The row the message must name, where one applies. */
  row?: number;
}

const HEADER = 'station,region,registered,ballots,invalid,valid,A,B';
const ROW = (i: number) => `S${i},North,100,80,2,78,50,28`;

/** A zip archive with stored (uncompressed) entries: enough to make an .xlsx that is a zip of junk. */
export function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
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

/** The ten kinds. */
export const HOSTILE_KINDS: HostileKind[] = [
  {
    name: 'utf16',
    row: 1,
    file: 'utf16.csv',
    what: 'UTF-16LE with a byte-order mark (every other byte is NUL to a UTF-8 reader)',
    make: (d) =>
      writeFileSync(
        join(d, 'utf16.csv'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${ROW(1)}\n${ROW(2)}\n`, 'utf16le')]),
      ),
  },
  {
    name: 'nul_byte',
    file: 'nul_byte.csv',
    what: 'a NUL byte inside a count cell on row 3',
    row: 3,
    make: (d) => writeFileSync(join(d, 'nul_byte.csv'), `${HEADER}\n${ROW(1)}\nS2,North,10\u00000,80,2,78,50,28\n`),
  },
  {
    name: 'wide_header',
    row: 1,
    file: 'wide_header.csv',
    what: 'a header of 100,000 columns (none of them the mapped ones)',
    make: (d) => {
      const cols = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
      const vals = Array.from({ length: 100_000 }, () => '1').join(',');
      writeFileSync(join(d, 'wide_header.csv'), `${cols}\n${vals}\n`);
    },
  },
  {
    name: 'one_long_line',
    file: 'one_long_line.csv',
    what: 'a 10 MB single line with no line break',
    make: (d) => writeFileSync(join(d, 'one_long_line.csv'), `${HEADER},${'x'.repeat(10 * 1024 * 1024)}`),
  },
  {
    name: 'zip_of_junk',
    file: 'zip_of_junk.xlsx',
    what: 'an .xlsx that is a valid zip holding junk (no workbook)',
    make: (d) =>
      writeFileSync(
        join(d, 'zip_of_junk.xlsx'),
        storedZip([
          { name: 'junk.bin', data: Buffer.from('not a spreadsheet at all\u0000\u0001\u0002') },
          { name: '[Content_Types].xml', data: Buffer.from('<junk>') },
        ]),
      ),
  },
  {
    name: 'nested_json',
    file: 'nested.json',
    what: 'JSON records whose values are nested objects and arrays',
    make: (d) =>
      writeFileSync(
        join(d, 'nested.json'),
        JSON.stringify([
          {
            station: { id: 'S1' },
            region: ['North'],
            registered: { n: 100 },
            ballots: 80,
            invalid: 2,
            valid: 78,
            A: 50,
            B: 28,
          },
          {
            station: 'S2',
            region: 'North',
            registered: [120],
            ballots: { deep: { deeper: 90 } },
            invalid: 4,
            valid: 86,
            A: 40,
            B: 46,
          },
        ]),
      ),
  },
  {
    name: 'only_delimiters',
    file: 'only_delimiters.csv',
    what: 'nothing but commas and line breaks',
    make: (d) => writeFileSync(join(d, 'only_delimiters.csv'), ',,,,,,,\n,,,,,,,\n,,,,,,,\n'),
  },
  {
    name: 'symlink_loop',
    file: 'loop_a.csv',
    what: 'a symbolic link loop (loop_a.csv -> loop_b.csv -> loop_a.csv)',
    make: (d) => {
      symlinkSync('loop_b.csv', join(d, 'loop_a.csv'));
      symlinkSync('loop_a.csv', join(d, 'loop_b.csv'));
    },
  },
  {
    name: 'mixed_encodings',
    row: 3,
    file: 'mixed_encodings.csv',
    what: 'UTF-8 on row 2 and Latin-1 on row 3 (an invalid UTF-8 byte in a region name)',
    make: (d) =>
      writeFileSync(
        join(d, 'mixed_encodings.csv'),
        Buffer.concat([
          Buffer.from(`${HEADER}\nS1,Potosí,100,80,2,78,50,28\n`, 'utf8'),
          Buffer.from('S2,Potosí,100,80,2,78,50,28\n', 'latin1'),
        ]),
      ),
  },
  {
    name: 'numeric_header',
    file: 'numeric_header.csv',
    what: 'a header that is a row of numbers',
    make: (d) => writeFileSync(join(d, 'numeric_header.csv'), '1,2,3,4,5,6,7,8\n1,2,100,80,2,78,50,28\n'),
  },
];

/** Writes every kind into `dir` (created if missing). */
export function makeHostileKinds(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const k of HOSTILE_KINDS) k.make(dir);
}
