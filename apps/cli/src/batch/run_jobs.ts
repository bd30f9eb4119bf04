/**
 * Runs the jobs of one shard of a batch, one after the other in this process, and writes each job's outputs under
 * DIR/<job id>/ with its status.json. A job that fails is recorded as failed and the next job starts: one bad file
 * never stops the batch.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { runAudit } from '@tally/audit';
import { readAllegation, resolveAllegation } from '@tally/ingest';
import { buildReport, isLang, type Lang, renderHtml, renderJson } from '@tally/report';
import { commitOutputs, type OutputFile } from '../atomic_output.ts';
import { DataError, failure, UsageError } from '../cli_io.ts';
import { computeRun } from '../commands/run.ts';
import { TALLY_VERSION } from '../version.ts';
import type { AuditJob, BatchFile, BatchJob, RunJob } from './batch_file.ts';
import { shardJobs } from './batch_file.ts';
import { JOB_FILES, type JobStatus, type ShardRecord } from './batch_records.ts';

/** Settings of a shard run. */
export interface ShardOptions {
  readonly out: string;
  readonly index: number;
  readonly count: number;
  readonly seed: number;
  /**
   * Worker threads of every job (tally run's and tally audit's --threads), or undefined for their default: the cores,
   * at most 8, where the work repays them. The outputs are the same whatever the count.
   */
  readonly threads?: number;
  /** Language of each audit's report.html, unless the job names one (default: the allegation's, then English). */
  readonly lang?: Lang;
  /** One line per job as it ends (the CLI prints it on stderr). */
  readonly log: (line: string) => void;
}

/** Runs shard `index` of `count`; returns how many of its jobs succeeded and failed. */
export async function runShard(batch: BatchFile, options: ShardOptions): Promise<{ ok: number; failed: number }> {
  const record: ShardRecord = {
    schema: 'tally.batch-shard/1',
    version: TALLY_VERSION,
    batchSha256: batch.sha256,
    seed: options.seed,
    shard: { index: options.index, count: options.count },
    jobs: batch.jobs.map((j) => ({ id: j.id, kind: j.kind, source: j.source })),
  };
  mkdirSync(options.out, { recursive: true });
  await commitOutputs([{ path: join(options.out, 'batch.json'), data: `${JSON.stringify(record, null, 2)}\n` }]);
  const mine = shardJobs(batch.jobs, options.index, options.count);
  let ok = 0;
  for (const [k, { job, position }] of mine.entries()) {
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const status = await runOneJob(batch, job, options);
    if (status.status === 'ok') ok++;
    const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
    // The process's CPU time, its worker threads' included: on a busy machine it says more than the wall time.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
    const what = status.error ? `failed (exit ${status.exitCode}): ${status.error.message}` : 'ok';
    options.log(`[${k + 1}/${mine.length}] job ${position} ${job.id}: ${what} (${seconds} s, ${cpuSeconds} s CPU)`);
  }
  return { ok, failed: mine.length - ok };
}

async function runOneJob(batch: BatchFile, job: BatchJob, options: ShardOptions): Promise<JobStatus> {
  const folder = join(options.out, job.id);
  let files: OutputFile[];
  let status: JobStatus;
  const base = { schema: 'tally.batch-job/1', id: job.id, kind: job.kind, source: job.source } as const;
  try {
    const outputs =
      job.kind === 'audit' ? await auditOutputs(batch, job, options) : await runOutputs(batch, job, options);
    status = { ...base, status: 'ok', exitCode: 0, error: null, outputs: outputs.map((o) => o.name) };
    files = outputs.map((o) => ({ path: join(folder, o.name), data: o.data }));
  } catch (e) {
    const exitCode = e instanceof UsageError ? 2 : 1;
    const message = e instanceof UsageError || e instanceof DataError ? e.message : `internal error: ${String(e)}`;
    const details = e instanceof DataError ? e.details : [];
    const clean = (text: string) => withoutFolder(text, batch.folder);
    const error = { message: clean(message), details: details.map(clean) };
    status = { ...base, status: 'failed', exitCode, error, outputs: [] };
    files = [];
  }
  files.push({ path: join(folder, 'status.json'), data: `${JSON.stringify(status, null, 2)}\n` });
  mkdirSync(folder, { recursive: true });
  for (const name of JOB_FILES) {
    if (!files.some((f) => f.path === join(folder, name))) rmSync(join(folder, name), { force: true });
  }
  await commitOutputs(files);
  return status;
}

/** `text` with the batch folder's prefix taken off the paths in it, so messages read the same wherever it ran. */
function withoutFolder(text: string, folder: string): string {
  const prefix = normalize(folder);
  return prefix === '.' ? text : text.split(`${prefix}${sep}`).join('');
}

async function auditOutputs(
  batch: BatchFile,
  job: AuditJob,
  options: ShardOptions,
): Promise<{ name: string; data: string }[]> {
  // The same steps as `tally audit`, with every file the allegation names confined to the batch file's folder.
  const allegation = readAllegation(join(batch.folder, job.source), {
    roots: [batch.folder],
    outsideWhat: "the batch file's folder; every file a job reads must lie in it",
  });
  if (!allegation.ok) throw failure(allegation.error);
  const fileLang = allegation.value.lang;
  const lang: Lang = job.lang ?? options.lang ?? (fileLang !== undefined && isLang(fileLang) ? fileLang : 'en');
  const resolved = await resolveAllegation(allegation.value);
  if (!resolved.ok) throw failure(resolved.error);
  const run = await runAudit(resolved.value, job.seed ?? options.seed, TALLY_VERSION, {
    threads: options.threads,
  });
  const report = buildReport({ ...run.input, lang: 'en' });
  if (!report.ok) throw new DataError(report.error.message);
  return [
    { name: 'report.json', data: renderJson(report.value) },
    { name: 'report.html', data: await renderHtml(report.value, lang) },
  ];
}

async function runOutputs(
  batch: BatchFile,
  job: RunJob,
  options: ShardOptions,
): Promise<{ name: string; data: string }[]> {
  const input = join(batch.folder, job.source);
  const computed = await computeRun(input, {
    dataset: job.dataset,
    preset: job.preset,
    map: job.map === undefined ? undefined : join(batch.folder, job.map),
    methods: job.methods?.join(','),
    by: job.by,
    bootstrap: String(job.bootstrap ?? 1000),
    seed: String(job.seed ?? options.seed),
    threads: options.threads === undefined ? undefined : String(options.threads),
    candidates: job.candidates?.join(','),
    option: Object.entries(job.options).map(([name, value]) => `${name}=${value}`),
    json: true,
  });
  // Paths as seen from the batch file, so run.json does not depend on the folder the batch was started from.
  const json = computed.json as { rowAccounting: { file: string }[] };
  const rowAccounting = json.rowAccounting.map((r) => ({
    ...r,
    file: relative(batch.folder, r.file).split(sep).join('/'),
  }));
  const data = { ...computed.json, input: job.source, rowAccounting };
  return [{ name: 'run.json', data: `${JSON.stringify(data, null, 2)}\n` }];
}
