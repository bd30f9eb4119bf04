/**
 * Column patterns from mapping files run in re2js (a port of RE2): matching takes time linear in the header's length
 * whatever the pattern, so a pattern like ^(a+)+$ cannot hang the loader or the web server. RE2 has no
 * backreferences or lookaround; a pattern that uses them is refused as invalid.
 */
import { RE2JS } from 're2js';

/** Longest pattern accepted: column patterns are short, and a huge one is a mistake or an attack. */
export const MAX_PATTERN_LENGTH = 1000;

/** A compiled column pattern: `test` is true when the pattern matches somewhere in the text (like RegExp.test). */
export interface ColumnPattern {
  test(text: string): boolean;
}

/** Compiles a pattern, or names why it cannot be used. */
export function compileColumnPattern(pattern: string): ColumnPattern | { problem: string } {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { problem: `"pattern" is longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  try {
    const compiled = RE2JS.compile(pattern);
    return { test: (text: string) => compiled.matcher(text).find() };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return {
      problem: `"pattern" ${JSON.stringify(pattern)} is not a valid regular expression (RE2 syntax: no backreferences or lookaround): ${why}`,
    };
  }
}
