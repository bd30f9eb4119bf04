/**
 * Progress of a long run, reported through a callback so the package prints nothing: the CLI turns the events into a
 * bar on a terminal or one line per phase otherwise, the web app into its own progress display.
 */

/** The phases a run goes through, in order (a run skips the ones it does not have). */
export type ProgressPhase = 'load' | 'battery' | 'methods' | 'analysis' | 'latecount' | 'calibrate' | 'write';

/** One step of a phase: `done` of `total` steps (total 0 when the phase has no steps to count). */
export interface ProgressEvent {
  readonly phase: ProgressPhase;
  /** What is being worked on, e.g. a method id or a file name (may come from data: print it terminal-safe). */
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

/** Receives progress events; must not throw. */
export type OnProgress = (event: ProgressEvent) => void;

/** A callback that ignores every event (the default). */
export const noProgress: OnProgress = () => {};
