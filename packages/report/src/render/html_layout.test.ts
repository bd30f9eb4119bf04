import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleReport, sampleReportInput, sampleReportWithBottomLine } from '../../test/sample_report.ts';
import { buildReport } from '../build_report.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { issuesByRule, validationCsv } from './validation_summary.ts';

function positions(html: string, ids: readonly string[]): number[] {
  return ids.map((id) => {
    const at = html.indexOf(`id="${id}"`);
    assert.ok(at >= 0, `no element with id ${id}`);
    return at;
  });
}

test('HTML layout: bottom line, sensitivity, the claim and its findings, replays, then the appendix', async () => {
  const base = sampleReportInput('en');
  const built = buildReport({
    ...base,
    replays: [
      {
        id: 'oas_trend_break',
        title: { key: 'cli.count', params: { n: 'R-1' } },
        published: { value: 10.57, unit: 'points', source: 'S-1' },
        reproduced: { value: 10.32, interval: [9.77, 10.86], intervalKind: 'K-1', unit: 'points' },
        note: { key: 'cli.count', params: { n: 'N-1' } },
        says: { key: 'cli.count', params: { n: 'Y-1' } },
      },
    ],
  });
  assert.ok(built.ok);
  const report = { ...built.value, bottomLine: sampleReportWithBottomLine('en').bottomLine };
  const html = await renderHtml(report, 'en');
  const order = positions(html, [
    'bottom-line',
    'sensitivity',
    'claim',
    'replays',
    'appendix',
    'screens',
    'validation',
  ]);
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
    'sections out of order',
  );
  // Findings that test the allegation are in the claim section; the screens only in the appendix.
  const claim = html.slice(order[2], order[3]);
  const appendix = html.slice(order[4]);
  for (const f of report.findings) {
    const inClaim = claim.includes(`id="finding-${report.findings.indexOf(f) + 1}"`);
    assert.equal(inClaim, f.role === 'allegation', f.id);
    assert.equal(appendix.includes(`id="finding-${report.findings.indexOf(f) + 1}"`), f.role === 'screen', f.id);
  }
  assert.ok(html.includes('Y-1') && html.includes('interval 9.77 to 10.86'));
});

test('bottom line: question, answer, decisive number with its interval, power, what stays unexplained', async () => {
  const report = sampleReportWithBottomLine('en');
  const html = await renderHtml(report, 'en');
  const first = html.slice(html.indexOf('id="answer-1"'), html.indexOf('id="answer-2"'));
  assert.ok(first.includes('Was the final margin predictable from the counted stations?'));
  assert.ok(first.includes('<b class="value">10.32</b> <span class="unit">points</span>'));
  assert.ok(first.includes('interval 9.77 to 10.86'));
  assert.ok(first.includes('93%: the test detected 372 of 400 manipulations'));
  assert.ok(first.includes('About a sixth of the late shift'));
  assert.ok(first.includes(`href="#finding-1"`));
  assert.ok(!first.includes('low-power'), 'power 0.93 is not flagged');
  const second = html.slice(html.indexOf('id="answer-2"'), html.indexOf('id="answer-3"'));
  assert.ok(second.includes('class="low-power"'), 'power 0.12 is flagged');
  assert.ok(second.includes('-1.20'));
  const third = html.slice(html.indexOf('id="answer-3"'), html.indexOf('</section>', html.indexOf('id="answer-3"')));
  assert.ok(third.includes('not measured'));
  assert.ok(html.includes('Across these choices, projected median ranges from 10.10 to 10.41.'));
  const sensitivity = html.slice(html.indexOf('id="sensitivity"'), html.indexOf('id="claim"'));
  assert.equal((sensitivity.match(/<tr>/g) ?? []).length, 1 + 3 + 1, 'header, three rows, the spread');
  assert.ok(sensitivity.includes('<td class="num">—</td>'), 'a value that could not be computed');
  const es = await renderHtml(report, 'es');
  assert.ok(es.includes('<b class="value">10,32</b>') && es.includes('intervalo de 9,77 a 10,86'));
});

test('no bottom line: nothing is rendered for it (no empty box)', async () => {
  const html = await renderHtml(sampleReport('en'), 'en');
  assert.ok(!html.includes('id="bottom-line"') && !html.includes('id="sensitivity"'));
  assert.ok(!html.includes('The answers in brief'));
  assert.ok(html.indexOf('id="claim"') < html.indexOf('id="appendix"'));
});

test('validation issues as CSV: a header, one line per issue, CRLF line ends, formulas neutralised', () => {
  const csv = validationCsv([
    { level: 'warning', file: 'f.csv', row: 3, column: 'Votos', rule: 'r', message: '=1+1' },
    { level: 'error', file: 'f.csv', rule: 's', message: 'no row' },
  ]);
  assert.equal(
    csv,
    "level,file,row,column,rule,message\r\nwarning,f.csv,3,Votos,r,'=1+1\r\nerror,f.csv,,,s,no row\r\n",
  );
});

test('validation issues by rule: errors first, then the most frequent; the first example of each', () => {
  const rules = issuesByRule([
    { level: 'warning', file: 'a.csv', row: 2, rule: 'sum', message: 'm2' },
    { level: 'warning', file: 'a.csv', row: 5, rule: 'sum', message: 'm5' },
    { level: 'warning', file: 'a.csv', row: 7, rule: 'blank', message: 'm7' },
    { level: 'error', file: 'b.csv', row: 9, column: 'c', rule: 'nan', message: 'm9' },
  ]);
  assert.deepEqual(
    rules.map((r) => [r.rule, r.level, r.count, r.first.message]),
    [
      ['nan', 'error', 1, 'm9'],
      ['sum', 'warning', 2, 'm2'],
      ['blank', 'warning', 1, 'm7'],
    ],
  );
});

test('Markdown opens with the bottom line when there is one, and says nothing of it otherwise', () => {
  const md = renderMarkdown(sampleReportWithBottomLine('en'), 'en');
  const at = md.indexOf('## The answers in brief');
  assert.ok(at > 0 && at < md.indexOf('## Summary'));
  assert.ok(md.includes('- **projected final margin:** 10.32 points (interval 9.77 to 10.86)'));
  assert.ok(md.includes('Below 80%'));
  assert.ok(!renderMarkdown(sampleReport('en'), 'en').includes('The answers in brief'));
});
