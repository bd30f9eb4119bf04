/** Findings of a run or an audit: verdicts, statistics, plots, downloads. */
import {
  explanationText,
  type Finding,
  findingTitle,
  type Report,
  regionLabel,
  targetLabel,
  translate,
} from '@tally/report';
import { h, num, state, t, tr } from './dom.ts';
import type { UiKey } from './messages.ts';
import { showPlot } from './plots.ts';

/** Renders the findings table, the plots and the download links; redraws them when the language changes. */
export function findingsSection(
  report: Report,
  failures: { method: string; error: string }[],
  jobPath: string,
  token: string,
  downloads: readonly string[],
): HTMLElement {
  const container = h('div', { id: 'findings' });
  const draw = () => container.replaceChildren(...findingsContent(report, failures, jobPath, token, downloads));
  const onLang = () => (container.isConnected ? draw() : document.removeEventListener('tally:lang', onLang));
  document.addEventListener('tally:lang', onLang);
  draw();
  return container;
}

function findingsContent(
  report: Report,
  failures: { method: string; error: string }[],
  jobPath: string,
  token: string,
  downloads: readonly string[],
): HTMLElement[] {
  const plots = h('div', { className: 'plots' });
  for (const f of report.findings) {
    if (!f.plot) continue;
    const box = h('div');
    plots.append(
      h(
        'div',
        {},
        h('h3', {}, `${findingTitle(f, state.lang)}${f.target ? ` · ${targetLabel(f, state.lang)}` : ''}`),
        box,
      ),
    );
    void showPlot(box, f.plot);
  }
  // The files the server offers for this job (battery.xlsx for a run, flagged.csv where stations are flagged).
  const links = downloads.map((file) =>
    h(
      'a',
      { href: `${jobPath}/${file}?${token}&lang=${state.lang}`, download: file, style: 'margin-right: 1rem' },
      FILE_LABELS[file] === undefined ? file : `${t(FILE_LABELS[file])} (${file})`,
    ),
  );
  return [
    tr('findingsTitle', 'h2'),
    report.findings.length === 0 ? tr('noFindings', 'p') : h('span'),
    h(
      'div',
      { style: 'max-height: 420px; overflow-y: auto' },
      h(
        'table',
        {},
        h(
          'tr',
          {},
          tr('method', 'th'),
          tr('target', 'th'),
          tr('region', 'th'),
          tr('statistic', 'th'),
          tr('pValue', 'th'),
          tr('adjustedP', 'th'),
          tr('verdict', 'th'),
        ),
        ...report.findings.map((f) =>
          h(
            'tr',
            { title: explanationText(f, state.lang) },
            h('td', {}, findingTitle(f, state.lang)),
            h('td', {}, targetLabel(f, state.lang)),
            h('td', {}, regionLabel(f, state.lang)),
            h('td', { className: 'num' }, `${f.statisticName} = ${num(f.statistic, 3)}`),
            h('td', { className: 'num' }, f.pValue === null ? '–' : num(f.pValue, 4)),
            h('td', { className: 'num' }, f.adjustedPValue === null ? '–' : num(f.adjustedPValue, 4)),
            h('td', {}, verdictBadge(f)),
          ),
        ),
      ),
    ),
    failures.length > 0
      ? h(
          'div',
          {},
          tr('methodFailures', 'h3'),
          h('ul', {}, ...failures.map((x) => h('li', {}, `${x.method}: ${x.error}`))),
        )
      : h('span'),
    plots,
    h('p', {}, tr('downloads'), ': ', ...links),
  ].filter((x): x is HTMLElement => x !== null);
}

/** What each download is, in the interface's words. */
const FILE_LABELS: Readonly<Record<string, UiKey>> = {
  'report.html': 'fileReportHtml',
  'report.json': 'fileReportJson',
  'findings.csv': 'fileFindingsCsv',
  'battery.xlsx': 'fileBatteryXlsx',
  'flagged.csv': 'fileFlaggedCsv',
};

/**
 * A finding's verdict label. A finding of a run without an allegation (role 'explore') or a general screen is worded
 * against the clean-election model in neutral colours: with no allegation there is nothing to be consistent with.
 */
export function verdictBadge(f: Finding): HTMLElement {
  if ((f.role === 'explore' || f.role === 'screen') && f.verdict !== 'inconclusive') {
    const key = f.verdict === 'consistent_with_allegation' ? 'screenDeparts' : 'screenNoDeparture';
    return h('span', { className: 'verdict verdict-screen', 'data-verdict': f.verdict }, t(key));
  }
  return h(
    'span',
    { className: `verdict verdict-${f.verdict}`, 'data-verdict': f.verdict },
    translate(state.lang, `verdict.${f.verdict}`),
  );
}
