/** The records a shard run leaves on disk (DIR/batch.json, DIR/<job>/status.json), which `tally batch merge` reads. */
import type { BatchJob } from './batch_file.ts';

/** What a job left: ok, or failed with the exit code `tally audit` / `tally run` would have given and the message. */
export interface JobStatus {
  readonly schema: 'tally.batch-job/1';
  readonly id: string;
  readonly kind: BatchJob['kind'];
  readonly source: string;
  readonly status: 'ok' | 'failed';
  /** 0 ok, 1 data or runtime error, 2 a wrong option in the job. */
  readonly exitCode: 0 | 1 | 2;
  readonly error: { readonly message: string; readonly details: readonly string[] } | null;
  /** The files the job wrote beside status.json. */
  readonly outputs: readonly string[];
}

/** The record of a shard run, written to DIR/batch.json: which batch, which shard. `tally batch merge` reads it. */
export interface ShardRecord {
  readonly schema: 'tally.batch-shard/1';
  readonly version: string;
  readonly batchSha256: string;
  readonly seed: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly jobs: readonly { readonly id: string; readonly kind: BatchJob['kind']; readonly source: string }[];
}

/** Every file name a job may write; a rerun removes those the new run does not write (no stale report). */
export const JOB_FILES: readonly string[] = ['report.json', 'report.html', 'run.json', 'status.json'];
