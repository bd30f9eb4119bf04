/**
 * The count-series projection on Bolivia 2020, a count nobody disputed: a series of department totals rebuilt from
 * each mesa's first-seen time in the published cómputo (half-hourly states up to 20 Oct 02:18:35, when 53% of mesas
 * were in), and the official final count as the last state. Figures in docs/methods/count_series.md. Not a test.
 *
 *   nice node --import tsx bench/count_series_bolivia2020.ts
 */
import { type CountSeries, candidateIndex, createRng, projectFromSeries, type SeriesState } from '@tally/core';
import { loadManifestDataset } from '@tally/ingest';

const r = await loadManifestDataset('examples/bolivia-2020', 'mesa-final-first-seen');
if (!r.ok) throw new Error(r.error.message);
const t = r.value.table;
const dept = t.regions.find((x) => x.name === 'department');
if (!dept || !t.arrival) throw new Error('no department level or no arrival');
const a = candidateIndex(t, 'MAS-IPSP');
const b = candidateIndex(t, 'CC');
const k = t.candidates.length;
const names = t.candidates.map((c) => c.name);
const labels = dept.labels;
const arrival = t.arrival.values;
let last = 0;
for (const v of arrival) if (Number.isFinite(v) && v > last) last = v;
let first = Number.POSITIVE_INFINITY;
for (const v of arrival) if (Number.isFinite(v) && v < first) first = v;
const step = 30 * 60_000;
const states: SeriesState[] = [];
const totalUnits = new Float64Array(labels.length);
for (let i = 0; i < t.n; i++) totalUnits[dept.codes[i]]++;
const times: number[] = [];
for (let x = first + step; x < last; x += step) times.push(x);
times.push(last, last + 24 * 3_600_000);
for (const time of times) {
  const final = time > last;
  const units = new Float64Array(labels.length);
  const votes = labels.map(() => new Float64Array(k));
  for (let i = 0; i < t.n; i++) {
    if (!final && !(arrival[i] <= time)) continue;
    const d = dept.codes[i];
    units[d]++;
    for (let c = 0; c < k; c++) votes[d][c] += t.candidates[c].votes[i];
  }
  labels.forEach((region, d) => {
    states.push({ time, region, units: units[d], unitsTotal: totalUnits[d], votes: Array.from(votes[d]) });
  });
}
const series: CountSeries = { candidates: names, states };
for (const cut of [
  '2020-10-18T23:00:00-04:00',
  '2020-10-19T08:00:00-04:00',
  '2020-10-19T20:00:00-04:00',
  '2020-10-20T02:18:35-04:00',
]) {
  const p = projectFromSeries(series, Date.parse(cut), a, b, 2000, createRng(1));
  if (!p.ok) {
    console.log(cut, p.error.message);
    continue;
  }
  const v = p.value;
  console.log(
    `| ${cut} | ${v.unitsPctAtCut.toFixed(1)}% | ${v.countedMargin.toFixed(2)} | ${v.projectedMargin.toFixed(2)} [${v.interval95[0].toFixed(2)}, ${v.interval95[1].toFixed(2)}] | ${v.finalMargin.toFixed(2)} | ${v.gap.toFixed(2)} | ${v.pValue.toFixed(4)} |`,
  );
}
