/**
 * The regression replays against an independent R reference (fixtures/make_replay_fixture.R: estimatr lm_robust,
 * se_type "stata", on the bundled files read directly, not through Tally). Tolerance 1e-8 relative: both sides solve
 * the same least-squares problems in double precision on the same rows, in the same order. Also: the ids an
 * allegation may name, and the errors for data a replay cannot use.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { checkAllegation, REPLAY_IDS, type ResolvedAllegation, readAllegation, resolveAllegation } from '@tally/ingest';
import { countTimes, MissingInput, type ReplayContext, replayContext } from './context.ts';
import { ikrAdjustedBreak } from './ikr_adjusted_break.ts';
import { oasTrendBreak } from './oas_trend_break.ts';
import { persistence2020 } from './persistence_2020.ts';
import { replayRegistry } from './registry.ts';

interface Fit {
  estimate: number[];
  se: number[];
  n: number;
}
interface FlagFit {
  estimate: number;
  se: number;
  n: number;
  flagged: number;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/replay_fixture.json', import.meta.url), 'utf8')) as {
  n: number;
  chronological: Fit;
  text: Fit;
  ruralityByDepartment: Fit;
  ruralityByDepartmentAndRecinto: Fit;
  persistence: { late: FlagFit; oas: FlagFit };
};

function close(actual: number, expected: number, label: string): void {
  const relative = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(relative <= 1e-8, `${label}: ${actual} vs R ${expected} (relative ${relative})`);
}

interface Row {
  estimate: number;
  se: number;
}
function sameFit(details: Record<string, unknown>, expected: Fit, label: string): void {
  const d = details as { slopeBefore: Row; jump: Row; slopeChange: Row; n: number };
  assert.equal(d.n, expected.n, `${label}: rows used`);
  [d.slopeBefore, d.jump, d.slopeChange].forEach((row, k) => {
    close(row.estimate, expected.estimate[k], `${label} estimate ${k}`);
    close(row.se, expected.se[k], `${label} CR1 se ${k}`);
  });
}

let resolved: ResolvedAllegation;
let context: ReplayContext;
const spec = {
  method: 'replays',
  ids: [...REPLAY_IDS],
  election: 'bolivia-2019',
  against: 'bolivia-2020',
} as const;

before(async () => {
  const allegation = readAllegation(
    new URL('../../../../examples/bolivia-2019/allegation.yaml', import.meta.url).pathname,
  );
  assert.ok(allegation.ok, allegation.ok ? '' : allegation.error.message);
  const r = await resolveAllegation(allegation.value);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  resolved = r.value;
  const c = replayContext(resolved, spec, 1);
  assert.ok(c.ok);
  context = c.value;
});

test('oas_trend_break: the break in true time order and in text order match R to 1e-8', () => {
  const r = oasTrendBreak(context);
  sameFit(r.details!.chronological as Record<string, unknown>, fixture.chronological, 'chronological');
  sameFit(r.details!.text as Record<string, unknown>, fixture.text, 'text order');
  assert.equal(r.reproduced.value, (r.details!.chronological as { jump: Row }).jump.estimate);
  assert.equal(r.published.value, null, 'no single published coefficient: the note says so');
});

test('ikr_adjusted_break: rurality x department FE, then recinto FE, match R to 1e-8', () => {
  const r = ikrAdjustedBreak(context);
  sameFit(r.details!.noControls as Record<string, unknown>, fixture.chronological, 'no controls');
  sameFit(r.details!.ruralityByDepartment as Record<string, unknown>, fixture.ruralityByDepartment, 'cells');
  sameFit(
    r.details!.ruralityByDepartmentAndRecinto as Record<string, unknown>,
    fixture.ruralityByDepartmentAndRecinto,
    'cells + recinto',
  );
});

test('persistence_2020: swing differences of late-counted and OAS-listed recintos match R to 1e-8', () => {
  const r = persistence2020(context);
  const d = r.details as { lateCounted: FlagFit; oasList: FlagFit };
  for (const [got, want, label] of [
    [d.lateCounted, fixture.persistence.late, 'late-counted'],
    [d.oasList, fixture.persistence.oas, 'OAS list'],
  ] as const) {
    assert.equal(got.n, want.n, `${label}: recintos`);
    assert.equal(got.flagged, want.flagged, `${label}: flagged recintos`);
    close(got.estimate, want.estimate, `${label} estimate`);
    close(got.se, want.se, `${label} CR1 se`);
  }
});

test('every computed replay is a known id, and the allegation schema refuses unknown ids by name', () => {
  for (const id of Object.keys(replayRegistry)) assert.ok((REPLAY_IDS as readonly string[]).includes(id), id);
  const file = '/tmp/x/allegation.yaml';
  const r = checkAllegation(
    {
      claim: { text: 't', by: 'b', date: '2019-12-04' },
      elections: { a: { data: '.' } },
      candidates: { favoured: 'A', rival: 'B' },
      alleged: { whole: true },
      analyses: [{ method: 'replays', ids: ['oas_trend_break', 'oas_trend_brake'] }],
    },
    file,
  );
  assert.ok(!r.ok);
  assert.match(r.error.message, /analyses\[0\]\.ids\[1\]: "oas_trend_brake" is not a replay \(known: oas_trend_break,/);
  const against = checkAllegation(
    {
      claim: { text: 't', by: 'b', date: '2019-12-04' },
      elections: { a: { data: '.' } },
      candidates: { favoured: 'A' },
      alleged: { whole: true },
      analyses: [{ method: 'replays', against: 'b2020' }],
    },
    file,
  );
  assert.ok(
    !against.ok && /analyses\[0\]\.against: "b2020" is not one of the elections \(a\)/.test(against.error.message),
  );
});

test('a replay on a table without count times, or without the later election, says which file and column', () => {
  // The same count with the percentile arrival of the plain `computo` dataset instead of the verification times.
  const timedContext = replayContext(resolved, spec, 1);
  assert.ok(timedContext.ok);
  const timed = timedContext.value.timed;
  const percentile = {
    ...timedContext.value,
    timed: {
      ...timed,
      source: 'computo_final_2019-10-25_21-09-30.csv.gz (dataset computo)',
      table: {
        ...timed.table,
        arrival: { kind: 'percentile' as const, column: 'trep_pm', values: new Float64Array(timed.table.n) },
      },
    },
  };
  const plain = { value: percentile };
  assert.throws(
    () => countTimes(plain.value.timed),
    (e: unknown) =>
      e instanceof MissingInput &&
      /computo_final_2019-10-25_21-09-30\.csv\.gz \(dataset computo\): this replay needs each station's count time/.test(
        e.message,
      ) &&
      /its arrival is a percentile \(trep_pm\)/.test(e.message),
  );
  assert.throws(() => oasTrendBreak(plain.value), MissingInput);
  const noLater = replayContext(resolved, { ...spec, against: undefined }, 1);
  assert.ok(noLater.ok);
  assert.throws(() => persistence2020(noLater.value), /persistence_2020 needs the later election/);
});
