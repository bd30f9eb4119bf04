// Reference check (issue 6): integer_percent on the bundled Russian CIK files reproduces Kobak,
// Shpilkin & Pshenichnikov's excess counts (dkobak/elections, significance2018/montecarlo.pickle)
// within half their Monte Carlo SD; the excess is now over the exact expectation (no Monte Carlo), and the SD
// compared with theirs is the exact one. Reads only data inside the repository (examples/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng, integerPercentMethod } from '@tally/core';
import { loadTable } from '@tally/ingest';

const cases: [string, string, [number, number, number, number]][] = [
  ['2011', 'examples/russia-2011/russia_2011_duma_uik.csv.gz', [1003, 767, 449, 113]],
  ['2012', 'examples/russia-2012/russia_2012_president_uik.csv.gz', [1160, 735, 635, 116]],
  ['2018', 'examples/russia-2018/russia_2018_president_uik.csv.gz', [1709, 859, 1296, 117]],
];

for (const [year, file, [either, leader, turnout, sd]] of cases) {
  test(`Russia ${year}: excess either/leader/turnout within half of Kobak et al.'s MC SD`, async () => {
    const loaded = await loadTable(file, { preset: 'russia-cik' });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    const r = integerPercentMethod.run(loaded.value.table, { regionLevel: 'none' }, createRng(2016));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const d = r.value[0].details as { excess: Record<string, number>; sd: Record<string, number> };
    assert.ok(Math.abs(d.excess.either - either) <= sd / 2, `either ${d.excess.either} vs ${either}`);
    assert.ok(Math.abs(d.excess.leader - leader) <= sd / 2, `leader ${d.excess.leader} vs ${leader}`);
    assert.ok(Math.abs(d.excess.turnout - turnout) <= sd / 2, `turnout ${d.excess.turnout} vs ${turnout}`);
    assert.ok(Math.abs(d.sd.either - sd) <= 0.1 * sd, `sd ${d.sd.either} vs ${sd}`);
  });
}
