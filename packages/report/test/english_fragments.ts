/** Test helper: the English catalogue text that must not appear in output written in another language. */
import { CATALOGUES, type Lang, type MessageKey } from '../src/i18n/index.ts';

/** Literal parts (between placeholders) of the English messages that read differently in `lang`, `min` chars or more. */
export function englishFragments(lang: Exclude<Lang, 'en'>, min = 12): string[] {
  const out = new Set<string>();
  for (const [key, text] of Object.entries(CATALOGUES.en)) {
    if (CATALOGUES[lang][key as MessageKey] === text) continue;
    for (const part of text.split(/\{[A-Za-z0-9_]+\}/)) if (part.trim().length >= min) out.add(part.trim());
  }
  return [...out];
}
