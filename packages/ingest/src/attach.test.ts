/**
 * Attaching keys files: arrival instants with their zone, covariates, named lists and joins of earlier elections,
 * and the refusals (a time without a zone, an unreadable time or zone, a list naming stations that do not exist,
 * an earlier election that does not join). Small folders written here, in the shipped presets' formats.
 * Offsets are the IANA time zone database's: America/La_Paz is UTC-4 all year since 1932; America/New_York is
 * UTC-5 in winter and UTC-4 from the second Sunday of March 2019 (10 March, 02:00 local).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { selectStations, type TallyError } from '@tally/core';
import { readAllegation, resolveAllegation } from './allegation.ts';
import { checkJoin } from './join_check.ts';
import { loadManifestDataset } from './manifest.ts';
import { readTimeZone } from './times.ts';

const root = mkdtempSync(join(tmpdir(), 'tally-attach-'));
let folders = 0;

const COMPUTO_HEADER =
  'Número Mesa,País,Departamento,Provincia,Municipio,Localidad,Distrito,Zona,Recinto,lat,lon,Inscritos,CC,FPV,MTS,UCS,MAS - IPSP,21F,PDC,MNR,PAN-BOL,Blancos,Nulos';
const COMPUTO = [
  COMPUTO_HEADER,
  '1,Bolivia,La Paz,Murillo,La Paz,La Paz,D1,Z1,Escuela A,-16.5,-68.1,200,50,1,1,1,80,1,1,1,1,5,4',
  '2,Bolivia,La Paz,Murillo,La Paz,La Paz,D1,Z1,Escuela A,-16.5,-68.1,210,60,1,1,1,70,1,1,1,1,5,4',
  '3,Bolivia,Oruro,Cercado,Oruro,Oruro,D2,Z2,Escuela B,-17.9,-67.1,190,40,1,1,1,90,1,1,1,1,5,4',
].join('\n');
const TREP_HEADER =
  'numero_mesa,codigo_mesa,id_recinto,trep_verified_at,trep_order,trep_verified_day,trep_cc,trep_mas,trep_valid';

function trepTimes(times: string[]): string {
  const rows = times.map(
    (t, i) =>
      `${i + 1},10000000000000000${i + 1},${i < 2 ? '1000000000000001' : '1000000000000002'},${t},${t === '' ? '' : i + 1},2019-10-20,${t === '' ? '' : '50'},${t === '' ? '' : '80'},${t === '' ? '' : '136'}`,
  );
  return [TREP_HEADER, ...rows].join('\n');
}

/** Writes a dataset folder: the tiny count, the keys files given, and a manifest with `computo` attaching them. */
function folder(files: Record<string, string>, attach: unknown, extra: unknown[] = []): string {
  const dir = join(root, `f${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'computo.csv'), COMPUTO);
  const datasets: unknown[] = [
    { id: 'computo', kind: 'final', file: 'computo.csv', preset: 'bolivia-2019-computo', attach },
  ];
  for (const [id, [file, preset]] of Object.entries({
    trep: ['trep.csv', 'bolivia-2019-trep-times'],
    lists: ['lists.csv', 'bolivia-2019-acta-lists'],
  })) {
    if (files[id] === undefined) continue;
    writeFileSync(join(dir, file), files[id]);
    datasets.push({ id, kind: 'keys', file, preset });
  }
  datasets.push(...extra);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ name: 'test', default: 'computo', datasets }));
  return dir;
}

async function refusal(dir: string): Promise<TallyError> {
  const r = await loadManifestDataset(dir, 'computo');
  assert.ok(!r.ok, 'the dataset is refused');
  return r.error;
}

test('a time zone is read from an offset or an IANA name, with the offset in force at that local time', () => {
  assert.equal(readTimeZone('-04:00')?.offsetAt(0), -240);
  const laPaz = readTimeZone('America/La_Paz');
  assert.ok(laPaz);
  assert.equal(laPaz.offsetAt(Date.UTC(2019, 9, 20, 19, 40, 57)), -240);
  const newYork = readTimeZone('America/New_York');
  assert.ok(newYork);
  assert.equal(newYork.offsetAt(Date.UTC(2019, 2, 10, 1, 30)), -300, 'before the change');
  assert.equal(newYork.offsetAt(Date.UTC(2019, 2, 10, 3, 30)), -240, 'after the change');
  assert.equal(newYork.offsetAt(Date.UTC(2019, 0, 15, 12)), -300);
  assert.equal(readTimeZone('Mars/Olympus_Mons'), undefined);
});

test('arrival by time: local times in the declared zone become instants; an offset in the value wins', async () => {
  const dir = folder({ trep: trepTimes(['2019-10-20T19:40:57', '2019-10-20T19:40:57+00:00', '']) }, [
    { dataset: 'trep', arrival: { attribute: 'trep_verified_at', kind: 'time', timezone: 'America/La_Paz' } },
  ]);
  const r = await loadManifestDataset(dir, 'computo');
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const t = r.value.table;
  assert.equal(t.n, 3, 'a mesa without a time is kept');
  assert.deepEqual(
    [...t.arrival!.values],
    [Date.parse('2019-10-20T23:40:57Z'), Date.parse('2019-10-20T19:40:57Z'), Number.NaN],
  );
  const warning = r.value.issues.find((i) => i.rule === 'no_time');
  assert.equal(warning?.level, 'warning');
  assert.match(warning.message, /^1 stations have no trep_verified_at \(kept, with no time\): 3$/);
});

test('a timestamp without a zone, and no declared zone, is refused naming the file, row and column', async () => {
  const dir = folder(
    { trep: trepTimes(['2019-10-20T10:00:00-04:00', '2019-10-20T19:40:57', '']) },
    {
      dataset: 'trep',
      arrival: { attribute: 'trep_verified_at', kind: 'time' },
    },
  );
  const e = await refusal(dir);
  assert.equal(e.kind, 'parse_error');
  if (e.kind !== 'parse_error') return;
  assert.equal(e.rule, 'time_without_zone');
  assert.equal(e.row, 3);
  assert.equal(e.column, 'trep_verified_at');
  assert.ok(e.file?.endsWith('trep.csv'));
  assert.match(e.message, /trep\.csv: row 3, column "trep_verified_at": time "2019-10-20T19:40:57" has no UTC offset/);
});

test('an unreadable time and an unknown zone name are refused', async () => {
  const bad = await refusal(
    folder(
      { trep: trepTimes(['20/10/2019 10:00', '', '']) },
      {
        dataset: 'trep',
        arrival: { attribute: 'trep_verified_at', kind: 'time', timezone: '-04:00' },
      },
    ),
  );
  assert.equal(bad.kind === 'parse_error' && bad.rule, 'unparseable_time');
  assert.equal(bad.kind === 'parse_error' && bad.row, 2);
  const zone = await refusal(
    folder(
      { trep: trepTimes(['2019-10-20T10:00:00', '', '']) },
      {
        dataset: 'trep',
        arrival: { attribute: 'trep_verified_at', kind: 'time', timezone: 'America/Atlantis' },
      },
    ),
  );
  assert.equal(zone.kind === 'parse_error' && zone.rule, 'unknown_time_zone');
  assert.match(zone.message, /"America\/Atlantis" is neither a UTC offset/);
});

test('covariates attach as numbers, categories and instants; regions match on an attached code', async () => {
  const dir = folder({ trep: trepTimes(['2019-10-20T10:00:00', '2019-10-20T11:00:00', '']) }, [
    {
      dataset: 'trep',
      regions: [{ name: 'recinto_code', attribute: 'recinto_code' }],
      attributes: [
        { attribute: 'trep_order' },
        { name: 'day', attribute: 'trep_verified_day' },
        { name: 'verified', attribute: 'trep_verified_at', kind: 'time', timezone: '-04:00' },
      ],
    },
  ]);
  const r = await loadManifestDataset(dir, 'computo');
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const [order, day, verified] = r.value.table.attributes ?? [];
  assert.equal(order.kind, 'number');
  assert.deepEqual([...(order as { values: Float64Array }).values], [1, 2, Number.NaN]);
  assert.equal(day.kind, 'category');
  assert.deepEqual((day as { labels: readonly string[] }).labels, ['2019-10-20']);
  assert.equal(verified.kind, 'time');
  assert.equal((verified as { values: Float64Array }).values[1], Date.parse('2019-10-20T15:00:00Z'));
  // Selecting stations carries their attributes along.
  const picked = selectStations(r.value.table, [1, 0]);
  assert.deepEqual([...(picked.attributes?.[0] as { values: Float64Array }).values], [2, 1]);
  assert.deepEqual([...(picked.attributes?.[1] as { codes: Int32Array }).codes], [0, 0]);
  const missing = await refusal(folder({ trep: trepTimes(['', '', '']) }, { dataset: 'trep', on: 'nowhere' }));
  assert.equal(missing.kind === 'parse_error' && missing.rule, 'invalid_manifest');
  assert.match(missing.message, /"nowhere" is not a region level or category attribute/);
});

test('named lists: one membership per list; an unknown acta is refused, or kept out and listed with allowUnknown', async () => {
  const lists = ['list_id,numero_mesa,codigo_mesa,id_recinto,list_label,source_variable'];
  lists.push('late,1,,,Late actas,x', 'late,3,,,Late actas,x', 'odd,2,,,Odd actas,y', 'odd,99,,,Odd actas,y');
  const spec = { dataset: 'lists', lists: { list: 'list_id', station: 'numero_mesa' } };
  const e = await refusal(folder({ lists: lists.join('\n') }, spec));
  assert.equal(e.kind === 'parse_error' && e.rule, 'unknown_station');
  assert.equal(e.kind === 'parse_error' && e.row, 5);
  assert.equal(e.kind === 'parse_error' && e.column, 'numero_mesa');
  assert.match(
    e.message,
    /lists\.csv: row 5, column "numero_mesa": list "odd" names station "99", which is not in the dataset/,
  );

  const allowed = { dataset: 'lists', lists: { list: 'list_id', station: 'numero_mesa', allowUnknown: true } };
  const r = await loadManifestDataset(folder({ lists: lists.join('\n') }, allowed), 'computo');
  assert.ok(r.ok);
  const flags = Object.fromEntries(
    (r.value.table.attributes ?? []).map((a) => [a.name, [...(a as { values: Uint8Array }).values]]),
  );
  assert.deepEqual(flags, { late: [1, 0, 1], odd: [0, 1, 0] });
  const warning = r.value.issues.find((i) => i.rule === 'unknown_station');
  assert.equal(warning?.level, 'warning');
  assert.match(warning.message, /1 list entries name stations not in the dataset .*: odd 99 \(row 5\)/);
});

const MESA_2020_HEADER =
  'codigo_mesa_2020,scope,pais,pais_nombre,departamento,departamento_nombre,provincia,provincia_nombre,cod_mun_ine,municipio_nombre,recinto_loc_rec,recinto_nombre,id_recinto_2019,recinto_nombre_2019,name_sim_2019,MAS-IPSP,CC,CREEMOS,FPV,PAN-BOL,ADN,JUNTOS,LIBRE-21,VALIDOS,BLANCOS,NULOS,EMITIDOS,INSCRITOS';

/** A 2020-format folder whose mesas carry the given 2019 recinto codes, declaring a join to `target`. */
function later(target: string, recintos: string[], minimumShare?: number): string {
  const dir = join(root, `f${folders++}`);
  mkdirSync(dir);
  const rows = recintos.map(
    (r, i) =>
      `${i + 1},domestic,BO,BOLIVIA,02,LA PAZ,0201,MURILLO,020101,LA PAZ,1,Escuela,${r},Escuela,1.0,90,50,10,0,0,0,0,0,150,3,2,155,200`,
  );
  writeFileSync(join(dir, 'mesa.csv'), [MESA_2020_HEADER, ...rows].join('\n'));
  const join_ = { data: target, dataset: 'computo', level: 'recinto_code', ...(minimumShare ? { minimumShare } : {}) };
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      name: 'later',
      default: 'mesa',
      datasets: [{ id: 'mesa', kind: 'final', file: 'mesa.csv', preset: 'bolivia-2020-mesa', join: join_ }],
    }),
  );
  return dir;
}

test('an earlier election joins on its declared level; one that does not is refused naming the file and column', async () => {
  const target = folder(
    { trep: trepTimes(['', '', '']) },
    {
      dataset: 'trep',
      regions: [{ name: 'recinto_code', attribute: 'recinto_code' }],
    },
  );
  const t19 = await loadManifestDataset(target, 'computo');
  assert.ok(t19.ok);
  const good = await loadManifestDataset(later(target, ['1000000000000001', '1000000000000002', '']));
  assert.ok(good.ok);
  const joined = checkJoin(good.value, t19.value.table, { data: target, level: 'recinto_code' });
  assert.ok(joined.ok);
  assert.deepEqual(
    { stations: joined.value.stations, joinedStations: joined.value.joinedStations, units: joined.value.joinedUnits },
    { stations: 3, joinedStations: 2, units: 2 },
  );
  // 2 of 3 stations join: enough at the default 50%, refused at a declared 90%.
  const strict = checkJoin(good.value, t19.value.table, { data: target, level: 'recinto_code', minimumShare: 0.9 });
  assert.ok(!strict.ok);
  assert.equal(strict.error.kind === 'parse_error' && strict.error.rule, 'election_does_not_join');

  // Through an allegation: the later election's codes match none of the 2019 recintos.
  const none = later(target, ['9999999999999999', '9999999999999998', '9999999999999997']);
  const allegationPath = join(root, 'allegation.json');
  writeFileSync(
    allegationPath,
    JSON.stringify({
      version: 1,
      claim: { text: 'The listed mesas were manipulated.', by: 'A test', date: '2020-10-25' },
      elections: {
        first: { data: target, dataset: 'computo' },
        second: { data: none, candidates: { favoured: 'MAS-IPSP', rival: 'CC' } },
      },
      candidates: { favoured: 'MAS - IPSP', rival: 'CC' },
      alleged: { election: 'first', stations: { ids: ['1'] } },
      analyses: [{ method: 'persistence', against: 'second', level: 'recinto_code', stratum: 'department' }],
    }),
  );
  const a = readAllegation(allegationPath);
  assert.ok(a.ok, a.ok ? '' : a.error.message);
  const r = await resolveAllegation(a.value);
  assert.ok(!r.ok, 'refused');
  assert.equal(r.error.kind === 'parse_error' && r.error.rule, 'election_does_not_join');
  assert.equal(r.error.kind === 'parse_error' && r.error.column, '"id_recinto_2019"');
  assert.match(
    r.error.message,
    /elections\.second: .*mesa\.csv: column "id_recinto_2019": only 0 of 3 stations \(0\.0%\)/,
  );
});

test('a time cutoff flags stations with no arrival time as late, and counts them in a warning', async () => {
  const dir = folder(
    { trep: trepTimes(['2019-10-20T10:00:00', '2019-10-20T21:00:00', '']) },
    {
      dataset: 'trep',
      arrival: { attribute: 'trep_verified_at', kind: 'time', timezone: 'America/La_Paz' },
    },
  );
  const path = join(root, 'time_cutoff.json');
  writeFileSync(
    path,
    JSON.stringify({
      version: 1,
      claim: { text: 'The late mesas were manipulated.', by: 'A test', date: '2019-12-04' },
      elections: { first: { data: dir, dataset: 'computo' } },
      candidates: { favoured: 'MAS - IPSP', rival: 'CC' },
      alleged: { election: 'first', cutoff: { time: '2019-10-20T19:40:57-04:00' } },
      analyses: [{ method: 'latecount' }],
    }),
  );
  const a = readAllegation(path);
  assert.ok(a.ok, a.ok ? '' : a.error.message);
  const r = await resolveAllegation(a.value);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.deepEqual([...r.value.flagged], [0, 1, 1]);
  const warning = r.value.issues.find((i) => i.rule === 'no_arrival');
  assert.equal(warning?.level, 'warning');
  assert.match(warning.message, /^1 stations of election first have no arrival value \(trep_verified_at\)/);
});
