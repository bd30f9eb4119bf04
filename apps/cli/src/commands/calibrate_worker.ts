/** Worker thread for `tally calibrate`: runs calibration jobs and posts back their tallies. */
import { parentPort } from 'node:worker_threads';
import { type CalibrationJob, runJob } from './calibrate_run.ts';

parentPort?.on('message', (job: CalibrationJob) => {
  try {
    parentPort?.postMessage({ ok: true, counts: runJob(job) });
  } catch (e) {
    parentPort?.postMessage({ ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
