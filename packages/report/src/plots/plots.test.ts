import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { samplePlots } from '../../test/sample_report.ts';
import { histogram2d, thinIndices, thinPoints } from './binning.ts';
import { PLOT_KINDS, type PlotData } from './plot_data.ts';
import { plotSpec } from './specs.ts';
import { prefixSvgIds, renderSvg, roundSvgNumbers } from './svg.ts';

const SNAPSHOTS = new URL('../../test/snapshots/', import.meta.url);
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

async function matchesSnapshot(name: string, svg: string): Promise<void> {
  const file = new URL(name, SNAPSHOTS);
  if (UPDATE || !existsSync(file)) {
    assert.ok(UPDATE, `snapshot ${name} missing: run with UPDATE_SNAPSHOTS=1 and review it`);
    writeFileSync(file, svg);
    return;
  }
  assert.equal(svg, readFileSync(file, 'utf8'), `SVG ${name} changed; if intended, rerun with UPDATE_SNAPSHOTS=1`);
}

const plots = samplePlots(600);

for (const kind of PLOT_KINDS) {
  test(`SVG snapshot: ${kind} (en)`, async () => {
    const svg = await renderSvg(plotSpec(plots[kind], 'en'), 'en', kind);
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    await matchesSnapshot(`${kind}.en.svg`, svg);
  });
}

test('SVG snapshot: margin curve in Spanish has Spanish labels and decimal commas', async () => {
  const svg = await renderSvg(plotSpec(plots.margin_curve, 'es'), 'es', 'm');
  assert.match(svg, /Margen a medida que avanzaba el recuento/);
  assert.match(svg, /Umbral: 10</);
  assert.match(svg, /Corte/);
  assert.doesNotMatch(svg, /Share of stations counted/);
  await matchesSnapshot('margin_curve.es.svg', svg);
});

test('SVG snapshot: digit histogram in Russian', async () => {
  const svg = await renderSvg(plotSpec(plots.digit_histogram, 'ru'), 'ru', 'd');
  assert.match(svg, /Ожидаемая без манипуляций/);
  await matchesSnapshot('digit_histogram.ru.svg', svg);
});

test('rendering is independent of what was rendered before (ids renumbered per plot)', async () => {
  const spec = plotSpec(plots.fingerprint, 'en');
  const first = await renderSvg(spec, 'en', 'fp');
  await renderSvg(plotSpec(plots.station_map, 'en'), 'en', 'other');
  assert.equal(await renderSvg(spec, 'en', 'fp'), first);
  assert.match(first, /id="fp-1"/);
});

test('prefixSvgIds renames ids and their references; roundSvgNumbers only touches geometry', () => {
  const svg = '<svg><clipPath id="clip3"><rect/></clipPath><g clip-path="url(#clip3)"><use href="#clip3"/></g></svg>';
  assert.equal(
    prefixSvgIds(svg, 'p'),
    '<svg><clipPath id="p-1"><rect/></clipPath><g clip-path="url(#p-1)"><use href="#p-1"/></g></svg>',
  );
  assert.equal(
    roundSvgNumbers('<path d="M1.23456,-0.0012L3,4" aria-label="x: 1.23456"/>'),
    '<path d="M1.23,0L3,4" aria-label="x: 1.23456"/>',
  );
});

test('plots carry a bounded number of marks whatever the input size', () => {
  const flagged = Array.from({ length: 200_000 }, (_, i) => i % 1000 === 0);
  const keep = thinPoints(flagged, 4000);
  assert.ok(keep.length <= 4000 + 200);
  assert.equal(keep.filter((i) => flagged[i]).length, 200);
  const many = thinPoints(
    Array.from({ length: 100_000 }, (_, i) => i % 2 === 0),
    4000,
    6000,
  );
  assert.equal(many.length, 10_000);
  const big: PlotData = {
    kind: 'persistence_scatter',
    electionA: 'A',
    electionB: 'B',
    a: flagged.map((_, i) => i % 100),
    b: flagged.map((_, i) => (i * 7) % 100),
    flagged,
  };
  const spec = plotSpec(big, 'en') as { layer: { data: { values: unknown[] } }[] };
  assert.ok(spec.layer[1].data.values.length <= 4200);
  assert.deepEqual(thinIndices(5, 10), [0, 1, 2, 3, 4]);
  const t = thinIndices(1001, 11);
  assert.deepEqual([t[0], t[10], t.length], [0, 1000, 11]);
});

test('histogram2d bins counts exactly: 29/100 in cell 29, out-of-range and empty totals ignored', () => {
  // x = 29/100, 1/2, 100/100, 3/2 (outside), 1/0 (no total); y = 71/100, 1/2, 0/7, 0/1, 0/1.
  const h = histogram2d([29, 1, 100, 3, 1], [100, 2, 100, 2, 0], [71, 1, 0, 0, 0], [100, 2, 7, 1, 1], 100, 100);
  assert.equal(h[71 * 100 + 29], 1);
  assert.equal(h[50 * 100 + 50], 1);
  assert.equal(h[0 * 100 + 99], 1);
  assert.equal(
    h.reduce((a, b) => a + b, 0),
    3,
  );
});

test('the integer-percentage plot marks whole-percent bins, and names the mark colour only when marks exist', () => {
  type Layered = { layer: { mark: { type: string }; encoding: { color: { scale?: { domain: string[] } } } }[] };
  const counts = Array.from({ length: 1001 }, (_, k) => (k % 10 === 0 ? 9 : 3));
  const centred = plotSpec(
    { kind: 'percent_histogram', variable: 'share', start: -0.05, binWidth: 0.1, counts },
    'en',
  ) as unknown as Layered & { data: { values: { x: number; integer: boolean }[] } };
  const marks = centred.data.values.filter((v) => v.integer);
  assert.equal(marks.length, 101);
  assert.ok(marks.every((v) => Number.isInteger(Math.round(v.x * 1e9) / 1e9)));
  assert.equal(centred.layer[1].mark.type, 'circle');
  assert.equal(centred.layer[0].encoding.color.scale?.domain.length, 2);
  const offGrid = plotSpec(
    { kind: 'percent_histogram', variable: 'share', start: 0, binWidth: 0.1, counts: counts.slice(0, 1000) },
    'en',
  ) as unknown as Layered;
  assert.equal(offGrid.layer.length, 1, 'no whole-percent bin: no mark layer');
  assert.equal(offGrid.layer[0].encoding.color.scale?.domain.length, 1, 'legend shows only the line colour');
});
