/** Vega-Lite specs of the dispute replays' plots: the margin in two arrival orders, and the break estimates. */
import type { TopLevelSpec } from 'vega-lite';
import { type Lang, translate } from '../i18n/index.ts';
import type { BreakEstimatesPlot, MarginOrderingsPlot } from './plot_data.ts';
import { base, PLOT_COLORS, shareAxis } from './spec_base.ts';

export function orderingsSpec(p: MarginOrderingsPlot, lang: Lang): TopLevelSpec {
  const label = (order: 'chronological' | 'text') =>
    translate(lang, order === 'chronological' ? 'replays.plot.chronological' : 'replays.plot.text');
  const values = p.series.flatMap((s) => s.x.map((x, i) => ({ x, margin: s.margin[i], order: label(s.order) })));
  return base(lang, 'plot.margin.title', {
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: shareAxis('x', translate(lang, 'plot.margin.x')),
          y: {
            field: 'margin',
            type: 'quantitative',
            scale: { zero: false },
            title: translate(lang, 'plot.margin.y', { a: p.candidateA, b: p.candidateB }),
          },
          color: {
            field: 'order',
            type: 'nominal',
            scale: { domain: p.series.map((s) => label(s.order)), range: [PLOT_COLORS.main, PLOT_COLORS.flagged] },
            legend: { title: null, orient: 'top' },
          },
        },
      },
      {
        data: { values: [{ x: p.cutoff }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#333' },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  });
}

export function estimatesSpec(p: BreakEstimatesPlot, lang: Lang): TopLevelSpec {
  const values = p.rows.map((r) => ({ ...r }));
  const y = { field: 'label', type: 'nominal', sort: null, title: null };
  return base(lang, 'replays.heading', {
    height: 40 * p.rows.length,
    data: { values },
    layer: [
      {
        mark: { type: 'rule', color: PLOT_COLORS.main, strokeWidth: 2 },
        encoding: { y, x: { field: 'low', type: 'quantitative', title: p.unit }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'point', filled: true, color: PLOT_COLORS.main, size: 60 },
        encoding: { y, x: { field: 'estimate', type: 'quantitative' } },
      },
      {
        data: { values: [{ x: 0 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#333' },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  });
}
