/** Files a user can download from a finished job: the HTML report and the findings as CSV. */
import { csvCell, type Lang, type Report, renderHtml } from '@tally/report';

/** The self-contained HTML report in a language. */
export function reportHtml(report: Report, lang: Lang): Promise<string> {
  return renderHtml(report, lang);
}

/** One row per finding: method, target, region, statistic, p-values, verdict. */
export function reportCsv(report: Pick<Report, 'findings'>): string {
  const header = [
    'method',
    'target',
    'region',
    'statistic_name',
    'statistic',
    'p_value',
    'adjusted_p_value',
    'n',
    'verdict',
  ];
  const rows = report.findings.map((f) =>
    [f.method, f.target, f.region, f.statisticName, f.statistic, f.pValue, f.adjustedPValue, f.n, f.verdict]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...rows].join('\n')}\n`;
}
