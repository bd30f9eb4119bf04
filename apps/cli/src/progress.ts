/**
 * Progress on stderr for the long commands (run, audit, latecount, calibrate): a bar (cli-progress) when stderr is a
 * terminal, one plain line per phase otherwise (logs, CI), nothing with --quiet or --json. Stdout is never touched, so
 * what a command prints there is the same with or without progress.
 */
import type { OnProgress, ProgressEvent, ProgressPhase } from '@tally/audit';
import { type Lang, translate } from '@tally/report';
import { SingleBar } from 'cli-progress';
import { terminalSafe, writeUnguarded } from './terminal_safe.ts';

/** A progress display: the callback to hand to @tally/audit, and `stop` to call when the command is done. */
export interface ProgressDisplay {
  readonly onProgress: OnProgress;
  /** Reports a phase the CLI runs itself (reading files, writing outputs). */
  phase(phase: ProgressPhase, label: string): void;
  stop(): void;
}

const SILENT: ProgressDisplay = { onProgress: () => {}, phase: () => {}, stop: () => {} };

function phaseText(lang: Lang, e: Pick<ProgressEvent, 'phase' | 'label'>): string {
  return terminalSafe(translate(lang, `progress.${e.phase}`, { label: e.label }));
}

/**
 * The display for one command. `quiet` (from --quiet or --json) turns it off; `stream` is stderr unless a test
 * passes another.
 */
export function progressDisplay(options: { quiet: boolean; lang: Lang; stream?: NodeJS.WriteStream }): ProgressDisplay {
  if (options.quiet) return SILENT;
  const stream = options.stream ?? process.stderr;
  const lang = options.lang;
  let current: ProgressPhase | undefined;
  if (!stream.isTTY) {
    const line = (e: Pick<ProgressEvent, 'phase' | 'label'>) => {
      if (e.phase === current) return;
      current = e.phase;
      stream.write(`tally: ${phaseText(lang, e)}\n`);
    };
    return { onProgress: line, phase: (phase, label) => line({ phase, label }), stop: () => {} };
  }
  // The bar's own cursor sequences go past the terminal guard; its text is made terminal-safe above.
  const terminal = {
    isTTY: true,
    get columns() {
      return stream.columns;
    },
    write: (text: string) => writeUnguarded(stream, text),
  } as unknown as NodeJS.WriteStream;
  let bar: SingleBar | undefined;
  const end = () => {
    bar?.stop();
    bar = undefined;
  };
  const show = (e: ProgressEvent) => {
    if (e.phase !== current || bar === undefined) {
      end();
      current = e.phase;
      bar = new SingleBar({
        stream: terminal,
        format: `tally: {text} [{bar}] {value}/{total}`,
        hideCursor: true,
        clearOnComplete: false,
        fps: 10,
      });
      bar.start(Math.max(e.total, 1), e.done, { text: phaseText(lang, e) });
      return;
    }
    bar.setTotal(Math.max(e.total, 1));
    bar.update(e.done, { text: phaseText(lang, e) });
  };
  return {
    onProgress: show,
    phase: (phase, label) => show({ phase, label, done: 0, total: 0 }),
    stop: end,
  };
}
