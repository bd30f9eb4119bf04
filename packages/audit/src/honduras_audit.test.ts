/**
 * The bundled Honduras 2025 allegation, audited end to end: the late count by phase (whose jump the three positions
 * cannot support), the count-series projections, the tally-sheet agreement on every JRV, and the bottom line. The
 * reference figures are computed independently of Tally in examples/honduras-2025 (provenance/build_files.py and the
 * README): 16,307 JRVs counted at the 9 Dec cut, 2,775 counted later with a clean transcription.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { auditAllegationFile } from './audit_file.ts';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');
const ALLEGATION = join(ROOT, 'examples/honduras-2025/allegation.yaml');

test('Honduras 2025: the audit answers the late-count claim, projects the series and compares the sheets', async () => {
  const run = await auditAllegationFile(ALLEGATION, { seed: 1, lang: 'en', version: 'test' });
  assert.ok(run.ok, run.ok ? '' : run.error.message);
  const report = run.value.report;
  assert.ok(report.bottomLine && report.bottomLine.answers.length === 5);
  assert.ok(report.bottomLine.answers.some((a) => a.id === 'series_predictable'));
  const byMethod = (m: string) => report.findings.filter((f) => f.method === m);
  // The trend break needs five arrival positions a side; the phase order has two before the cut and one after.
  assert.ok(
    report.notes.some((n) =>
      /discontinuity was not run: the arrival order has 2 distinct position\(s\) before the cutoff and 1 after it/.test(
        n.text,
      ),
    ),
  );
  const series = byMethod('count_series');
  assert.equal(series.length, 2);
  const dec9 = series.find((f) => f.details.cut === '2025-12-09T03:00:00-06:00');
  assert.ok(dec9);
  // The series' last state is the declaration: PNH 1,479,822, PLH 1,452,796 (margin 27,026 of 3,674,476 votes).
  assert.deepEqual(
    [(dec9.details.finalVotes as Record<string, number>).PNH, (dec9.details.finalVotes as Record<string, number>).PLH],
    [1_479_822, 1_452_796],
  );
  assert.ok(Math.abs((dec9.details.finalMargin as number) - (100 * 27_026) / 3_674_476) < 1e-9);
  // The state at the cut is the scrape of 9 Dec 02:40:26 local time, whose PNH-PLH margin is that of the per-JRV file.
  assert.equal(dec9.details.stateAtCut, '2025-12-09T08:40:26.000Z');
  assert.ok(Math.abs((dec9.details.countedMargin as number) - (100 * (1_298_835 - 1_256_428)) / 3_204_648) < 1e-9);
  const sheets = byMethod('tally_sheet_agreement');
  assert.equal(sheets.length, 1);
  const d = sheets[0].details as { compared: number; failedChecks: { rule: string; count: number }[] };
  // Every JRV of the final table is compared or excluded with a rule: nothing is dropped silently.
  assert.equal(d.compared + d.failedChecks.reduce((s, x) => s + x.count, 0), 19_082);
  const noReading = d.failedChecks.find((x) => x.rule === 'no_second_reading')?.count ?? 0;
  // The 2,775 phase-3 JRVs have no independent reading, nor do the 279 JRVs of phases 1-2 without a transcription.
  assert.equal(noReading, 2_775 + 279);
});
