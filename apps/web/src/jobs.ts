/** Long analyses run as jobs: started by one request, polled for progress, cancellable, results kept a while. */

/** Progress of a job, for the UI. */
export interface JobProgress {
  done: number;
  total: number;
  label: string;
}

/** A job's public state. */
export interface JobState {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: JobProgress;
  error?: string;
  result?: unknown;
}

/** What a job body receives: a progress callback and a cancellation check. */
export interface JobContext {
  progress(done: number, total: number, label: string): void;
  /** Throws JobCancelled when the user cancelled; call between steps. */
  checkpoint(): Promise<void>;
}

/** Thrown inside a job body when the user cancelled it. */
export class JobCancelled extends Error {}

/** Runs jobs one step at a time on the event loop, so the server keeps answering between steps. */
export class JobRunner {
  private readonly jobs = new Map<string, JobState & { cancel: boolean }>();
  private counter = 0;

  constructor(private readonly keep = 32) {}

  /** Starts a job and returns its id at once. */
  start(kind: string, body: (ctx: JobContext) => Promise<unknown>): string {
    this.counter++;
    const id = `j${this.counter}`;
    const job = {
      id,
      kind,
      status: 'running' as JobState['status'],
      progress: { done: 0, total: 1, label: '' },
      cancel: false,
    };
    this.jobs.set(id, job);
    while (this.jobs.size > this.keep) this.jobs.delete(this.jobs.keys().next().value as string);
    const ctx: JobContext = {
      progress: (done, total, label) => {
        job.progress = { done, total, label };
      },
      checkpoint: async () => {
        await new Promise((r) => setImmediate(r));
        if (job.cancel) throw new JobCancelled('cancelled');
      },
    };
    void (async () => {
      try {
        await ctx.checkpoint();
        const result = await body(ctx);
        Object.assign(job, { status: 'done', result });
      } catch (e) {
        if (e instanceof JobCancelled) Object.assign(job, { status: 'cancelled' });
        else Object.assign(job, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    })();
    return id;
  }

  /** The job's state, without internal flags. */
  get(id: string): JobState | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const { cancel: _cancel, ...state } = job;
    return state;
  }

  /** Asks a running job to stop at its next checkpoint. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.status !== 'running') return false;
    job.cancel = true;
    return true;
  }
}
