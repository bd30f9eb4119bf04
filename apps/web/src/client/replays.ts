/** The replay table of an audit, "The dispute, replayed", in the interface language; redrawn when it changes. */
import { type MessageKey, type Report, replayRows, translate } from '@tally/report';
import { h, state } from './dom.ts';

const COLUMNS: readonly MessageKey[] = [
  'replays.col.replay',
  'replays.col.published',
  'replays.col.reproduced',
  'replays.col.difference',
];

/** The replays section (an empty span when the report has none). */
export function replaysSection(report: Report): HTMLElement {
  if (report.replays.length === 0) return h('span');
  const container = h('section', { id: 'replays-table' });
  const draw = () => {
    const t = (key: MessageKey) => translate(state.lang, key);
    container.replaceChildren(
      h('h2', {}, t('replays.heading')),
      h('p', { className: 'muted' }, t('replays.intro')),
      h(
        'table',
        {},
        h('tr', {}, ...COLUMNS.map((k) => h('th', {}, t(k)))),
        ...replayRows(report, state.lang).map((r) =>
          h(
            'tr',
            { 'data-replay': r.id },
            h('td', {}, r.cells[0]),
            ...r.cells.slice(1).map((c) => h('td', { className: 'num' }, c)),
          ),
        ),
      ),
    );
  };
  const onLang = () => (container.isConnected ? draw() : document.removeEventListener('tally:lang', onLang));
  document.addEventListener('tally:lang', onLang);
  draw();
  return container;
}
