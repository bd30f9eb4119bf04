import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseInstant, parseInstantColumn, parseInstants, parseOffset } from './parse_instant.ts';

const BOLIVIA = { defaultOffset: '-04:00' };

function ms(text: string, options = {}): number {
  const r = parseInstant(text, options);
  assert.ok(r.ok, `expected ${text} to parse: ${r.ok ? '' : r.message}`);
  return r.ms;
}

test('ISO 8601 with and without offsets gives the same instant as Date.parse of the explicit form', () => {
  assert.equal(ms('2019-10-20T19:40:57-04:00'), Date.parse('2019-10-20T23:40:57Z'));
  assert.equal(ms('2019-10-20T19:40:57', BOLIVIA), Date.parse('2019-10-20T23:40:57Z'));
  assert.equal(ms('2019-10-20 19:40:57', BOLIVIA), Date.parse('2019-10-20T23:40:57Z'));
  assert.equal(ms('2019-10-20T23:40:57Z', BOLIVIA), Date.parse('2019-10-20T23:40:57Z'));
  assert.equal(ms('2019-10-20T19:40:57.250-0400'), Date.parse('2019-10-20T23:40:57.250Z'));
  assert.equal(ms('2019-10-20T05:10+05:30'), Date.parse('2019-10-19T23:40:00Z'));
  assert.equal(ms('2019-10-20', { defaultOffset: 'Z' }), Date.parse('2019-10-20T00:00:00Z'));
});

test('a value with no offset and no default offset is an error, not a guess', () => {
  const r = parseInstant('2019-10-20T19:40:57');
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.reason, 'missing_offset');
});

test('12-hour clock: 12 AM is midnight, 12 PM is noon, hour 13 PM is rejected', () => {
  assert.equal(ms('10/20/2019 12:00 AM', BOLIVIA), ms('2019-10-20T00:00:00', BOLIVIA));
  assert.equal(ms('10/20/2019 12:30 PM', BOLIVIA), ms('2019-10-20T12:30:00', BOLIVIA));
  assert.equal(ms('10/20/2019 9:59 PM', BOLIVIA), ms('2019-10-20T21:59:00', BOLIVIA));
  assert.equal(ms('10/20/2019 9:59:30 p.m.', BOLIVIA), ms('2019-10-20T21:59:30', BOLIVIA));
  assert.equal(ms('10/20/2019 1:05am', BOLIVIA), ms('2019-10-20T01:05:00', BOLIVIA));
  const bad = parseInstant('10/20/2019 13:00 PM', BOLIVIA);
  assert.equal(!bad.ok && bad.reason, 'out_of_range');
});

test('day-first and month-first dates; ambiguous ones are errors unless the option settles them', () => {
  assert.equal(ms('20/10/2019 19:40', BOLIVIA), ms('2019-10-20T19:40', BOLIVIA));
  assert.equal(ms('10/20/2019 19:40', BOLIVIA), ms('2019-10-20T19:40', BOLIVIA));
  assert.equal(ms('20.10.2019 19:40', BOLIVIA), ms('2019-10-20T19:40', BOLIVIA));
  const amb = parseInstant('03/04/2019 10:00', BOLIVIA);
  assert.equal(!amb.ok && amb.reason, 'ambiguous');
  assert.equal(ms('03/04/2019 10:00', { ...BOLIVIA, dayFirst: true }), ms('2019-04-03T10:00', BOLIVIA));
  assert.equal(ms('03/04/2019 10:00', { ...BOLIVIA, dayFirst: false }), ms('2019-03-04T10:00', BOLIVIA));
  // Explicit day-first contradicted by the value is an out-of-range date, not a silent swap.
  const contra = parseInstant('10/20/2019', { ...BOLIVIA, dayFirst: true });
  assert.equal(!contra.ok && contra.reason, 'out_of_range');
});

test('impossible dates and garbage are rejected', () => {
  for (const v of [
    '2019-02-29T00:00Z',
    '2019-13-01T00:00Z',
    '2019-10-20T24:00Z',
    '2019-10-20T10:61Z',
    'yesterday',
    '',
  ]) {
    assert.equal(parseInstant(v, BOLIVIA).ok, false, v);
  }
  assert.equal(parseInstant('2020-02-29T00:00Z').ok, true);
  assert.equal(parseOffset('+15:00'), null);
  assert.equal(parseOffset('-04'), -240);
});

test('a column decides day-first from its own unambiguous values and lists every bad row', () => {
  const col = parseInstantColumn(['03/04/2019 10:00', '25/04/2019 10:00', 'nonsense', '03/04/2019 11:00'], BOLIVIA);
  assert.equal(col.instants[0], ms('2019-04-03T10:00', BOLIVIA));
  assert.deepEqual(
    col.problems.map((p) => p.row),
    [3],
  );
  const mixed = parseInstants(['25/04/2019 10:00', '04/25/2019 10:00', '03/04/2019 10:00', 'x'], BOLIVIA, 'FIRST_SEEN');
  assert.equal(mixed.ok, false);
  if (!mixed.ok) {
    assert.equal(mixed.error.kind, 'parse_error');
    assert.match(mixed.error.message, /row 1 .*row 2 .*row 3 .*row 4/);
    assert.equal(mixed.error.kind === 'parse_error' && mixed.error.column, 'FIRST_SEEN');
  }
});

test('the text-sort artefact: alphabetical order of times is wrong, instant order is right', () => {
  // Arrival times of five stations as a 12-hour-clock export writes them.
  const times = [
    '10/20/2019 9:59 PM',
    '10/20/2019 10:00 PM',
    '10/20/2019 11:30 AM',
    '10/21/2019 1:15 AM',
    '10/20/2019 7:40 PM',
  ];
  const textOrder = times.map((_, i) => i).sort((a, b) => (times[a] < times[b] ? -1 : times[a] > times[b] ? 1 : 0));
  // As text, 10:00 PM sorts before 9:59 PM and the next morning's 1:15 AM comes before the evening.
  assert.deepEqual(textOrder, [1, 2, 4, 0, 3]);
  const parsed = parseInstants(times, BOLIVIA);
  assert.ok(parsed.ok);
  const inst = parsed.value;
  const trueOrder = times.map((_, i) => i).sort((a, b) => inst[a] - inst[b]);
  assert.deepEqual(trueOrder, [2, 4, 0, 1, 3]);
  assert.notDeepEqual(trueOrder, textOrder);
  // ISO strings without an offset sort correctly as text only if every value has the same offset;
  // mixing offsets breaks it, instants do not.
  const iso = ['2019-10-20T21:00:00-04:00', '2019-10-21T00:30:00Z'];
  const pi = parseInstants(iso);
  assert.ok(pi.ok);
  assert.ok(iso[0] < iso[1] && pi.value[0] > pi.value[1]);
});

test('property: formatting an instant as a local ISO string with any offset parses back to it', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
      fc.integer({ min: -12 * 4, max: 14 * 4 }),
      (t, quarter) => {
        const offsetMin = quarter * 15;
        const local = new Date(t + offsetMin * 60000).toISOString().slice(0, 23);
        const sign = offsetMin < 0 ? '-' : '+';
        const abs = Math.abs(offsetMin);
        const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const r = parseInstant(local, { defaultOffset: off });
        return r.ok && r.ms === t && parseInstant(`${local}${off}`).ok;
      },
    ),
  );
});
