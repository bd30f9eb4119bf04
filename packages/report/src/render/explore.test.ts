import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MethodResult } from '@tally/core';
import { buildReport } from '../build_report.ts';
import { LANGS } from '../i18n/index.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderTerminalSummary } from './terminal.ts';

const cell = (target: string, pValue: number, warnings: string[] = []): MethodResult => ({
  method: 'c05s',
  target,
  statistic: 0.25,
  statisticName: 'share_ending_0_or_5',
  pValue,
  pValueKind: 'exact',
  n: 5000,
  excluded: [],
  details: {},
  warnings,
});

/** A run with no allegation: one departure, one cell without, one with a warning. */
function exploreReport() {
  const built = buildReport({
    title: 'A run',
    results: [cell('A', 1e-6), cell('B', 0.6, ['only 12 stations in one region'])].map((result) => ({
      result,
      context: { role: 'explore' as const },
    })),
    inputs: [{ path: 'x.csv', sha256: '0'.repeat(64) }],
    seed: 1,
    version: 'test',
  });
  assert.ok(built.ok);
  return built.value;
}

test('explore findings (no allegation) are never worded as support for an allegation, in any language', async () => {
  const report = exploreReport();
  assert.deepEqual(
    report.findings.map((f) => [f.verdict, f.explanation.message?.key]),
    [
      ['consistent_with_allegation', 'reason.explore_significant'],
      ['not_supported', 'reason.explore_not_significant'],
    ],
  );
  assert.deepEqual(
    report.caveats.slice(1, 3).map((c) => c.message?.key),
    ['caveat.explore_departs_meaning', 'caveat.explore_no_departure_meaning'],
  );
  const term = renderTerminalSummary(report, 'en');
  assert.match(term, /^\[!\] Departs from the clean-election model {2}/m);
  assert.match(term, /^\[-\] No departure found by this test {2}/m);
  const html = await renderHtml(report, 'en');
  assert.match(html, /Findings: departures from the clean-election model/);
  for (const lang of LANGS) {
    const texts = [renderTerminalSummary(report, lang), renderMarkdown(report, lang), await renderHtml(report, lang)];
    for (const text of texts) {
      assert.doesNotMatch(text, /Consistent with the allegation|Compatible con la denuncia|Согласуется с обвинением/);
    }
  }
});

test("terminal summary: a finding's warnings are printed under it", () => {
  const lines = renderTerminalSummary(exploreReport(), 'en').split('\n');
  const b = lines.findIndex((l) => l.startsWith('[-]'));
  assert.equal(lines[b + 1], '    Warnings: only 12 stations in one region');
  assert.ok(!lines[lines.findIndex((l) => l.startsWith('[!]')) + 1].startsWith('    Warnings'));
});
