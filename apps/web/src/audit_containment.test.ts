/**
 * The web audit reads only the bundled examples: an allegation edited in the page that names a file elsewhere on the
 * machine (its data or its station list) fails its job with a message naming the rule, and nothing of that file comes
 * back. The real @tally/audit runs here (no stand-in): the refusal happens before any file is opened.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApp } from './server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const HOST = { host: '127.0.0.1:8737' };
const TOKEN = 'test-token';
const OUTSIDE = '/etc/passwd';

function edited(kind: 'data' | 'stations'): string {
  const original = readFileSync(join(EXAMPLES, 'bolivia-2019', 'allegation.yaml'), 'utf8');
  if (kind === 'data') return original.replace(/^ {4}data: \.$/m, `    data: ${OUTSIDE}`);
  return original.replace(/^alleged:\n/m, `alleged:\n  stations:\n    file: ${OUTSIDE}\n`);
}

for (const kind of ['data', 'stations'] as const) {
  test(`an edited allegation whose ${kind} names ${OUTSIDE} fails its job without reading it`, async () => {
    const { app } = await createApp({
      token: TOKEN,
      examplesDir: EXAMPLES,
      roots: [EXAMPLES],
      version: 'test',
      maxUploadBytes: 64 * 1024,
    });
    const call = async (path: string, method = 'GET', json?: unknown) =>
      (
        await app.request(path, {
          method,
          headers: { ...HOST, 'x-tally-token': TOKEN, ...(json ? { 'content-type': 'application/json' } : {}) },
          body: json ? JSON.stringify(json) : undefined,
        })
      ).json() as Promise<{ jobId: string; status: string; error?: string }>;
    const text = edited(kind);
    assert.ok(text.includes(OUTSIDE), 'the edit took');
    const { jobId } = await call('/api/jobs/audit', 'POST', { example: 'bolivia-2019', allegation: text });
    let job = await call(`/api/jobs/${jobId}`);
    while (job.status === 'running') {
      await new Promise((r) => setImmediate(r));
      job = await call(`/api/jobs/${jobId}`);
    }
    assert.equal(job.status, 'failed', JSON.stringify(job));
    assert.match(job.error ?? '', /is outside the folders this server may read/);
    assert.doesNotMatch(job.error ?? '', /root:x:0:0/);
    assert.deepEqual(
      readdirSync(join(EXAMPLES, 'bolivia-2019')).filter((f) => f.startsWith('.tally-edit-')),
      [],
      'no edited allegation is left behind',
    );
  });
}
