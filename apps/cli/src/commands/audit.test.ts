import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ROOT, runCli } from '../../test/run_cli.ts';
import { main } from '../main.ts';

/**
 * Runs main() in this process capturing stderr only: the test runner reports through this process's
 * stdout, so capturing stdout while a test runs can swallow another test's result line.
 */
async function runMain(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const errw = process.stderr.write;
  const noColor = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(['node', 'tally', ...args]), stderr };
  } finally {
    process.stderr.write = errw;
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tally-audit-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = join(ROOT, 'packages/ingest/test/fixtures/allegation');
const BOLIVIA = join(ROOT, 'examples/bolivia-2019/allegation.yaml');
const VERDICTS = ['consistent_with_allegation', 'not_supported', 'inconclusive'];

interface Finding {
  method: string;
  verdict: string;
  adjustedPValue: number | null;
  pValue: number | null;
  explanation: { text: string };
  innocentExplanations: { text: string }[];
  plot: { kind: string } | null;
  details: Record<string, unknown>;
}

test('Bolivia: the README command writes report.json and a self-contained report.html; a rerun is byte-identical', async () => {
  const out1 = join(dir, 'bolivia1');
  const r = await runCli(['audit', BOLIVIA, '--out', out1, '--seed', '1']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Wrote .*report\.json/);
  const json = readFileSync(join(out1, 'report.json'), 'utf8');
  const report = JSON.parse(json) as {
    findings: Finding[];
    seed: number;
    version: string;
    inputs: { path: string; sha256: string }[];
  };
  assert.ok(report.findings.length >= 2);
  for (const f of report.findings) {
    assert.ok(VERDICTS.includes(f.verdict), f.verdict);
    assert.ok(f.explanation.text.length > 0 && f.innocentExplanations.length > 0);
  }
  assert.equal(report.seed, 1);
  assert.match(report.version, /^\d+\.\d+\.\d+/);
  const paths = report.inputs.map((i) => i.path);
  for (const p of [
    'allegation.yaml',
    'computo_final_2019-10-25_21-09-30.csv.gz',
    'trep_2019-10-20_19-40-57.csv.gz',
    '../bolivia-2020/results_2020_mesa.csv.gz',
  ]) {
    assert.ok(paths.includes(p), `input ${p} listed`);
  }
  assert.ok(report.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256)));
  assert.ok(!json.includes(ROOT), 'no absolute paths in report.json');
  assert.ok(!/fraud detected/i.test(json));
  const notes = (JSON.parse(json) as { notes: { text: string }[] }).notes.map((n) => n.text);
  assert.ok(notes.some((t) => /^Alleged size: [\d,]+ votes/.test(t)));

  // Persistence at recinto level: the official 2020 count per mesa, summed per linked 2019 recinto code: 5,242 linked
  // recintos all match 2019; the 240 units left are the 2020 recintos with no 2019 link ("(missing)").
  const p = report.findings.find((f) => f.method === 'persistence');
  assert.ok(p, 'persistence finding');
  const m = p.details.match as { matched: number; unitsB: number; unmatchedB: string[]; rateB: number };
  assert.equal(m.matched, 5242);
  assert.equal(m.unitsB, 5482);
  assert.equal(m.unmatchedB.length, 240);
  assert.equal(p.plot?.kind, 'persistence_scatter');
  assert.ok(report.findings.some((f) => f.method === 'counterfactual_projection' && f.plot?.kind === 'margin_curve'));
  // Adjusted p-values are never below the raw ones (a correction for the number of tests).
  for (const f of report.findings) {
    if (f.pValue !== null && f.adjustedPValue !== null) assert.ok(f.adjustedPValue >= f.pValue - 1e-12);
  }

  const html = readFileSync(join(out1, 'report.html'), 'utf8');
  assert.match(html, /<svg/);
  assert.ok(!/<script[^>]+src=|<link[^>]+href=|<img[^>]+src="?https?:|url\(\s*['"]?https?:/i.test(html), 'no network');

  const out2 = join(dir, 'bolivia2');
  const again = await runCli(['audit', BOLIVIA, '--out', out2, '--seed', '1', '--json']);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(join(out2, 'report.json'), 'utf8'), json);
  assert.deepEqual(JSON.parse(again.stdout), JSON.parse(json));
  assert.deepEqual(readdirSync(out2).sort(), ['report.html', 'report.json'], 'no temporary files left');
});

test('the seed is recorded; a different seed leaves unseeded statistics unchanged', async () => {
  const a = await runCli(['audit', join(FIXTURE, 'valid.yaml'), '--out', join(dir, 'fx1'), '--seed', '3']);
  const c = await runCli(['audit', join(FIXTURE, 'valid.yaml'), '--out', join(dir, 'fx3'), '--seed', '4']);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(c.code, 0, c.stderr);
  const read = (d: string) => readFileSync(join(dir, d, 'report.json'), 'utf8');
  const r1 = JSON.parse(read('fx1'));
  const r3 = JSON.parse(read('fx3'));
  assert.equal(r1.seed, 3);
  assert.equal(r3.seed, 4);
  assert.equal(r1.findings[0].statistic, r3.findings[0].statistic);
});

async function auditError(yaml: string): Promise<{ code: number; stderr: string }> {
  const file = join(FIXTURE, 'valid.yaml');
  const text = readFileSync(file, 'utf8');
  const path = join(dir, `bad_${Math.abs(hash(yaml))}.yaml`);
  // Absolute data paths, so the variant can live outside the fixture folder.
  writeFileSync(
    path,
    text
      .replace('data: .', `data: ${FIXTURE}`)
      .replace('data: recintos_a.csv', `data: ${join(FIXTURE, 'recintos_a.csv')}`)
      .replace('file: flagged_ids.txt', `file: ${join(FIXTURE, 'flagged_ids.txt')}`)
      .replace(/\nalleged:[\s\S]*?\nanalyses:/, `\n${yaml}\nanalyses:`),
  );
  const r = await runMain(['audit', path, '--out', join(dir, 'never')]);
  return { code: r.code, stderr: r.stderr };
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

test('invalid allegations exit 1 with a message that names the problem', async () => {
  const ids = await auditError('alleged:\n  election: first\n  stations:\n    ids: ["1000000000000001", "42"]');
  assert.equal(ids.code, 1);
  assert.match(ids.stderr, /1 station id\(s\) are not in election first: "42"/);
  const cutoff = await auditError('alleged:\n  election: first\n  cutoff:\n    time: "20/10/2019 19:40"');
  assert.equal(cutoff.code, 1);
  assert.match(cutoff.stderr, /alleged\.cutoff\.time: "20\/10\/2019 19:40" is not an ISO 8601 instant/);
  const file = await auditError('alleged:\n  election: first\n  stations:\n    file: /nonexistent/ids.txt');
  assert.equal(file.code, 1);
  assert.match(file.stderr, /alleged\.stations\.file: file not found: \/nonexistent\/ids\.txt/);
  const missing = await runMain(['audit', join(dir, 'no_such.yaml'), '--out', join(dir, 'never')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /allegation file not found/);
  const text = readFileSync(join(FIXTURE, 'valid.yaml'), 'utf8')
    .replace('favoured: MAS_est', 'favoured: Evo')
    .replace('data: .', `data: ${FIXTURE}`)
    .replace('data: recintos_a.csv', `data: ${join(FIXTURE, 'recintos_a.csv')}`)
    .replace('file: flagged_ids.txt', `file: ${join(FIXTURE, 'flagged_ids.txt')}`);
  writeFileSync(join(dir, 'cand.yaml'), text);
  const cand = await runMain(['audit', join(dir, 'cand.yaml'), '--out', join(dir, 'never')]);
  assert.equal(cand.code, 1);
  assert.match(cand.stderr, /candidates\.favoured: "Evo" is not a candidate in election first/);
  assert.ok(!existsSync(join(dir, 'never')), 'nothing written on error');
  const seed = await runMain(['audit', join(FIXTURE, 'valid.yaml'), '--out', join(dir, 'never'), '--seed', 'x']);
  assert.equal(seed.code, 2);
});
