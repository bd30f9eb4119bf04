/**
 * Hostile files and requests against the web API (issue 21): each ends in a 4xx answer naming the file and the rule,
 * and the server keeps answering. Big bombs are made here from a few bytes; nothing large is committed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { isolatedPreview } from './isolated_parse.ts';
import { createApp } from './server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const TOKEN = 'test-token';
const HOST = { host: '127.0.0.1:8737' };
let app: Hono;
let scratch: string;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'tally-hostile-web-'));
  ({ app } = await createApp({
    token: TOKEN,
    examplesDir: EXAMPLES,
    roots: [scratch],
    version: 'test',
    maxUploadBytes: 8 * 2 ** 20,
  }));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

function call(path: string, init: RequestInit & { json?: unknown } = {}, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...HOST, 'x-tally-token': TOKEN, ...headers };
  let body = init.body;
  if (init.json !== undefined) {
    h['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  return app.request(path, { ...init, headers: h, body });
}

async function upload(
  name: string,
  bytes: Uint8Array<ArrayBuffer> | string,
): Promise<{ error?: string; preview?: unknown }> {
  const r = await call(
    `/api/upload?name=${name}`,
    { method: 'POST', body: bytes },
    { 'content-type': 'application/octet-stream' },
  );
  assert.equal(r.status, 200, `upload of ${name}`);
  return (await r.json()) as { error?: string; preview?: unknown };
}

async function stillAnswers(): Promise<void> {
  const meta = await call('/api/meta');
  assert.equal(meta.status, 200);
}

test('a JSON file of 10,000 nested arrays (segfaulted DuckDB) is refused by rule, and the server answers', async () => {
  const r = await upload('deep.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  assert.equal(r.preview, undefined);
  assert.match(r.error ?? '', /deep\.json: row 1: JSON nested more than 64 levels/);
  await stillAnswers();
});

test('a gzip JSON bomb is refused after 128 MiB of text', async () => {
  // 129 MiB of spaces inside a JSON string compress to about 130 KB.
  const text = Buffer.concat([Buffer.from('[{"a":"'), Buffer.alloc(129 * 2 ** 20, 0x20), Buffer.from('"}]')]);
  const r = await upload('bomb.json.gz', gzipSync(text, { level: 9 }));
  assert.match(r.error ?? '', /bomb\.json\.gz: once decompressed, the file is larger than 128 MiB of JSON/);
  await stillAnswers();
});

test('a crash or memory exhaustion in the reader fails the request only', async () => {
  // A reader child that needs more memory than allowed is stopped, and its request gets a clear error.
  const path = join(scratch, 'ok.csv');
  writeFileSync(path, 'a,b\n1,2\n');
  const stopped = await isolatedPreview(path, { maxRssBytes: 1 });
  assert.equal(stopped.ok, false);
  assert.match(stopped.ok ? '' : stopped.error.message, /ok\.csv: reading it needed more than 0 MiB of memory/);
  const fine = await isolatedPreview(path);
  assert.ok(fine.ok);
  await stillAnswers();
});

test('devices and pipes under a root are refused without blocking', async () => {
  const fifo = join(scratch, 'pipe.csv');
  execFileSync('mkfifo', [fifo]);
  const r = await call('/api/load', { method: 'POST', json: { path: fifo, preset: 'russia-cik' } });
  assert.equal(r.status, 400);
  assert.match(((await r.json()) as { error: string }).error, /pipe\.csv: not a regular file/);
  await stillAnswers();
});

test('JSON request bodies are limited', async () => {
  const r = await call('/api/load', { method: 'POST', json: { path: 'x'.repeat(2 * 2 ** 20) } });
  assert.equal(r.status, 413);
  await stillAnswers();
});

test('the page may not be framed by another site', async () => {
  const page = await app.request('/', { headers: HOST });
  assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  assert.equal(page.headers.get('x-frame-options'), 'DENY');
});

test('no edited allegation folder is left inside an example', () => {
  for (const example of readdirSync(EXAMPLES)) {
    const dir = join(EXAMPLES, example);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    assert.deepEqual(
      readdirSync(dir).filter((e) => e.startsWith('.tally-edit-') && !e.includes(`-${process.pid}-`)),
      [],
    );
  }
});
