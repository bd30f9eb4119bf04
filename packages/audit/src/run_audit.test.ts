import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, simulateElection } from '@tally/core';
import type { LoadedElection } from '@tally/ingest';
import { fingerprint } from './battery_plots.ts';
import { otherElectionMargins } from './latecount_findings.ts';
import { votesAboveThreshold } from './run_audit.ts';

test('votesAboveThreshold: the votes whose switch back would bring the margin down to the threshold', () => {
  const { table } = simulateElection({ stations: 50, candidates: 2 }, createRng(3));
  const [a, b] = table.candidates;
  const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
  const va = sum(a.votes);
  const vb = sum(b.votes);
  const valid = sum(table.valid);
  const margin = (100 * (va - vb)) / valid;
  const threshold = Math.floor(margin) - 1;
  const v = votesAboveThreshold(table, a.name, b.name, threshold);
  // Switching v votes back from a to b puts the margin at or just below the threshold; v - 1 does not.
  assert.ok((100 * (va - v - (vb + v))) / valid <= threshold + 1e-9);
  assert.ok((100 * (va - (v - 1) - (vb + v - 1))) / valid > threshold);
  assert.equal(votesAboveThreshold(table, a.name, b.name, margin + 1), 0);
});

test('fingerprint bins every station with a turnout and a share in [0, 1]', () => {
  const { table } = simulateElection({ stations: 300 }, createRng(5));
  const plot = fingerprint(table, table.candidates[0].name);
  assert.ok(plot && plot.kind === 'fingerprint');
  assert.equal(plot.counts.length, 2500);
  assert.equal(
    plot.counts.reduce((s, c) => s + c, 0),
    table.n,
  );
  assert.equal(fingerprint(table, 'nobody'), null);
});

test('otherElectionMargins: margin per unit label, or per station id without a level', () => {
  const { table } = simulateElection({ stations: 200, candidates: 3, regions: 2, districtsPerRegion: 3 }, createRng(8));
  const [a, b] = table.candidates;
  const election = {
    spec: { id: 'other', data: '/x' },
    table,
    names: { favoured: a.name, rival: b.name },
  } as unknown as LoadedElection;
  const byDistrict = otherElectionMargins(election, 'district', 'district');
  assert.ok(byDistrict);
  const d = table.regions[2];
  for (const [label, margin] of byDistrict.marginByKey) {
    let va = 0;
    let vb = 0;
    let vd = 0;
    for (let i = 0; i < table.n; i++) {
      if (d.labels[d.codes[i]] !== label) continue;
      va += a.votes[i];
      vb += b.votes[i];
      vd += table.valid[i];
    }
    assert.ok(Math.abs(margin - (100 * (va - vb)) / vd) < 1e-9);
  }
  assert.equal(byDistrict.marginByKey.size, new Set(d.codes).size);
  const byId = otherElectionMargins(election, undefined, 'recinto_code');
  assert.equal(byId?.marginByKey.size, table.n);
  assert.equal(byId?.level, 'recinto_code');
  const noRival = otherElectionMargins({ ...election, names: { favoured: a.name } } as LoadedElection, 'district', 'x');
  assert.equal(noRival, null);
});
