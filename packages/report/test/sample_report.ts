/** A deterministic synthetic report with one finding per plot kind, for renderer and snapshot tests. */
import { centredCountBin, createRng, type MethodResult } from '@tally/core';
import { buildReport, type ReportInput } from '../src/build_report.ts';
import type { Lang } from '../src/i18n/index.ts';
import type { BottomLine, LocalisedText, Report, ResultWithContext } from '../src/model.ts';
import { histogram2d, thinIndices } from '../src/plots/binning.ts';
import type { PlotData } from '../src/plots/plot_data.ts';

function res(method: string, statisticName: string, statistic: number, pValue: number | null, n: number): MethodResult {
  return {
    method,
    statistic,
    statisticName,
    pValue,
    pValueKind: pValue === null ? 'none' : 'monte_carlo',
    n,
    excluded: [{ reason: 'registered < 100', count: 12 }],
    details: { note: 'synthetic' },
    warnings: [],
    replicates: pValue === null ? undefined : 10000,
    seed: 7,
  };
}

/** Synthetic plot data of every kind from a seeded simulated election of `n` stations. */
export function samplePlots(n = 3000, seed = 11): Record<PlotData['kind'], PlotData> {
  const rng = createRng(seed);
  const turnout = new Float64Array(n);
  const share = new Float64Array(n);
  const lastDigits = new Array<number>(10).fill(0);
  const percentBins = new Array<number>(600).fill(0);
  const registered: number[] = [];
  const castAll: number[] = [];
  const votesAll: number[] = [];
  const margins: number[] = [];
  const xs: number[] = [];
  let a = 0;
  let b = 0;
  const a19: number[] = [];
  const b20: number[] = [];
  const flagged: boolean[] = [];
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const reg = 100 + rng.int(900);
    const rural = i > n * 0.8;
    const t = rng.beta(rural ? 16 : 12, 4);
    const s = rng.beta(rural ? 9 : 5, 5);
    const cast = rng.binomial(reg, t);
    const votesA = rng.binomial(cast, s);
    turnout[i] = cast / reg;
    share[i] = votesA / Math.max(1, cast);
    lastDigits[votesA % 10]++;
    registered.push(reg);
    castAll.push(cast);
    votesAll.push(votesA);
    const percentBin = centredCountBin(cast, reg, 1000) - 400;
    if (percentBin >= 0 && percentBin < 600) percentBins[percentBin]++;
    a += votesA;
    b += cast - votesA;
    xs.push((i + 1) / n);
    margins.push((100 * (a - b)) / (a + b));
    const f = i % 37 === 0;
    flagged.push(f);
    a19.push(100 * share[i]);
    b20.push(Math.min(100, Math.max(0, 100 * share[i] + 6 * rng.normal() - 3)));
    lon.push(-68 + 8 * rng.uniform());
    lat.push(-21 + 10 * rng.uniform());
  }
  const curve = thinIndices(xs.length, 300);
  const total = lastDigits.reduce((u, v) => u + v, 0);
  return {
    margin_curve: {
      kind: 'margin_curve',
      candidateA: 'MAS',
      candidateB: 'CC',
      x: curve.map((i) => xs[i]),
      margin: curve.map((i) => margins[i]),
      cutoff: 0.8385,
      projection: { lo: 8.9, median: 9.6, hi: 10.3 },
      threshold: 10,
    },
    fingerprint: {
      kind: 'fingerprint',
      nx: 50,
      ny: 50,
      counts: histogram2d(castAll, registered, votesAll, castAll, 50, 50),
    },
    digit_histogram: {
      kind: 'digit_histogram',
      position: 'last',
      digits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      observed: lastDigits.map((c) => c / total),
      expected: new Array(10).fill(0.1),
    },
    percent_histogram: {
      kind: 'percent_histogram',
      variable: 'turnout',
      start: 39.95,
      binWidth: 0.1,
      counts: percentBins,
    },
    persistence_scatter: {
      kind: 'persistence_scatter',
      electionA: '2019',
      electionB: '2020',
      a: a19,
      b: b20,
      flagged,
    },
    station_map: {
      kind: 'station_map',
      lon,
      lat,
      flagged,
      outlines: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'box' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [-69, -22],
                  [-69, -10],
                  [-59, -10],
                  [-59, -22],
                  [-69, -22],
                ],
              ],
            },
          },
        ],
      },
    },
    margin_orderings: {
      kind: 'margin_orderings',
      candidateA: 'MAS - IPSP',
      candidateB: 'CC',
      cutoff: 0.95,
      series: [
        {
          order: 'chronological',
          x: Array.from({ length: 50 }, (_, k) => (k + 1) / 50),
          margin: Array.from({ length: 50 }, (_, k) => 2 + 0.16 * k),
        },
        {
          order: 'text',
          x: Array.from({ length: 50 }, (_, k) => (k + 1) / 50),
          margin: Array.from({ length: 50 }, (_, k) => 4 + 0.1 * k + (k % 7) * 0.3),
        },
      ],
    },
    break_estimates: {
      kind: 'break_estimates',
      unit: 'points of margin',
      rows: [
        { label: 'no controls', estimate: 14.9, low: 9.3, high: 20.5 },
        { label: 'rurality x department FE', estimate: 4.3, low: -0.4, high: 9.1 },
        { label: '+ recinto FE', estimate: -0.45, low: -1.53, high: 0.63 },
      ],
    },
  };
}

/** The ReportInput behind sampleReport. */
export function sampleReportInput(lang: Lang = 'en'): ReportInput {
  const plots = samplePlots();
  const results: ResultWithContext[] = [
    {
      result: { ...res('late_count_projection', 'projected_margin_median', 9.6, 0.31, 28975), target: 'MAS - CC' },
      context: {
        methodTitle: 'Late-count projection',
        family: 'late_count',
        direction: 'positive',
        order: 1,
        plot: plots.margin_curve,
      },
    },
    {
      result: { ...res('persistence', 'did_points', 2.4, 0.004, 412), target: 'MAS' },
      context: {
        methodTitle: 'Persistence (difference in differences)',
        direction: 'positive',
        effectName: 'difference in differences, points',
        order: 2,
        plot: plots.persistence_scatter,
        calibration: {
          falsePositiveRate: 0.052,
          alpha: 0.05,
          runs: 400,
          power: 0.86,
          powerScenario: '5-point inflation in 5% of stations',
        },
      },
    },
    {
      result: { ...res('last_digit_uniformity', 'chi2', 8.1, 0.52, 3000), target: 'MAS', df: 9 },
      context: {
        methodTitle: 'Last-digit uniformity (Beber & Scacco)',
        family: 'digits',
        order: 10,
        role: 'screen',
        plot: plots.digit_histogram,
      },
    },
    {
      result: { ...res('integer_percent', 'excess_either', 3, 0.41, 2988), target: 'turnout' },
      context: {
        methodTitle: 'Integer percentages (Kobak et al.)',
        order: 10,
        role: 'screen',
        plot: plots.percent_histogram,
      },
    },
    {
      result: { ...res('klimek_fingerprint', 'fe', 0.001, null, 3000) },
      context: {
        methodTitle: 'Election fingerprint (Klimek et al.)',
        family: 'fingerprint',
        order: 10,
        role: 'screen',
        plot: plots.fingerprint,
      },
    },
    {
      result: { ...res('dip_test', 'dip', 0.011, 0.03, 3000), target: 'turnout', region: 'La Paz' },
      context: { methodTitle: "Hartigan's dip test", order: 10, role: 'screen', plot: plots.station_map },
    },
  ];
  return {
    title: 'Bolivia 2019: synthetic test report',
    allegation: {
      claim: 'The mesas counted after the TREP halt were manipulated in favour of MAS.',
      claimant: 'OAS audit team',
      date: '2019-12-04',
      scope: 'mesas counted after 19:40:57 on 20 October 2019',
    },
    lang,
    results,
    validationIssues: [
      {
        level: 'warning',
        file: 'computo.csv',
        row: 17,
        column: 'Votos Válidos',
        rule: 'sum_mismatch',
        message: 'valid votes differ from the sum of candidates by 2',
      },
      {
        level: 'error',
        file: 'computo.csv',
        row: 4,
        column: 'Inscritos',
        rule: 'not_a_number',
        message: 'value "n/a" is not a number',
      },
    ],
    inputs: [
      { path: 'examples/bolivia-2019/computo.csv', sha256: 'a'.repeat(64) },
      { path: 'examples/bolivia-2019/trep.csv', sha256: 'b'.repeat(64) },
    ],
    seed: 1,
    version: '0.1.0',
    methods: [
      {
        id: 'persistence',
        title: 'Persistence',
        reference: 'Idrobo, Kronick & Rodríguez (2022), Journal of Politics.',
        summary: 'Compares flagged units with matched units in another election.',
      },
      {
        id: 'last_digit_uniformity',
        title: 'Last-digit uniformity',
        reference: 'Beber & Scacco (2012), Political Analysis 20(2).',
        summary: 'Chi-square test of uniform last digits.',
      },
    ],
  };
}

/** A deterministic report with six findings, one per plot kind. */
export function sampleReport(lang: Lang = 'en'): Report {
  const r = buildReport(sampleReportInput(lang));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * Caller text that is not in the catalogue, as a LocalisedText. The synthetic bottom line uses it until the audit
 * computes a real one (whose text is catalogue messages); `cli.count` renders its parameter as given.
 */
function given(text: string): LocalisedText {
  return { text, message: { key: 'cli.count', params: { n: text } } };
}

/** Plain texts of the synthetic bottom line, replaceable (e.g. by neutral tokens in the language tests). */
export const SAMPLE_BOTTOM_LINE_TEXT = {
  q1: 'Was the final margin predictable from the counted stations?',
  a1: 'Yes: the stations counted before the halt project a final margin above 10 points.',
  name1: 'projected final margin',
  unit: 'points',
  scenario: '17,336 votes moved from CC to MAS in the late stations, spread across recintos',
  unexplained1: 'About a sixth of the late shift is not explained by where the late stations are.',
  q2: 'Is there a break in the trend once the order is right?',
  a2: 'This test could not have seen a break of the alleged size.',
  name2: 'jump at the cutoff',
  q3: 'Do the flagged stations differ from the others in ways manipulation would leave?',
  a3: 'Not on these tests.',
  choice1: 'donor rule',
  choice2: 'scale',
  headline1: 'projected median',
  headline2: 'share >= 10',
};

/** A synthetic bottom line for the sample report (findings 1 and 2 are the late-count and persistence ones). */
export function sampleBottomLine(
  report: Report,
  text: typeof SAMPLE_BOTTOM_LINE_TEXT = SAMPLE_BOTTOM_LINE_TEXT,
): BottomLine {
  const [projection, persistence] = report.findings;
  return {
    answers: [
      {
        id: 'predictable_from_counted',
        question: given(text.q1),
        answer: given(text.a1),
        verdict: 'not_supported',
        decisive: { name: given(text.name1), value: 10.32, interval: [9.77, 10.86], unit: text.unit },
        power: { power: 0.93, interval: [0.9, 0.955], injections: 400, scenario: given(text.scenario) },
        unexplained: given(text.unexplained1),
        findingIds: [projection.id],
      },
      {
        id: 'trend_break',
        question: given(text.q2),
        answer: given(text.a2),
        verdict: 'inconclusive',
        decisive: { name: given(text.name2), value: 0.41, interval: [-1.2, 2.02], unit: text.unit },
        power: { power: 0.12, interval: [0.09, 0.156], injections: 400, scenario: given(text.scenario) },
        unexplained: null,
        findingIds: [],
      },
      {
        id: 'flagged_differ',
        question: given(text.q3),
        answer: given(text.a3),
        verdict: 'not_supported',
        decisive: null,
        power: null,
        unexplained: null,
        findingIds: [persistence.id],
      },
    ],
    sensitivity: {
      rows: [
        {
          choice: given(text.choice1),
          setting: 'recinto',
          values: { [text.headline1]: 10.32, [text.headline2]: 0.87 },
        },
        {
          choice: given(text.choice1),
          setting: 'municipality',
          values: { [text.headline1]: 10.1, [text.headline2]: 0.64 },
        },
        { choice: given(text.choice2), setting: 'log', values: { [text.headline1]: 10.41, [text.headline2]: null } },
      ],
      spread: { [text.headline1]: [10.1, 10.41], [text.headline2]: [0.64, 0.87] },
    },
  };
}

/** The sample report with a synthetic bottom line and sensitivity table. */
export function sampleReportWithBottomLine(lang: Lang = 'en'): Report {
  const report = sampleReport(lang);
  return { ...report, bottomLine: sampleBottomLine(report) };
}
