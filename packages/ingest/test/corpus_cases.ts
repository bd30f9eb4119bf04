/**
 * The documented outcome of every file in test/corpus/. corpus.test.ts checks each against `loadTable`, and that
 * corpus/README.md is this table rendered (regenerate with `node --import tsx packages/ingest/test/render_corpus_readme.ts`).
 */

/** One expected validation issue. `row` is the file line (header = 1); Parquet/JSON: the record number. */
export interface ExpectedIssue {
  level: 'error' | 'warning';
  rule: string;
  row?: number;
  column?: string;
}

/** A file that loads into a table (possibly with error-level issues, which make `tally validate` exit 1). */
export interface LoadsCase {
  file: string;
  map?: string;
  wrong: string;
  loads: { rows: number; stations: number; excluded: number; issues: ExpectedIssue[]; labels?: string[] };
}

/** A file (or mapping) that cannot be read at all: loadTable returns a tagged error. */
export interface FailsCase {
  file: string;
  map?: string;
  wrong: string;
  fails: { kind: string; rule?: string; row?: number };
}

/** One corpus entry. */
export type CorpusCase = LoadsCase | FailsCase;

const e = (rule: string, row?: number, column?: string): ExpectedIssue => ({ level: 'error', rule, row, column });
const w = (rule: string, row?: number, column?: string): ExpectedIssue => ({ level: 'warning', rule, row, column });
const clean = { rows: 4, stations: 4, excluded: 0, issues: [] };
/** Four rows, one of them left out for the issue listed. */
const oneBad = (issue: ExpectedIssue) => ({ rows: 4, stations: 3, excluded: 1, issues: [issue] });

/** The exit code of `tally validate FILE --map MAP` for a case. */
export function expectedExit(c: CorpusCase): number {
  if ('fails' in c) return 1;
  return c.loads.issues.some((i) => i.level === 'error') ? 1 : 0;
}

/** Every corpus file with what is wrong with it and what must happen. The default mapping is map.json. */
export const CORPUS: CorpusCase[] = [
  { file: 'ok_baseline.csv', wrong: 'nothing (the reference file the others are mutated from)', loads: clean },
  { file: 'truncated_row.csv', wrong: 'row 3 stops after 5 of 8 fields', loads: oneBad(e('ragged_row', 3, 'valid')) },
  {
    file: 'truncated_last_row.csv',
    wrong: 'the file ends in the middle of row 5, with no newline',
    loads: oneBad(e('ragged_row', 5, 'invalid')),
  },
  { file: 'extra_fields.csv', wrong: 'row 3 has a 9th field', loads: oneBad(e('ragged_row', 3)) },
  { file: 'semicolon.csv', wrong: 'semicolon-delimited (detected)', loads: clean },
  { file: 'tab.tsv', wrong: 'tab-delimited (detected)', loads: clean },
  {
    file: 'semicolon_decimal_comma.csv',
    wrong: 'semicolons and a decimal comma "60,5" in a count',
    loads: oneBad(e('non_integer_count', 4, 'valid')),
  },
  {
    file: 'latin1.csv',
    wrong: 'Latin-1 bytes ("Potosí" as 0xED)',
    loads: { ...clean, issues: [w('not_utf8')], labels: ['North', 'Potosí', 'South'] },
  },
  {
    file: 'cp1252.csv',
    wrong: 'Windows-1252 curly quotes and en dash (0x93 0x94 0x96)',
    loads: { rows: 2, stations: 2, excluded: 0, issues: [w('not_utf8')], labels: ['North', '“Norte” – 2'] },
  },
  { file: 'bom.csv', wrong: 'UTF-8 byte order mark before the header', loads: clean },
  { file: 'negative_count.csv', wrong: 'candidate A has -40 votes', loads: oneBad(e('negative_count', 3, 'A')) },
  { file: 'decimal_count.csv', wrong: 'B has 28.5 votes', loads: oneBad(e('non_integer_count', 2, 'B')) },
  { file: 'whole_decimal_count.csv', wrong: 'B written as 28.0 (accepted as 28)', loads: clean },
  { file: 'text_in_count.csv', wrong: '"n/a" in registered', loads: oneBad(e('not_a_count', 5, 'registered')) },
  {
    file: 'thousands_separator.csv',
    wrong: 'registered written "1,120" (quoted, comma thousands separator)',
    loads: oneBad(e('not_a_count', 3, 'registered')),
  },
  {
    file: 'thousands_dot.csv',
    wrong: 'registered written 1.120 (dot thousands separator, or a decimal)',
    loads: oneBad(e('not_a_count', 3, 'registered')),
  },
  {
    file: 'thousands_zeros.csv',
    wrong: 'registered written 1.000 (one thousand or one? ambiguous, never read as 1)',
    loads: oneBad(e('not_a_count', 3, 'registered')),
  },
  {
    file: 'huge_number.csv',
    wrong: 'registered = 99999999999999999999',
    loads: oneBad(e('implausible_count', 4, 'registered')),
  },
  {
    file: 'scientific_count.csv',
    wrong: 'registered written 9e1 (scientific notation)',
    loads: oneBad(e('not_a_count', 4, 'registered')),
  },
  {
    file: 'tab_in_count.csv',
    wrong: 'a tab before 15 in A (DuckDB casts it, the count check does not: listed, never dropped silently)',
    loads: oneBad(e('not_a_count', 5, 'A')),
  },
  { file: 'empty_count.csv', wrong: 'an empty invalid-ballots cell', loads: oneBad(e('missing_count', 2, 'invalid')) },
  {
    file: 'duplicate_ids.csv',
    wrong: 'station S2 appears again at row 6',
    loads: { rows: 5, stations: 4, excluded: 1, issues: [e('duplicate_station_id', 6, 'station')] },
  },
  {
    file: 'empty_station_id.csv',
    wrong: 'station id is blanks at row 4',
    loads: oneBad(e('missing_station_id', 4, 'station')),
  },
  { file: 'empty.csv', wrong: '0 bytes', fails: { kind: 'parse_error', rule: 'empty_file' } },
  { file: 'header_only.csv', wrong: 'a header and no rows', fails: { kind: 'parse_error', rule: 'no_data_rows' } },
  {
    file: 'whitespace_only.csv',
    wrong: 'only spaces, tabs and newlines',
    fails: { kind: 'parse_error', rule: 'empty_file' },
  },
  { file: 'missing_column.csv', wrong: 'no "registered" column', fails: { kind: 'missing_column' } },
  {
    file: 'duplicate_header.csv',
    wrong: 'the header names "region" twice',
    loads: { ...clean, issues: [e('duplicate_column', 1, 'region')] },
  },
  {
    file: 'text_in_count.xlsx',
    wrong: '.xlsx (numbers as numbers) with "see annex" in a B cell, sheet row 3',
    loads: oneBad(e('not_a_count', 3, 'B')),
  },
  {
    file: 'negative_count.parquet',
    wrong: 'Parquet with registered = -90 in record 3',
    loads: oneBad(e('negative_count', 3, 'registered')),
  },
  {
    file: 'text_in_count.json',
    wrong: 'JSON array of records, "unknown" in A of record 4',
    loads: oneBad(e('not_a_count', 4, 'A')),
  },
  { file: 'ok_gzip.csv.gz', wrong: 'gzip-compressed CSV', loads: clean },
  {
    file: 'truncated.csv.gz',
    wrong: 'gzip stream cut at 60% of its bytes',
    fails: { kind: 'parse_error', rule: 'unreadable_gzip' },
  },
  { file: 'crlf.csv', wrong: 'CRLF line endings; A = -1 at row 4', loads: oneBad(e('negative_count', 4, 'A')) },
  {
    file: 'quoted_fields.csv',
    wrong: 'quoted region names with a comma, a newline and "" quotes; "x" in A at file line 6',
    loads: { ...oneBad(e('not_a_count', 6, 'A')), labels: ['North', 'North, East', 'South\nof the river'] },
  },
  {
    file: 'blank_lines.csv',
    wrong: 'empty lines between and after rows; A = -3 at line 5',
    loads: { rows: 3, stations: 2, excluded: 1, issues: [e('negative_count', 5, 'A')] },
  },
  {
    file: 'unterminated_quote.csv',
    wrong: 'a quote opens in row 3 ("North) and never closes',
    fails: { kind: 'parse_error', rule: 'unterminated_quote', row: 3 },
  },
  {
    file: 'stray_carriage_return.csv',
    wrong: 'a bare carriage return inside row 3 ("4\\r0" in A)',
    fails: { kind: 'parse_error', rule: 'stray_carriage_return', row: 3 },
  },
  {
    file: 'stray_quote.csv',
    wrong: 'row 4 has a field "South"ern: text after a closing quote',
    fails: { kind: 'parse_error', rule: 'stray_quote', row: 4 },
  },
  {
    file: 'mid_field_quote.csv',
    wrong: 'row 3 has No"rth: a quote inside an unquoted field (a literal); B = -46 at row 4',
    loads: { ...oneBad(e('negative_count', 4, 'B')), labels: ['North', 'No"rth', 'South'] },
  },
  {
    file: 'mixed_line_endings.csv',
    wrong: 'LF lines with one CRLF line (row 3, B = -46)',
    loads: oneBad(e('negative_count', 3, 'B')),
  },
  {
    file: 'ballots_exceed_registered.csv',
    wrong: '60 ballots at a station with 50 registered (kept, flagged)',
    loads: {
      ...clean,
      issues: [w('ballots_exceed_registered', 4, 'registered'), w('ballots_cast_exceed_registered', 4, 'registered')],
    },
  },
  {
    file: 'votes_exceed_valid.csv',
    wrong: 'A has 50 votes where valid = 40 (kept, flagged)',
    loads: { ...clean, issues: [w('valid_sum_mismatch', 2), w('votes_exceed_valid', 2, 'A')] },
  },
  {
    file: 'valid_sum_mismatch.csv',
    wrong: 'A + B = 65 but valid = 66 (kept, flagged)',
    loads: { ...clean, issues: [w('valid_sum_mismatch', 5)] },
  },
  {
    file: 'garbage.bin',
    wrong: '4 KiB of random bytes (the first thing DuckDB cannot read is a bare carriage return, in row 2)',
    fails: { kind: 'parse_error', rule: 'stray_carriage_return', row: 2 },
  },
  {
    file: 'damaged.xlsx',
    wrong: 'a real .xlsx with 10 bytes of the worksheet data flipped',
    fails: { kind: 'parse_error', rule: 'unreadable_xlsx' },
  },
  {
    file: 'not_really.xlsx',
    wrong: 'zip magic bytes then garbage, named .xlsx',
    fails: { kind: 'parse_error', rule: 'unreadable_xlsx' },
  },
  { file: 'json_scalar.json', wrong: 'JSON that is a number, not records', fails: { kind: 'missing_column' } },
  {
    file: 'hostile_header.csv',
    map: 'map_hostile.json',
    wrong: "candidate columns named `a\"; DROP TABLE raw; --` and `'b'); --` (read verbatim)",
    loads: clean,
  },
  { file: 'a_folder.csv', wrong: 'a folder given as the file', fails: { kind: 'io_error' } },
  { file: 'does_not_exist.csv', wrong: 'no such path', fails: { kind: 'io_error' } },
  {
    file: 'ok_baseline.csv',
    map: 'map_bad_shape.json',
    wrong: 'mapping: "station" is a string and required keys are missing',
    fails: { kind: 'parse_error', rule: 'invalid_mapping' },
  },
  {
    file: 'ok_baseline.csv',
    map: 'map_not_json.json',
    wrong: 'mapping: truncated JSON',
    fails: { kind: 'parse_error', rule: 'invalid_mapping' },
  },
  {
    file: 'ok_baseline.csv',
    map: 'map_wrong_types.json',
    wrong: 'mapping: "candidates" is a string, not { "columns": [...] }',
    fails: { kind: 'parse_error', rule: 'invalid_mapping' },
  },
];
