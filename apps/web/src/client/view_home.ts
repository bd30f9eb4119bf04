/** The start page: bundled examples (one click to explore or audit) and loading one's own file. */
import { api, h, t, tr } from './dom.ts';
import type { UiKey } from './messages.ts';

/** What the server says about itself. */
export interface Meta {
  version: string;
  examples: {
    id: string;
    name: string;
    description: string;
    hasAllegation: boolean;
    datasets: { id: string; title: string }[];
  }[];
  presets: { id: string; title: string; kind: string }[];
  methods: { id: string; title: string; summary: string }[];
}

/** Navigation callbacks the home view needs. */
export interface HomeActions {
  openDataset(info: DatasetInfo): void;
  openAudit(example: string): void;
}

/** The dataset summary the server returns after a load. */
export interface DatasetInfo {
  datasetId: string;
  label: string;
  stations: number;
  rows: number;
  rowsExcluded: number;
  errors: number;
  warnings: number;
  candidates: string[];
  levels: string[];
  issues: { level: string; file: string; row?: number; column?: string; rule: string; message: string }[];
}

/** Renders the home view. */
export function homeView(meta: Meta, actions: HomeActions): HTMLElement {
  const status = h('p', { className: 'error', id: 'home-status' });
  const fail = (e: unknown) => {
    status.textContent = e instanceof Error ? e.message : String(e);
  };
  const cards = meta.examples.map((ex) =>
    h(
      'div',
      { className: 'card', 'data-example': ex.id },
      h('h3', {}, ex.name),
      h('p', {}, ex.description),
      h(
        'button',
        {
          className: 'secondary',
          'data-action': 'explore',
          onclick: () =>
            api<DatasetInfo>('/load', { method: 'POST', json: { example: ex.id } }).then(actions.openDataset, fail),
        },
        t('explore'),
      ),
      ex.hasAllegation
        ? h('button', { 'data-action': 'audit', onclick: () => actions.openAudit(ex.id) }, t('audit'))
        : null,
    ),
  );
  // Card buttons carry their key for language switches.
  for (const card of cards) {
    card.querySelector('[data-action="explore"]')?.setAttribute('data-i18n', 'explore' satisfies UiKey);
    card.querySelector('[data-action="audit"]')?.setAttribute('data-i18n', 'audit' satisfies UiKey);
  }
  return h(
    'div',
    {},
    h('section', {}, tr('examplesTitle', 'h2'), h('div', { className: 'cards' }, ...cards)),
    loadOwnSection(meta, actions, fail),
    status,
  );
}

function loadOwnSection(meta: Meta, actions: HomeActions, fail: (e: unknown) => void): HTMLElement {
  const file = h('input', { type: 'file', id: 'upload-file' }) as HTMLInputElement;
  const path = h('input', { type: 'text', id: 'load-path', size: 50 }) as HTMLInputElement;
  const preset = h(
    'select',
    { id: 'load-preset' },
    h('option', { value: '', 'data-i18n': 'noPreset' }, t('noPreset')),
    ...meta.presets.filter((p) => p.kind === 'results').map((p) => h('option', { value: p.id }, p.id)),
  ) as HTMLSelectElement;
  const mapping = h('textarea', { id: 'load-mapping', spellcheck: 'false' }) as HTMLTextAreaElement;
  mapping.value = JSON.stringify(
    {
      station: ['id'],
      registered: 'registered',
      candidates: { columns: ['A', 'B'] },
      valid: 'candidates',
      ballotsCast: 'ballotsFound',
      shareOf: 'valid',
    },
    null,
    2,
  );
  const previewBox = h('div', { id: 'preview' });
  let upload: { upload: string; name: string } | undefined;
  const showPreview = (p: { columns: string[]; rows: (string | null)[][] }) => {
    previewBox.replaceChildren(
      tr('preview', 'h3'),
      h(
        'div',
        { style: 'overflow-x:auto' },
        h(
          'table',
          {},
          h('tr', {}, ...p.columns.map((c) => h('th', {}, c))),
          ...p.rows.map((r) => h('tr', {}, ...r.map((v) => h('td', {}, v ?? '')))),
        ),
      ),
    );
  };
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    try {
      const res = await api<{
        upload: string;
        name: string;
        preview?: { columns: string[]; rows: (string | null)[][] };
        error?: string;
      }>(`/upload?name=${encodeURIComponent(f.name)}`, {
        method: 'POST',
        body: f,
        headers: { 'content-type': 'application/octet-stream' },
      });
      upload = res;
      if (res.preview) showPreview(res.preview);
      else fail(res.error);
    } catch (e) {
      fail(e);
    }
  });
  path.addEventListener('change', async () => {
    upload = undefined;
    try {
      const res = await api<{ preview: { columns: string[]; rows: (string | null)[][] } }>('/preview', {
        method: 'POST',
        json: { path: path.value },
      });
      showPreview(res.preview);
    } catch (e) {
      fail(e);
    }
  });
  const load = async () => {
    let mappingValue: unknown;
    if (!preset.value) {
      try {
        mappingValue = JSON.parse(mapping.value);
      } catch (e) {
        return fail(e);
      }
    }
    const source = upload ? { upload: upload.upload, name: upload.name } : { path: path.value };
    try {
      actions.openDataset(
        await api<DatasetInfo>('/load', {
          method: 'POST',
          json: { ...source, preset: preset.value || undefined, mapping: mappingValue },
        }),
      );
    } catch (e) {
      fail(e);
    }
  };
  return h(
    'section',
    {},
    tr('loadOwnTitle', 'h2'),
    tr('loadOwnHelp', 'p', { className: 'muted' }),
    h(
      'div',
      { className: 'row' },
      h('label', {}, tr('chooseFile'), ' ', file),
      h('label', {}, tr('orPath'), ' ', path),
    ),
    previewBox,
    h('div', { className: 'row' }, h('label', {}, tr('preset'), ' ', preset)),
    h('label', {}, tr('mapping')),
    mapping,
    h('div', {}, h('button', { id: 'load-button', onclick: load, 'data-i18n': 'load' }, t('load'))),
  );
}
