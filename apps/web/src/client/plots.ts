/** Interactive plots: the report's Vega-Lite specs, embedded with zoom, pan and tooltips. */
import { type PlotData, plotSpec } from '@tally/report';
import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { state } from './dom.ts';

// The page's Content-Security-Policy forbids eval, so Vega expressions run in its interpreter.
const EMBED_OPTIONS = {
  actions: { export: true, source: false, compiled: false, editor: false },
  renderer: 'svg' as const,
  ast: true,
  expr: expressionInterpreter,
};

/** Renders a plot into `el`; the fingerprint gets scale-bound zoom. */
export async function showPlot(el: HTMLElement, plot: PlotData): Promise<void> {
  const spec = plotSpec(plot, state.lang) as unknown as Record<string, unknown>;
  const interactive = {
    ...spec,
    params: [...((spec.params as unknown[]) ?? []), { name: 'zoom', select: 'interval', bind: 'scales' }],
  };
  try {
    await embed(el, interactive as never, { ...EMBED_OPTIONS, tooltip: true });
  } catch {
    // Layered or faceted specs cannot take a top-level scale binding: show them without zoom.
    await embed(el, spec as never, EMBED_OPTIONS);
  }
}
