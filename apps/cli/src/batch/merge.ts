/**
 * `tally batch merge`: gathers the folders of a batch's shards into one: every job's folder, index.json (every job in
 * batch order, its status and bottom line), index.html and findings.csv. Nothing in them depends on how many shards
 * ran or where: no time, no absolute path, batch order throughout, so any sharding merges to the same bytes.
 */
import { mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FINDING_COLUMNS, type FindingCsvRow, findingsCsv } from '@tally/audit';
import type { Lang, ReportSummary } from '@tally/report';
import { commitOutputs } from '../atomic_output.ts';
import { DataError } from '../cli_io.ts';
import { isJobId } from './batch_file.ts';
import type { BatchIndex, IndexAnswer, IndexEntry, RunCounts } from './batch_index.ts';
import { JOB_FILES, type JobStatus, type ShardRecord } from './batch_records.ts';
import { renderBatchIndexHtml } from './index_html.ts';

const MAX_FILE_BYTES = 512 * 2 ** 20;

/** A row of the merged findings.csv: a finding of a job, with its id. */
interface FindingRow extends FindingCsvRow {
  readonly id: string;
}

/** A merged row: the job it comes from, then the finding. */
interface JobFindingRow extends FindingRow {
  readonly job: string;
  readonly kind: string;
}

/** The columns the merged findings.csv adds before each finding's. */
const JOB_COLUMNS = { names: ['job', 'kind', 'finding'], cells: (r: JobFindingRow) => [r.job, r.kind, r.id] };

function readJson<T>(path: string): T {
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(`${path}: ${code === 'ENOENT' ? 'missing' : (e as Error).message}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new DataError(`${path}: not valid JSON (${(e as Error).message}); was the shard interrupted?`);
  }
}

function readShard(dir: string): ShardRecord {
  const record = readJson<ShardRecord>(join(dir, 'batch.json'));
  if (record?.schema !== 'tally.batch-shard/1' || !Array.isArray(record.jobs)) {
    throw new DataError(`${join(dir, 'batch.json')}: not the record of a \`tally batch\` shard`);
  }
  return record;
}

/** Which shard folder holds each job: exactly one, else an error naming the job. */
function assignJobs(dirs: readonly string[], records: readonly ShardRecord[]): string[] {
  const first = records[0];
  records.forEach((r, k) => {
    const same =
      r.batchSha256 === first.batchSha256 &&
      r.seed === first.seed &&
      r.version === first.version &&
      JSON.stringify(r.jobs) === JSON.stringify(first.jobs);
    if (!same) {
      throw new DataError(`${dirs[k]} ran another batch file, seed or Tally version than ${dirs[0]}; merge one batch`);
    }
  });
  for (const job of first.jobs) {
    if (!isJobId(job.id)) throw new DataError(`${join(dirs[0], 'batch.json')}: "${String(job.id)}" is not a job id`);
  }
  return first.jobs.map((job, position) => {
    const holders = records.flatMap((r, k) => (position % r.shard.count === r.shard.index ? [k] : []));
    const shardOf = (k: number) => `${dirs[k]} (shard ${records[k].shard.index}/${records[k].shard.count})`;
    if (holders.length === 0) {
      throw new DataError(`job ${position} "${job.id}" is in none of the shards given; add the folder of its shard`);
    }
    if (holders.length > 1) {
      throw new DataError(`job ${position} "${job.id}" is in both ${shardOf(holders[0])} and ${shardOf(holders[1])}`);
    }
    return dirs[holders[0]];
  });
}

interface AuditReportJson {
  summary: ReportSummary;
  bottomLine: { answers: IndexAnswer[] } | null;
  findings: {
    id: string;
    method: string;
    target: string;
    region: string;
    statisticName: string;
    statistic: number;
    pValue: number | null;
    adjustedPValue: number | null;
    n: number;
    verdict: string;
  }[];
}

interface RunJson {
  results: {
    method: string;
    target?: string | null;
    region?: string | null;
    statisticName: string;
    statistic: number | null;
    pValue: number | null;
    pAdjusted?: number | null;
    n: number;
  }[];
}

function auditParts(folder: string): { entry: Partial<IndexEntry>; rows: FindingRow[] } {
  const report = readJson<AuditReportJson>(join(folder, 'report.json'));
  const bottomLine = (report.bottomLine?.answers ?? []).map((a) => ({
    id: a.id,
    question: a.question,
    verdict: a.verdict,
    answer: a.answer,
  }));
  const rows = report.findings.map((f) => ({
    id: f.id,
    method: f.method,
    target: f.target,
    region: f.region,
    statisticName: f.statisticName,
    statistic: f.statistic,
    pValue: f.pValue,
    adjustedPValue: f.adjustedPValue,
    n: f.n,
    verdict: f.verdict,
  }));
  return { entry: { summary: report.summary, bottomLine }, rows };
}

function runParts(folder: string): { entry: Partial<IndexEntry>; rows: FindingRow[] } {
  const run = readJson<RunJson>(join(folder, 'run.json'));
  const rows = run.results.map((r) => ({
    id: `${r.method}${r.target ? `:${r.target}` : ''}${r.region ? `@${r.region}` : ''}`,
    method: r.method,
    target: r.target ?? null,
    region: r.region ?? null,
    statisticName: r.statisticName,
    statistic: r.statistic,
    pValue: r.pValue,
    adjustedPValue: r.pAdjusted ?? null,
    n: r.n,
    verdict: '',
  }));
  const counts: RunCounts = {
    results: rows.length,
    tests: rows.filter((r) => r.pValue !== null).length,
    adjustedBelow005: rows.filter((r) => r.adjustedPValue !== null && r.adjustedPValue < 0.05).length,
  };
  return { entry: { run: counts }, rows };
}

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Merges shard folders into `out`; returns the index it wrote. */
export async function mergeShards(dirs: readonly string[], out: string, lang: Lang): Promise<BatchIndex> {
  const records = dirs.map(readShard);
  const holders = assignJobs(dirs, records);
  const first = records[0];
  const entries: IndexEntry[] = [];
  const findings: JobFindingRow[] = [];
  mkdirSync(out, { recursive: true });
  for (const [position, job] of first.jobs.entries()) {
    const folder = join(holders[position], job.id);
    const status = readJson<JobStatus>(join(folder, 'status.json'));
    if (status.schema !== 'tally.batch-job/1' || status.id !== job.id) {
      throw new DataError(`${join(folder, 'status.json')}: not the status of job "${job.id}"`);
    }
    if (!Array.isArray(status.outputs) || status.outputs.some((n) => !JOB_FILES.includes(n) || n === 'status.json')) {
      throw new DataError(`${join(folder, 'status.json')}: lists a file a job does not write`);
    }
    const names = [...status.outputs, 'status.json'];
    const parts =
      status.status !== 'ok' ? { entry: {}, rows: [] } : job.kind === 'audit' ? auditParts(folder) : runParts(folder);
    entries.push({
      id: job.id,
      kind: job.kind,
      source: job.source,
      status: status.status,
      exitCode: status.exitCode,
      error: status.error,
      files: names.map((n) => `${job.id}/${n}`),
      summary: null,
      bottomLine: [],
      run: null,
      ...parts.entry,
    });
    for (const r of parts.rows) findings.push({ ...r, job: job.id, kind: job.kind });
    if (!sameFolder(folder, join(out, job.id))) {
      mkdirSync(join(out, job.id), { recursive: true });
      await commitOutputs(names.map((n) => ({ path: join(out, job.id, n), data: readFileSync(join(folder, n)) })));
    }
  }
  const failed = entries.filter((e) => e.status !== 'ok').length;
  const index: BatchIndex = {
    schema: 'tally.batch-index/1',
    version: first.version,
    batchSha256: first.batchSha256,
    seed: first.seed,
    jobs: entries,
    counts: { ok: entries.length - failed, failed },
  };
  await commitOutputs([
    { path: join(out, 'index.json'), data: `${JSON.stringify(index, null, 2)}\n` },
    { path: join(out, 'index.html'), data: renderBatchIndexHtml(index, lang) },
    { path: join(out, 'findings.csv'), data: findingsCsv(findings, FINDING_COLUMNS, { leading: JOB_COLUMNS }) },
  ]);
  return index;
}
