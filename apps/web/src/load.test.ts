import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.ts';

const EXAMPLES = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'), 'examples');

// A bounded load test on loopback: 1,000 analysis requests, 200 at a time, plus malformed ones mixed in.
test(
  'the server survives 1,000 analysis requests, 200 concurrent, with bounded memory',
  { timeout: 300_000 },
  async () => {
    const token = 'load-test';
    const server = await startServer({
      token,
      port: 0,
      host: '127.0.0.1',
      examplesDir: EXAMPLES,
      roots: [EXAMPLES],
      version: 'test',
      maxUploadBytes: 1 << 20,
    });
    try {
      const headers = { 'x-tally-token': token, 'content-type': 'application/json' };
      const load = await fetch(`${server.url}api/load`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ example: 'bolivia-2020', dataset: 'recinto-final' }),
      });
      assert.equal(load.status, 200);
      const { datasetId } = (await load.json()) as { datasetId: string };
      const rssBefore = process.memoryUsage().rss;
      const total = 1000;
      const concurrency = 200;
      let next = 0;
      const statuses = new Map<number, number>();
      const worker = async () => {
        while (next < total) {
          const i = next++;
          const kind = i % 10;
          const res =
            kind === 9
              ? await fetch(`${server.url}api/load`, { method: 'POST', headers, body: '{"broken' })
              : await fetch(
                  `${server.url}api/datasets/${datasetId}?by=${kind % 2 === 0 ? 'municipality' : 'country'}`,
                  { headers },
                );
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const rssAfter = process.memoryUsage().rss;
      assert.equal(statuses.get(200), 900);
      assert.equal(statuses.get(400), 100);
      assert.ok(
        rssAfter - rssBefore < 400 * 1024 * 1024,
        `RSS grew by ${((rssAfter - rssBefore) / 1048576).toFixed(0)} MB`,
      );
      const meta = await fetch(`${server.url}api/meta`, { headers });
      assert.equal(meta.status, 200);
    } finally {
      await server.close();
    }
  },
);
