/** DOM and API helpers for the UI. */
import type { Lang } from '@tally/report';
import { UI_MESSAGES, type UiKey } from './messages.ts';

/** Current language (changed by the switch without reloading). */
export const state: { lang: Lang } = { lang: 'en' };

/** Interface text in the current language. */
export function t(key: UiKey): string {
  return UI_MESSAGES[state.lang][key];
}

type Child = Node | string | number | null | undefined | false;

/** Interface text with {name} placeholders filled in. */
export function tf(key: UiKey, params: Record<string, string>): string {
  return t(key).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Creates an element with attributes, event handlers (on*) and children. */
export function h(tag: string, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'className') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Interface text as an element that follows language changes (data-i18n). */
export function tr(key: UiKey, tag = 'span', attrs: Record<string, unknown> = {}): HTMLElement {
  return h(tag, { ...attrs, 'data-i18n': key }, t(key));
}

/** Re-applies the catalogue to every data-i18n element. */
export function applyLanguage(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as UiKey);
  });
  document.documentElement.lang = state.lang;
}

const token = document.querySelector<HTMLMetaElement>('meta[name="tally-token"]')?.content ?? '';

/** The token, for requests made without api() (uploads with progress). */
export function apiToken(): string {
  return token;
}

/** The token, for URLs that open in frames or downloads. */
export function tokenParam(): string {
  return `token=${encodeURIComponent(token)}`;
}

/** Calls the API; throws an Error with the server's message on failure. */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { 'x-tally-token': token };
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(`/api${path}`, { ...init, headers: { ...headers, ...(init.headers as object) }, body });
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(data.error ?? `HTTP ${res.status}`);
  return data as T;
}

/** Formats a number for the current language. */
export function num(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString(state.lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Polls a job until it ends, reporting progress. */
export async function waitForJob<T>(
  jobId: string,
  onProgress: (done: number, total: number, label: string) => void,
): Promise<{ status: string; error?: string; result?: T }> {
  for (;;) {
    const job = await api<{
      status: string;
      error?: string;
      result?: T;
      progress: { done: number; total: number; label: string };
    }>(`/jobs/${jobId}`);
    onProgress(job.progress.done, job.progress.total, job.progress.label);
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A progress bar with a cancel button bound to a job. */
export function progressBar(): { el: HTMLElement; set: (done: number, total: number, label: string) => void } {
  const fill = h('div');
  const label = h('span', { className: 'muted' });
  const el = h('div', {}, h('div', { className: 'progress' }, fill), label);
  return {
    el,
    set(done, total, text) {
      fill.style.width = `${total > 0 ? Math.round((100 * done) / total) : 0}%`;
      label.textContent = `${t('running')}: ${text}`;
    },
  };
}
