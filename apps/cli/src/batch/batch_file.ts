/**
 * A batch file: the list of jobs `tally batch` runs (audits of allegation files, `run`s of datasets). Read and checked
 * before any job starts; every problem names the file, the line and the field (`jobs[2].methods`).
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isInside, readSmallText } from '@tally/ingest';
import { isLang, type Lang } from '@tally/report';
import { type Document, isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { DataError } from '../cli_io.ts';

/** An audit of an allegation file, as `tally audit` runs it. */
export interface AuditJob {
  readonly kind: 'audit';
  readonly id: string;
  /** The path as written in the batch file (relative to it). */
  readonly source: string;
  readonly seed?: number;
  /** Language of report.html (report.json is the same in every language). */
  readonly lang?: Lang;
}

/** A `tally run` of a results file or dataset folder. */
export interface RunJob {
  readonly kind: 'run';
  readonly id: string;
  readonly source: string;
  readonly seed?: number;
  readonly dataset?: string;
  readonly preset?: string;
  readonly map?: string;
  readonly methods?: readonly string[];
  readonly by?: string;
  readonly bootstrap?: number;
  readonly candidates?: readonly string[];
  /** Method options, `name` or `method.name` to a value, as `--option name=value`. */
  readonly options: Readonly<Record<string, string | number | boolean>>;
}

/** One job of a batch. */
export type BatchJob = AuditJob | RunJob;

/** A checked batch file. */
export interface BatchFile {
  /** The path as given. */
  readonly path: string;
  /** The folder every job path is relative to, and that every file a job reads must lie in. */
  readonly folder: string;
  readonly sha256: string;
  readonly jobs: readonly BatchJob[];
}

/** A job id: a folder name on every system (letters, digits, - and _; no dots, so no clash with index.json). */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** True when `id` may name a job (and so a folder). */
export function isJobId(id: unknown): id is string {
  return typeof id === 'string' && ID.test(id) && !RESERVED.test(id);
}
const MAX_JOBS = 10_000;
const COMMON_KEYS = ['id', 'audit', 'run', 'seed'];
const AUDIT_KEYS = [...COMMON_KEYS, 'lang'];
const RUN_KEYS = [...COMMON_KEYS, 'dataset', 'preset', 'map', 'methods', 'by', 'bootstrap', 'candidates', 'options'];

class Checker {
  constructor(
    readonly file: string,
    readonly doc: Document,
    readonly lines: LineCounter,
  ) {}

  /** A DataError naming the file, the line of `path` in the YAML and the field. */
  fail(path: readonly (string | number)[], message: string): never {
    const node = this.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const at = node?.range ? `line ${this.lines.linePos(node.range[0]).line}, ` : '';
    const field = path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k === 0 ? p : `.${p}`)).join('');
    throw new DataError(`${this.file}: ${at}${field || 'top level'}: ${message} [invalid_batch]`);
  }

  string(path: (string | number)[], value: unknown): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, 'must be a non-empty text');
    if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
      this.fail(path, 'must not hold control characters');
    }
    return value;
  }

  integer(path: (string | number)[], value: unknown, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `must be a whole number from ${min} to ${max}`);
    }
    return value;
  }

  list(path: (string | number)[], value: unknown): string[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(path, 'must be a non-empty list');
    return value.map((v, k) => this.string([...path, k], v));
  }
}

/** Reads and checks a batch file. Throws DataError (exit 1) naming the file, line and field at fault. */
export function readBatchFile(path: string): BatchFile {
  if (!existsSync(path)) throw new DataError(`${path}: no such batch file`);
  const text = readSmallText(path, 'the batch file');
  if (!text.ok) throw new DataError(text.error.message);
  const lines = new LineCounter();
  const doc = parseDocument(text.value, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const at = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : '';
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new DataError(`${path}: ${at}${message} [invalid_yaml]`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new DataError(`${path}: ${(e as Error).message.split('\n')[0]} [yaml_alias_bomb]`);
  }
  const c: Checker = new Checker(path, doc, lines);
  if (!isMap(doc.contents) || typeof value !== 'object' || value === null) c.fail([], 'must be a mapping');
  const top = value as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (key !== 'version' && key !== 'jobs') c.fail([key], 'unknown key; a batch file has version and jobs');
  }
  if (top.version !== 1) c.fail(['version'], 'must be 1');
  const list = top.jobs;
  if (!isSeq(doc.get('jobs', true)) || !Array.isArray(list) || list.length === 0) {
    c.fail(['jobs'], 'must be a non-empty list of jobs');
  }
  if (list.length > MAX_JOBS) c.fail(['jobs'], `holds more than ${MAX_JOBS} jobs; split the batch`);
  const folder = dirname(path);
  const seen = new Map<string, number>();
  const jobs = list.map((raw: unknown, k: number) => {
    const job = checkJob(c, raw, k, folder);
    const key = job.id.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) c.fail(['jobs', k, 'id'], `"${job.id}" is already the id of jobs[${earlier}]`);
    seen.set(key, k);
    return job;
  });
  const sha256 = createHash('sha256').update(text.value).digest('hex');
  return { path, folder, sha256, jobs };
}

function checkJob(c: Checker, raw: unknown, k: number, folder: string): BatchJob {
  const at = (...p: (string | number)[]) => ['jobs', k, ...p];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) c.fail(at(), 'must be a mapping');
  const job = raw as Record<string, unknown>;
  const id = c.string(at('id'), job.id);
  if (!isJobId(id)) {
    c.fail(at('id'), `"${id}" must be 1 to 64 letters, digits, - or _, starting with a letter or digit`);
  }
  if ((job.audit === undefined) === (job.run === undefined)) c.fail(at(), 'needs exactly one of audit: or run:');
  const kind = job.audit !== undefined ? 'audit' : 'run';
  const allowed = kind === 'audit' ? AUDIT_KEYS : RUN_KEYS;
  for (const key of Object.keys(job)) {
    if (!allowed.includes(key)) c.fail(at(key), `unknown key for a ${kind} job; it takes ${allowed.join(', ')}`);
  }
  const source = c.string(at(kind), job[kind]);
  confined(c, at(kind), source, folder, kind === 'audit' ? 'file' : 'any');
  const seed = job.seed === undefined ? undefined : c.integer(at('seed'), job.seed, 0, 0xffffffff);
  if (kind === 'audit') {
    if (job.lang !== undefined && (typeof job.lang !== 'string' || !isLang(job.lang))) {
      c.fail(at('lang'), 'must be en, es or ru');
    }
    return { kind, id, source, seed, lang: job.lang as Lang | undefined };
  }
  const text = (key: string) => (job[key] === undefined ? undefined : c.string(at(key), job[key]));
  const map = text('map');
  if (map !== undefined) confined(c, at('map'), map, folder, 'file');
  if (map !== undefined && job.preset !== undefined) c.fail(at('map'), 'give preset or map, not both');
  const options: Record<string, string | number | boolean> = {};
  if (job.options !== undefined) {
    if (typeof job.options !== 'object' || job.options === null || Array.isArray(job.options)) {
      c.fail(at('options'), 'must be a mapping of option names to values');
    }
    for (const [name, v] of Object.entries(job.options)) {
      if (!['string', 'number', 'boolean'].includes(typeof v)) c.fail(at('options', name), 'must be a single value');
      options[c.string(at('options', name), name)] = v as string | number | boolean;
    }
  }
  return {
    kind,
    id,
    source,
    seed,
    dataset: text('dataset'),
    preset: text('preset'),
    map,
    methods: job.methods === undefined ? undefined : c.list(at('methods'), job.methods),
    by: text('by'),
    bootstrap: job.bootstrap === undefined ? undefined : c.integer(at('bootstrap'), job.bootstrap, 0, 1_000_000),
    candidates: job.candidates === undefined ? undefined : c.list(at('candidates'), job.candidates),
    options,
  };
}

/**
 * Job paths are relative to the batch file and must stay inside its folder once symbolic links are followed: a batch
 * file from someone else cannot make Tally read /etc/passwd. A path that does not exist is left for the job to report.
 */
function confined(c: Checker, path: (string | number)[], source: string, folder: string, kind: 'file' | 'any'): void {
  if (isAbsolute(source)) c.fail(path, `${source}: write the path relative to the batch file`);
  const full = join(folder, source);
  const lexical = relative(resolve(folder), resolve(full));
  if (lexical === '..' || lexical.startsWith(`..${sep}`)) {
    c.fail(path, `${source} lies outside the batch file's folder ${folder}`);
  }
  if (!existsSync(full)) return;
  if (!isInside(full, [folder])) c.fail(path, `${source} lies outside the batch file's folder ${folder}`);
  if (kind === 'file' && statSync(full).isDirectory()) c.fail(path, `${source} is a folder; name the file`);
}

/** The jobs of shard `index` of `count`: job k (from 0, in file order) belongs to shard k mod count. */
export function shardJobs<T>(jobs: readonly T[], index: number, count: number): { job: T; position: number }[] {
  return jobs.map((job, position) => ({ job, position })).filter((x) => x.position % count === index);
}
