/**
 * `tally map FILE` suggests a mapping from a header in English, Spanish and Russian that `tally validate FILE --map`
 * then accepts; a dataset folder of a user's own election names its mapping file in the manifest, and the snapshot
 * cutoff works on it. The expected roles are written here by hand from the headers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ensureBuilt } from '../../test/run_cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tally-map-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const bin = fileURLToPath(new URL('../../bin/tally.js', import.meta.url));
const RUSSIA_EXAMPLE = fileURLToPath(
  new URL('../../../../examples/russia-2018/russia_2018_president_uik.csv.gz', import.meta.url),
);
// The first 2,000 stations of the bundled 2018 file (its header verbatim), so the test stays quick.
const RUSSIA = join(dir, 'russia_2018_first_2000.csv');

before(() => {
  ensureBuilt();
  const lines = gunzipSync(readFileSync(RUSSIA_EXAMPLE)).toString('utf8').split('\n');
  writeFileSync(RUSSIA, `${lines.slice(0, 2001).join('\n')}\n`);
});

function cli(argv: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Suggests a mapping for `file`, checks that validate accepts the YAML file, and returns the mapping (JSON). */
function mapAndValidate(file: string): Record<string, unknown> {
  const yaml = `${file}.mapping.yaml`;
  const wrote = cli(['map', file, '--out', yaml]);
  assert.equal(wrote.code, 0, wrote.err);
  const valid = cli(['validate', file, '--map', yaml]);
  assert.equal(valid.code, 0, valid.out + valid.err);
  const json = cli(['map', file, '--json']);
  assert.equal(json.code, 0, json.err);
  return JSON.parse(json.out) as Record<string, unknown>;
}

test('an English header: precinct numbers that restart per county are joined with their regions', () => {
  const file = join(dir, 'county_results.csv');
  writeFileSync(
    file,
    [
      'state,county,precinct,registered_voters,ballots_cast,invalid_votes,blank,Alice Smith,Bob Jones,notes',
      'North,Ash,1,1000,700,10,5,400,285,ok',
      'North,Ash,2,800,500,0,0,200,300,',
      'North,Elm,1,600,300,5,0,100,195,recount',
    ].join('\n'),
  );
  const m = mapAndValidate(file);
  assert.deepEqual(m.station, ['state', 'county', 'precinct']);
  assert.deepEqual(m.regions, [
    { name: 'state', column: 'state' },
    { name: 'county', column: 'county' },
  ]);
  assert.equal(m.registered, 'registered_voters');
  assert.equal(m.ballotsCast, 'ballots_cast');
  assert.equal(m.invalid, 'invalid_votes');
  assert.equal(m.blank, 'blank');
  assert.equal(m.valid, 'candidates');
  assert.deepEqual(m.candidates, { columns: ['Alice Smith', 'Bob Jones'] });
  assert.deepEqual(m.ignore, ['notes']);
  assert.equal(m.shareOf, 'valid');
  const summary = cli(['summary', file, '--map', `${file}.mapping.yaml`, '--json']);
  assert.equal(summary.code, 0, summary.err);
  assert.equal((JSON.parse(summary.out) as { election: { name: string } }).election.name, 'county_results');
});

test('a Spanish header: a mesa code that is unique on its own is the station id', () => {
  const file = join(dir, 'actas.csv');
  writeFileSync(
    file,
    [
      'Código Mesa,Departamento,Municipio,Inscritos,Votos Emitidos,Votos Válidos,Blancos,Nulos,Partido A,Partido B',
      '10101,La Paz,El Alto,300,250,240,6,4,140,100',
      '10102,La Paz,El Alto,280,200,190,5,5,90,100',
      '20101,Oruro,Oruro,310,260,250,4,6,50,200',
    ].join('\n'),
  );
  const m = mapAndValidate(file);
  assert.deepEqual(m.station, ['Código Mesa']);
  assert.deepEqual(
    (m.regions as { name: string }[]).map((r) => r.name),
    ['Departamento', 'Municipio'],
  );
  assert.equal(m.registered, 'Inscritos');
  assert.equal(m.ballotsCast, 'Votos Emitidos');
  assert.equal(m.valid, 'Votos Válidos');
  assert.equal(m.blank, 'Blancos');
  assert.equal(m.invalid, 'Nulos');
  assert.deepEqual(m.candidates, { columns: ['Partido A', 'Partido B'] });
});

test('a Russian CIK header (from the bundled 2018 file): the suggestion reads what the russia-cik preset reads', () => {
  const m = mapAndValidate(RUSSIA);
  assert.deepEqual(m.station, ['region', 'tik', 'uik']);
  assert.equal(m.shareOf, 'ballots_found');
  assert.equal((m.ballotsCast as { sum: string[] }).sum.length, 3);
  const mapped = cli(['summary', RUSSIA, '--map', `${RUSSIA}.mapping.yaml`, '--json']);
  const preset = cli(['summary', RUSSIA, '--preset', 'russia-cik', '--json']);
  assert.equal(mapped.code, 0, mapped.err);
  type Summary = {
    stations: number;
    registered: number;
    ballotsCast: number;
    candidates: { name: string; votes: number }[];
  };
  const a = JSON.parse(mapped.out) as Summary;
  const b = JSON.parse(preset.out) as Summary;
  assert.equal(a.stations, 2000);
  assert.deepEqual([a.stations, a.registered, a.ballotsCast], [b.stations, b.registered, b.ballotsCast]);
  assert.deepEqual(a.candidates, b.candidates);
});

test("a user's dataset folder names its mapping file; the snapshot cutoff works on it", () => {
  const folder = join(dir, 'own-election');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'mapping.yaml'),
    [
      'election: { name: "Own election 2024" }',
      'station: [precinct]',
      'regions: [{ name: district, column: district }]',
      'registered: registered',
      'ballotsCast: ballotsFound',
      'valid: candidates',
      'candidates: { columns: [A, B] }',
      'shareOf: valid',
    ].join('\n'),
  );
  const rows = ['precinct,district,registered,A,B'];
  for (let i = 0; i < 60; i++) {
    const a = 200 + ((i * 37) % 90);
    const b = 150 + ((i * 53) % 80) + (i >= 45 ? 60 : 0);
    rows.push(`${i + 1},D${i % 6},${600 + (i % 7) * 10},${a},${b}`);
  }
  writeFileSync(join(folder, 'final.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(folder, 'night.csv'), `${rows.slice(0, 46).join('\n')}\n`);
  writeFileSync(
    join(folder, 'manifest.json'),
    JSON.stringify({
      name: 'Own election',
      default: 'final',
      datasets: [
        { id: 'final', file: 'final.csv', map: 'mapping.yaml', kind: 'final' },
        { id: 'night', file: 'night.csv', map: 'mapping.yaml', kind: 'snapshot', time: '2024-11-05T23:00:00Z' },
      ],
    }),
  );
  const summary = cli(['summary', folder, '--json']);
  assert.equal(summary.code, 0, summary.err);
  assert.equal((JSON.parse(summary.out) as { election: { name: string } }).election.name, 'Own election 2024');
  const late = cli(['latecount', folder, '--cutoff', 'night', '--sims', '50', '--json']);
  assert.equal(late.code, 0, late.err);
  const json = JSON.parse(late.out) as { election: string; rowAccounting: { rows: number }[] };
  assert.equal(json.election, 'Own election 2024');
  assert.deepEqual(
    json.rowAccounting.map((a) => a.rows),
    [60, 45],
  );
});

test('the notes of `tally map` and its closing line speak the language asked for', () => {
  const file = join(dir, 'lang_notes.csv');
  writeFileSync(file, ['precinct,registered,ballots_cast,Alice,Bob', '1,100,80,50,30', '2,90,70,20,50'].join('\n'));
  const expected = {
    en: {
      note: /^note: check: 2 rows, 2 stations, 2 candidates;/m,
      wrote: /^wrote .*; check it, then: tally validate /,
    },
    es: { note: /^nota: comprobación: 2 filas, 2 mesas, 2 candidatos;/m, wrote: /^se escribió .*; revíselo y luego: / },
    ru: {
      note: /^примечание: проверка: строк 2, участков 2, кандидатов 2;/m,
      wrote: /^записан файл .*; проверьте его/,
    },
  };
  for (const [lang, want] of Object.entries(expected)) {
    const r = cli(['map', file, '--lang', lang, '--out', join(dir, `lang_notes.${lang}.yaml`)]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, want.note, lang);
    assert.match(r.out, want.wrote, lang);
  }
  assert.equal(cli(['map', file, '--lang', 'fr']).code, 2);
});

test('with --lang es or ru, the notes and the YAML comments have no English in them', () => {
  const regions = join(dir, 'notes_regions.csv');
  writeFileSync(
    regions,
    [
      'state,county,precinct,registered_voters,ballots_cast,total_votes,Alice,Bob,notes',
      'North,Ash,1,1000,350,350,400,285,ok',
      'North,Ash,2,800,250,250,200,300,',
      'North,Elm,1,600,150,150,100,195,recount',
    ].join('\n'),
  );
  const guessed = join(dir, 'notes_guessed.csv');
  writeFileSync(guessed, ['place,registered,Alice,Bob', 'x,20,5,6', 'y,30,7,8'].join('\n'));
  const english =
    /station id|registered voters|ballots cast|ballots found|valid votes|candidates|ignored|shares:|first column|Suggested|Check every role|column\(s\)|check:/;
  const expected = {
    en: [/^# station id: "precinct" within its regions/m, /^# ballots cast: "ballots_cast" \+ "total_votes"$/m],
    es: [
      /^# Sugerido por `tally map` a partir del encabezado de notes_regions\.csv\./,
      /^# id de mesa: "precinct" dentro de sus regiones/m,
      /^# papeletas emitidas: "ballots_cast" \+ "total_votes"$/m,
      /^# candidatos: 2 columna\(s\)/m,
    ],
    ru: [
      /^# Предложено командой `tally map` по заголовку файла notes_regions\.csv\./,
      /^# код участка: «precinct» в пределах своих территориальных единиц/m,
      /^# выдано бюллетеней: «ballots_cast» \+ «total_votes»$/m,
      /^# кандидаты: .*: 2$/m,
    ],
  };
  for (const [lang, patterns] of Object.entries(expected)) {
    const yaml = cli(['map', regions, '--lang', lang]);
    assert.equal(yaml.code, 0, yaml.err);
    for (const pattern of patterns) assert.match(yaml.out, pattern, lang);
    if (lang === 'en') continue;
    for (const file of [regions, guessed]) {
      const comments = cli(['map', file, '--lang', lang])
        .out.split('\n')
        .filter((line) => line.startsWith('#'));
      const notes = cli(['map', file, '--lang', lang, '--json'])
        .err.split('\n')
        .filter((line) => line !== '');
      assert.equal(comments.length, notes.length + 1, `${lang} ${file}: a comment per note, and a first line`);
      assert.ok(notes.length >= 8, `${lang} ${file}: ${notes.length} notes`);
      for (const line of [...comments, ...notes]) assert.doesNotMatch(line, english, `${lang} ${file}`);
    }
  }
});
