/** `tally presets` lists the shipped mappings; `--help` works on the ingest commands; unknown presets are usage errors. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasStackTrace, runMain } from './run_cli.ts';

test('tally presets --json lists the six shipped presets; --help exits 0; an unknown preset exits 2', async () => {
  const presets = await runMain(['presets', '--json']);
  assert.equal(presets.code, 0);
  const ids = (JSON.parse(presets.stdout) as { id: string }[]).map((p) => p.id);
  for (const id of [
    'bolivia-2019-computo',
    'bolivia-2019-trep',
    'bolivia-2019-arrival',
    'bolivia-2020-computo',
    'bolivia-2020-recinto',
    'russia-cik',
  ]) {
    assert.ok(ids.includes(id), id);
  }
  for (const command of ['validate', 'summary', 'presets']) {
    const help = await runMain([command, '--help']);
    assert.equal(help.code, 0, command);
    assert.match(help.stdout, /Usage: tally/);
  }
  const unknown = await runMain(['summary', 'examples/bolivia-2019/manifest.json', '--preset', "x'; DROP"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown preset/);
  assert.ok(!hasStackTrace(unknown.stderr));
});
