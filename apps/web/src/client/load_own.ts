/**
 * Loading one's own file: upload it (with progress) or give a path, see its first rows, then choose a preset or
 * map its columns. Load stays disabled until the file is on the server and previewed.
 */
import { api, h, num, t, tr } from './dom.ts';
import type { DatasetInfo, HomeActions, Meta } from './home_types.ts';
import { type FileSource, type MappingEditor, mappingEditor } from './mapping_editor.ts';
import { type FilePreview, uploadFile } from './upload.ts';

/** The "your own data" section of the start page. */
export function loadOwnSection(meta: Meta, actions: HomeActions, fail: (e: unknown) => void): HTMLElement {
  const file = h('input', { type: 'file', id: 'upload-file' }) as HTMLInputElement;
  const path = h('input', { type: 'text', id: 'load-path', size: 50 }) as HTMLInputElement;
  const preset = h(
    'select',
    { id: 'load-preset' },
    h('option', { value: '', 'data-i18n': 'noPreset' }, t('noPreset')),
    ...meta.presets.filter((p) => p.kind === 'results').map((p) => h('option', { value: p.id }, p.id)),
  ) as HTMLSelectElement;
  const excludeInvalid = h('input', { type: 'checkbox', id: 'load-exclude-invalid' }) as HTMLInputElement;
  const status = h('div', { id: 'upload-status' });
  const previewBox = h('div', { id: 'preview' });
  const editorBox = h('div');
  const loadButton = h(
    'button',
    { id: 'load-button', disabled: true, 'data-i18n': 'load' },
    t('load'),
  ) as HTMLButtonElement;
  let source: FileSource | undefined;
  let editor: MappingEditor | undefined;
  let busy = 0;

  const setBusy = (delta: number) => {
    busy += delta;
    loadButton.disabled = busy > 0 || source === undefined;
  };
  const showEditor = () => {
    editorBox.hidden = preset.value !== '';
  };
  preset.addEventListener('change', showEditor);
  const previewed = (src: FileSource, p: FilePreview) => {
    source = src;
    previewBox.replaceChildren(tr('preview', 'h3'), previewTable(p));
    editor = mappingEditor(p, src);
    editorBox.replaceChildren(editor.el);
    showEditor();
  };
  const forget = () => {
    source = undefined;
    editor = undefined;
    previewBox.replaceChildren();
    editorBox.replaceChildren();
  };

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    forget();
    path.value = '';
    const fill = h('div');
    const label = h('span', { className: 'muted', id: 'upload-progress' });
    status.replaceChildren(h('div', { className: 'progress' }, fill), label);
    const show = (sent: number, total: number) => {
      const pct = total > 0 ? Math.round((100 * sent) / total) : 0;
      fill.style.width = `${pct}%`;
      label.textContent = `${t('uploading')}: ${num(sent / 2 ** 20, 1)} / ${num(total / 2 ** 20, 1)} MiB (${pct}%)`;
    };
    setBusy(1);
    try {
      show(0, f.size);
      const res = await uploadFile(f, (sent, total) => {
        show(sent, total);
        if (sent >= total) label.textContent = t('loadingFile');
      });
      label.textContent = `${t('uploaded')}: ${res.name}`;
      if (res.preview) previewed({ upload: res.upload, name: res.name }, res.preview);
      else fail(res.error);
    } catch (e) {
      status.replaceChildren();
      fail(e);
    } finally {
      setBusy(-1);
    }
  });
  path.addEventListener('change', async () => {
    forget();
    file.value = '';
    status.replaceChildren(tr('loadingFile', 'span', { className: 'muted' }));
    setBusy(1);
    try {
      const res = await api<{ preview: FilePreview }>('/preview', { method: 'POST', json: { path: path.value } });
      status.replaceChildren();
      previewed({ path: path.value }, res.preview);
    } catch (e) {
      status.replaceChildren();
      fail(e);
    } finally {
      setBusy(-1);
    }
  });
  loadButton.addEventListener('click', async () => {
    if (!source) return fail(new Error(t('chooseSourceFirst')));
    setBusy(1);
    try {
      const mapping = preset.value ? undefined : editor?.mapping();
      actions.openDataset(
        await api<DatasetInfo>('/load', {
          method: 'POST',
          // The row policy shared with the CLI: rows with errors refuse the file unless the box is ticked.
          json: { ...source, preset: preset.value || undefined, mapping, excludeInvalid: excludeInvalid.checked },
        }),
      );
    } catch (e) {
      fail(e);
    } finally {
      setBusy(-1);
    }
  });
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
    status,
    previewBox,
    h('div', { className: 'row' }, h('label', {}, tr('preset'), ' ', preset)),
    editorBox,
    h('div', { className: 'row' }, h('label', {}, excludeInvalid, ' ', tr('excludeInvalid'))),
    h('div', {}, loadButton),
  );
}

function previewTable(p: FilePreview): HTMLElement {
  return h(
    'div',
    { style: 'overflow-x:auto' },
    h(
      'table',
      {},
      h('tr', {}, ...p.columns.map((c) => h('th', {}, c))),
      ...p.rows.map((r) => h('tr', {}, ...r.map((v) => h('td', {}, v ?? '')))),
    ),
  );
}
