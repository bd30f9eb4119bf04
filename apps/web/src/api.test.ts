import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
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
