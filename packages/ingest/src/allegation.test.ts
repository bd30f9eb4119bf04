import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkAllegation, parseInstant, readAllegation, resolveAllegation } from './allegation.ts';

const FIXTURE = new URL('../test/fixtures/allegation/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tally-allegation-'));

function base(): Record<string, unknown> {
  return {
    version: 1,
    claim: { text: 'The listed recintos were manipulated.', by: 'A test', date: '2020-10-25' },
    elections: {
      first: { data: FIXTURE },
      second: { data: join(FIXTURE, 'recintos_a.csv'), preset: 'bolivia-2020-recinto' },
    },
    candidates: { favoured: 'MAS_est', rival: 'CC_est' },
    alleged: { election: 'first', stations: { ids: ['1000000000000001', '1000000000000004'] } },
    analyses: [{ method: 'persistence', against: 'second', level: 'recinto', stratum: 'municipality' }],
  };
}

let k = 0;
function writeJson(value: unknown): string {
  const path = join(dir, `allegation_${k++}.json`);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

async function resolveError(value: unknown): Promise<string> {
  const a = readAllegation(writeJson(value));
  if (!a.ok) return a.error.message;
  const r = await resolveAllegation(a.value);
  return r.ok ? 'ok' : r.error.message;
}

function schemaError(value: unknown): string {
  const r = checkAllegation(value, join(dir, 'x.yaml'));
  return r.ok ? 'ok' : r.error.message;
}

test('the fixture allegation (YAML, ids from a file) resolves; paths are relative to the allegation file', async () => {
  const a = readAllegation(join(FIXTURE, 'valid.yaml'));
  assert.ok(a.ok, a.ok ? '' : a.error.message);
  assert.equal(a.value.alleged.stations?.kind, 'file');
  const r = await resolveAllegation(a.value);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.flaggedCount, 2);
  assert.deepEqual(
    r.value.inputs.map((i) => i.path),
    ['flagged_ids.txt', 'manifest.json', 'recintos_a.csv', 'valid.yaml'],
  );
  assert.ok(r.value.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256)));
  assert.equal(r.value.elections.get('second')?.table.n, 6);
});

test('a missing allegation file, a folder, and malformed YAML give clear errors', () => {
  const missing = readAllegation(join(dir, 'nope.yaml'));
  assert.ok(!missing.ok && missing.error.kind === 'io_error' && /not found/.test(missing.error.message));
  const folder = readAllegation(dir);
  assert.ok(!folder.ok && /is a folder/.test(folder.error.message));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'claim:\n  text: "unterminated\n  by: x\n');
  const r = readAllegation(bad);
  assert.ok(!r.ok && r.error.kind === 'parse_error' && /line \d+/.test(r.error.message), r.ok ? '' : r.error.message);
});

test('malformed cutoffs name the problem', () => {
  const withCutoff = (cutoff: unknown) => {
    const v = base();
    v.alleged = { election: 'first', cutoff };
    return schemaError(v);
  };
  assert.match(
    withCutoff({ time: '2019-10-20 19:40:57' }),
    /alleged\.cutoff\.time: .*ISO 8601 instant with a UTC offset/,
  );
  assert.match(withCutoff({ time: '2019-02-31T10:00:00-04:00' }), /alleged\.cutoff\.time/);
  assert.match(withCutoff({ percentile: 120 }), /alleged\.cutoff\.percentile: must be between 0 and 100/);
  assert.match(withCutoff({ percentile: 'late' }), /alleged\.cutoff\.percentile: must be a number/);
  assert.match(withCutoff('19:40'), /alleged\.cutoff: must be a mapping/);
  assert.match(withCutoff({ snapshot: 'x', percentile: 3 }), /exactly one of/);
  assert.equal(withCutoff({ time: '2019-10-20T19:40:57-04:00' }), 'ok');
});

test('schema errors: unknown keys, missing parts, bad references', () => {
  const v1 = base();
  (v1.claim as Record<string, unknown>).who = 'x';
  assert.match(schemaError(v1), /claim: unknown key "who"/);
  const v2 = base();
  delete (v2.candidates as Record<string, unknown>).favoured;
  assert.match(schemaError(v2), /candidates\.favoured/);
  const v3 = base();
  v3.analyses = [{ method: 'persistence', against: 'third', level: 'recinto' }];
  assert.match(schemaError(v3), /analyses\[0\]\.against: "third" is not one of the elections/);
  const v4 = base();
  v4.analyses = [{ method: 'benford_magic' }];
  assert.match(schemaError(v4), /analyses\[0\]\.method: must be one of latecount, persistence, battery/);
  const v5 = base();
  v5.alleged = { election: 'first' };
  assert.match(schemaError(v5), /say what is alleged/);
  const v6 = base();
  (v6.claim as Record<string, unknown>).date = '25/10/2020';
  assert.match(schemaError(v6), /claim\.date/);
  const v7 = base();
  v7.analyses = [{ method: 'latecount' }];
  assert.match(schemaError(v7), /latecount needs alleged\.cutoff/);
  const v8 = base();
  v8.analyses = [{ method: 'persistence', against: 'first', level: 'recinto' }];
  assert.match(schemaError(v8), /ANOTHER election/);
});

test('data errors: a candidate not in the data, unknown station ids, a missing data file', async () => {
  const v1 = base();
  v1.candidates = { favoured: 'MAS' };
  assert.match(await resolveError(v1), /candidates\.favoured: "MAS" is not a candidate in election first .*"MAS_est"/);
  const v2 = base();
  v2.alleged = { election: 'first', stations: { ids: ['1000000000000001', '999', '123'] } };
  assert.match(await resolveError(v2), /alleged\.stations: 2 station id\(s\) are not in election first: "999", "123"/);
  const v3 = base();
  (v3.elections as Record<string, unknown>).second = { data: join(dir, 'missing.csv'), preset: 'bolivia-2020-recinto' };
  assert.match(await resolveError(v3), /elections\.second\.data: no such file or folder/);
  const v4 = base();
  v4.alleged = { election: 'first', stations: { file: join(dir, 'no_ids.txt') } };
  assert.match(await resolveError(v4), /alleged\.stations\.file: file not found/);
  const v5 = base();
  v5.alleged = { election: 'first', cutoff: { snapshot: 'trep' } };
  v5.analyses = [{ method: 'latecount' }];
  assert.match(await resolveError(v5), /alleged\.cutoff\.snapshot: .*no dataset "trep"/);
  const v6 = base();
  v6.alleged = { election: 'first', cutoff: { percentile: 80 } };
  v6.analyses = [{ method: 'latecount' }];
  assert.match(await resolveError(v6), /has no arrival order/);
});

test('region and filter selectors flag the right stations', async () => {
  const v1 = base();
  v1.alleged = { election: 'first', region: { level: 'municipality', label: 'Potosí' } };
  const a1 = readAllegation(writeJson(v1));
  assert.ok(a1.ok);
  const r1 = await resolveAllegation(a1.value);
  assert.ok(r1.ok);
  assert.deepEqual(Array.from(r1.value.flagged), [0, 0, 0, 1, 1, 1]);
  const v2 = base();
  v2.alleged = { election: 'first', stations: { filter: [{ column: 'share:MAS_est', op: '>=', value: 0.6 }] } };
  const a2 = readAllegation(writeJson(v2));
  assert.ok(a2.ok);
  const r2 = await resolveAllegation(a2.value);
  assert.ok(r2.ok);
  assert.deepEqual(Array.from(r2.value.flagged), [0, 0, 1, 1, 1, 0]);
  const v3 = base();
  v3.alleged = { election: 'first', region: { level: 'municipality', label: 'Oruro' } };
  assert.match(await resolveError(v3), /no municipality is named "Oruro"/);
  const v4 = base();
  v4.alleged = { election: 'first', stations: { filter: { column: 'share:MAS', op: '>', value: 0.5 } } };
  assert.match(await resolveError(v4), /filter\[0\]\.column: candidate "MAS" is not in the data/);
});

test('parseInstant requires an offset and a real date', () => {
  assert.equal(parseInstant('2019-10-20T19:40:57-04:00'), Date.UTC(2019, 9, 20, 23, 40, 57));
  assert.equal(parseInstant('2019-10-20T23:40:57Z'), Date.UTC(2019, 9, 20, 23, 40, 57));
  assert.equal(parseInstant('2019-10-20T19:40:57'), null);
  assert.equal(parseInstant('2019-13-01T00:00Z'), null);
  assert.equal(parseInstant('2019-04-31T00:00Z'), null);
});

test('code_then_name needs the name and region levels', () => {
  const v = base();
  v.analyses = [{ method: 'persistence', against: 'second', level: 'recinto', matchBy: 'code_then_name' }];
  assert.match(schemaError(v), /analyses\[0\]: matchBy: code_then_name needs nameLevel/);
  v.analyses = [
    {
      method: 'persistence',
      against: 'second',
      level: 'recinto',
      matchBy: 'code_then_name',
      nameLevel: 'recinto',
      nameWithin: 'municipality',
    },
  ];
  const r = checkAllegation(v, join(dir, 'x.yaml'));
  assert.ok(r.ok);
  const a = r.value.analyses[0];
  assert.ok(a.method === 'persistence' && a.names?.unit === 'recinto' && a.names.within === 'municipality');
});

test('battery: methods and exclude are lists of method ids', () => {
  const v = base();
  v.analyses = [{ method: 'battery', exclude: ['finite_mixture'], methods: ['last_digit'] }];
  const r = checkAllegation(v, join(dir, 'x.yaml'));
  assert.ok(r.ok);
  assert.deepEqual(r.value.analyses[0], { method: 'battery', methods: ['last_digit'], exclude: ['finite_mixture'] });
  v.analyses = [{ method: 'battery', exclude: 'finite_mixture' }];
  assert.match(schemaError(v), /analyses\[0\]\.exclude: must be a list of method ids/);
});

test('the row policy holds in an audit: an error row refuses the data unless invalid rows are excluded', async () => {
  const rows = readFileSync(join(FIXTURE, 'recintos_a.csv'), 'utf8').trimEnd().split('\n');
  const bad = rows[1].split(',');
  bad[0] = '1000000000000099';
  bad[14] = '-1'; // MAS_est, a candidate column
  const empty = rows[2].split(',').map((v, i) => (i < 6 ? `${v}${i === 0 ? '8' : ''}` : ''));
  const data = join(dir, 'recintos_bad.csv');
  writeFileSync(data, `${[...rows, bad.join(','), empty.join(',')].join('\n')}\n`);
  const value = base();
  (value.elections as Record<string, unknown>).second = { data, preset: 'bolivia-2020-recinto' };
  const a = readAllegation(writeJson(value));
  assert.ok(a.ok, a.ok ? '' : a.error.message);
  const refused = await resolveAllegation(a.value);
  assert.ok(!refused.ok);
  assert.match(
    refused.error.message,
    /elections\.second: .*1 row\(s\) with error-level problems, first: .*negative_count/,
  );
  assert.match(refused.error.message, /--exclude-invalid/);
  const r = await resolveAllegation(a.value, { excludeInvalid: true });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const second = r.value.elections.get('second')!.loaded;
  assert.equal(second.rows, rows.length + 1);
  assert.equal(second.rowsExcluded, 2);
});
