/** The language of a command's text: --lang, else the allegation file's `lang`, else the locale, else English. */
import { isLang, type Lang, langFromLocale } from '@tally/report';
import { UsageError } from './cli_io.ts';

/** Resolves the language; an unknown --lang is a usage error (exit 2). */
export function resolveLang(
  option: string | undefined,
  fileLang?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Lang {
  if (option !== undefined) {
    if (!isLang(option)) throw new UsageError(`--lang must be en, es or ru, got "${option}"`);
    return option;
  }
  if (fileLang !== undefined && isLang(fileLang)) return fileLang;
  return langFromLocale(env) ?? 'en';
}

/** Help text of the --lang option, shared by the commands that take it. */
export const LANG_HELP =
  "language of the text: en, es or ru (default: the allegation file's lang, then LC_ALL/LC_MESSAGES/LANG, then en)";
