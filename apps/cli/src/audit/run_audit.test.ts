import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, simulateElection } from '@tally/core';
import { fingerprint } from './battery_plots.ts';
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
