/**
 * A cancelled web job leaves nothing behind: the edited allegation the audit job writes beside an example's data is
 * removed whether the job is cancelled before it starts or while it runs, and a cancelled job keeps no result.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AuditRunner } from './api.ts';
import { createApp } from './server.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const HOST = { host: '127.0.0.1:8737' };
const TOKEN = 'test-token';

const editDirs = () => readdirSync(join(EXAMPLES, 'bolivia-2019')).filter((f) => f.startsWith('.tally-edit-'));

async function setup(audit: AuditRunner) {
  const { app } = await createApp({
    token: TOKEN,
    examplesDir: EXAMPLES,
    roots: [EXAMPLES],
    version: 'test',
    maxUploadBytes: 64 * 1024,
    audit,
  });
  const call = (path: string, method = 'GET', json?: unknown) =>
    app.request(path, {
      method,
      headers: { ...HOST, 'x-tally-token': TOKEN, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: json ? JSON.stringify(json) : undefined,
    });
  // Polls until the job leaves "running", yielding to the event loop between polls; no count or delay that a
  // loaded machine could exhaust (a job that never settles is stopped by the test's own timeout).
  const settle = async (id: string) => {
    for (;;) {
      const job = (await (await call(`/api/jobs/${id}`)).json()) as { status: string; result?: unknown };
      if (job.status !== 'running') return job;
      await new Promise((r) => setImmediate(r));
    }
  };
  return { call, settle };
}

const EDITED = { example: 'bolivia-2019', allegation: 'claim: {by: test, date: 2019-10-20, text: edited}\n' };

test('an audit job cancelled before it starts never writes its edited allegation', async () => {
  let ran = false;
  const { call, settle } = await setup(async () => {
    ran = true;
    return { reportJson: '{}', html: '', report: {} };
  });
  const before = editDirs();
  const { jobId } = (await (await call('/api/jobs/audit', 'POST', EDITED)).json()) as { jobId: string };
  assert.deepEqual(await (await call(`/api/jobs/${jobId}`, 'DELETE')).json(), { cancelled: true });
  const job = await settle(jobId);
  assert.equal(job.status, 'cancelled');
  assert.equal(ran, false);
  assert.deepEqual(editDirs(), before);
});

test('an audit job cancelled while it runs ends cancelled, keeps no result, and removes its edited allegation', async () => {
  let sawFile = false;
  let release: () => void = () => {};
  const started = new Promise<void>((r) => {
    release = r;
  });
  // The job body cannot finish before the test has cancelled it: it waits for `finish`, resolved after the DELETE.
  let finish: () => void = () => {};
  const cancelled = new Promise<void>((r) => {
    finish = r;
  });
  const { call, settle } = await setup(async (path) => {
    sawFile = readdirSync(dirname(path)).includes('allegation.yaml');
    release();
    await cancelled;
    return { reportJson: '{}', html: '', report: {} };
  });
  const before = editDirs();
  const { jobId } = (await (await call('/api/jobs/audit', 'POST', EDITED)).json()) as { jobId: string };
  await started;
  assert.equal(sawFile, true, 'the job body saw its edited allegation');
  assert.deepEqual(await (await call(`/api/jobs/${jobId}`, 'DELETE')).json(), { cancelled: true });
  finish();
  const job = await settle(jobId);
  assert.equal(job.status, 'cancelled');
  assert.equal(job.result, undefined);
  assert.deepEqual(editDirs(), before);
});
