/**
 * The CLI's error classes and colors: what main.ts needs at start-up, kept apart from cli_io.ts (which loads the
 * ingest and report packages) so that starting the CLI does not load them.
 */

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** A problem with the data or at run time: exit code 1. `details` lines are printed after the message. */
export class DataError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** True when stdout may carry ANSI colors (a TTY, and NO_COLOR unset). */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

/** Wraps text in an ANSI style when color is on. */
export function paint(text: string, style: 'bold' | 'red' | 'yellow' | 'green' | 'dim', on = useColor()): string {
  if (!on) return text;
  const codes = { bold: [1, 22], red: [31, 39], yellow: [33, 39], green: [32, 39], dim: [2, 22] }[style];
  return `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m`;
}
