/**
 * Data must not drive the terminal. Names in election files can hold escape sequences (ESC[2J clears the screen,
 * ESC]0;...BEL sets the window title), C1 controls (U+009B is a one-character CSI on some terminals) or bidi
 * overrides (U+202E reverses the text after it): printed raw, they would let a file clear, spoof or reorder a
 * forensic tool's output. Every line the CLI writes passes through here, and each such character is written as a
 * visible \uXXXX escape. Inside JSON strings that escape is the same character, so JSON output keeps its meaning.
 * Only the CLI's own color sequences (bold, dim, red, green, yellow and their resets, none of which hides text)
 * are kept, and only when color is on.
 */

/** Our own color sequences: SGR codes that change weight or color and never hide text. */
const OWN_STYLE = String.raw`\u001b\[(?:1|2|22|31|32|33|39)m`;
/** C0 except tab and line feed, DEL, C1, and the bidi marks, embeddings, overrides and isolates. */
const CONTROL = String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]`;
const UNSAFE = new RegExp(`(${OWN_STYLE})|${CONTROL}`, 'g');

/** The text with every control character except line feed and tab (and, with `keepStyles`, our colors) escaped. */
export function terminalSafe(text: string, keepStyles = false): string {
  return text.replace(UNSAFE, (match, style: string | undefined) => {
    if (style !== undefined && keepStyles) return style;
    // A style sequence starts with ESC, the only control character in it; anything else matched is one character.
    return `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}${match.slice(1)}`;
  });
}

type Write = typeof process.stdout.write;

/** The streams' own write functions while a guard is installed. */
const originals = new Map<NodeJS.WriteStream, Write>();

/**
 * Writes to `stream` past the guard: only for the CLI's own cursor sequences (the progress bar), never for text that
 * holds data, which the caller passes through terminalSafe first.
 */
export function writeUnguarded(stream: NodeJS.WriteStream, text: string): boolean {
  const write = originals.get(stream) ?? stream.write;
  return (write as (chunk: string) => boolean).call(stream, text);
}

/** Routes process.stdout and process.stderr writes through terminalSafe; returns the function that undoes it. */
export function guardTerminalOutput(keepStyles: { stdout: boolean; stderr: boolean }): () => void {
  const restore: (() => void)[] = [];
  for (const [stream, keep] of [
    [process.stdout, keepStyles.stdout],
    [process.stderr, keepStyles.stderr],
  ] as const) {
    const original = stream.write;
    const guarded = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      const safe = typeof chunk === 'string' ? terminalSafe(chunk, keep) : chunk;
      return (original as (...args: unknown[]) => boolean).call(this, safe, ...rest);
    } as Write;
    stream.write = guarded;
    if (!originals.has(stream)) originals.set(stream, original);
    restore.push(() => {
      if (stream.write === guarded) stream.write = original;
      if (originals.get(stream) === original) originals.delete(stream);
    });
  }
  return () => {
    for (const r of restore) r();
  };
}
