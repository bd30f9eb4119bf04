/**
 * The bottom line on the bundled Bolivia audits (issue #16), with the late-count and persistence analyses only (the
 * battery does not enter the bottom line). Slow: each audit measures power by injection (minutes on a loaded
 * machine); the limits below are generous and nothing here depends on time.
 *
 * - 2019 (the OAS allegation): the three questions answered, each answer's verdict the one its findings give, every
 *   late-count and persistence finding carrying its power at the alleged size, and "injected manipulation of 3x the
 *   alleged size is detected with power >= 0.8 by at least one late-count test".
 * - 2020 (a negative control nobody disputes): no late-count or persistence finding consistent with the allegation.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readAllegation, resolveAllegation } from '@tally/ingest';
import { answerVerdict, buildReport, type Report } from '@tally/report';
import { runAudit } from './run_audit.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LATE_COUNT = new Set(['counterfactual_projection', 'discontinuity']);

async function auditWithoutBattery(example: string): Promise<Report> {
  const read = readAllegation(join(ROOT, 'examples', example, 'allegation.yaml'));
  assert.ok(read.ok, read.ok ? '' : read.error.message);
  const allegation = { ...read.value, analyses: read.value.analyses.filter((a) => a.method !== 'battery') };
  const resolved = await resolveAllegation(allegation);
  assert.ok(resolved.ok, resolved.ok ? '' : resolved.error.message);
  const report = buildReport({ ...(await runAudit(resolved.value, 1, 'test')).input, lang: 'en' });
  assert.ok(report.ok);
  return report.value;
}

test(
  'Bolivia 2019: the bottom line answers the three questions from its findings, with power',
  { timeout: 900_000 },
  async () => {
    const report = await auditWithoutBattery('bolivia-2019');
    const b = report.bottomLine;
    assert.ok(b);
    assert.deepEqual(
      b.answers.map((a) => a.id),
      ['predictable_from_counted', 'trend_break', 'flagged_differ'],
    );
    for (const a of b.answers) {
      const findings = report.findings.filter((f) => a.findingIds.includes(f.id));
      assert.equal(findings.length, a.findingIds.length, `${a.id}: every finding named exists`);
      assert.ok(findings.length > 0, `${a.id} rests on findings`);
      assert.equal(a.verdict, answerVerdict(findings.map((f) => f.verdict)), a.id);
      assert.ok(a.power, `${a.id} has its power`);
      assert.ok(a.decisive, `${a.id} has its decisive number`);
      assert.doesNotMatch(`${a.question.text} ${a.answer.text} ${a.unexplained?.text ?? ''}`, /fraud|clean/i);
    }
    const projection = b.answers[0].decisive;
    assert.ok(projection?.interval);
    assert.ok(projection.interval[0] < projection.value && projection.value < projection.interval[1]);
    // Every late-count and persistence finding carries its power; "not supported" only with power >= 0.8.
    const claimFindings = report.findings.filter((f) => LATE_COUNT.has(f.method) || f.method === 'persistence');
    assert.ok(claimFindings.length >= 4);
    for (const f of claimFindings) {
      const p = f.powerAtAllegedSize;
      assert.ok(p, `${f.id} has its power`);
      assert.ok(p.interval[0] <= p.power && p.power <= p.interval[1], f.id);
      if (f.verdict === 'not_supported') assert.ok(p.power >= 0.8, f.id);
      if (f.verdict === 'inconclusive' && f.verdictReason === 'low_power') assert.ok(p.power < 0.8, f.id);
    }
    // 3x the alleged size is seen with power >= 0.8 by at least one late-count test (the projection: 200 of 200).
    const at3x = claimFindings
      .filter((f) => LATE_COUNT.has(f.method))
      .map((f) => f.powerAtAllegedSize?.powerAt3x?.power ?? 0);
    assert.ok(Math.max(...at3x) >= 0.8, `power at 3x: ${at3x.join(', ')}`);
    // The sensitivity table: the baseline row first, its median inside the stated spread.
    const s = b.sensitivity;
    assert.ok(s && s.rows.length >= 8);
    const median = s.rows[0].values.median;
    assert.ok(median !== null && s.spread.median[0] <= median && median <= s.spread.median[1]);
  },
);

test(
  'Bolivia 2020 negative control: no late-count or persistence finding is consistent with the allegation',
  { timeout: 900_000 },
  async () => {
    const report = await auditWithoutBattery('bolivia-2020');
    const claimFindings = report.findings.filter((f) => LATE_COUNT.has(f.method) || f.method === 'persistence');
    assert.ok(claimFindings.length >= 3);
    const consistent = claimFindings.filter((f) => f.verdict === 'consistent_with_allegation').map((f) => f.id);
    assert.deepEqual(consistent, []);
    assert.ok(report.bottomLine);
    for (const a of report.bottomLine.answers) assert.notEqual(a.verdict, 'consistent_with_allegation', a.id);
  },
);
