/** alleged.announced and the announced_totals analysis in the allegation schema (docs/allegation.md). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkAllegation } from './allegation.ts';

function base(): Record<string, unknown> {
  return {
    claim: { text: 'The announced totals cannot come from the sheets.', by: 'A test', date: '2024-07-30' },
    elections: { e: { data: '/nowhere' } },
    candidates: { favoured: 'A', rival: 'B' },
    alleged: {
      whole: true,
      announced: { by: 'The authority', favoured: 60, rival: 40, ballotsCast: 110, registered: 200, coverage: 0.9 },
    },
    analyses: [{ method: 'announced_totals', sims: 50 }],
  };
}

const error = (v: unknown): string => {
  const r = checkAllegation(v, join('/tmp', 'x.yaml'));
  return r.ok ? 'ok' : r.error.message;
};

test('announced totals are read with their numbers; the analysis takes sims and minDonors', () => {
  const r = checkAllegation(base(), '/tmp/x.yaml');
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.deepEqual(r.value.alleged.announced, {
    by: 'The authority',
    favoured: 60,
    rival: 40,
    ballotsCast: 110,
    registered: 200,
    coverage: 0.9,
  });
  assert.deepEqual(r.value.analyses[0], { method: 'announced_totals', sims: 50, minDonors: undefined });
});

test('announced totals: errors name the key', () => {
  const v = base();
  (v.alleged as Record<string, Record<string, unknown>>).announced.favoured = 1.5;
  assert.match(error(v), /alleged\.announced\.favoured: must be a whole number, got 1\.5/);
  const w = base();
  (w.alleged as Record<string, Record<string, unknown>>).announced.coverage = 0;
  assert.match(error(w), /alleged\.announced\.coverage: must be above 0/);
  const x = base();
  (x.alleged as Record<string, Record<string, unknown>>).announced.voters = 3;
  assert.match(error(x), /alleged\.announced: unknown key "voters"/);
  const y = base();
  delete (y.alleged as Record<string, unknown>).announced;
  assert.match(error(y), /announced_totals needs alleged\.announced/);
  const z = base();
  z.candidates = { favoured: 'A' };
  assert.match(error(z), /announced_totals needs alleged\.announced \(the announced totals\) and candidates\.rival/);
  const f = base();
  f.analyses = [{ method: 'battery', fabrication: 'yes' }];
  assert.match(error(f), /analyses\[0\]\.fabrication: must be true or false/);
});
