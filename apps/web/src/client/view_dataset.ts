/** A loaded dataset: validation problems, results with region drill-down, fingerprint, map, methods to run. */
import { exclusionReason, type FingerprintPlot, type Report, type StationMapPlot } from '@tally/report';
import { api, h, num, progressBar, state, t, tokenParam, tr, waitForJob } from './dom.ts';
import { findingsSection } from './findings.ts';
import type { DatasetInfo, Meta } from './home_types.ts';
import { showPlot } from './plots.ts';

interface GroupSummary {
  region: string;
  stations: number;
  registered: number;
  turnout: number | null;
  candidates: { name: string; share: number | null }[];
  margin: { points: number } | null;
}

interface Explore {
  summary: GroupSummary & { regions?: GroupSummary[] };
  fingerprint: FingerprintPlot;
  map?: StationMapPlot;
  levels: { name: string; count: number }[];
}

/** Renders the dataset view. */
export function datasetView(meta: Meta, info: DatasetInfo, back: () => void): HTMLElement {
  const root = h('div', { id: 'dataset-view' });
  const filter: { level?: string; code?: number; label?: string } = {};
  let by = info.levels[1] ?? info.levels[0] ?? '';
  const exploreBox = h('div');
  const refresh = async () => {
    const q = new URLSearchParams();
    if (by) q.set('by', by);
    if (filter.level !== undefined && filter.code !== undefined) {
      q.set('level', filter.level);
      q.set('code', String(filter.code));
    }
    exploreBox.replaceChildren(tr('loading', 'p', { className: 'muted' }));
    const data = await api<{ explore: Explore }>(`/datasets/${info.datasetId}?${q}`);
    renderExplore(data.explore);
  };
  const renderExplore = (ex: Explore) => {
    const levelSelect = h(
      'select',
      {
        id: 'by-level',
        onchange: (e: Event) => {
          by = (e.target as HTMLSelectElement).value;
          void refresh();
        },
      },
      ...ex.levels.map((l) => h('option', { value: l.name, selected: l.name === by }, `${l.name} (${l.count})`)),
    );
    const rows = (ex.summary.regions ?? []).slice(0, 300).map((r, code) =>
      h(
        'tr',
        {
          className: 'clickable',
          'data-region': r.region,
          onclick: () => {
            Object.assign(filter, { level: by, code, label: r.region });
            void refresh();
          },
        },
        h('td', {}, r.region),
        h('td', { className: 'num' }, num(r.stations)),
        h('td', { className: 'num' }, num(r.registered)),
        h('td', { className: 'num' }, num(r.turnout, 2)),
        h('td', {}, r.candidates[0]?.name ?? ''),
        h('td', { className: 'num' }, num(r.candidates[0]?.share, 2)),
        h('td', { className: 'num' }, num(r.margin?.points, 2)),
      ),
    );
    const s = ex.summary;
    const fpBox = h('div', { id: 'fingerprint-plot' });
    const mapBox = h('div', { id: 'map-plot' });
    exploreBox.replaceChildren(
      ...[
        filter.label
          ? h(
              'p',
              {},
              tr('filteredTo'),
              `: ${filter.label} `,
              h(
                'button',
                {
                  className: 'secondary',
                  onclick: () => {
                    filter.level = filter.code = filter.label = undefined;
                    void refresh();
                  },
                },
                t('clearFilter'),
              ),
            )
          : null,
      ].filter((x): x is HTMLElement => x !== null),
      h(
        'table',
        { id: 'totals' },
        h(
          'tr',
          {},
          tr('stations', 'th'),
          tr('registered', 'th'),
          tr('turnout', 'th'),
          tr('leader', 'th'),
          tr('share', 'th'),
          tr('margin', 'th'),
        ),
        h(
          'tr',
          {},
          h('td', { className: 'num' }, num(s.stations)),
          h('td', { className: 'num' }, num(s.registered)),
          h('td', { className: 'num' }, num(s.turnout, 2)),
          h('td', {}, s.candidates[0]?.name ?? ''),
          h('td', { className: 'num' }, num(s.candidates[0]?.share, 2)),
          h('td', { className: 'num' }, num(s.margin?.points, 3)),
        ),
      ),
      h('p', { className: 'row' }, h('label', {}, tr('byLevel'), ' ', levelSelect)),
      tr('drillHelp', 'p', { className: 'muted' }),
      h(
        'div',
        { style: 'max-height: 360px; overflow-y: auto' },
        h(
          'table',
          { id: 'regions' },
          h(
            'tr',
            {},
            tr('region', 'th'),
            tr('stations', 'th'),
            tr('registered', 'th'),
            tr('turnout', 'th'),
            tr('leader', 'th'),
            tr('share', 'th'),
            tr('margin', 'th'),
          ),
          ...rows,
        ),
      ),
      h(
        'div',
        { className: 'plots' },
        h('div', {}, tr('fingerprintTitle', 'h3'), tr('fingerprintHelp', 'p', { className: 'muted' }), fpBox),
        ex.map ? h('div', {}, tr('mapTitle', 'h3'), mapBox) : null,
      ),
    );
    void showPlot(fpBox, ex.fingerprint);
    if (ex.map) void showPlot(mapBox, ex.map);
  };
  root.append(
    h('button', { className: 'secondary', onclick: back, 'data-i18n': 'back' }, t('back')),
    h(
      'section',
      {},
      h('h2', {}, tr('datasetTitle'), `: ${info.label}`),
      h(
        'p',
        {},
        tr('stations'),
        `: ${num(info.stations)} · `,
        tr('rows'),
        `: ${num(info.rows)} · `,
        tr('excluded'),
        `: ${num(info.rowsExcluded)}${excludedReasons(info)} · `,
        tr('errors'),
        `: ${num(info.errors)} · `,
        tr('warnings'),
        `: ${num(info.warnings)}`,
      ),
    ),
    issuesSection(info),
    h('section', {}, tr('summaryTitle', 'h2'), exploreBox),
    methodsSection(meta, info, filter),
  );
  void refresh();
  return root;
}

function issuesSection(info: DatasetInfo): HTMLElement {
  if (info.issues.length === 0)
    return h('section', {}, tr('validationTitle', 'h2'), tr('noProblems', 'p', { className: 'muted' }));
  return h(
    'section',
    {},
    tr('validationTitle', 'h2'),
    h(
      'div',
      { style: 'max-height: 240px; overflow-y: auto' },
      h(
        'table',
        { id: 'issues' },
        h(
          'tr',
          {},
          tr('colLevel', 'th'),
          tr('colRow', 'th'),
          tr('colColumn', 'th'),
          tr('colRule', 'th'),
          tr('colMessage', 'th'),
        ),
        ...info.issues.map((i) =>
          h(
            'tr',
            {},
            h('td', {}, i.level),
            h('td', { className: 'num' }, i.row ?? ''),
            h('td', {}, i.column ?? ''),
            h('td', {}, i.rule),
            h('td', {}, i.message),
          ),
        ),
      ),
    ),
  );
}

function methodsSection(meta: Meta, info: DatasetInfo, filter: { level?: string; code?: number }): HTMLElement {
  const boxes = meta.methods.map((m) =>
    h(
      'label',
      { title: m.summary },
      h('input', { type: 'checkbox', value: m.id, checked: true, className: 'method-box' }),
      ` ${m.title}`,
    ),
  );
  const candidate = h(
    'select',
    { id: 'candidate' },
    h('option', { value: '', 'data-i18n': 'defaultCandidate' }, t('defaultCandidate')),
    ...info.candidates.map((c) => h('option', { value: c }, c)),
  ) as HTMLSelectElement;
  const seed = h('input', { type: 'number', id: 'seed', value: '1', style: 'width: 6rem' }) as HTMLInputElement;
  const out = h('div', { id: 'run-output' });
  const runButton = h('button', { id: 'run-button', 'data-i18n': 'run' }, t('run')) as HTMLButtonElement;
  runButton.addEventListener('click', async () => {
    const methods = boxes
      .map((b) => b.querySelector('input') as HTMLInputElement)
      .filter((i) => i.checked)
      .map((i) => i.value);
    const bar = progressBar();
    let jobId = '';
    const cancel = h(
      'button',
      { className: 'secondary', onclick: () => jobId && api(`/jobs/${jobId}`, { method: 'DELETE' }) },
      t('cancel'),
    );
    out.replaceChildren(bar.el, cancel);
    runButton.disabled = true;
    try {
      ({ jobId } = await api<{ jobId: string }>('/jobs/run', {
        method: 'POST',
        json: {
          datasetId: info.datasetId,
          methods,
          seed: Number(seed.value) || 1,
          candidate: candidate.value || undefined,
          level: filter.level,
          code: filter.code,
        },
      }));
      const job = await waitForJob<{
        report: Report;
        failures: { method: string; error: string }[];
        downloads: string[];
      }>(jobId, bar.set);
      if (job.status === 'cancelled') out.replaceChildren(tr('cancelled', 'p'));
      else if (job.status !== 'done' || !job.result)
        out.replaceChildren(h('p', { className: 'error' }, `${t('failed')}: ${job.error ?? ''}`));
      else
        out.replaceChildren(
          findingsSection(
            job.result.report,
            job.result.failures,
            `/api/jobs/${jobId}`,
            tokenParam(),
            job.result.downloads,
          ),
        );
    } catch (e) {
      out.replaceChildren(h('p', { className: 'error' }, String(e instanceof Error ? e.message : e)));
    } finally {
      runButton.disabled = false;
    }
  });
  return h(
    'section',
    {},
    tr('methodsTitle', 'h2'),
    h('div', { className: 'row' }, ...boxes),
    h(
      'div',
      { className: 'row' },
      h('label', {}, tr('candidate'), ' ', candidate),
      h('label', {}, tr('seed'), ' ', seed),
      runButton,
    ),
    out,
  );
}

/** " (empty_row: 3; missing_count: 1)": why rows were excluded, as the CLI prints it. */
function excludedReasons(info: DatasetInfo): string {
  const reasons = (info.rowAccounting ?? []).flatMap((a) => a.excluded);
  if (reasons.length === 0) return '';
  return ` (${reasons.map((e) => `${exclusionReason(e.reason, state.lang)}: ${num(e.count)}`).join('; ')})`;
}
