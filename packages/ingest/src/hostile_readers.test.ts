/** Issue 21: the allegation, station-list and pattern readers under hostile input (containment, devices, bombs). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readAllegation, resolveAllegation } from './allegation.ts';
import { compileColumnPattern } from './safe_pattern.ts';
import { readSmallText } from './safe_read.ts';

const FIXTURE = new URL('../test/fixtures/allegation/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tally-hostile-readers-'));

function allegation(extra: { data?: string; stationsFile?: string }): string {
  const path = join(dir, `a${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      version: 1,
      claim: { text: 'x', by: 'y', date: '2020-10-25' },
      elections: {
        first: { data: extra.data ?? FIXTURE },
        second: { data: join(FIXTURE, 'recintos_a.csv'), preset: 'bolivia-2020-recinto' },
      },
      candidates: { favoured: 'MAS_est', rival: 'CC_est' },
      alleged: { election: 'first', stations: extra.stationsFile ? { file: extra.stationsFile } : { ids: ['1'] } },
      analyses: [{ method: 'persistence', against: 'second', level: 'recinto', stratum: 'municipality' }],
    }),
  );
  return path;
}

test('with roots, an allegation naming /etc/passwd as data or station list is refused before reading it', () => {
  for (const extra of [{ data: '/etc/passwd' }, { stationsFile: '/etc/passwd' }]) {
    const r = readAllegation(allegation(extra), { roots: [FIXTURE] });
    assert.equal(r.ok, false);
    const message = r.ok ? '' : r.error.message;
    assert.match(message, /\/etc\/passwd is outside the folders this server may read/);
    assert.doesNotMatch(message, /root:/);
  }
  assert.ok(readAllegation(allegation({}), { roots: [FIXTURE] }).ok);
});

test('a FIFO or /dev/zero as station list or allegation is refused without blocking', async () => {
  const fifo = join(dir, 'ids.fifo');
  execFileSync('mkfifo', [fifo]);
  const a = readAllegation(allegation({ stationsFile: fifo }));
  assert.ok(a.ok);
  const r = await resolveAllegation(a.value);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error.message, /ids\.fifo: the station list is not a regular file/);
  const zero = readAllegation('/dev/zero');
  assert.equal(zero.ok, false);
  assert.match(zero.ok ? '' : zero.error.message, /\/dev\/zero: the allegation file is not a regular file/);
  const big = readSmallText(join(FIXTURE, 'recintos_a.csv'), 'the list', 10);
  assert.equal(big.ok ? '' : big.error.kind === 'parse_error' && big.error.rule, 'file_too_large');
});

test('a YAML alias bomb is a user error naming the file, not an internal error', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const next = String.fromCharCode(97 + i);
    lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const path = join(dir, 'bomb.yaml');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const r = readAllegation(path);
  assert.equal(r.ok, false);
  assert.equal(r.ok ? '' : r.error.kind === 'parse_error' && r.error.rule, 'yaml_alias_bomb');
  assert.match(r.ok ? '' : r.error.message, /bomb\.yaml: /);
});

test('column patterns run in linear time: ^(a+)+$ against 40 a and a b ends, and backreferences are refused', () => {
  const p = compileColumnPattern('^(a+)+$');
  assert.ok(!('problem' in p));
  assert.equal('problem' in p ? true : p.test(`${'a'.repeat(40)}b`), false);
  assert.equal('problem' in p ? false : p.test('aaaa'), true);
  const back = compileColumnPattern('(a)\\1');
  assert.match('problem' in back ? back.problem : '', /not a valid regular expression \(RE2 syntax/);
  const cyr = compileColumnPattern('^Число избирателей, (включенных|внесенных) в списо?к');
  assert.equal('problem' in cyr ? false : cyr.test('Число избирателей, внесенных в список'), true);
});
