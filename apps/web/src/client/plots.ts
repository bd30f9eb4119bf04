/** Interactive plots: the report's Vega-Lite specs, embedded with zoom, pan and tooltips, as wide as their cell. */
import { type PlotData, plotSpec } from '@tally/report';
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { h, state, t } from './dom.ts';

// The page's Content-Security-Policy forbids eval, so Vega expressions run in its interpreter. Vega's own "…" menu is
// off: it sat over the plot titles; the save buttons below each plot replace it.
const EMBED_OPTIONS = {
  actions: false,
  renderer: 'svg' as const,
  ast: true,
  expr: expressionInterpreter,
};

/**
 * The report's spec made responsive: the whole plot (axes and legend included, autosize "fit-x" with
 * contains "padding") takes the width of its cell and follows window resizes.
 */
export function responsiveSpec(spec: Record<string, unknown>): Record<string, unknown> {
  return { ...spec, width: 'container', autosize: { type: 'fit-x', contains: 'padding', resize: true } };
}

/** Renders a plot into `el` once `el` is laid out (its width is read then); the fingerprint gets scale-bound zoom. */
export async function showPlot(el: HTMLElement, plot: PlotData): Promise<void> {
  await laidOut(el);
  const spec = responsiveSpec(plotSpec(plot, state.lang) as unknown as Record<string, unknown>);
  const interactive = {
    ...spec,
    params: [...((spec.params as unknown[]) ?? []), { name: 'zoom', select: 'interval', bind: 'scales' }],
  };
  const chart = h('div', { className: 'plot-chart' });
  el.replaceChildren(chart);
  let result: Awaited<ReturnType<typeof embed>>;
  try {
    result = await embed(chart, interactive as never, { ...EMBED_OPTIONS, tooltip: true });
  } catch {
    // Layered specs cannot take a top-level scale binding: show them without zoom.
    result = await embed(chart, spec as never, EMBED_OPTIONS);
  }
  el.append(saveButtons(result.view, plot.kind));
}

function saveButtons(view: { toImageURL(type: string, scale?: number): Promise<string> }, name: string): HTMLElement {
  const save = (type: 'svg' | 'png') => async () => {
    const a = h('a', { href: await view.toImageURL(type, type === 'png' ? 2 : 1), download: `${name}.${type}` });
    a.click();
  };
  return h(
    'div',
    { className: 'plot-actions' },
    h('button', { className: 'link', onclick: save('svg'), 'data-i18n': 'saveSvg' }, t('saveSvg')),
    h('button', { className: 'link', onclick: save('png'), 'data-i18n': 'savePng' }, t('savePng')),
  );
}

/** Resolves once the element is in the document with a width (a plot embedded earlier would be 0 px wide). */
function laidOut(el: HTMLElement): Promise<void> {
  if (el.isConnected && el.clientWidth > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new ResizeObserver(() => {
      if (el.isConnected && el.clientWidth > 0) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(el);
  });
}
