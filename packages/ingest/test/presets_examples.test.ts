/**
 * The shipped presets on the bundled examples give the published national results.
 * References: OEP Bolivia, cómputo final 2019 (MAS-IPSP 2,889,359 = 47.08%, CC 2,240,920 = 36.51% of valid votes,
 * 34,555 mesas); the TREP as it stood when publication stopped on 20 Oct 2019 19:40:57 (28,975 mesas, MAS-CC
 * 7.87 points); CEC Russia, presidential election 18 Mar 2018 (97,699 UIK protocols; Putin 56,430,712 votes =
 * 76.69% of ballots found, valid + invalid, the CEC's denominator).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { summarize } from '@tally/core';
import { type LoadedTable, listPresets, loadManifestDataset, mappingShapeProblem, PRESET_DIR } from '../src/index.ts';

const EX = join(import.meta.dirname, '..', '..', '..', 'examples');

function share(s: NonNullable<ReturnType<typeof summarize>>, name: string): number {
  const c = s.candidates.find((x) => x.name === name);
  assert.ok(c, `candidate ${name}`);
  assert.ok(c.share !== null);
  return c.share;
}

function checkClean(loaded: LoadedTable): void {
  assert.equal(loaded.issues.filter((i) => i.level === 'error').length, 0, 'no error-level problems');
  assert.equal(loaded.rows, loaded.table.n + loaded.rowsExcluded, 'rows = stations + excluded');
  assert.equal(loaded.rowsExcluded, 0);
  const t = loaded.table;
  for (const col of [
    t.registered,
    t.ballotsCast,
    t.ballotsFound,
    t.valid,
    t.invalid,
    ...t.candidates.map((c) => c.votes),
  ]) {
    assert.equal(col.length, t.n);
    for (let i = 0; i < t.n; i++) assert.ok(Number.isInteger(col[i]) && col[i] >= 0, 'counts are whole and >= 0');
  }
}

test('every shipped preset is a well-formed mapping and is listed under its file name', () => {
  const presets = listPresets();
  assert.ok(presets.length >= 6);
  for (const p of presets) {
    const m = JSON.parse(readFileSync(join(PRESET_DIR, `${p.id}.json`), 'utf8'));
    assert.equal(m.id, p.id);
    assert.equal(mappingShapeProblem(m), undefined, p.id);
  }
  for (const id of [
    'bolivia-2019-computo',
    'bolivia-2019-trep',
    'bolivia-2019-arrival',
    'bolivia-2020-computo',
    'bolivia-2020-recinto',
    'russia-cik',
  ]) {
    assert.ok(
      presets.some((p) => p.id === id),
      id,
    );
  }
});

test('bolivia-2019 (folder default = cómputo final): 34,555 mesas, MAS-IPSP 47.08%, CC 36.51% of valid votes', async () => {
  const r = await loadManifestDataset(join(EX, 'bolivia-2019'));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  checkClean(r.value);
  const s = summarize(r.value.table);
  assert.ok(s);
  assert.equal(s.stations, 34_555);
  assert.equal(s.shareOf, 'valid');
  assert.equal(s.candidates.find((c) => c.name === 'MAS - IPSP')?.votes, 2_889_359);
  assert.equal(s.candidates.find((c) => c.name === 'CC')?.votes, 2_240_920);
  assert.equal(share(s, 'MAS - IPSP').toFixed(2), '47.08');
  assert.equal(share(s, 'CC').toFixed(2), '36.51');
  assert.equal(
    s.candidates.reduce((a, c) => a + c.votes, 0),
    s.valid,
    'valid = sum of party votes',
  );
  // Every station matched its arrival key: the attached arrival percentile is known everywhere.
  assert.ok(r.value.table.arrival);
  assert.equal(r.value.table.arrival.values.filter((v) => Number.isNaN(v)).length, 0);
});

test('bolivia-2019 TREP at 20 Oct 19:40:57: 28,975 mesas, MAS - CC margin 7.87 points', async () => {
  const r = await loadManifestDataset(join(EX, 'bolivia-2019'), 'trep-2019-10-20');
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  checkClean(r.value);
  const s = summarize(r.value.table);
  assert.ok(s?.margin);
  assert.equal(s.stations, 28_975);
  assert.equal(s.margin.leader, 'MAS - IPSP');
  assert.equal(s.margin.runnerUp, 'CC');
  assert.equal(s.margin.points.toFixed(2), '7.87');
  assert.ok(Math.abs(s.margin.points - (share(s, 'MAS - IPSP') - share(s, 'CC'))) < 1e-12);
});

test('russia-2018: 97,699 UIK, Putin 76.69% of ballots found (valid + invalid), 77.53% of valid votes', async () => {
  const r = await loadManifestDataset(join(EX, 'russia-2018'));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  checkClean(r.value);
  const t = r.value.table;
  const s = summarize(t, 'region');
  assert.ok(s);
  assert.equal(s.stations, 97_699);
  assert.equal(s.shareOf, 'ballots_found');
  const putin = 'Путин Владимир Владимирович';
  assert.equal(s.candidates[0].name, putin);
  assert.equal(s.candidates[0].votes, 56_430_712);
  assert.equal(share(s, putin).toFixed(2), '76.69');
  assert.equal(((100 * s.candidates[0].votes) / s.valid).toFixed(2), '77.53');
  // Regions partition the stations and the votes.
  assert.equal(
    s.regions?.reduce((a, g) => a + g.stations, 0),
    97_699,
  );
  assert.equal(
    s.regions?.reduce((a, g) => a + (g.candidates.find((c) => c.name === putin)?.votes ?? 0), 0),
    56_430_712,
  );
});

test('bolivia-2020: recinto reconstruction within 0.1 points of the OEP 2020 result; first-seen times inside the count', async () => {
  // OEP, Elecciones Generales 2020, cómputo final: MAS-IPSP 55.10%, CC 28.83%, CREEMOS 14.00% of valid votes. The
  // per-recinto file is reconstructed from published shares (exact for 5,108 of 5,477 recintos), hence the tolerance.
  const final = await loadManifestDataset(join(EX, 'bolivia-2020'), 'recinto-final');
  assert.ok(final.ok, final.ok ? '' : final.error.message);
  checkClean(final.value);
  const s = summarize(final.value.table);
  assert.ok(s);
  assert.equal(s.stations, 5_477);
  for (const [name, official] of [
    ['MAS_est', 55.1],
    ['CC_est', 28.83],
    ['CREEMOS_est', 14.0],
  ] as const) {
    assert.ok(Math.abs(share(s, name) - official) < 0.1, `${name} ${share(s, name)} vs ${official}`);
  }

  const partial = await loadManifestDataset(join(EX, 'bolivia-2020'));
  assert.ok(partial.ok, partial.ok ? '' : partial.error.message);
  checkClean(partial.value);
  const t = partial.value.table;
  assert.equal(t.n, 18_557);
  assert.equal(t.arrival?.kind, 'time');
  // Local times (UTC-4) parsed as instants: none before polls closed (18 Oct 17:00), none after the snapshot.
  const closed = Date.parse('2020-10-18T17:00:00-04:00');
  const snapshot = Date.parse('2020-10-20T02:18:35-04:00');
  let last = -Infinity;
  for (const v of t.arrival?.values ?? []) {
    assert.ok(Number.isFinite(v) && v >= closed && v <= snapshot, new Date(v).toISOString());
    last = Math.max(last, v);
  }
  assert.equal(last, snapshot, 'the latest mesa appeared in the snapshot itself');
});
