/** Vega-Lite specs for each plot kind, with titles and axis labels from the message catalogue. */
import type { TopLevelSpec } from 'vega-lite';
import { formatNumber, type Lang, type MessageKey, translate } from '../i18n/index.ts';
import { thinPoints } from './binning.ts';
import type {
  DigitHistogramPlot,
  FingerprintPlot,
  MarginCurvePlot,
  PercentHistogramPlot,
  PersistenceScatterPlot,
  PlotData,
  StationMapPlot,
} from './plot_data.ts';
import { estimatesSpec, orderingsSpec } from './replay_specs.ts';
import { base, PLOT_COLORS, type Spec, shareAxis, WIDTH } from './spec_base.ts';

export { PLOT_COLORS } from './spec_base.ts';

function marginSpec(p: MarginCurvePlot, lang: Lang): TopLevelSpec {
  const t = (k: MessageKey) => translate(lang, k);
  const values = p.x.map((x, i) => ({ x, margin: p.margin[i] }));
  const layers: Spec[] = [
    {
      data: { values },
      mark: { type: 'line', color: PLOT_COLORS.main, strokeWidth: 2 },
      encoding: {
        x: shareAxis('x', t('plot.margin.x')),
        y: {
          field: 'margin',
          type: 'quantitative',
          scale: { zero: false },
          title: translate(lang, 'plot.margin.y', { a: p.candidateA, b: p.candidateB }),
        },
      },
    },
  ];
  if (p.projection) {
    const x0 = p.cutoff ?? 0.95;
    layers.push({
      data: { values: [{ x0, x1: 1, lo: p.projection.lo, hi: p.projection.hi, median: p.projection.median }] },
      layer: [
        {
          mark: { type: 'rect', color: PLOT_COLORS.band, opacity: 0.25 },
          encoding: {
            x: { field: 'x0', type: 'quantitative' },
            x2: { field: 'x1' },
            y: { field: 'lo', type: 'quantitative' },
            y2: { field: 'hi' },
          },
        },
        {
          mark: { type: 'rule', color: PLOT_COLORS.band, strokeWidth: 2 },
          encoding: {
            x: { field: 'x0', type: 'quantitative' },
            x2: { field: 'x1' },
            y: { field: 'median', type: 'quantitative' },
          },
        },
        {
          mark: { type: 'text', align: 'right', baseline: 'top', dy: 4, color: '#8a5a00', fontSize: 11 },
          encoding: {
            x: { datum: 1 },
            y: { field: 'lo', type: 'quantitative' },
            text: { value: t('plot.margin.band') },
          },
        },
      ],
    });
  }
  if (p.cutoff !== undefined) {
    layers.push({
      data: { values: [{ x: p.cutoff }] },
      layer: [
        {
          mark: { type: 'rule', strokeDash: [4, 3], color: '#333' },
          encoding: { x: { field: 'x', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, y: 4, fontSize: 11, color: '#333' },
          encoding: { x: { field: 'x', type: 'quantitative' }, text: { value: t('plot.margin.cutoff') } },
        },
      ],
    });
  }
  if (p.threshold !== undefined) {
    layers.push({
      data: { values: [{ y: p.threshold }] },
      layer: [
        {
          mark: { type: 'rule', strokeDash: [2, 2], color: '#999' },
          encoding: { y: { field: 'y', type: 'quantitative' } },
        },
        {
          mark: { type: 'text', align: 'left', dy: -5, x: 4, fontSize: 11, color: '#666' },
          encoding: {
            y: { field: 'y', type: 'quantitative' },
            text: { value: `${t('plot.margin.threshold')}: ${formatNumber(p.threshold, lang)}` },
          },
        },
      ],
    });
  }
  return base(lang, 'plot.margin.title', { layer: layers });
}

function fingerprintSpec(p: FingerprintPlot, lang: Lang): TopLevelSpec {
  const values: Spec[] = [];
  for (let iy = 0; iy < p.ny; iy++)
    for (let ix = 0; ix < p.nx; ix++) {
      const count = p.counts[iy * p.nx + ix];
      if (count > 0) values.push({ x0: ix / p.nx, x1: (ix + 1) / p.nx, y0: iy / p.ny, y1: (iy + 1) / p.ny, count });
    }
  return base(lang, 'plot.fingerprint.title', {
    height: WIDTH * 0.75,
    data: { values },
    mark: { type: 'rect', aria: false },
    encoding: {
      x: shareAxis('x0', translate(lang, 'plot.fingerprint.x')),
      x2: { field: 'x1' },
      y: shareAxis('y0', translate(lang, 'plot.fingerprint.y')),
      y2: { field: 'y1' },
      color: {
        field: 'count',
        type: 'quantitative',
        scale: { type: 'log', scheme: 'viridis' },
        title: translate(lang, 'plot.fingerprint.count'),
      },
    },
  });
}

function digitSpec(p: DigitHistogramPlot, lang: Lang): TopLevelSpec {
  const observed = translate(lang, 'plot.digits.observed');
  const expected = translate(lang, 'plot.digits.expected');
  const values = p.digits.map((d, i) => ({ digit: d, observed: p.observed[i], expected: p.expected[i] }));
  const x = { field: 'digit', type: 'ordinal', title: translate(lang, 'plot.digits.x'), axis: { labelAngle: 0 } };
  const legend = { title: null, orient: 'top' };
  return base(lang, 'plot.digits.title', {
    data: { values },
    layer: [
      {
        mark: { type: 'bar', opacity: 0.85 },
        encoding: {
          x,
          y: {
            field: 'observed',
            type: 'quantitative',
            axis: { format: '.0%' },
            title: translate(lang, 'plot.digits.y'),
          },
          color: { datum: observed, scale: { range: [PLOT_COLORS.main, '#111'] }, legend },
        },
      },
      {
        mark: { type: 'tick', thickness: 3, size: 34 },
        encoding: { x, y: { field: 'expected', type: 'quantitative' }, color: { datum: expected, legend } },
      },
    ],
  });
}

function percentSpec(p: PercentHistogramPlot, lang: Lang): TopLevelSpec {
  const integer = translate(lang, 'plot.percent.integer');
  const other = translate(lang, 'plot.percent.other');
  // Kobak et al.'s picture: the fine histogram as a step line, whole-percent bins marked on top of it. A bin is
  // marked when a whole percentage is its centre (the method bins so that each one is); the legend names the
  // marks' colour only when some bin is marked.
  const values = p.counts.map((count, i) => {
    const x0 = p.start + i * p.binWidth;
    const centre = x0 + p.binWidth / 2;
    return { x: centre, count, integer: Math.abs(centre - Math.round(centre)) < p.binWidth / 4 };
  });
  const marked = values.some((v) => v.integer);
  const x = {
    field: 'x',
    type: 'quantitative',
    scale: { zero: false, nice: false },
    title: translate(lang, p.variable === 'turnout' ? 'plot.percent.x_turnout' : 'plot.percent.x_share'),
  };
  const legend = { title: null, orient: 'top' };
  return base(lang, 'plot.percent.title', {
    data: { values },
    layer: [
      {
        mark: { type: 'line', interpolate: 'step', strokeWidth: 1, aria: false },
        encoding: {
          x,
          y: { field: 'count', type: 'quantitative', title: translate(lang, 'plot.percent.y') },
          color: {
            datum: other,
            scale: marked
              ? { domain: [integer, other], range: [PLOT_COLORS.flagged, PLOT_COLORS.main] }
              : { domain: [other], range: [PLOT_COLORS.main] },
            legend,
          },
        },
      },
      ...(marked
        ? [
            {
              transform: [{ filter: 'datum.integer' }],
              mark: { type: 'circle', size: 22, opacity: 0.9, aria: false },
              encoding: { x, y: { field: 'count', type: 'quantitative' }, color: { datum: integer, legend } },
            },
          ]
        : []),
    ],
  });
}

function groupOf(lang: Lang, flagged: boolean, flaggedKey: MessageKey, othersKey: MessageKey): string {
  return translate(lang, flagged ? flaggedKey : othersKey);
}

function scatterSpec(p: PersistenceScatterPlot, lang: Lang): TopLevelSpec {
  const fl = translate(lang, 'plot.persistence.flagged');
  const ot = translate(lang, 'plot.persistence.others');
  const idx = thinPoints(p.flagged);
  const values = idx.map((i) => ({
    a: p.a[i],
    b: p.b[i],
    group: groupOf(lang, p.flagged[i], 'plot.persistence.flagged', 'plot.persistence.others'),
    order: p.flagged[i] ? 1 : 0,
  }));
  return base(lang, 'plot.persistence.title', {
    height: WIDTH * 0.75,
    layer: [
      {
        data: { values: [{ v: 0 }, { v: 100 }] },
        mark: { type: 'line', color: '#bbb', strokeDash: [3, 3] },
        encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'circle', size: 14, opacity: 0.7, aria: false },
        encoding: {
          x: {
            field: 'a',
            type: 'quantitative',
            scale: { domain: [0, 100] },
            title: translate(lang, 'plot.persistence.x', { a: p.electionA }),
          },
          y: {
            field: 'b',
            type: 'quantitative',
            scale: { domain: [0, 100] },
            title: translate(lang, 'plot.persistence.y', { b: p.electionB }),
          },
          color: {
            field: 'group',
            type: 'nominal',
            scale: { domain: [fl, ot], range: [PLOT_COLORS.flagged, PLOT_COLORS.others] },
            legend: { title: null, orient: 'top' },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      },
    ],
  });
}

function mapSpec(p: StationMapPlot, lang: Lang): TopLevelSpec {
  const fl = translate(lang, 'plot.map.flagged');
  const ot = translate(lang, 'plot.map.others');
  const idx = thinPoints(p.flagged).filter((i) => Number.isFinite(p.lon[i]) && Number.isFinite(p.lat[i]));
  const values = idx.map((i) => ({
    lon: p.lon[i],
    lat: p.lat[i],
    group: groupOf(lang, p.flagged[i], 'plot.map.flagged', 'plot.map.others'),
    order: p.flagged[i] ? 1 : 0,
  }));
  const layers: Spec[] = [];
  if (p.outlines)
    layers.push({
      data: { values: p.outlines, format: { type: 'json', property: 'features' } },
      mark: { type: 'geoshape', fill: '#f2f2f2', stroke: '#bbb', strokeWidth: 0.5, aria: false },
    });
  layers.push({
    data: { values },
    mark: { type: 'circle', size: 10, opacity: 0.75, aria: false },
    encoding: {
      longitude: { field: 'lon', type: 'quantitative' },
      latitude: { field: 'lat', type: 'quantitative' },
      color: {
        field: 'group',
        type: 'nominal',
        scale: { domain: [fl, ot], range: [PLOT_COLORS.flagged, PLOT_COLORS.others] },
        legend: { title: null, orient: 'top' },
      },
      order: { field: 'order', type: 'quantitative' },
    },
  });
  return base(lang, 'plot.map.title', { height: WIDTH, projection: { type: 'mercator' }, layer: layers });
}

/** The Vega-Lite spec of a plot in `lang` (data inline, already binned and thinned). */
export function plotSpec(plot: PlotData, lang: Lang): TopLevelSpec {
  switch (plot.kind) {
    case 'margin_curve':
      return marginSpec(plot, lang);
    case 'fingerprint':
      return fingerprintSpec(plot, lang);
    case 'digit_histogram':
      return digitSpec(plot, lang);
    case 'percent_histogram':
      return percentSpec(plot, lang);
    case 'persistence_scatter':
      return scatterSpec(plot, lang);
    case 'station_map':
      return mapSpec(plot, lang);
    case 'margin_orderings':
      return orderingsSpec(plot, lang);
    case 'break_estimates':
      return estimatesSpec(plot, lang);
  }
}
