/**
 * Message catalogues and number formatting for the report's languages. Numbers are formatted by hand (not Intl) so
 * that output is byte-identical on every runtime; i18n.test.ts checks the rules against Intl.NumberFormat.
 */
import { assert } from '@tally/core';
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import { ru } from './ru.ts';

export type { MessageKey } from './en.ts';

/** A language the report can be written in. */
export type Lang = 'en' | 'es' | 'ru';

/** The supported languages, in a stable order. */
export const LANGS: readonly Lang[] = ['en', 'es', 'ru'];

/** Every catalogue, by language. */
export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, es, ru };

/** A value substituted into a message: text, a plain number, or a number with a formatting kind. */
export type MessageParam =
  | string
  | number
  | { readonly kind: 'p' | 'percent' | 'number' | 'count' | 'signed'; readonly value: number; readonly digits?: number }
  | { readonly kind: 'message'; readonly message: Message }
  | { readonly kind: 'list'; readonly items: readonly MessageParam[] };

/** A message reference: the catalogue key and its parameters, so any renderer can show it in any language. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** Narrows a string to a supported language. */
export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

interface NumberStyle {
  decimal: string;
  group: string;
  /** Smallest number of integer digits that gets grouping separators (CLDR minimumGroupingDigits + 3). */
  groupFrom: number;
  percentSpace: string;
}

const STYLES: Record<Lang, NumberStyle> = {
  en: { decimal: '.', group: ',', groupFrom: 4, percentSpace: '' },
  es: { decimal: ',', group: '.', groupFrom: 5, percentSpace: '\u00a0' },
  ru: { decimal: ',', group: '\u00a0', groupFrom: 4, percentSpace: '\u00a0' },
};

/** Options for formatNumber. */
export interface NumberFormatOptions {
  /** Most digits after the decimal point; default depends on the magnitude (about 3 significant digits). */
  maximumFractionDigits?: number;
  /** Fewest digits after the decimal point (trailing zeros kept up to this); default 0. */
  minimumFractionDigits?: number;
}

function defaultFractionDigits(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || Number.isInteger(x)) return 0;
  if (a >= 100) return 1;
  if (a >= 1) return 2;
  return Math.min(10, Math.ceil(-Math.log10(a)) + 2);
}

/** Formats a number for `lang` (decimal and group separators), e.g. 28975.5 -> "28.975,5" in Spanish. */
export function formatNumber(x: number, lang: Lang, options: NumberFormatOptions = {}): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  const style = STYLES[lang];
  const a = Math.abs(x);
  // Outside this range fixed notation is unreadable (or, from 1e21, not produced by toFixed at all).
  if (a >= 1e21 || (a !== 0 && options.maximumFractionDigits === undefined && (a < 1e-6 || a >= 1e15)))
    return x.toExponential(2).replace('.', style.decimal);
  const minFd = options.minimumFractionDigits ?? 0;
  const maxFd = Math.max(minFd, options.maximumFractionDigits ?? defaultFractionDigits(x));
  let text = Math.abs(x).toFixed(maxFd);
  let [intPart, fracPart = ''] = text.split('.');
  while (fracPart.length > minFd && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  if (intPart.length >= style.groupFrom) {
    const groups: string[] = [];
    for (let end = intPart.length; end > 0; end -= 3) groups.unshift(intPart.slice(Math.max(0, end - 3), end));
    intPart = groups.join(style.group);
  }
  text = fracPart.length > 0 ? `${intPart}${style.decimal}${fracPart}` : intPart;
  return x < 0 && Number(Math.abs(x).toFixed(maxFd)) !== 0 ? `-${text}` : text;
}

/** Formats a number already in percent units, e.g. 10.57 -> "10,57 %" in Spanish and "10.57%" in English. */
export function formatPercentUnits(x: number, lang: Lang, options: NumberFormatOptions = {}): string {
  return `${formatNumber(x, lang, options)}${STYLES[lang].percentSpace}%`;
}

/** Formats a fraction as a percentage, e.g. 0.1057 -> "10.57%" (en). Default: up to 1 decimal. */
export function formatPercent(fraction: number, lang: Lang, digits = 1): string {
  return formatPercentUnits(fraction * 100, lang, { maximumFractionDigits: digits });
}

/** Formats a p-value so that it cannot be misread against alpha: "< 0.001", 3 decimals below 0.1, else 2. */
export function formatPValue(p: number, lang: Lang): string {
  if (p < 0.001) return `< ${formatNumber(0.001, lang, { maximumFractionDigits: 3 })}`;
  const digits = p < 0.1 ? 3 : 2;
  return formatNumber(p, lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function formatParam(value: MessageParam, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, lang);
  switch (value.kind) {
    case 'p':
      return formatPValue(value.value, lang);
    case 'percent':
      return formatPercent(value.value, lang, value.digits ?? 1);
    case 'count':
      return formatNumber(value.value, lang, { maximumFractionDigits: 0 });
    case 'signed': {
      const text = formatNumber(value.value, lang, {
        maximumFractionDigits: value.digits ?? 2,
        minimumFractionDigits: value.digits ?? 2,
      });
      return value.value >= 0 ? `+${text}` : text;
    }
    case 'message':
      return renderMessage(value.message, lang);
    case 'list':
      return value.items.map((x) => formatParam(x, lang)).join(', ');
    case 'number':
      return formatNumber(value.value, lang, value.digits === undefined ? {} : { maximumFractionDigits: value.digits });
  }
}

/** The text of `key` in `lang` with `{name}` placeholders filled in; a missing parameter is a programmer error. */
export function translate(lang: Lang, key: MessageKey, params: Readonly<Record<string, MessageParam>> = {}): string {
  const template = CATALOGUES[lang][key];
  assert(template !== undefined, `message ${key} missing in ${lang}`);
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params[name];
    assert(value !== undefined, `message ${key} needs parameter ${name}`);
    return formatParam(value, lang);
  });
}

/** Renders a message reference in `lang`. */
export function renderMessage(message: Message, lang: Lang): string {
  return translate(lang, message.key, message.params);
}

/** True when every catalogue has `key` (e.g. a method title `method.<id>`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The catalogue title of a method id in `lang`, or `fallback` when the catalogue has none. */
export function methodTitle(id: string, lang: Lang, fallback: string = id): string {
  const key = `method.${id}`;
  return hasMessage(key) ? translate(lang, key) : fallback;
}

/**
 * The language of a POSIX locale environment (LC_ALL, then LC_MESSAGES, then LANG, as gettext reads them), e.g.
 * es_BO.UTF-8 -> es; null when unset, "C"/"POSIX", or a language without a catalogue.
 */
export function langFromLocale(env: Readonly<Record<string, string | undefined>>): Lang | null {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const code = value.split(/[_.@-]/)[0].toLowerCase();
    return isLang(code) ? code : null;
  }
  return null;
}
