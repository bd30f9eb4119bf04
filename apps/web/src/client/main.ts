/** The browser app: start page, dataset view, audit view; the language switches without a reload. */
import { isLang } from '@tally/report';
import { api, applyLanguage, h, state } from './dom.ts';
import { auditView } from './view_audit.ts';
import { datasetView } from './view_dataset.ts';
import { type DatasetInfo, homeView, type Meta } from './view_home.ts';

const app = document.getElementById('app') as HTMLElement;
const langSelect = document.getElementById('lang') as HTMLSelectElement;
let render: () => void = () => {};

function show(view: () => HTMLElement | Promise<HTMLElement>): void {
  render = () => {
    void Promise.resolve(view()).then(
      (el) => {
        app.replaceChildren(el);
        applyLanguage();
      },
      (e) => app.replaceChildren(h('p', { className: 'error' }, String(e instanceof Error ? e.message : e))),
    );
  };
  render();
}

async function start(): Promise<void> {
  const stored = localStorage.getItem('tally.lang') ?? navigator.language.slice(0, 2);
  state.lang = isLang(stored) ? stored : 'en';
  langSelect.value = state.lang;
  langSelect.addEventListener('change', () => {
    state.lang = isLang(langSelect.value) ? langSelect.value : 'en';
    localStorage.setItem('tally.lang', state.lang);
    applyLanguage();
    // Plots and formatted numbers are re-drawn in the new language; no page reload.
    document.dispatchEvent(new CustomEvent('tally:lang'));
  });
  const meta = await api<Meta>('/meta');
  const home = () => show(() => homeView(meta, { openDataset, openAudit }));
  const openDataset = (info: DatasetInfo) => show(() => datasetView(meta, info, home));
  const openAudit = (example: string) => show(() => auditView(example, home));
  home();
  applyLanguage();
}

void start();
