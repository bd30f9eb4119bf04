/** The missing-places file: rows read as region paths with a station count; every problem names row and column. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createRng, simulateElection } from '@tally/core';
import { readMissingPlaces } from './missing_places.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-places-'));
const { table } = simulateElection({ stations: 60, regions: 2, districtsPerRegion: 2 }, createRng(4));
const [l0, l1] = [
  table.regions[0].labels[table.regions[0].codes[0]],
  table.regions[1].labels[table.regions[1].codes[0]],
];
let k = 0;
const read = (text: string) => {
  const file = join(dir, `places_${k++}.csv`);
  writeFileSync(file, text);
  return readMissingPlaces(file, table);
};
const message = (text: string) => {
  const r = read(text);
  return r.ok ? 'ok' : r.error.message;
};

test('places are read as paths as deep as given, with their station counts', () => {
  const r = read(`path,stations\n${l0} > ${l1},3\n${l0},2\n,4\n\n`);
  assert.ok(r.ok);
  assert.deepEqual(r.value, [
    { path: [l0, l1], stations: 3 },
    { path: [l0], stations: 2 },
    { path: [], stations: 4 },
  ]);
});

test('a wrong header, an unknown label, a bad count or too deep a path name the row and column', () => {
  assert.match(message('place,n\n'), /row 1, column "path": the header must be exactly "path,stations"/);
  assert.match(message(`path,stations\n${l0},3\nNowhere,1\n`), /row 3, column "path": no .* is labelled "Nowhere"/);
  assert.match(message(`path,stations\n${l0},-1\n`), /row 2, column "stations": "-1" is not a count/);
  const deep = [...table.regions.map((r) => r.labels[r.codes[0]]), 'extra'].join(' > ');
  assert.match(message(`path,stations\n${deep},1\n`), /row 2, column "path": \d+ levels, the data have \d+/);
});
