/**
 * The column mapping as a form: one column picker per role, filled from the file's header (nothing pre-chosen),
 * a live preview of the first rows as mapped, and the server's checks of the mapping against the header.
 */
import { api, h, t, tf, tr } from './dom.ts';
import type { UiKey } from './messages.ts';
import type { FilePreview } from './upload.ts';

/** Where the file is, as the server knows it. */
export type FileSource = { upload: string; name: string } | { path: string };

/** The editor: its element and the mapping it currently describes. */
export interface MappingEditor {
  el: HTMLElement;
  mapping(): Record<string, unknown>;
}

interface ServerProblem {
  rule: 'shape' | 'missing_column' | 'shared_column';
  field?: string;
  column?: string;
  message: string;
}

const REGION_LEVELS = 3;
const ARRIVAL_KINDS: [string, UiKey][] = [
  ['rank', 'kindRank'],
  ['percentile', 'kindPercentile'],
  ['time', 'kindTime'],
];
const FIELD_ROLE: Record<string, UiKey> = {
  station: 'roleStation',
  regions: 'roleRegion',
  registered: 'roleRegistered',
  ballotsCast: 'roleBallotsCast',
  valid: 'roleValid',
  invalid: 'roleInvalid',
  candidates: 'roleCandidates',
  arrival: 'roleArrival',
};

/** Builds the editor for a previewed file. */
export function mappingEditor(preview: FilePreview, source: FileSource): MappingEditor {
  const { columns } = preview;
  const picker = (id: string, first: UiKey, extra: [string, UiKey][] = []) =>
    h(
      'select',
      { id: `map-${id}`, className: 'map-role', onchange: () => changed() },
      h('option', { value: '', 'data-i18n': first }, t(first)),
      ...extra.map(([value, key]) => h('option', { value, 'data-i18n': key }, t(key))),
      ...columns.map((c) => h('option', { value: c }, c)),
    ) as HTMLSelectElement;
  const station = picker('station', 'chooseColumn');
  const station2 = picker('station2', 'noColumn');
  const regions = Array.from({ length: REGION_LEVELS }, (_, i) => picker(`region${i + 1}`, 'noColumn'));
  const registered = picker('registered', 'chooseColumn');
  const ballotsCast = picker('ballotsCast', 'chooseColumn', [['=ballotsFound', 'castFromFound']]);
  const valid = picker('valid', 'chooseColumn', [['=candidates', 'validFromCandidates']]);
  const invalid = picker('invalid', 'noColumn');
  const arrival = picker('arrival', 'noColumn');
  const arrivalKind = h(
    'select',
    { id: 'map-arrivalKind', onchange: () => changed() },
    ...ARRIVAL_KINDS.map(([value, key]) => h('option', { value, 'data-i18n': key }, t(key))),
  ) as HTMLSelectElement;
  const shareOf = h(
    'select',
    { id: 'map-shareOf', onchange: () => changed() },
    h('option', { value: 'valid', 'data-i18n': 'shareValid' }, t('shareValid')),
    h('option', { value: 'ballots_found', 'data-i18n': 'shareBallots' }, t('shareBallots')),
  ) as HTMLSelectElement;
  const title = h('input', { type: 'text', id: 'map-title', size: 40, onchange: () => changed() }) as HTMLInputElement;
  const candidateBoxes = columns.map(
    (c) =>
      h('input', {
        type: 'checkbox',
        value: c,
        className: 'map-candidate',
        onchange: () => changed(),
      }) as HTMLInputElement,
  );
  const candidates = h(
    'div',
    { id: 'map-candidates', className: 'candidate-list' },
    ...candidateBoxes.map((box) => h('label', {}, box, ` ${box.value}`)),
  );
  const problemsBox = h('div', { id: 'mapping-problems' });
  const previewBox = h('div', { id: 'mapped-preview' });

  const chosenCandidates = () => candidateBoxes.filter((b) => b.checked).map((b) => b.value);
  const mapping = (): Record<string, unknown> => {
    const m: Record<string, unknown> = {
      station: [station.value, station2.value].filter((v) => v !== ''),
      candidates: { columns: chosenCandidates() },
      shareOf: shareOf.value,
    };
    const levels = regions.map((r) => r.value).filter((v) => v !== '');
    if (levels.length > 0) m.regions = levels.map((c) => ({ name: c, column: c }));
    if (registered.value) m.registered = registered.value;
    if (ballotsCast.value) m.ballotsCast = ballotsCast.value === '=ballotsFound' ? 'ballotsFound' : ballotsCast.value;
    if (valid.value) m.valid = valid.value === '=candidates' ? 'candidates' : valid.value;
    if (invalid.value) m.invalid = invalid.value;
    if (arrival.value) m.arrival = { column: arrival.value, kind: arrivalKind.value };
    if (title.value.trim()) m.election = { name: title.value.trim() };
    return m;
  };

  /** Required roles left empty, worded in the page's language (the server is asked only once they are chosen). */
  const missingRoles = (): UiKey[] => {
    const missing: UiKey[] = [];
    if (!station.value) missing.push('roleStation');
    if (!registered.value) missing.push('roleRegistered');
    if (!ballotsCast.value) missing.push('roleBallotsCast');
    if (!valid.value) missing.push('roleValid');
    if (chosenCandidates().length === 0) missing.push('roleCandidates');
    return missing;
  };

  let checkTimer: ReturnType<typeof setTimeout> | undefined;
  let checkNo = 0;
  const showProblems = (lines: string[]) => {
    problemsBox.replaceChildren(
      lines.length === 0
        ? tr('mappingOk', 'p', { className: 'ok' })
        : h(
            'div',
            { className: 'error' },
            tr('mappingProblems', 'strong'),
            h('ul', {}, ...lines.map((line) => h('li', {}, line))),
          ),
    );
  };
  const check = async () => {
    const missing = missingRoles();
    if (missing.length > 0) return showProblems(missing.map((k) => tf('problemRequired', { role: t(k) })));
    const mine = ++checkNo;
    try {
      const { problems } = await api<{ problems: ServerProblem[] }>('/mapping/check', {
        method: 'POST',
        json: { ...source, mapping: mapping() },
      });
      if (mine === checkNo) showProblems(problems.map(problemText));
    } catch (e) {
      if (mine === checkNo) showProblems([e instanceof Error ? e.message : String(e)]);
    }
  };
  const changed = () => {
    renderPreview();
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => void check(), 250);
  };
  const renderPreview = () => {
    const cols: { label: string; value: (row: Record<string, string | null>) => string }[] = [];
    const cell = (c: string) => (row: Record<string, string | null>) => row[c] ?? '';
    const sum = (cs: string[]) => (row: Record<string, string | null>) =>
      String(cs.reduce((acc, c) => acc + (Number(row[c]) || 0), 0));
    if (station.value) cols.push({ label: t('roleStation'), value: cell(station.value) });
    for (const r of regions) if (r.value) cols.push({ label: r.value, value: cell(r.value) });
    if (registered.value) cols.push({ label: t('roleRegistered'), value: cell(registered.value) });
    const cands = chosenCandidates();
    const validValue = valid.value === '=candidates' ? sum(cands) : valid.value ? cell(valid.value) : undefined;
    if (validValue) cols.push({ label: t('roleValid'), value: validValue });
    if (ballotsCast.value && validValue) {
      const found = (row: Record<string, string | null>) =>
        String((Number(validValue(row)) || 0) + (invalid.value ? Number(row[invalid.value]) || 0 : 0));
      cols.push({
        label: t('roleBallotsCast'),
        value: ballotsCast.value === '=ballotsFound' ? found : cell(ballotsCast.value),
      });
    }
    for (const c of cands) cols.push({ label: c, value: cell(c) });
    if (cols.length === 0) return previewBox.replaceChildren();
    const rows = preview.rows.slice(0, 5).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
    previewBox.replaceChildren(
      tr('mappedPreview', 'h4'),
      h(
        'div',
        { style: 'overflow-x:auto' },
        h(
          'table',
          {},
          h('tr', {}, ...cols.map((c) => h('th', {}, c.label))),
          ...rows.map((row) => h('tr', {}, ...cols.map((c) => h('td', {}, c.value(row))))),
        ),
      ),
    );
  };

  const role = (key: UiKey, ...controls: HTMLElement[]) => h('label', { className: 'role' }, tr(key), ' ', ...controls);
  const el = h(
    'div',
    { id: 'mapping-editor' },
    tr('mappingTitle', 'h3'),
    tr('mappingHelp', 'p', { className: 'muted' }),
    h(
      'div',
      { className: 'roles' },
      role('electionTitle', title),
      role('roleStation', station),
      role('roleStation2', station2),
      ...regions.map((r, i) => h('label', { className: 'role' }, tr('roleRegion'), ` ${i + 1} `, r)),
      role('roleRegistered', registered),
      role('roleBallotsCast', ballotsCast),
      role('roleValid', valid),
      role('roleInvalid', invalid),
      role('shareOf', shareOf),
      role('roleArrival', arrival),
      role('arrivalKind', arrivalKind),
    ),
    h('div', {}, tr('roleCandidates', 'strong'), candidates),
    previewBox,
    problemsBox,
  );
  // Problems are worded when checked: a language switch words them again.
  const onLang = () => (el.isConnected ? void check() : document.removeEventListener('tally:lang', onLang));
  document.addEventListener('tally:lang', onLang);
  void check();
  return { el, mapping };

  function problemText(p: ServerProblem): string {
    const roleName = p.field && FIELD_ROLE[p.field] ? t(FIELD_ROLE[p.field]) : (p.field ?? '');
    if (p.rule === 'missing_column') return tf('problemMissing', { column: p.column ?? '', role: roleName });
    if (p.rule === 'shared_column') return tf('problemShared', { column: p.column ?? '', role: roleName });
    return p.message;
  }
}
