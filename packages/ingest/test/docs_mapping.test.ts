/**
 * docs/data-model.md matches the mapping schema: its table of keys is exactly the keys of ResultsMapping
 * (preset_schema.ts), and its example mapping and manifest load a file. Expected values are worked out by hand from
 * the rows written here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadManifestDataset, loadMappingFile, loadTable } from '../src/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'data-model.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'tally-docs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function section(title: string): string {
  const start = doc.indexOf(`## ${title}`);
  assert.ok(start >= 0, title);
  const end = doc.indexOf('\n## ', start + 3);
  return doc.slice(start, end < 0 ? undefined : end);
}

function fenced(text: string, lang: string): string {
  const m = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(text);
  assert.ok(m, `a ${lang} block`);
  return m[1];
}

test('the table of mapping keys in data-model.md is exactly the keys of ResultsMapping', () => {
  const schema = readFileSync(join(ROOT, 'packages', 'ingest', 'src', 'preset_schema.ts'), 'utf8');
  const body = /export interface ResultsMapping \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
  const schemaKeys = [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]).sort();
  const table = section('Mappings and presets')
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| key') && !l.startsWith('|---'));
  const docKeys = table.flatMap((l) => [...l.split('|')[1].matchAll(/`(\w+)`/g)].map((m) => m[1])).sort();
  assert.ok(schemaKeys.length >= 15, 'the schema was parsed');
  assert.deepEqual(docKeys, schemaKeys);
});

const CSV = [
  'precinct,state,county,registered,ballots,spoiled,Alice,Bob',
  '1,North,Ash,1000,700,10,400,290',
  '2,North,Ash,800,500,0,200,300',
  '1,South,Oak,600,300,5,100,195',
].join('\n');

test('the example mapping file of data-model.md reads its file; the title comes from the mapping', async () => {
  const yaml = fenced(section('Mappings and presets'), 'yaml');
  const mapPath = join(dir, 'my-election.yaml');
  writeFileSync(mapPath, yaml);
  writeFileSync(join(dir, 'final.csv'), `${CSV}\n`);
  assert.ok(loadMappingFile(mapPath).ok);
  const loaded = await loadTable(join(dir, 'final.csv'), { map: mapPath });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
  const t = loaded.value.table;
  assert.equal(t.meta.name, 'Example county election, 2024');
  assert.equal(loaded.value.mapping.id, 'mapping:my-election.yaml', 'no folder in the id');
  assert.deepEqual(t.ids, ['North / Ash / 1', 'North / Ash / 2', 'South / Oak / 1']);
  assert.deepEqual([...t.valid], [690, 500, 295]);
  assert.deepEqual([...t.ballotsFound], [700, 500, 300]);
  assert.deepEqual([...t.ballotsCast], [700, 500, 300]);
  assert.deepEqual(
    t.candidates.map((c) => c.name),
    ['Alice', 'Bob'],
  );
});

test('the example manifest of data-model.md: a dataset folder whose datasets name a mapping file', async () => {
  const manifest = fenced(section('Dataset folders'), 'json');
  writeFileSync(join(dir, 'manifest.json'), manifest);
  writeFileSync(join(dir, 'night.csv'), `${CSV.split('\n').slice(0, 3).join('\n')}\n`);
  const final = await loadManifestDataset(dir);
  assert.ok(final.ok, final.ok ? '' : final.error.message);
  assert.equal(final.value.table.n, 3);
  assert.equal(final.value.table.meta.name, 'Example county election, 2024');
  const night = await loadManifestDataset(dir, 'night');
  assert.ok(night.ok, night.ok ? '' : night.error.message);
  assert.equal(night.value.table.n, 2);
});

test('a manifest may not name a mapping file outside its folder, nor both a preset and a map', async () => {
  const other = mkdtempSync(join(dir, 'other-'));
  writeFileSync(join(other, 'final.csv'), `${CSV}\n`);
  const write = (entry: Record<string, unknown>) =>
    writeFileSync(
      join(other, 'manifest.json'),
      JSON.stringify({
        name: 'x',
        default: 'final',
        datasets: [{ id: 'final', file: 'final.csv', kind: 'final', ...entry }],
      }),
    );
  write({ map: '../my-election.yaml' });
  const outside = await loadManifestDataset(other);
  assert.ok(!outside.ok);
  assert.match(outside.error.message, /"map" "\.\.\/my-election\.yaml" is outside the manifest's folder/);
  write({ map: 'm.yaml', preset: 'russia-cik' });
  const both = await loadManifestDataset(other);
  assert.ok(!both.ok);
  assert.match(both.error.message, /give either "preset" or "map"/);
});
