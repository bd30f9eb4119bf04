/**
 * Renders a Vega-Lite spec to an SVG string with vega's headless View (renderer 'none', no DOM, no canvas).
 * vega resolves to its Node build under Node and its browser build in a bundle; this file imports no node:* itself.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../i18n/index.ts';

const NUMBER_LOCALES: Record<
  Lang,
  { decimal: string; thousands: string; grouping: number[]; currency: [string, string]; percent?: string }
> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
  // Spanish and Russian write a space before the percent sign (10,57 %), as the catalogues' formatPercent does.
  es: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'], percent: '\u00a0%' },
  ru: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0₽'], percent: '\u00a0%' },
};

/**
 * Renumbers vega's generated element ids (clip paths, gradients, patterns: global counters in vega-scenegraph) with
 * `prefix`, so output does not depend on what was rendered before and several SVGs can share one HTML page.
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `${prefix}-${ids.size + 1}`);
  if (ids.size === 0) return svg;
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${ids.get(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
    .replace(/href="#([^"]+)"/g, (whole, id: string) => (ids.has(id) ? `href="#${ids.get(id)}"` : whole));
}

/** Rounds coordinates in geometry attributes to 2 decimals (0.01 px): vega writes up to 17 digits. */
export function roundSvgNumbers(svg: string): string {
  return svg.replace(/\b(d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g, (_, name: string, value: string) => {
    const short = value.replace(/-?\d+\.\d{3,}(e-?\d+)?/g, (num) => {
      const r = Math.round(Number(num) * 100) / 100;
      return String(Object.is(r, -0) ? 0 : r);
    });
    return `${name}="${short}"`;
  });
}

/** Renders `spec` to an SVG string with numbers formatted for `lang`; ids are prefixed with `idPrefix`. */
export async function renderSvg(spec: TopLevelSpec, lang: Lang, idPrefix = 'plot'): Promise<string> {
  // vega and vega-lite (about 2 MB of code) load with the first plot, not with the report package: a command that
  // uses only the report's catalogue or texts (tally run without --out) does not compile them.
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = compile(spec).spec;
  const view = new View(parse(compiled), { renderer: 'none', locale: { number: NUMBER_LOCALES[lang] } } as never);
  try {
    const svg = await view.toSVG();
    return prefixSvgIds(roundSvgNumbers(svg), idPrefix);
  } finally {
    view.finalize();
  }
}
