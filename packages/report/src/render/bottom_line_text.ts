/** The bottom line's text in any language, shared by the HTML and Markdown renderers. */
import { formatNumber, formatPercent, type Lang } from '../i18n/index.ts';
import type { PowerAtAllegedSize } from '../model.ts';
import { translator } from './common.ts';

/** Power below this is shown as a warning: the test could easily have missed manipulation of the alleged size. */
export const ENOUGH_POWER = 0.8;

/** A headline number: two decimals, so that an interval's ends can be told apart. */
export function headline(value: number, lang: Lang): string {
  return formatNumber(value, lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
}

/** "interval lo to hi" in `lang`. */
export function intervalText(interval: readonly [number, number], lang: Lang): string {
  return translator(lang)('layout.interval', { lo: headline(interval[0], lang), hi: headline(interval[1], lang) });
}

/** What the power means, with the injections behind it; "not measured" when there is none. */
export function powerText(p: PowerAtAllegedSize | null, scenario: string, lang: Lang): string {
  const t = translator(lang);
  if (p === null) return t('layout.no_power');
  return t('layout.power', {
    power: formatPercent(p.power, lang, 0),
    detected: { kind: 'count', value: Math.round(p.power * p.injections) },
    injections: { kind: 'count', value: p.injections },
    lo: formatPercent(p.interval[0], lang, 0),
    hi: formatPercent(p.interval[1], lang, 0),
    scenario,
  });
}
