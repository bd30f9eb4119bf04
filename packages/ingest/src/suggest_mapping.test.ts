/**
 * suggestMapping returns its notes as message keys with column names and counts, never as worded text, so that the
 * command line can word them in any language; suggestionYaml writes the caller's comments above the mapping.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { type MappingNote, suggestionYaml, suggestMapping } from './suggest_mapping.ts';

test('the notes are keys with the column names as they are and counts as numbers', () => {
  const columns = ['state', 'county', 'precinct', 'registered_voters', 'ballots_cast', 'votes cast', 'A', 'B', 'notes'];
  const rows = [['North', 'Ash', '1', '1000', '700', '700', '400', '285', 'ok']];
  const { notes } = suggestMapping(columns, rows, 'county_results');
  const expected: MappingNote[] = [
    { key: 'station_within_regions', params: { column: 'precinct' } },
    { key: 'registered', params: { column: 'registered_voters' } },
    { key: 'ballots', params: { columns: ['ballots_cast', 'votes cast'] } },
    { key: 'valid_candidates', params: {} },
    { key: 'candidates', params: { n: 2 } },
    { key: 'ignored', params: { n: 1 } },
    { key: 'shares_valid', params: {} },
  ];
  assert.deepEqual(notes, expected);
});

test('a header with no recognisable names: the first column is a guess and the placeholders are noted', () => {
  const columns = ['Мой\nстолбец', 'A', 'B'];
  const { notes } = suggestMapping(columns, [['x', '5', '6']], 't');
  assert.deepEqual(notes[0], { key: 'station_guess', params: { column: 'Мой\nстолбец' } });
  assert.deepEqual(
    notes.map((n) => n.key),
    ['station_guess', 'registered_none', 'ballots_none', 'valid_candidates', 'candidates', 'ignored', 'shares_valid'],
  );
});

test('suggestionYaml writes the comments above the mapping, each on one line, and leaves out the id', () => {
  const s = suggestMapping(['id', 'registered', 'A'], [['1', '10', '5']], 'own');
  const yaml = suggestionYaml(s.mapping, ['first comment', 'a column "x\r\ny" named over two lines']);
  const lines = yaml.split('\n');
  assert.deepEqual(lines.slice(0, 2), ['# first comment', '# a column "x y" named over two lines']);
  const mapping = parse(yaml) as Record<string, unknown>;
  assert.equal(mapping.id, undefined);
  assert.deepEqual(mapping.station, ['id']);
  assert.equal(mapping.registered, 'registered');
});
