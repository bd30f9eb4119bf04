/** The web app's HTTP API (hono). Every /api route needs the page's token; files are read only below chosen roots. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  auditAllegationFile,
  exploreData,
  filterTable,
  flaggedStationsCsv,
  listMethods,
  type RenderedAudit,
  runMethods,
} from '@tally/audit';
import {
  applyRowPolicy,
  type FilePreview,
  formatIssue,
  type LoadedTable,
  listPresets,
  loadManifestDataset,
  mappingShapeProblem,
  rowAccount,
} from '@tally/ingest';
import { isLang, type Lang } from '@tally/report';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DatasetStore } from './dataset_store.ts';
import { listExamples } from './examples_list.ts';
import { isolatedLoadTable, isolatedPreview } from './isolated_parse.ts';
import { JobRunner } from './jobs.ts';
import { mappingProblems } from './mapping_check.ts';
import { serverPathHider } from './public_paths.ts';
import {
  type JobFiles,
  jobDownloads,
  jobWorkbook,
  regionScope,
  reportCsv,
  reportHtml,
  runJobFiles,
  XLSX_TYPE,
} from './report_outputs.ts';
import { guardPath, hostAllowed } from './security.ts';
import { newEditDir, newUploadDir, removeDir, saveUpload, sweepEditFolders } from './uploads.ts';

/** Runs an audit of an allegation file: @tally/audit's, unless a test stands in its own. */
export type AuditRunner = (
  allegationPath: string,
  options: { seed: number; lang: Lang; onProgress: (done: number, total: number, label: string) => void },
) => Promise<Pick<RenderedAudit, 'reportJson' | 'html'> & { report: unknown; flagged?: RenderedAudit['flagged'] }>;

/** The audit of @tally/audit, its errors turned into messages for the job's status. */
const packageAudit =
  (version: string, examplesDir: string): AuditRunner =>
  async (allegationPath, options) => {
    // An edited allegation comes from the page: it may name only files of the bundled examples.
    const run = await auditAllegationFile(allegationPath, { ...options, version, roots: [examplesDir] });
    if (!run.ok) throw new Error(run.error.message);
    return run.value;
  };

/** Server settings. */
export interface ApiOptions {
  token: string;
  examplesDir: string;
  /** Folders whose files may be loaded by path. */
  roots: string[];
  version: string;
  maxUploadBytes: number;
  allowedHosts?: string[];
  /** For tests only: stands in for the package's audit. */
  audit?: AuditRunner;
}

/** Largest JSON request body (an edited allegation or a mapping is a few KiB). */
const MAX_JSON_BODY_BYTES = 1024 * 1024;

const UPLOAD_EXTENSIONS = ['.csv', '.tsv', '.txt', '.gz', '.parquet', '.json', '.ndjson', '.xlsx'];

class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** Builds the API routes under /api. */
export function createApi(options: ApiOptions): Hono {
  const api = new Hono();
  const store = new DatasetStore();
  const jobs = new JobRunner();
  const uploadDir = newUploadDir();
  sweepEditFolders(options.examplesDir);
  const uploads = new Map<string, string>();
  /** Header of each previewed file (by upload id or path), for the mapping editor's checks; the newest 64 are kept. */
  const headers = new Map<string, string[]>();
  const keepHeader = (key: string, columns: string[]) => {
    headers.delete(key);
    headers.set(key, columns);
    if (headers.size > 64) headers.delete(headers.keys().next().value as string);
  };
  // No message shows where the server keeps uploads: "/tmp/tally-uploads-…/u1/results.csv" reads "results.csv".
  const hide = serverPathHider(uploadDir);

  api.onError((e, c) => {
    if (e instanceof HttpError) return c.json({ error: hide(e.message) }, e.status);
    if (e instanceof SyntaxError) return c.json({ error: 'the request body is not valid JSON' }, 400);
    return c.json({ error: 'internal error; the server keeps running' }, 500);
  });
  api.use('*', async (c, next) => {
    if (!hostAllowed(c.req.header('host'), options.allowedHosts ?? [])) throw new HttpError(403, 'host not allowed');
    if (c.req.header('x-tally-token') !== options.token && c.req.query('token') !== options.token) {
      throw new HttpError(403, 'missing or wrong token: open the app from the address `tally serve` printed');
    }
    await next();
  });
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_JSON_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, `request bodies are limited to ${MAX_JSON_BODY_BYTES} bytes (uploads: /api/upload)`);
    },
  });
  // Uploads are streamed to disk under their own limit; every other body is a small JSON object.
  api.use('*', (c, next) => (c.req.path.endsWith('/upload') ? next() : jsonBodyLimit(c, next)));

  const examples = () => listExamples(options.examplesDir);
  const body = async (c: { req: { json: () => Promise<unknown> } }): Promise<Record<string, unknown>> => {
    const value = await c.req.json();
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new HttpError(400, 'expected a JSON object');
    return value as Record<string, unknown>;
  };
  const str = (v: unknown, name: string, required = false): string | undefined => {
    if (v === undefined || v === null || v === '') {
      if (required) throw new HttpError(400, `"${name}" is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v.length > 4096) throw new HttpError(400, `"${name}" must be a string`);
    return v;
  };
  const datasetInfo = (id: string, label: string, loaded: LoadedTable) => ({
    datasetId: id,
    label,
    file: basename(loaded.file),
    sha256: loaded.sha256,
    rows: loaded.rows,
    stations: loaded.table.n,
    rowsExcluded: loaded.rowsExcluded,
    rowAccounting: [{ ...rowAccount(loaded), file: basename(loaded.file) }],
    errors: loaded.issues.filter((i) => i.level === 'error').length,
    warnings: loaded.issues.filter((i) => i.level === 'warning').length,
    issues: loaded.issues.slice(0, 200).map((i) => ({ ...i, file: basename(i.file ?? ''), message: hide(i.message) })),
    candidates: loaded.table.candidates.map((c) => c.name),
    levels: loaded.table.regions.map((r) => r.name),
  });

  api.get('/meta', (c) =>
    c.json({ version: options.version, examples: examples(), presets: listPresets(), methods: listMethods() }),
  );

  api.post('/load', async (c) => {
    const b = await body(c);
    const example = str(b.example, 'example');
    let loaded: LoadedTable;
    let label: string;
    let folder: string | undefined;
    if (example) {
      const dir = exampleDir(options.examplesDir, example);
      const r = await loadManifestDataset(dir, str(b.dataset, 'dataset'));
      if (!r.ok) throw new HttpError(400, r.error.message);
      loaded = r.value;
      label = `${example}${b.dataset ? ` / ${b.dataset}` : ''}`;
      folder = dir;
    } else {
      const upload = str(b.upload, 'upload');
      const path = upload ? uploads.get(upload) : guardPath(str(b.path, 'path', true)!, options.roots);
      if (!path) throw new HttpError(403, 'that file is not in a folder this server may read (see --root)');
      let map: string | undefined;
      if (b.mapping !== undefined) {
        const problem = mappingShapeProblem(b.mapping);
        if (problem) throw new HttpError(400, `mapping: ${problem}`);
        const mapDir = mkdtempSync(join(uploadDir, 'map-'));
        map = join(mapDir, 'mapping.json');
        // Without a title of its own the election is named after the file, never after the server's temp mapping.
        const fileName = basename(upload ? (str(b.name, 'name') ?? 'upload') : path);
        const named = { id: `mapping:${fileName}`, title: fileName, ...b.mapping };
        writeFileSync(map, JSON.stringify(named));
      }
      const r = await isolatedLoadTable(path, { preset: str(b.preset, 'preset'), map });
      if (!r.ok) throw new HttpError(400, r.error.message);
      loaded = r.value;
      label = basename(upload ? (str(b.name, 'name') ?? 'upload') : path);
    }
    // The row policy of the CLI (ingest's applyRowPolicy): empty rows are always excluded, other error rows refuse
    // the load unless the request says excludeInvalid: true.
    if (b.excludeInvalid !== undefined && typeof b.excludeInvalid !== 'boolean')
      throw new HttpError(400, '"excludeInvalid" must be true or false');
    const { refused } = applyRowPolicy(loaded, { excludeInvalid: b.excludeInvalid === true });
    if (refused.length > 0) {
      const rows = new Set(refused.map((i) => i.row ?? -1)).size;
      const shown = refused.slice(0, 5).map((i) => formatIssue({ ...i, file: label }));
      throw new HttpError(
        400,
        `${label}: ${rows} row(s) with error-level problems; fix them, or load again excluding invalid rows ` +
          `(excludeInvalid). ${shown.join('; ')}${refused.length > 5 ? `; … and ${refused.length - 5} more` : ''}`,
      );
    }
    const stored = store.add(label, loaded, folder);
    return c.json(datasetInfo(stored.id, label, loaded));
  });

  api.post('/upload', async (c) => {
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > options.maxUploadBytes) {
      throw new HttpError(413, `uploads are limited to ${options.maxUploadBytes} bytes`);
    }
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim();
    if (
      !['application/octet-stream', 'text/csv', 'text/plain', 'application/gzip', 'application/json'].includes(type)
    ) {
      throw new HttpError(415, `unsupported content type "${type}"; send the file's bytes as application/octet-stream`);
    }
    const name = basename(c.req.query('name') ?? 'upload.csv').replace(/[^\w.-]/g, '_');
    if (!UPLOAD_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) {
      throw new HttpError(415, `unsupported file type; use one of ${UPLOAD_EXTENSIONS.join(' ')}`);
    }
    const id = `u${uploads.size + 1}`;
    const dir = join(uploadDir, id);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    const saved = await saveUpload(c.req.raw.body, path, options.maxUploadBytes);
    if (!saved) {
      rmSync(dir, { recursive: true, force: true });
      throw new HttpError(413, `uploads are limited to ${options.maxUploadBytes} bytes`);
    }
    uploads.set(id, path);
    const preview = await isolatedPreview(path);
    if (!preview.ok) return c.json({ upload: id, name, error: hide(preview.error.message) });
    keepHeader(id, preview.value.columns);
    return c.json({ upload: id, name, preview: publicPreview(preview.value, name, hide) });
  });

  api.get('/examples/:id/allegation', (c) => {
    const dir = exampleDir(options.examplesDir, c.req.param('id'));
    try {
      return c.json({ text: readFileSync(join(dir, 'allegation.yaml'), 'utf8') });
    } catch {
      throw new HttpError(404, 'this example has no allegation.yaml');
    }
  });

  api.post('/preview', async (c) => {
    const b = await body(c);
    const path = guardPath(str(b.path, 'path', true)!, options.roots);
    if (!path) throw new HttpError(403, 'that file is not in a folder this server may read (see --root)');
    const preview = await isolatedPreview(path);
    if (!preview.ok) throw new HttpError(400, preview.error.message);
    keepHeader(path, preview.value.columns);
    return c.json({ preview: preview.value });
  });

  // The mapping editor's live check: ingest's shape rules, then the columns against the file's header.
  api.post('/mapping/check', async (c) => {
    const b = await body(c);
    const upload = str(b.upload, 'upload');
    const key = upload ?? guardPath(str(b.path, 'path', true)!, options.roots);
    if (!key) throw new HttpError(403, 'that file is not in a folder this server may read (see --root)');
    const header = headers.get(key);
    if (!header) throw new HttpError(404, 'preview the file first (upload it or give its path)');
    return c.json({ problems: mappingProblems(b.mapping, header).map((p) => ({ ...p, message: hide(p.message) })) });
  });

  api.get('/datasets/:id', (c) => {
    const d = store.get(c.req.param('id'));
    if (!d) throw new HttpError(404, 'no such dataset (the server keeps the last 8)');
    const level = c.req.query('level') || undefined;
    const code = c.req.query('code') !== undefined ? Number(c.req.query('code')) : undefined;
    const table = filterTable(d.loaded.table, level, Number.isInteger(code) ? code : undefined);
    return c.json({
      ...datasetInfo(d.id, d.label, d.loaded),
      explore: exploreData(table, c.req.query('by') || undefined),
    });
  });

  api.post('/jobs/run', async (c) => {
    const b = await body(c);
    const d = store.get(str(b.datasetId, 'datasetId', true)!);
    if (!d) throw new HttpError(404, 'no such dataset');
    const methods = Array.isArray(b.methods) ? b.methods.filter((m): m is string => typeof m === 'string') : [];
    if (methods.length === 0) throw new HttpError(400, 'choose at least one method');
    const lang: Lang = typeof b.lang === 'string' && isLang(b.lang) ? b.lang : 'en';
    const seed = Number.isInteger(b.seed) ? (b.seed as number) : 1;
    const level = str(b.level, 'level');
    const code = Number.isInteger(b.code) ? (b.code as number) : undefined;
    const table = filterTable(d.loaded.table, level, code);
    const scope = table === d.loaded.table ? undefined : regionScope(d.loaded.table, level, code, table.n);
    const candidate = str(b.candidate, 'candidate');
    const jobId = jobs.start('run', async (ctx) => {
      const { version } = options;
      const run = await runMethods(d.loaded, table, { methods, seed, candidate, lang, version }, ctx);
      const files = await runJobFiles({ ...run, loaded: d.loaded, table, scope, candidate, seed, lang, version });
      return { ...files, failures: run.failures };
    });
    return c.json({ jobId });
  });

  api.post('/jobs/audit', async (c) => {
    const b = await body(c);
    const lang: Lang = typeof b.lang === 'string' && isLang(b.lang) ? b.lang : 'en';
    const seed = Number.isInteger(b.seed) ? (b.seed as number) : 1;
    const example = str(b.example, 'example', true)!;
    const dir = exampleDir(options.examplesDir, example);
    const text = str(b.allegation, 'allegation');
    const audit = options.audit ?? packageAudit(options.version, options.examplesDir);
    const jobId = jobs.start('audit', async (ctx) => {
      // The edited allegation is written inside the job (so a job cancelled before it starts writes nothing), beside
      // the example's data so that its relative paths still resolve, and removed however the job ends.
      const editDir = text === undefined ? undefined : newEditDir(dir);
      try {
        let allegationPath = join(dir, 'allegation.yaml');
        if (editDir !== undefined && text !== undefined) {
          allegationPath = join(editDir, 'allegation.yaml');
          writeFileSync(allegationPath, text.replaceAll('\r\n', '\n'));
        }
        const out = await audit(allegationPath, { seed, lang, onProgress: (d, t, l) => ctx.progress(d, t, l) });
        await ctx.checkpoint();
        const { report, reportJson, html, flagged } = out;
        const flaggedCsv = flagged !== undefined && flagged.length > 0 ? flaggedStationsCsv(flagged) : undefined;
        return { report, reportJson, html, lang, flaggedCsv } as JobFiles;
      } finally {
        if (editDir !== undefined) removeDir(editDir);
      }
    });
    return c.json({ jobId });
  });

  api.get('/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    if (!job) throw new HttpError(404, 'no such job');
    const { result, ...rest } = job;
    const r = result as (JobFiles & { failures?: unknown }) | undefined;
    const error = rest.error === undefined ? undefined : hide(rest.error);
    const shown = r ? { report: r.report, failures: r.failures, downloads: jobDownloads(r) } : undefined;
    return c.json({ ...rest, error, result: shown });
  });

  api.delete('/jobs/:id', (c) => c.json({ cancelled: jobs.cancel(c.req.param('id')) }));

  api.get('/jobs/:id/:file', async (c) => {
    const job = jobs.get(c.req.param('id'));
    if (!job || job.status !== 'done') throw new HttpError(404, 'no finished job with that id');
    const r = job.result as JobFiles;
    const file = c.req.param('file');
    const lang = c.req.query('lang');
    const asked = lang && isLang(lang) ? lang : r.lang;
    if (file === 'report.json') return c.body(r.reportJson, 200, download('application/json', 'report.json'));
    if (file === 'report.html') {
      const html = lang && isLang(lang) ? await reportHtml(r.report, lang) : r.html;
      if (c.req.query('view') === '1') return c.html(html);
      return c.body(html, 200, download('text/html; charset=utf-8', 'report.html'));
    }
    if (file === 'findings.csv')
      return c.body(reportCsv(r.report), 200, download('text/csv; charset=utf-8', 'findings.csv'));
    if (file === 'battery.xlsx') {
      const book = await jobWorkbook(r, asked);
      if (book === undefined) throw new HttpError(404, 'battery.xlsx comes with a run of the methods, not an audit');
      return c.body(book, 200, download(XLSX_TYPE, 'battery.xlsx'));
    }
    if (file === 'flagged.csv') {
      if (r.flaggedCsv === undefined) throw new HttpError(404, 'this job flags no station (run integer_percent)');
      return c.body(r.flaggedCsv, 200, download('text/csv; charset=utf-8', 'flagged.csv'));
    }
    throw new HttpError(404, 'unknown file');
  });

  return api;
}

/** A preview as the page sees it: the file by its name, problems without server paths. */
function publicPreview(p: FilePreview, name: string, hide: (text: string) => string): FilePreview {
  return { ...p, file: name, problems: p.problems.map(hide) };
}

function download(type: string, name: string): Record<string, string> {
  return { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` };
}

/** A bundled example folder by name; names are checked against the folder listing, never joined blindly. */
function exampleDir(examplesDir: string, name: string): string {
  const known = listExamples(examplesDir).map((e) => e.id);
  if (!known.includes(name)) throw new HttpError(404, `no example "${name}"`);
  return join(examplesDir, name);
}
