/** What every plot's Vega-Lite spec shares: the colours, the size, and the title and fonts around its body. */
import type { TopLevelSpec } from 'vega-lite';
import { type Lang, type MessageKey, type MessageParam, translate } from '../i18n/index.ts';

/** Colours used by every plot (colour-blind-safe pair plus neutrals). */
export const PLOT_COLORS = { main: '#1f5f8b', flagged: '#d55e00', others: '#8c8c8c', band: '#e69f00' } as const;

export const WIDTH = 560;
export const HEIGHT = 300;

export type Spec = Record<string, unknown>;

export function base(
  lang: Lang,
  titleKey: MessageKey,
  body: Spec,
  params: Record<string, MessageParam> = {},
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: translate(lang, titleKey, params), anchor: 'start', fontSize: 14 },
    width: WIDTH,
    height: HEIGHT,
    background: 'white',
    config: {
      font: 'Helvetica, Arial, sans-serif',
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12 },
      legend: { labelLimit: 400, labelFontSize: 11 },
    },
    ...body,
  } as TopLevelSpec;
}

/** An axis over a share of 0 to 100 %: its field, the whole [0, 1] range, and percent labels. */
export function shareAxis(field: string, title: string): Spec {
  return { field, type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title };
}
