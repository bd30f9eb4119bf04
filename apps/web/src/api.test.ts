import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LANGS, translate } from '@tally/report';
import type ExcelJs from 'exceljs';
import type { Hono } from 'hono';
import { createApi } from './api.ts';
import { createApp } from './server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const TOKEN = 'test-token';
let app: Hono;

before(async () => {
  ({ app } = await createApp({
    token: TOKEN,
    examplesDir: EXAMPLES,
    roots: [EXAMPLES],
    version: 'test',
    maxUploadBytes: 64 * 1024,
  }));
});

const HOST = { host: '127.0.0.1:8737' };
function call(path: string, init: RequestInit & { json?: unknown } = {}, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...HOST, 'x-tally-token': TOKEN, ...headers };
  let body = init.body;
  if (init.json !== undefined) {
    h['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  return app.request(path, { ...init, headers: h, body });
}

test('the page and script are served; the page carries the token and a strict CSP', async () => {
  const page = await app.request('/', { headers: HOST });
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /name="tally-token" content="test-token"/);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  const script = await app.request('/app.js', { headers: HOST });
  assert.equal(script.status, 200);
  assert.ok((await script.text()).length > 10_000);
});

test('API calls without the token, or with a foreign Host (DNS rebinding), are refused', async () => {
  assert.equal((await app.request('/api/meta', { headers: HOST })).status, 403);
  assert.equal((await call('/api/meta', {}, { 'x-tally-token': 'wrong' })).status, 403);
  assert.equal((await call('/api/meta', {}, { host: 'evil.example:8737' })).status, 403);
  assert.equal((await app.request('/', { headers: { host: 'evil.example' } })).status, 403);
});

test('meta lists the bundled examples with their datasets, the presets and the methods', async () => {
  const meta = (await (await call('/api/meta')).json()) as {
    examples: { id: string; hasAllegation: boolean }[];
    presets: { id: string }[];
    methods: { id: string }[];
  };
  const bolivia = meta.examples.find((e) => e.id === 'bolivia-2019');
  assert.ok(bolivia?.hasAllegation);
  assert.ok(meta.presets.some((p) => p.id === 'russia-cik'));
  assert.ok(meta.methods.length >= 5);
  assert.ok(meta.examples.find((e) => e.id === 'honduras-2025')?.hasAllegation);
  assert.ok(meta.methods.some((m) => m.id === 'tally_sheet_agreement'));
});

test('loading an example gives its summary; a region filter narrows it', async () => {
  const res = await call('/api/load', { method: 'POST', json: { example: 'bolivia-2019' } });
  assert.equal(res.status, 200);
  const info = (await res.json()) as { datasetId: string; stations: number; errors: number };
  assert.equal(info.stations, 34555);
  assert.equal(info.errors, 0);
  const all = (await (await call(`/api/datasets/${info.datasetId}?by=department`)).json()) as {
    explore: { summary: { stations: number; regions: { region: string; stations: number }[] } };
  };
  assert.equal(all.explore.summary.stations, 34555);
  const laPaz = all.explore.summary.regions.findIndex((r) => r.region === 'Bolivia > La Paz');
  assert.ok(laPaz >= 0);
  const one = (await (await call(`/api/datasets/${info.datasetId}?level=department&code=${laPaz}`)).json()) as {
    explore: { summary: { stations: number } };
  };
  assert.equal(one.explore.summary.stations, all.explore.summary.regions[laPaz].stations);
});

test('a run job finishes with findings and its report can be downloaded as HTML, JSON and CSV', async () => {
  const info = (await (await call('/api/load', { method: 'POST', json: { example: 'bolivia-2019' } })).json()) as {
    datasetId: string;
  };
  const start = await call('/api/jobs/run', {
    method: 'POST',
    json: { datasetId: info.datasetId, methods: ['second_digit_benford', 'last_digit'], seed: 3 },
  });
  const { jobId } = (await start.json()) as { jobId: string };
  let job: { status: string; result?: { report: { findings: unknown[] } } };
  for (;;) {
    job = (await (await call(`/api/jobs/${jobId}`)).json()) as typeof job;
    if (job.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(job.status, 'done');
  assert.ok((job.result?.report.findings.length ?? 0) > 0);
  const html = await call(`/api/jobs/${jobId}/report.html?lang=es`);
  assert.equal(html.status, 200);
  assert.match(await html.text(), /<html lang="es"/);
  const csv = await (await call(`/api/jobs/${jobId}/findings.csv`)).text();
  assert.match(csv.split('\n')[0], /^method,target,region/);
  const json = JSON.parse(await (await call(`/api/jobs/${jobId}/report.json`)).text()) as { seed: number };
  assert.equal(json.seed, 3);
});

test('paths outside the chosen roots are refused, whatever their spelling', async () => {
  for (const path of [
    '../package.json',
    '/etc/passwd',
    `${EXAMPLES}/../package.json`,
    'bolivia-2019/../../README.md',
  ]) {
    const res = await call('/api/load', { method: 'POST', json: { path, preset: 'bolivia-2019-computo' } });
    assert.equal(res.status, 403, path);
  }
});

test('malformed requests get 4xx answers and the server keeps serving', async () => {
  assert.equal(
    (await call('/api/load', { method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } }))
      .status,
    400,
  );
  assert.equal((await call('/api/load', { method: 'POST', json: [1, 2] })).status, 400);
  assert.equal((await call('/api/load', { method: 'POST', json: { example: '../etc' } })).status, 404);
  assert.equal(
    (await call('/api/jobs/run', { method: 'POST', json: { datasetId: 'nope', methods: ['x'] } })).status,
    404,
  );
  assert.equal((await call('/api/jobs/j999')).status, 404);
  assert.equal((await call('/api/load', { method: 'POST', json: { path: 5 } })).status, 400);
  assert.equal((await call('/api/meta')).status, 200);
});

test('uploads: a size limit, a content-type check and a file-type check', async () => {
  const big = new Uint8Array(65 * 1024).fill(65);
  const tooBig = await call(
    '/api/upload?name=a.csv',
    { method: 'POST', body: big },
    { 'content-type': 'application/octet-stream' },
  );
  assert.equal(tooBig.status, 413);
  const wrongType = await call(
    '/api/upload?name=a.csv',
    { method: 'POST', body: 'a,b\n1,2\n' },
    { 'content-type': 'text/html' },
  );
  assert.equal(wrongType.status, 415);
  const wrongExt = await call(
    '/api/upload?name=a.exe',
    { method: 'POST', body: 'a,b\n1,2\n' },
    { 'content-type': 'application/octet-stream' },
  );
  assert.equal(wrongExt.status, 415);
  const okUpload = await call(
    '/api/upload?name=../../evil.csv',
    { method: 'POST', body: 'id,registered,A,B\n1,100,40,30\n2,90,20,50\n' },
    { 'content-type': 'application/octet-stream' },
  );
  assert.equal(okUpload.status, 200);
  const up = (await okUpload.json()) as { upload: string; name: string; preview: { columns: string[] } };
  assert.equal(up.name, 'evil.csv');
  assert.deepEqual(up.preview.columns, ['id', 'registered', 'A', 'B']);
  const mapping = {
    station: ['id'],
    registered: 'registered',
    candidates: { columns: ['A', 'B'] },
    valid: 'candidates',
    ballotsCast: 'ballotsFound',
    shareOf: 'valid',
  };
  const loaded = await call('/api/load', { method: 'POST', json: { upload: up.upload, name: up.name, mapping } });
  assert.equal(loaded.status, 200);
  assert.equal(((await loaded.json()) as { stations: number }).stations, 2);
  const badMapping = await call('/api/load', { method: 'POST', json: { upload: up.upload, mapping: { station: [] } } });
  assert.equal(badMapping.status, 400);
});

/** Polls a job until it leaves "running" (each poll yields to the event loop, where the job's steps run). */
async function finished<T>(
  jobPath: string,
  get: (path: string) => Response | Promise<Response>,
): Promise<T & { status: string }> {
  for (;;) {
    const job = (await (await get(jobPath)).json()) as T & { status: string };
    if (job.status !== 'running') return job;
    await new Promise((r) => setImmediate(r));
  }
}

interface ReportFinding {
  method: string;
  target: string;
  region: string;
  statisticName: string;
  statistic: number;
  pValue: number | null;
  adjustedPValue: number | null;
  n: number;
  role: string;
  details: { observed?: { either: number } };
}

test('a run job offers battery.xlsx (the battery sheet has a row per finding) and flagged.csv (whole percentages)', async () => {
  const info = (await (await call('/api/load', { method: 'POST', json: { example: 'bolivia-2019' } })).json()) as {
    datasetId: string;
  };
  const start = await call('/api/jobs/run', {
    method: 'POST',
    json: { datasetId: info.datasetId, methods: ['second_digit_benford', 'integer_percent'], seed: 5 },
  });
  const { jobId } = (await start.json()) as { jobId: string };
  const job = await finished<{ result: { downloads: string[]; report: { findings: ReportFinding[] } } }>(
    `/api/jobs/${jobId}`,
    call,
  );
  assert.equal(job.status, 'done');
  assert.deepEqual(job.result.downloads, ['report.html', 'report.json', 'findings.csv', 'battery.xlsx', 'flagged.csv']);
  const findings = job.result.report.findings;
  assert.ok(findings.length >= 2);

  const xlsx = await call(`/api/jobs/${jobId}/battery.xlsx?lang=es`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-disposition') ?? '', /battery\.xlsx/);
  const excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJs;
  const book = new excel.Workbook();
  await book.xlsx.load(await xlsx.arrayBuffer());
  assert.deepEqual(
    book.worksheets.map((w) => w.name),
    ['battery', 'by unit', 'about'],
  );
  const sheet = book.getWorksheet('battery')!;
  const values = (row: number) => Array.from((sheet.getRow(row).values as unknown[]).slice(1), (x) => x ?? null);
  const header = values(1) as string[];
  assert.deepEqual(header.slice(0, 4), ['unit', 'target', 'method', 'statistic']);
  const col = (name: string) => header.indexOf(name);
  // No bootstrap in the web app's runs, so each finding is exactly one row (no secondary statistics), and the
  // workbook's numbers (read back as numbers) equal the report's: the same estimate, p-value, n, and the same
  // Benjamini-Hochberg adjustment computed by the battery's code path rather than the report's.
  assert.equal(sheet.rowCount - 1, findings.length);
  // integer_percent reports a row per country beside the whole data's: rows are matched on unit too, and the whole
  // data's unit is named in the language asked for.
  const wholeData = translate('es', 'label.whole_data');
  const keyOf = (unit: unknown, target: unknown, method: unknown, statistic: unknown) =>
    [unit, target, method, statistic].join('|');
  const byKey = new Map(
    findings.map((f) => [keyOf(f.region === '' ? wholeData : f.region, f.target, f.method, f.statisticName), f]),
  );
  assert.equal(byKey.size, findings.length);
  const matched = new Set<string>();
  for (let i = 2; i <= sheet.rowCount; i++) {
    const row = values(i);
    const key = keyOf(row[col('unit')], row[col('target')], row[col('method')], row[col('statistic')]);
    const f = byKey.get(key);
    assert.ok(f, `no finding for workbook row ${key}`);
    matched.add(key);
    assert.equal(row[col('estimate')], f.statistic, key);
    assert.equal(row[col('p')], f.pValue, key);
    assert.equal(row[col('p_adjusted')], f.adjustedPValue, key);
    assert.equal(row[col('n')], f.n, key);
  }
  assert.equal(matched.size, findings.length);
  assert.ok([...matched].some((k) => k.startsWith(`${wholeData}|`)));
  const about = new Map<unknown, unknown>();
  book.getWorksheet('about')!.eachRow((r) => about.set(r.getCell(1).value, r.getCell(2).value));
  assert.equal(about.get('seed'), 5);
  // The input is named by its file, never by a server path.
  assert.doesNotMatch(String(about.get('input')), /[\\/]/);

  const csv = await call(`/api/jobs/${jobId}/flagged.csv`);
  assert.equal(csv.status, 200);
  const lines = (await csv.text()).split('\r\n').filter((l) => l !== '');
  assert.deepEqual(lines[0].split(',').slice(0, 4), ['finding_id', 'station_id', 'region_path', 'reason']);
  const integer = findings.find((f) => f.method === 'integer_percent' && f.region === '');
  assert.ok(integer?.details.observed);
  // The list holds the method's own count of stations on a whole percentage (turnout or leader share).
  assert.equal(lines.length - 1, integer.details.observed.either);
  assert.ok(lines.slice(1).every((l) => l.startsWith(`integer_percent:${integer.target},`)));
});

test('the downloaded report of a run is worded without an allegation, in en, es and ru', async () => {
  const info = (await (await call('/api/load', { method: 'POST', json: { example: 'bolivia-2019' } })).json()) as {
    datasetId: string;
  };
  const start = await call('/api/jobs/run', {
    method: 'POST',
    json: { datasetId: info.datasetId, methods: ['last_digit', 'second_digit_benford'], seed: 2 },
  });
  const { jobId } = (await start.json()) as { jobId: string };
  const job = await finished<{ result: { downloads: string[]; report: { findings: ReportFinding[] } } }>(
    `/api/jobs/${jobId}`,
    call,
  );
  assert.equal(job.status, 'done');
  assert.ok(job.result.report.findings.every((f) => f.role === 'explore'));
  // Only integer_percent flags stations: without it the job offers no flagged.csv.
  assert.ok(!job.result.downloads.includes('flagged.csv'));
  assert.equal((await call(`/api/jobs/${jobId}/flagged.csv`)).status, 404);
  const esc = (text: string) =>
    text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
  for (const lang of LANGS) {
    const html = await (await call(`/api/jobs/${jobId}/report.html?lang=${lang}`)).text();
    assert.match(html, new RegExp(`<html lang="${lang}"`));
    for (const key of ['verdict.consistent_with_allegation', 'verdict.not_supported'] as const)
      assert.ok(!html.includes(esc(translate(lang, key))), `${lang}: "${translate(lang, key)}" in the report`);
    assert.ok(html.includes(esc(translate(lang, 'layout.heading.explore'))), `${lang}: no explore heading`);
  }
});

const auditExamples = mkdtempSync(join(tmpdir(), 'tally-web-audit-'));
after(() => rmSync(auditExamples, { recursive: true, force: true }));

test('an audit job offers flagged.csv with the stations the allegation flags, and no battery.xlsx', async () => {
  // A one-example folder: the six-recinto fixture with its allegation (persistence on two flagged recintos).
  const example = join(auditExamples, 'fixture');
  cpSync(join(ROOT, 'packages/ingest/test/fixtures/allegation'), example, { recursive: true });
  cpSync(join(example, 'valid.yaml'), join(example, 'allegation.yaml'));
  const api = createApi({
    token: TOKEN,
    examplesDir: auditExamples,
    roots: [auditExamples],
    version: 'test',
    maxUploadBytes: 1024,
  });
  const get = (path: string, init: RequestInit = {}) =>
    api.request(path, { ...init, headers: { ...HOST, 'x-tally-token': TOKEN, 'content-type': 'application/json' } });
  const start = await get('/jobs/audit', { method: 'POST', body: JSON.stringify({ example: 'fixture', seed: 1 }) });
  const { jobId } = (await start.json()) as { jobId: string };
  const job = await finished<{ error?: string; result: { downloads: string[] } }>(`/jobs/${jobId}`, get);
  assert.equal(job.status, 'done', job.error);
  assert.deepEqual(job.result.downloads, ['report.html', 'report.json', 'findings.csv', 'flagged.csv']);
  assert.equal((await get(`/jobs/${jobId}/battery.xlsx`)).status, 404);
  const flagged = readFileSync(join(example, 'flagged_ids.txt'), 'utf8')
    .split('\n')
    .filter((l) => /^\d+$/.test(l.trim()))
    .map((l) => l.trim());
  const lines = (await (await get(`/jobs/${jobId}/flagged.csv`)).text()).split('\r\n').filter((l) => l !== '');
  assert.deepEqual(lines[0].split(',').slice(0, 4), ['finding_id', 'station_id', 'region_path', 'reason']);
  assert.deepEqual(
    lines
      .slice(1)
      .map((l) => l.split(',')[1])
      .sort(),
    flagged.sort(),
  );
  assert.ok(lines.slice(1).every((l) => l.startsWith('persistence')));
});
