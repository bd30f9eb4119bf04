/**
 * The Venezuela 2024 allegation end to end: the bottom line answers both claims, with the numbers the example's
 * README and docs/methods/announced_total_consistency.md quote (hand sums of the file: González 7,304,224 collected
 * against 5,326,104 announced; Maduro 6,408,844 - 3,316,258 = 3,092,586 needed; ballots 12,386,669 - 10,889,346 =
 * 1,497,323), and the same seed gives the same bytes.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { auditAllegationFile } from './audit_file.ts';

const ALLEGATION = join(import.meta.dirname, '..', '..', '..', 'examples', 'venezuela-2024', 'allegation.yaml');

test('venezuela-2024: the bottom line answers the announced totals and the fabrication counter-claim', async () => {
  const run = await auditAllegationFile(ALLEGATION, { seed: 1, lang: 'en', version: 'test' });
  assert.ok(run.ok, run.ok ? '' : run.error.message);
  const { report, reportJson } = run.value;
  const answers = report.bottomLine?.answers ?? [];
  assert.deepEqual(
    answers.map((a) => a.id),
    ['announced_totals_hold', 'sheets_fabricated'],
  );
  const [hold, fabricated] = answers;
  assert.equal(hold.verdict, 'consistent_with_allegation');
  assert.match(hold.answer.text, /7,304,224 votes for gonzalez_edmundo; 5,326,104 were announced/);
  assert.match(hold.answer.text, /3,092,586 more votes from the missing stations, which would add 1,497,323 voters/);
  assert.match(
    hold.answer.text,
    /If the collected sheets are genuine, the arithmetic alone rules the announced totals out/,
  );
  assert.match(hold.unexplained?.text ?? '', /more than all of their voters/);
  // integer_percent's simulated power against rounding on 5% of sheets is 0.80 since its p-values became exact
  // (docs/calibration.md, 50 runs): the rule's threshold, so no rejection now reads "not supported", not "inconclusive".
  assert.equal(fabricated.verdict, 'not_supported');
  assert.match(
    fabricated.answer.text,
    /^The data do not support the counter-claim on this question\. Answered from the \d+ digit.* to 80% with 5% of sheets fabricated/,
  );
  assert.ok(fabricated.findingIds.length >= 5);
  const again = await auditAllegationFile(ALLEGATION, { seed: 1, lang: 'en', version: 'test' });
  assert.ok(again.ok);
  assert.equal(again.value.reportJson, reportJson);
});
