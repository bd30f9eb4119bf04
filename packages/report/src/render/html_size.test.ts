import assert from 'node:assert/strict';
import { test } from 'node:test';
import { centredCountBin, createRng } from '@tally/core';
import { sampleReportInput } from '../../test/sample_report.ts';
import { buildReport } from '../build_report.ts';
import { histogram2d, thinIndices } from '../plots/binning.ts';
import type { PlotData } from '../plots/plot_data.ts';
import { renderHtml } from './html.ts';

test('an HTML report with Bolivia-sized plots (34,555 stations, 5,236 recintos) stays under 5 MB', async (t) => {
  const n = 34_555;
  const rng = createRng(2019);
  const turnout = new Float64Array(n);
  const share = new Float64Array(n);
  const lon: number[] = [];
  const lat: number[] = [];
  const flagged: boolean[] = [];
  const margin: number[] = [];
  const x: number[] = [];
  for (let i = 0; i < n; i++) {
    turnout[i] = rng.beta(16, 4);
    share[i] = rng.beta(5, 5);
    lon.push(-69 + 11 * rng.uniform());
    lat.push(-22 + 12 * rng.uniform());
    flagged.push(i > n * 0.84);
    x.push((i + 1) / n);
    margin.push(7 + (3 * i) / n + rng.normal() * 0.1);
  }
  const recintos = 5236;
  const a = Array.from({ length: recintos }, () => 100 * rng.uniform());
  const plots: PlotData[] = [
    {
      kind: 'margin_curve',
      candidateA: 'MAS',
      candidateB: 'CC',
      ...(({ keep }) => ({ x: keep.map((i) => x[i]), margin: keep.map((i) => margin[i]) }))({
        keep: thinIndices(x.length, 400),
      }),
      cutoff: 0.84,
    },
    {
      kind: 'fingerprint',
      nx: 100,
      ny: 100,
      counts: histogram2d(
        Array.from(turnout, (t) => Math.round(1000 * t)),
        new Array(n).fill(1000),
        Array.from(share, (t) => Math.round(1000 * t)),
        new Array(n).fill(1000),
        100,
        100,
      ),
    },
    {
      kind: 'percent_histogram',
      variable: 'turnout',
      start: -0.05,
      binWidth: 0.1,
      counts: Array.from(turnout, (t) => centredCountBin(Math.round(1000 * t), 1000, 1000)).reduce((bins, k) => {
        bins[k]++;
        return bins;
      }, new Array<number>(1001).fill(0)),
    },
    { kind: 'station_map', lon, lat, flagged },
    {
      kind: 'persistence_scatter',
      electionA: '2019',
      electionB: '2020',
      a,
      b: a.map((v) => v + 3),
      flagged: a.map((_, i) => i % 20 === 0),
    },
  ];
  const input = sampleReportInput('en');
  const results = input.results
    .slice(0, plots.length)
    .map((r, i) => ({ ...r, context: { ...r.context, plot: plots[i] } }));
  const built = buildReport({ ...input, results });
  assert.ok(built.ok);
  const html = await renderHtml(built.value, 'es');
  const bytes = Buffer.byteLength(html);
  t.diagnostic(`HTML size: ${bytes} bytes`);
  assert.ok(bytes < 5 * 1024 * 1024, `HTML is ${bytes} bytes`);
  assert.equal((html.match(/<svg\b/g) ?? []).length, plots.length);
});
