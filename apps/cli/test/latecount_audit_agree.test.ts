/**
 * `tally latecount` and `tally audit` report one p-value for the jump at the cutoff. Both commands run on the bundled
 * Bolivia 2019 final count ordered by TREP verification time (the percentile arrival has too few positions after the
 * halt for the test to run), cut at the TREP halt; the audit's discontinuity finding, the latecount JSON and the
 * latecount terminal line must carry the same number, and that number is the placebo rank p-value counted from the
 * placebo estimates: (1 + placebo cutoffs with a jump at least as large in absolute value) / (1 + placebo cutoffs).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runAudit } from '@tally/audit';
import { readAllegation, resolveAllegation } from '@tally/ingest';
import { formatPValue } from '@tally/report';
import { ROOT, runCli } from './run_cli.ts';

const HALT = '2019-10-20T19:40:57-04:00';
const ARGS = ['latecount', 'examples/bolivia-2019', '--dataset', 'computo-trep-time', '--cutoff', HALT, '--seed', '1'];

test('Bolivia 2019: the jump p-value of `tally latecount` (JSON and text) is the audit finding one', async () => {
  const read = readAllegation(join(ROOT, 'examples', 'bolivia-2019', 'allegation.yaml'));
  assert.ok(read.ok);
  // The late-count analysis only: the battery and persistence do not touch the jump.
  const allegation = {
    ...read.value,
    elections: read.value.elections.map((e) => (e.id === 'bolivia-2019' ? { ...e, dataset: 'computo-trep-time' } : e)),
    alleged: { ...read.value.alleged, cutoff: { kind: 'time' as const, iso: HALT, ms: Date.parse(HALT) } },
    analyses: read.value.analyses.filter((a) => a.method === 'latecount'),
  };
  const resolved = await resolveAllegation(allegation);
  assert.ok(resolved.ok);
  const audit = await runAudit(resolved.value, 1, 'test');
  const finding = audit.input.results.find(
    (r) => r.result.method === 'discontinuity' && r.result.statisticName === 'margin_jump_at_cutoff_points',
  );
  assert.ok(finding, 'the audit reports the jump');
  const auditP = finding.result.pValue;
  assert.equal(finding.result.pValueKind, 'monte_carlo');

  const json = await runCli([...ARGS, '--json']);
  assert.equal(json.code, 0, json.stderr);
  const d = JSON.parse(json.stdout).discontinuity;
  assert.equal(d.pValue, auditP);
  assert.equal(d.pValueKind, 'placebo');
  assert.equal(d.estimate, finding.result.statistic);
  // The definition, counted from the placebo estimates latecount prints.
  const placebos: number[] = d.placebo.estimates;
  const atLeast = placebos.filter((e) => Math.abs(e) >= Math.abs(d.estimate)).length;
  assert.equal(auditP, (1 + atLeast) / (1 + placebos.length));
  // The asymptotic p is a detail, not the reported p-value.
  assert.notEqual(d.asymptoticPValue, auditP);

  const text = await runCli(ARGS);
  assert.equal(text.code, 0, text.stderr);
  assert.match(
    text.stdout,
    new RegExp(`jump [^\\n]*; p-value ${formatPValue(auditP ?? Number.NaN, 'en')}, from placebo`),
  );
});
