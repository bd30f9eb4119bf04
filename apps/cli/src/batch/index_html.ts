/**
 * index.html of a merged batch: one row per job, in batch order, linking the job's own files. Self-contained (no
 * script, no network), every text from the data escaped, nothing that varies between runs.
 */
import {
  escapeHtml,
  hasMessage,
  type Lang,
  type LocalisedText,
  type MessageKey,
  renderMessage,
  tableHtml,
  translate,
  verdictLabel,
} from '@tally/report';
import type { BatchIndex, IndexEntry } from './batch_index.ts';

const count = (value: number) => ({ kind: 'count' as const, value });

/** The text in `lang` when the message is one of the catalogue's, else the English text the report carried. */
function localised(t: LocalisedText, lang: Lang): string {
  if (!t.message || !hasMessage(t.message.key)) return t.text;
  try {
    return renderMessage(t.message, lang);
  } catch {
    return t.text;
  }
}

function resultCell(e: IndexEntry, lang: Lang): string {
  if (e.status !== 'ok') {
    const details = (e.error?.details ?? []).map((d) => `<br><code>${escapeHtml(d)}</code>`).join('');
    return `<span class="failed">${escapeHtml(e.error?.message ?? '')}</span>${details}`;
  }
  if (e.run) {
    const { results, tests, adjustedBelow005 } = e.run;
    return escapeHtml(
      translate(lang, 'batch.run_counts', {
        results: count(results),
        tests: count(tests),
        below: count(adjustedBelow005),
      }),
    );
  }
  const parts: string[] = [];
  if (e.summary) {
    const s = e.summary;
    const text = translate(lang, 'batch.audit_counts', {
      findings: count(s.findings),
      consistent: count(s.consistent_with_allegation),
      notSupported: count(s.not_supported),
      inconclusive: count(s.inconclusive),
    });
    parts.push(escapeHtml(text));
  }
  for (const a of e.bottomLine) {
    const verdict = verdictLabel(a.verdict, lang);
    parts.push(
      `<b>${escapeHtml(localised(a.question, lang))}</b> <span class="verdict">${escapeHtml(verdict)}</span>: ${escapeHtml(localised(a.answer, lang))}`,
    );
  }
  return parts.join('<br>');
}

function filesCell(e: IndexEntry): string {
  // Job ids are letters, digits, - and _; file names come from a fixed list: the links stay inside the folder.
  return e.files.map((f) => `<a href="${escapeHtml(f)}">${escapeHtml(f.slice(e.id.length + 1))}</a>`).join(' ');
}

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse}' +
  'th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}.failed{color:#a00}' +
  '.verdict{font-style:italic}';

/** The page, in `lang`. */
export function renderBatchIndexHtml(index: BatchIndex, lang: Lang): string {
  const t = (key: MessageKey, params = {}) => translate(lang, key, params);
  const header = (['col_job', 'col_kind', 'col_source', 'col_status', 'col_result', 'col_files'] as const).map((k) =>
    t(`batch.${k}`),
  );
  const rows = index.jobs.map((e) => [
    escapeHtml(e.id),
    escapeHtml(t(e.kind === 'audit' ? 'batch.kind_audit' : 'batch.kind_run')),
    `<code>${escapeHtml(e.source)}</code>`,
    escapeHtml(e.status === 'ok' ? t('batch.status_ok') : t('batch.status_failed', { code: String(e.exitCode) })),
    resultCell(e, lang),
    filesCell(e),
  ]);
  const title = t('batch.title', { jobs: count(index.jobs.length) });
  const counts = t('batch.counts', { ok: count(index.counts.ok), failed: count(index.counts.failed) });
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(counts)}. ${escapeHtml(t('batch.note'))}</p>
<p><a href="findings.csv">${escapeHtml(t('batch.findings_link'))}</a></p>
${tableHtml(header, rows)}
</body>
</html>
`;
}
