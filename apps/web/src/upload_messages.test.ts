import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { mappingProblems } from './mapping_check.ts';
import { serverPathHider } from './public_paths.ts';
import { createApp } from './server.ts';

const EXAMPLES = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..'), 'examples');
const TOKEN = 't';
const HOST = { host: '127.0.0.1:8737' };
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

async function call(path: string, json?: unknown, body?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { ...HOST, 'x-tally-token': TOKEN };
  headers['content-type'] = json === undefined ? 'application/octet-stream' : 'application/json';
  const res = await app.request(path, {
    method: 'POST',
    headers,
    body: json === undefined ? body : JSON.stringify(json),
  });
  return { status: res.status, text: await res.text() };
}

const GOOD = {
  station: ['uik'],
  regions: [{ name: 'region', column: 'region' }],
  registered: 'registered',
  ballotsCast: 'ballotsFound',
  valid: 'candidates',
  invalid: 'invalid',
  candidates: { columns: ['Ivanov', 'Petrov'] },
  shareOf: 'valid',
};
const CSV = 'uik,region,registered,invalid,Ivanov,Petrov\n1,North,100,2,40,30\n2,South,90,1,20,50\n';

test('no answer of the server shows where it keeps an upload: messages name the user file only', async () => {
  const up = await call('/api/upload?name=results.csv', undefined, CSV);
  assert.equal(up.status, 200);
  const { upload } = JSON.parse(up.text) as { upload: string };
  const answers = [
    // A mapping naming a column the file lacks: the loader's message names the file.
    await call('/api/load', { upload, name: 'results.csv', mapping: { ...GOOD, registered: 'voters' } }),
    // No candidate column at all.
    await call('/api/load', { upload, name: 'results.csv', mapping: { ...GOOD, candidates: { columns: ['X'] } } }),
    // A file the reader cannot read.
    await call('/api/upload?name=broken.parquet', undefined, 'not a parquet file'),
    await call('/api/load', { upload: 'u99', name: 'x.csv', mapping: GOOD }),
  ];
  for (const a of answers) {
    assert.doesNotMatch(a.text, /tally-uploads-|mapping\.json|\/u\d+\//, a.text);
    assert.ok(!a.text.includes(tmpdir()), a.text);
  }
  assert.equal(answers[0].status, 400);
  assert.match(answers[0].text, /results\.csv/);
  assert.match(answers[2].text, /broken\.parquet/);
});

test('the mapping check: a fitting mapping has no problems; missing and shared columns are named by role', async () => {
  const up = JSON.parse((await call('/api/upload?name=r.csv', undefined, CSV)).text) as { upload: string };
  const check = async (mapping: unknown) =>
    JSON.parse((await call('/api/mapping/check', { upload: up.upload, mapping })).text) as {
      problems: { rule: string; field?: string; column?: string }[];
    };
  assert.deepEqual((await check(GOOD)).problems, []);
  assert.deepEqual((await check({ ...GOOD, registered: 'voters' })).problems, [
    { rule: 'missing_column', field: 'registered', column: 'voters', message: 'registered: no column voters' },
  ]);
  const shared = (await check({ ...GOOD, invalid: 'Petrov' })).problems;
  assert.deepEqual(
    shared.map((p) => [p.rule, p.field, p.column]),
    [['shared_column', 'candidates', 'Petrov']],
  );
  // Ingest's shape rules come first (the same check the loader applies).
  assert.equal((await check({ ...GOOD, station: [] })).problems[0].rule, 'shape');
  // A file never previewed cannot be checked.
  assert.equal((await call('/api/mapping/check', { upload: 'u99', mapping: GOOD })).status, 404);
});

test('a mapped upload is named after the file (or the title given), never after the server temp mapping; its findings are screens', async () => {
  const rows = Array.from(
    { length: 300 },
    (_, i) => `${i + 1},R${i % 3},${400 + i},${i % 4},${100 + ((i * 37) % 150)},${80 + ((i * 53) % 120)}`,
  );
  const csv = `${CSV.split('\n')[0]}\n${rows.join('\n')}\n`;
  const up = JSON.parse((await call('/api/upload?name=mine.csv', undefined, csv)).text) as { upload: string };
  const load = async (mapping: unknown) => {
    const res = await call('/api/load', { upload: up.upload, name: 'mine.csv', mapping });
    assert.equal(res.status, 200, res.text);
    const { datasetId } = JSON.parse(res.text) as { datasetId: string };
    const job = JSON.parse((await call('/api/jobs/run', { datasetId, methods: ['skew_kurtosis'] })).text) as {
      jobId: string;
    };
    for (;;) {
      const headers = { ...HOST, 'x-tally-token': TOKEN };
      const j = (await (await app.request(`/api/jobs/${job.jobId}`, { headers })).json()) as {
        status: string;
        result?: { report: { title: string; findings: { role: string; explanation: { text: string } }[] } };
      };
      if (j.status !== 'running') {
        // No allegation in a run: every finding is worded against the clean-election model (role explore).
        const findings = j.result?.report.findings ?? [];
        assert.ok(findings.length > 0);
        for (const f of findings) {
          assert.equal(f.role, 'explore');
          assert.doesNotMatch(f.explanation.text, /the allegation predicts/);
        }
        return j.result?.report.title;
      }
      await new Promise((r) => setImmediate(r));
    }
  };
  assert.equal(await load(GOOD), 'mine.csv');
  assert.equal(await load({ ...GOOD, election: { name: 'Town council 2024' } }), 'Town council 2024');
});

test('the path hider keeps the file name and drops the folders', () => {
  const hide = serverPathHider('/tmp/tally-uploads-1-abc');
  assert.equal(hide('/tmp/tally-uploads-1-abc/u1/results.csv: no column "x"'), 'results.csv: no column "x"');
  assert.equal(hide(`reading ${tmpdir()}/other/deep/f.csv failed`), 'reading f.csv failed');
  assert.equal(hide('nothing to hide in examples/a.csv'), 'nothing to hide in examples/a.csv');
});

test('mappingProblems reads anyOf references and skips optional ones', () => {
  const header = ['id', 'reg', 'a', 'b'];
  const m = { ...GOOD, station: ['id'], regions: [], registered: { anyOf: ['voters', 'reg'] }, invalid: undefined };
  const problems = mappingProblems(
    { ...m, candidates: { columns: ['a', 'b', { anyOf: ['c'], optional: true }] } },
    header,
  );
  assert.deepEqual(problems, []);
});
