/** The start page: bundled examples (one click to explore or audit) and loading one's own file. */
import { api, h, state, t, tr } from './dom.ts';
import { exampleText } from './example_messages.ts';
import type { DatasetInfo, HomeActions, Meta } from './home_types.ts';
import { loadOwnSection } from './load_own.ts';
import type { UiKey } from './messages.ts';

export type { DatasetInfo, HomeActions, Meta } from './home_types.ts';

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
      h('h3', { className: 'example-name' }, exampleText(ex, state.lang).name),
      h('p', { className: 'example-description' }, exampleText(ex, state.lang).description),
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
  // Card buttons carry their key for language switches; the example texts follow the language too.
  const retitle = () => {
    for (const [i, card] of cards.entries()) {
      if (!card.isConnected) return document.removeEventListener('tally:lang', retitle);
      const text = exampleText(meta.examples[i], state.lang);
      (card.querySelector('.example-name') as HTMLElement).textContent = text.name;
      (card.querySelector('.example-description') as HTMLElement).textContent = text.description;
    }
  };
  document.addEventListener('tally:lang', retitle);
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
