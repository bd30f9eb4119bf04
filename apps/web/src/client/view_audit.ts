/** The audit view: the allegation (editable), one button, the verdicts, the replay table and the full report. */
import type { Report } from '@tally/report';
import { api, h, progressBar, state, t, tokenParam, tr, waitForJob } from './dom.ts';
import { findingsSection } from './findings.ts';
import { replaysSection } from './replays.ts';

/** Renders the audit view for a bundled example. */
export async function auditView(example: string, back: () => void): Promise<HTMLElement> {
  const { text } = await api<{ text: string }>(`/examples/${encodeURIComponent(example)}/allegation`);
  const editor = h('textarea', { id: 'allegation', spellcheck: 'false' }) as HTMLTextAreaElement;
  editor.value = text;
  const out = h('div', { id: 'audit-output' });
  const runButton = h('button', { id: 'run-audit', 'data-i18n': 'runAudit' }, t('runAudit')) as HTMLButtonElement;
  runButton.addEventListener('click', async () => {
    const bar = progressBar();
    out.replaceChildren(bar.el);
    runButton.disabled = true;
    try {
      const edited = editor.value === text ? undefined : editor.value;
      const { jobId } = await api<{ jobId: string }>('/jobs/audit', {
        method: 'POST',
        json: { example, allegation: edited, lang: state.lang },
      });
      const job = await waitForJob<{ report: Report; downloads: string[] }>(jobId, bar.set);
      if (job.status !== 'done' || !job.result) {
        out.replaceChildren(h('p', { className: 'error' }, `${t('failed')}: ${job.error ?? job.status}`));
        return;
      }
      const frame = h('iframe', {
        className: 'report',
        id: 'report-frame',
        title: t('reportTitle'),
      }) as HTMLIFrameElement;
      const setFrame = () => {
        frame.src = `/api/jobs/${jobId}/report.html?${tokenParam()}&lang=${state.lang}&view=1`;
      };
      setFrame();
      document.addEventListener('tally:lang', setFrame);
      out.replaceChildren(
        findingsSection(job.result.report, [], `/api/jobs/${jobId}`, tokenParam(), job.result.downloads),
        replaysSection(job.result.report),
        tr('reportTitle', 'h2'),
        frame,
      );
    } catch (e) {
      out.replaceChildren(h('p', { className: 'error' }, String(e instanceof Error ? e.message : e)));
    } finally {
      runButton.disabled = false;
    }
  });
  return h(
    'div',
    { id: 'audit-view' },
    h('button', { className: 'secondary', onclick: back, 'data-i18n': 'back' }, t('back')),
    h('section', {}, tr('auditTitle', 'h2'), tr('allegationHelp', 'p', { className: 'muted' }), editor, runButton, out),
  );
}
